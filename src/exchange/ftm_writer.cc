// FtM NDJSON as Aleph reads it. FtM has no Phone schema: a Phone's number becomes the "phone"
// property of its owner, and a Call between Phones names the owners as caller/receiver (when
// known) and the numbers as callerNumber/receiverNumber. SocialAccount is FtM's UserAccount.
// Schemata FtM lacks (Device, Email, Location, IdentityDocument, Meeting, Travel,
// Recruitment, Exploitation, SameAs) are left out and counted, and so are relations with an
// end left out. Ids are Tafkik's entity ids.
#include <set>
#include <unordered_set>

#include "core/json.h"
#include "exchange/internal/writers.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

const std::set<std::string>& FtmSchemata() {
  static const std::set<std::string> names = {
      "Person", "Organization", "Company", "LegalEntity", "BankAccount", "Address", "Vehicle",
      "Vessel", "Event", "UserAccount", "Call", "Message", "Payment", "Ownership", "Family",
      "Associate", "Membership", "Employment", "UnknownLink"};
  return names;
}

std::string FtmSchemaName(const std::string& schema) {
  return schema == "SocialAccount" ? "UserAccount" : schema;
}

Json PropertiesJson(const model::PropertyMap& properties) {
  Json out = Json::object();
  for (const auto& [name, values] : properties) {
    Json array = Json::array();
    for (const model::Value& value : values) array.push_back(value.value);
    out[name] = std::move(array);
  }
  return out;
}

void WriteLine(std::ostream& out, const std::string& id, const std::string& schema,
               Json properties) {
  Json line = {{"id", id}, {"schema", schema}, {"properties", std::move(properties)}};
  out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

Status WriteFtm(ExportSource& source, std::ostream& out, ExportSummary& summary) {
  const Scan& scan = source.scan();
  std::unordered_set<std::string> left_out;
  TAFKIK_RETURN_IF_ERROR(source.ForEachEntity([&](const model::Entity& entity) {
    std::string schema = FtmSchemaName(entity.schema);
    if (!FtmSchemata().contains(schema)) {
      left_out.insert(entity.id.value());
      if (entity.schema != "Phone") ++summary.skipped_by_schema[entity.schema];
      return Status::Ok();
    }
    Json properties = PropertiesJson(entity.properties);
    auto phones = scan.phones_of_owner.find(entity.id.value());
    if (phones != scan.phones_of_owner.end()) {
      for (const std::string& number : phones->second) {
        Json& array = properties["phone"];
        if (std::find(array.begin(), array.end(), number) == array.end()) array.push_back(number);
      }
    }
    WriteLine(out, entity.id.value(), schema, std::move(properties));
    ++summary.entities_by_schema[schema];
    return Status::Ok();
  }));
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  return source.ForEachRelation([&](const model::Relation& relation) {
    Result<const model::Schema*> schema = registry.Find(relation.schema);
    if (!schema.ok() || !FtmSchemata().contains(relation.schema)) {
      ++summary.skipped_by_schema[relation.schema];
      return Status::Ok();
    }
    Json properties = PropertiesJson(relation.properties);
    bool dropped = false;
    auto add_end = [&](const EntityId& end, const std::string& property,
                       const char* number_property) {
      auto phone = scan.phones.find(end.value());
      if (phone != scan.phones.end() && relation.schema == "Call") {
        if (!phone->second.first.empty()) properties[number_property] = {phone->second.first};
        if (!phone->second.second.empty()) properties[property] = {phone->second.second};
        return;
      }
      if (left_out.contains(end.value())) dropped = true;
      properties[property] = {end.value()};
    };
    add_end(relation.source, (*schema)->source_property, "callerNumber");
    add_end(relation.target, (*schema)->target_property, "receiverNumber");
    if (dropped) {
      ++summary.skipped_by_schema[relation.schema];
      return Status::Ok();
    }
    if (relation.start) properties["startDate"] = {DateText(*relation.start)};
    if (relation.end) properties["endDate"] = {DateText(*relation.end)};
    WriteLine(out, relation.id.value(), relation.schema, std::move(properties));
    ++summary.relations_by_schema[relation.schema];
    return Status::Ok();
  });
}

}  // namespace tafkik::exchange::internal
