#include "model/entity.h"

#include <utility>

namespace tafkik::model {
namespace {

void AddTo(PropertyMap& properties, const std::string& property, std::string value,
           const Provenance& provenance) {
  properties[property].push_back(Value{std::move(value), provenance});
}

std::string FirstOf(const PropertyMap& properties, const std::string& property) {
  auto it = properties.find(property);
  if (it == properties.end() || it->second.empty()) return "";
  return it->second.front().value;
}

}  // namespace

void Entity::Add(const std::string& property, std::string value, const Provenance& provenance) {
  AddTo(properties, property, std::move(value), provenance);
}

std::string Entity::First(const std::string& property) const {
  return FirstOf(properties, property);
}

std::vector<std::string> Entity::All(const std::string& property) const {
  std::vector<std::string> values;
  auto it = properties.find(property);
  if (it == properties.end()) return values;
  values.reserve(it->second.size());
  for (const Value& value : it->second) values.push_back(value.value);
  return values;
}

void Relation::Add(const std::string& property, std::string value, const Provenance& provenance) {
  AddTo(properties, property, std::move(value), provenance);
}

std::string Relation::First(const std::string& property) const {
  return FirstOf(properties, property);
}

}  // namespace tafkik::model
