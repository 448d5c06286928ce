#include "exchange/internal/network_builder.h"

#include <cmath>
#include <cstdio>

#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

const model::SchemaRegistry& Registry() { return model::SchemaRegistry::Default(); }

// Person < Organization/Event: a later, more specific declaration wins.
int Specificity(const std::string& schema) { return schema == "Person" ? 0 : 1; }

}  // namespace

bool AddOrNote(const std::string& schema, model::PropertyMap& properties,
               const std::string& property, const std::string& value,
               const model::Provenance& provenance) {
  if (value.empty()) return true;
  if (Registry().ValidateValue(schema, property, value).ok()) {
    std::vector<model::Value>& values = properties[property];
    for (const model::Value& existing : values) {
      if (existing.value == value) return true;
    }
    values.push_back({value, provenance});
    return true;
  }
  properties["notes"].push_back({property + "=" + value, provenance});
  return false;
}

std::string FormatNumber(double number) {
  if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<int64_t>(number));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", number);
  // The shortest form that reads back the same.
  for (int precision = 1; precision <= 17; ++precision) {
    char shorter[64];
    std::snprintf(shorter, sizeof shorter, "%.*g", precision, number);
    if (std::strtod(shorter, nullptr) == number) return shorter;
  }
  return buffer;
}

const model::Provenance& NetworkBuilder::ProvenanceAt(int64_t row) const {
  row_provenance_ = provenance_;
  row_provenance_.row = row;
  return row_provenance_;
}

model::Entity& NetworkBuilder::Node(const std::string& file_id, const std::string& schema,
                                    int64_t row) {
  auto [it, inserted] = nodes_.try_emplace(file_id);
  model::Entity& entity = it->second;
  if (inserted) {
    entity.id = MakeEntityId(provenance_.dataset, {"node", file_id});
    entity.schema = schema;
    entity.Add("name", file_id, ProvenanceAt(row));  // until Label gives a better one
    order_.push_back(file_id);
    rows_[file_id] = row;
  } else if (Specificity(schema) > Specificity(entity.schema)) {
    entity.schema = schema;
  }
  return entity;
}

void NetworkBuilder::Label(const std::string& file_id, const std::string& label, int64_t row) {
  if (label.empty()) return;
  nodes_.at(file_id).properties["name"] = {{label, ProvenanceAt(row)}};
}

EntityId NetworkBuilder::IdOf(const std::string& file_id) const {
  return nodes_.at(file_id).id;
}

const std::string& NetworkBuilder::SchemaOf(const std::string& file_id) const {
  return nodes_.at(file_id).schema;
}

Status NetworkBuilder::Flush() {
  for (const std::string& file_id : order_) {
    model::Entity& entity = nodes_.at(file_id);
    // Properties a Person had that an Organization lacks (after an upgrade) go to notes.
    model::PropertyMap kept;
    for (auto& [property, values] : entity.properties) {
      for (model::Value& value : values) {
        AddOrNote(entity.schema, kept, property, value.value, value.provenance);
      }
    }
    entity.properties = std::move(kept);
    Status valid = Registry().Validate(entity);
    if (!valid.ok()) {
      // Its edges then refer to a node that is not there: they are rejected by HasNode.
      sink_.OnReject({rows_.at(file_id), "", file_id, valid.message()});
      rejected_.insert(file_id);
      continue;
    }
    TAFKIK_RETURN_IF_ERROR(sink_.OnEntity(entity));
  }
  return Status::Ok();
}

Status NetworkBuilder::Edge(const std::string& source, const std::string& target,
                            const std::string& schema, const std::string& key, int64_t row,
                            const std::map<std::string, std::string>& props,
                            std::optional<Timestamp> start, std::optional<Timestamp> end) {
  model::Relation relation;
  relation.id = MakeEntityId(provenance_.dataset, {"edge", source, target, key});
  relation.schema = schema;
  relation.source = IdOf(source);
  relation.target = IdOf(target);
  relation.start = start;
  relation.end = end;
  if (start && end && *end < *start) relation.end.reset();
  if (!start && end) relation.start = end;
  const model::Provenance& provenance = ProvenanceAt(row);
  for (const auto& [property, value] : props) {
    AddOrNote(schema, relation.properties, property, value, provenance);
  }
  Status valid = Registry().Validate(relation);
  if (!valid.ok()) {
    sink_.OnReject({row, "", key, valid.message()});
    return Status::Ok();
  }
  ++edges_;
  return sink_.OnRelation(relation);
}

}  // namespace tafkik::exchange::internal
