#include <fstream>
#include <vector>

#include "core/json.h"
#include "core/time.h"
#include "exchange/internal/csv_records.h"
#include "exchange/internal/ftm_lines.h"
#include "exchange/internal/readers.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

const model::SchemaRegistry& Registry() { return model::SchemaRegistry::Default(); }

// FtM dates may be partial ("2021", "2021-03"); an interval needs an instant, so a partial
// date is read as its first day.
Result<Timestamp> ParseFtmDate(std::string text) {
  if (text.size() == 4) text += "-01";
  if (text.size() == 7) text += "-01";
  return ParseTimestamp(text);
}

std::vector<std::string> Strings(const Json& properties, const std::string& name) {
  std::vector<std::string> out;
  if (!properties.contains(name)) return out;
  const Json& values = properties[name];
  if (values.is_string()) {
    if (!values.get<std::string>().empty()) out.push_back(values.get<std::string>());
    return out;
  }
  if (!values.is_array()) return out;
  for (const Json& value : values) {
    if (value.is_string() && !value.get<std::string>().empty()) {
      out.push_back(value.get<std::string>());
    }
    if (value.is_object() && value.contains("id") && value["id"].is_string()) {
      out.push_back(value["id"].get<std::string>());  // a nested entity: keep the reference
    }
  }
  return out;
}

}  // namespace

EntityId FtmLineReader::MapId(const std::string& ftm_id) const {
  if (IsValidEntityId(ftm_id)) return EntityId(ftm_id);
  return MakeEntityId(provenance_.dataset, {ftm_id});
}

Status FtmLineReader::Line(std::string_view line, int64_t row, int pass) {
  if (Trim(std::string(line)).empty()) return Status::Ok();
  Result<Json> parsed = ParseJson(line);
  if (!parsed.ok() || !parsed->is_object()) {
    if (pass == 1) sink_.OnReject({row, "", Truncate(std::string(line)), "not a JSON object"});
    return Status::Ok();
  }
  const Json& object = *parsed;
  if (!object.contains("id") || !object["id"].is_string() || !object.contains("schema") ||
      !object["schema"].is_string()) {
    if (pass == 1) sink_.OnReject({row, "id", "", "FtM entity without an id or a schema"});
    return Status::Ok();
  }
  std::string id = object["id"].get<std::string>();
  if (id.empty()) {
    if (pass == 1) sink_.OnReject({row, "id", "", "FtM entity with an empty id"});
    return Status::Ok();
  }
  std::string schema_name = object["schema"].get<std::string>();
  Result<const model::Schema*> schema = Registry().Find(schema_name);
  if (!schema.ok() || (*schema)->abstract) {
    if (pass == 1) {
      sink_.OnReject({row, "schema", Truncate(schema_name), "a schema Tafkik does not have"});
    }
    return Status::Ok();
  }
  if ((*schema)->is_relation != (pass == 2)) return Status::Ok();
  Json properties = object.contains("properties") && object["properties"].is_object()
                        ? object["properties"]
                        : Json::object();
  model::Provenance provenance = provenance_;
  provenance.row = row;
  model::PropertyMap values;
  const model::Schema& s = **schema;
  for (const auto& [name, ignored] : properties.items()) {
    if (s.is_relation && (name == s.source_property || name == s.target_property ||
                          name == "startDate" || name == "endDate")) {
      continue;
    }
    if (!s.properties.contains(name)) {
      sink_.OnReject({row, name, "", schema_name + " has no property " + name + " in Tafkik"});
      continue;
    }
    const model::Property& property = s.properties.at(name);
    for (std::string value : Strings(properties, name)) {
      if (property.type == model::PropertyType::kEntity) value = MapId(value).value();
      Status valid = Registry().ValidateValue(schema_name, name, value);
      if (!valid.ok()) {
        sink_.OnReject({row, name, Truncate(value), valid.message()});
        continue;
      }
      values[name].push_back({value, provenance});
    }
  }
  if (pass == 1) {
    model::Entity entity{MapId(id), schema_name, std::move(values)};
    // Rules over the whole record (an amount needs a currency) hold only here.
    Status valid = Registry().Validate(entity);
    if (!valid.ok()) {
      sink_.OnReject({row, "", Truncate(std::string(line)), valid.message()});
      return Status::Ok();
    }
    known_ids_.insert(entity.id.value());
    ++entities_;
    return sink_.OnEntity(entity);
  }
  model::Relation relation;
  relation.schema = schema_name;
  relation.properties = std::move(values);
  for (const char* bound : {"startDate", "endDate"}) {
    std::vector<std::string> dates = Strings(properties, bound);
    if (dates.empty()) continue;
    Result<Timestamp> parsed_date = ParseFtmDate(dates.front());
    if (!parsed_date.ok()) {
      sink_.OnReject({row, bound, Truncate(dates.front()), parsed_date.status().message()});
      continue;
    }
    (std::string_view(bound) == "startDate" ? relation.start : relation.end) = *parsed_date;
  }
  if (relation.start && relation.end && *relation.end < *relation.start) relation.end.reset();
  if (!relation.start && relation.end) relation.start = relation.end;
  std::vector<std::string> sources = Strings(properties, s.source_property);
  std::vector<std::string> targets = Strings(properties, s.target_property);
  if (sources.empty() || targets.empty()) {
    sink_.OnReject({row, sources.empty() ? s.source_property : s.target_property, "",
                    schema_name + " without both ends: Tafkik keeps it only as a link"});
    return Status::Ok();
  }
  bool first = true;
  for (const std::string& source : sources) {
    for (const std::string& target : targets) {
      relation.source = MapId(source);
      relation.target = MapId(target);
      bool dangling = false;
      for (const EntityId& end : {relation.source, relation.target}) {
        if (known_ids_.contains(end.value())) continue;
        sink_.OnReject({row, end == relation.source ? s.source_property : s.target_property,
                        end.value(), "refers to an entity that is not in the file"});
        dangling = true;
        break;
      }
      if (dangling) continue;
      // One FtM interval with several recipients is several edges; the first keeps the id.
      relation.id = first ? MapId(id) : MakeEntityId(provenance_.dataset, {id, source, target});
      first = false;
      Status valid = Registry().Validate(relation);
      if (!valid.ok()) {
        sink_.OnReject({row, "", Truncate(std::string(line)), valid.message()});
        continue;
      }
      ++relations_;
      TAFKIK_RETURN_IF_ERROR(sink_.OnRelation(relation));
    }
  }
  return Status::Ok();
}

Status ReadFtmNdjson(const std::string& path, const model::Provenance& provenance,
                     model::RecordSink& sink) {
  FtmLineReader reader(provenance, sink);
  for (int pass = 1; pass <= 2; ++pass) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFoundError("cannot open FtM file " + path);
    std::string line;
    for (int64_t row = 1; std::getline(in, line); ++row) {
      TAFKIK_RETURN_IF_ERROR(reader.Line(line, row, pass));
    }
  }
  return Status::Ok();
}

}  // namespace tafkik::exchange::internal
