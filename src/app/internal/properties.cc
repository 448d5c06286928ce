#include "app/internal/properties.h"

#include <random>

#include "core/hash.h"
#include "core/json.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/time.h"

namespace tafkik::app::internal {

Result<std::optional<Timestamp>> OptionalTime(const std::string& field, const std::string& text) {
  if (text.empty()) return std::optional<Timestamp>();
  Result<Timestamp> parsed = ParseTimestamp(text);
  if (!parsed.ok()) return parsed.status().WithContext(field);
  return std::optional<Timestamp>(*parsed);
}
namespace {

std::string PropertyNames(const model::Schema& schema) {
  std::vector<std::string> names;
  for (const auto& [name, property] : schema.properties) names.push_back(name);
  return Join(names, ", ");
}

std::string SchemaNames(bool relation) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  std::vector<std::string> names;
  for (const std::string& name : registry.SchemaNames()) {
    Result<const model::Schema*> schema = registry.Find(name);
    if (schema.ok() && !(*schema)->abstract && (*schema)->is_relation == relation) {
      names.push_back(name);
    }
  }
  return Join(names, ", ");
}

std::string RandomHex128() {
  std::random_device device;
  std::string bytes;
  for (int word_idx = 0; word_idx < 4; ++word_idx) {
    uint32_t word = device();
    bytes.append(reinterpret_cast<const char*>(&word), sizeof(word));
  }
  return ToHex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

Result<std::pair<std::string, std::string>> ParseAssignment(std::string_view text) {
  size_t equals = text.find('=');
  if (equals == std::string_view::npos || Trim(text.substr(0, equals)).empty()) {
    return InvalidArgumentError("'" + std::string(text) +
                                "' is not a property assignment of the form name=value");
  }
  return std::pair{std::string(Trim(text.substr(0, equals))), std::string(text.substr(equals + 1))};
}

Result<const model::Schema*> FindSchema(std::string_view name, bool relation) {
  Result<const model::Schema*> schema = model::SchemaRegistry::Default().Find(name);
  if (!schema.ok() || (*schema)->abstract || (*schema)->is_relation != relation) {
    return InvalidArgumentError("'" + std::string(name) + "' is not " +
                                (relation ? "a relation" : "an entity") +
                                " schema; use one of: " + SchemaNames(relation));
  }
  return schema;
}

std::string NormalizeValue(const model::Property& property, std::string_view value,
                           std::string_view phone_region) {
  std::string trimmed(Trim(value));
  switch (property.type) {
    case model::PropertyType::kCountry:
      return AsciiLower(trimmed);
    case model::PropertyType::kCurrency:
      return AsciiUpper(trimmed);
    case model::PropertyType::kPhone: {
      // Without a region a national number is ambiguous: it is left for validation to
      // reject with its message rather than guessed.
      Result<std::string> e164 = NormalizePhone(trimmed, phone_region);
      return e164.ok() ? *e164 : trimmed;
    }
    default:
      return trimmed;
  }
}

Status AddAssignments(const model::Schema& schema, const std::vector<std::string>& assignments,
                      std::string_view phone_region, const model::Provenance& provenance,
                      model::PropertyMap& properties) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  for (const std::string& text : assignments) {
    TAFKIK_ASSIGN_OR_RETURN(auto assignment, ParseAssignment(text));
    auto property = schema.properties.find(assignment.first);
    if (property == schema.properties.end()) {
      return InvalidArgumentError(schema.name + " has no property '" + assignment.first +
                                  "'; its properties are: " + PropertyNames(schema));
    }
    std::string value = NormalizeValue(property->second, assignment.second, phone_region);
    TAFKIK_RETURN_IF_ERROR(registry.ValidateValue(schema.name, assignment.first, value));
    properties[assignment.first].push_back({std::move(value), provenance});
  }
  return Status::Ok();
}

model::Provenance ManualProvenance(const store::Actor& actor) {
  model::Provenance provenance;
  provenance.dataset = "manual";
  provenance.user = actor.name;
  return provenance;
}

Result<EntityId> ManualId(std::string_view requested, const store::Actor& actor) {
  if (!requested.empty()) {
    if (!IsValidEntityId(requested)) {
      return InvalidArgumentError("id '" + std::string(requested) +
                                  "' is not valid: use 1 to 64 of [a-z0-9._-], starting "
                                  "with a letter or digit");
    }
    return EntityId(std::string(requested));
  }
  std::string micros = std::to_string(Timestamp::Now().micros());
  return MakeEntityId("manual", {actor.name, micros, RandomHex128()});
}

Json WriteDetails(const std::string& schema, const model::PropertyMap& properties) {
  Json names = Json::array();
  Json counts = Json::object();
  for (const auto& [name, list] : properties) {
    names.push_back(name);
    counts[name] = list.size();
  }
  return Json{{"schema", schema}, {"properties", names}, {"value_counts", counts}};
}

}  // namespace tafkik::app::internal
