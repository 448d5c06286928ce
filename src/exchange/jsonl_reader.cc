// Network files as JSON lines (the ROXANNE collection): '#' comment lines, then one object per
// line, {"type":"node","id":..,"properties":{..}} or {"type":"edge","source":..,"target":..,
// "properties":{..}}; and the same networks as one networkx node-link document
// ({"directed":..,"nodes":[..],"links":[..]}, the Israel burglary files).
// Node schema from properties.type: person/player/speaker/offender/SMS_sender -> Person,
// group/firm/provider/organization -> Organization, crime/event/meeting -> Event, else Person.
// Edge schema: phone_call -> Call (voice), SMS -> Call (sms), money_flow -> Payment,
// kinship -> Family, an edge touching an Event -> UnknownLink (role = type), else Associate
// (relationship = type). weight goes to the weight property; other attributes to notes.
#include <fstream>
#include <map>
#include <set>

#include "core/json.h"
#include "exchange/internal/csv_records.h"
#include "exchange/internal/network_builder.h"
#include "exchange/internal/readers.h"

namespace tafkik::exchange::internal {
namespace {

std::string NodeSchema(const std::string& type) {
  static const std::set<std::string> organizations = {"group", "firm", "provider",
                                                      "organization", "organisation", "company"};
  static const std::set<std::string> events = {"crime", "event", "meeting", "incident"};
  if (organizations.contains(type)) return "Organization";
  if (events.contains(type)) return "Event";
  return "Person";
}

std::string ScalarText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  if (value.is_number()) return FormatNumber(value.get<double>());
  return value.dump();
}

// The attributes of a node or edge: "properties" in JSON lines, the object itself in
// node-link documents (without its structural keys).
Json Attributes(const Json& object) {
  if (object.contains("properties") && object["properties"].is_object()) {
    return object["properties"];
  }
  Json attributes = object;
  for (const char* key : {"id", "source", "target", "key"}) attributes.erase(key);
  return attributes;
}

void ReadNode(const Json& object, int64_t row, NetworkBuilder& builder, model::RecordSink& sink) {
  if (!object.contains("id")) {
    sink.OnReject({row, "id", "", "node without an id"});
    return;
  }
  std::string file_id = ScalarText(object["id"]);
  Json attributes = Attributes(object);
  std::string type = attributes.contains("type") ? ScalarText(attributes["type"]) : "";
  model::Entity& entity = builder.Node(file_id, NodeSchema(type), row);
  const model::Provenance& provenance = builder.ProvenanceAt(row);
  for (const auto& [key, value] : attributes.items()) {
    if (key == "name") {
      builder.Label(file_id, ScalarText(value), row);
    } else if (key == "type") {
      AddOrNote(entity.schema, entity.properties, "keywords", type, provenance);
    } else {
      AddOrNote(entity.schema, entity.properties, key, ScalarText(value), provenance);
    }
  }
}

std::string EdgeSchema(const std::string& type, bool touches_event) {
  if (touches_event) return "UnknownLink";
  if (type == "phone_call" || type == "SMS") return "Call";
  if (type == "money_flow") return "Payment";
  if (type == "kinship") return "Family";
  return "Associate";
}

Status ReadEdge(const Json& object, int64_t row, std::map<std::string, int>& ordinals,
                NetworkBuilder& builder, model::RecordSink& sink) {
  if (!object.contains("source") || !object.contains("target")) {
    sink.OnReject({row, "", "", "edge without a source or a target"});
    return Status::Ok();
  }
  std::string source = ScalarText(object["source"]);
  std::string target = ScalarText(object["target"]);
  for (const std::string& end : {source, target}) {
    if (builder.HasNode(end)) continue;
    sink.OnReject({row, "source/target", Truncate(end), "edge refers to a node not in the file"});
    return Status::Ok();
  }
  Json attributes = Attributes(object);
  std::string type = attributes.contains("type") ? ScalarText(attributes["type"]) : "";
  bool touches_event =
      builder.SchemaOf(source) == "Event" || builder.SchemaOf(target) == "Event";
  std::string schema = EdgeSchema(type, touches_event);
  std::map<std::string, std::string> props;
  if (schema == "Call") props["callType"] = type == "SMS" ? "sms" : "voice";
  if (schema == "Associate" || schema == "Family") props["relationship"] = type;
  if (schema == "UnknownLink") props["role"] = type;
  for (const auto& [key, value] : attributes.items()) {
    if (key == "type" || (key == "observed" && value == true)) continue;
    props[key] = ScalarText(value);
  }
  std::string key = type + "#" + std::to_string(ordinals[source + '\x1f' + target + '\x1f' + type]++);
  return builder.Edge(source, target, schema, key, row, props);
}

bool IsComment(const std::string& line) {
  std::string trimmed = Trim(line);
  return trimmed.empty() || trimmed[0] == '#';
}

Status ReadNodeLink(const std::string& path, const Json& document, NetworkBuilder& builder,
                    model::RecordSink& sink) {
  if (!document.contains("nodes") || !document["nodes"].is_array()) {
    return InvalidArgumentError(path + ": neither JSON lines nor a node-link document");
  }
  int64_t ordinal = 0;
  for (const Json& node : document["nodes"]) ReadNode(node, ++ordinal, builder, sink);
  TAFKIK_RETURN_IF_ERROR(builder.Flush());
  const char* edges_key = document.contains("links") ? "links" : "edges";
  if (!document.contains(edges_key)) return Status::Ok();
  std::map<std::string, int> ordinals;
  ordinal = 0;
  for (const Json& edge : document[edges_key]) {
    TAFKIK_RETURN_IF_ERROR(ReadEdge(edge, ++ordinal, ordinals, builder, sink));
  }
  return Status::Ok();
}

// One pass over the JSON lines: nodes (pass 1) or edges (pass 2).
Status ReadLines(const std::string& path, int pass, NetworkBuilder& builder,
                 model::RecordSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open network file " + path);
  std::map<std::string, int> ordinals;
  std::string line;
  for (int64_t row = 1; std::getline(in, line); ++row) {
    if (IsComment(line)) continue;
    Result<Json> parsed = ParseJson(line);
    if (!parsed.ok() || !parsed->is_object()) {
      if (pass == 1) sink.OnReject({row, "", Truncate(line), "not a JSON object"});
      continue;
    }
    std::string type = parsed->value("type", "");
    if (type == "node" && pass == 1) ReadNode(*parsed, row, builder, sink);
    if (type == "edge" && pass == 2) {
      TAFKIK_RETURN_IF_ERROR(ReadEdge(*parsed, row, ordinals, builder, sink));
    }
    if (pass == 1 && type != "node" && type != "edge") {
      sink.OnReject({row, "type", Truncate(type), "neither \"node\" nor \"edge\""});
    }
  }
  return Status::Ok();
}

// True when the first line that is not a comment is a whole JSON object (JSON lines).
Result<bool> IsJsonLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open network file " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (IsComment(line)) continue;
    return ParseJson(line).ok();
  }
  return true;
}

}  // namespace

Status ReadJsonLinesNetwork(const std::string& path, const model::Provenance& provenance,
                            model::RecordSink& sink) {
  TAFKIK_ASSIGN_OR_RETURN(bool json_lines, IsJsonLines(path));
  NetworkBuilder builder(provenance, sink);
  if (!json_lines) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<Json> document = ParseJson(text);
    if (!document.ok()) return document.status().WithContext(path);
    return ReadNodeLink(path, *document, builder, sink);
  }
  TAFKIK_RETURN_IF_ERROR(ReadLines(path, 1, builder, sink));
  TAFKIK_RETURN_IF_ERROR(builder.Flush());
  return ReadLines(path, 2, builder, sink);
}

}  // namespace tafkik::exchange::internal
