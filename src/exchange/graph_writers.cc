// GraphML and GEXF 1.3: a node per entity, a directed edge per relation.
// GraphML: <key> per attribute (for node or edge) with attr.type double for numeric
// properties and string otherwise; "schema" and "name" on nodes, "schema", "start", "end" on
// edges. Several values of one property are joined with "; " (numeric keys take the first).
// GEXF: mode="dynamic", timeformat="datetime"; an edge's start/end are its relation's
// interval, so Gephi's timeline shows calls and payments as they happen; weight from the
// "weight" property when there is one.
#include <map>

#include "exchange/internal/writers.h"
#include "exchange/xml_writer.h"
#include "model/caption.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

struct Key {
  std::string id;
  std::string type;  // "string" or "double"
};

// Attribute name -> key, for nodes or edges, from the scan.
std::map<std::string, Key> Keys(const Scan& scan, bool relations, const std::string& prefix,
                                std::initializer_list<const char*> fixed) {
  std::map<std::string, Key> keys;
  int next = 0;
  for (const char* name : fixed) keys[name] = {prefix + std::to_string(next++), "string"};
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  for (const auto& [schema, names] : scan.properties_by_schema) {
    Result<const model::Schema*> found = registry.Find(schema);
    if (!found.ok() || (*found)->is_relation != relations) continue;
    for (const std::string& name : names) {
      if (keys.contains(name)) continue;
      keys[name] = {prefix + std::to_string(next++), AttributeType(name)};
    }
  }
  return keys;
}

std::string ValueFor(const Key& key, const std::vector<model::Value>& values) {
  if (key.type == "double") return values.empty() ? "" : values.front().value;
  return Joined(values);
}

void GraphmlKeys(XmlWriter& xml, const std::map<std::string, Key>& keys, const char* target) {
  for (const auto& [name, key] : keys) {
    xml.Start("key");
    xml.Attribute("id", key.id);
    xml.Attribute("for", target);
    xml.Attribute("attr.name", name);
    xml.Attribute("attr.type", key.type);
    xml.End();
  }
}

void GraphmlData(XmlWriter& xml, const Key& key, const std::string& value) {
  xml.Start("data");
  xml.Attribute("key", key.id);
  xml.Text(value);
  xml.End();
}

void GraphmlProperties(XmlWriter& xml, const std::map<std::string, Key>& keys,
                       const model::PropertyMap& properties) {
  for (const auto& [name, values] : properties) {
    auto key = keys.find(name);
    if (key != keys.end()) GraphmlData(xml, key->second, ValueFor(key->second, values));
  }
}

void GexfAttributes(XmlWriter& xml, const std::map<std::string, Key>& keys, const char* kind) {
  xml.Start("attributes");
  xml.Attribute("class", kind);
  xml.Attribute("mode", "static");
  for (const auto& [name, key] : keys) {
    xml.Start("attribute");
    xml.Attribute("id", key.id);
    xml.Attribute("title", name);
    xml.Attribute("type", key.type);
    xml.End();
  }
  xml.End();
}

void GexfValue(XmlWriter& xml, const Key& key, const std::string& value) {
  xml.Start("attvalue");
  xml.Attribute("for", key.id);
  xml.Attribute("value", value);
  xml.End();
}

void GexfValues(XmlWriter& xml, const std::map<std::string, Key>& keys, const std::string& schema,
                const model::PropertyMap& properties) {
  xml.Start("attvalues");
  GexfValue(xml, keys.at("schema"), schema);
  for (const auto& [name, values] : properties) {
    auto key = keys.find(name);
    if (key != keys.end()) GexfValue(xml, key->second, ValueFor(key->second, values));
  }
  xml.End();
}

}  // namespace

std::string AttributeType(const std::string& property) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  bool numeric = false;
  for (const std::string& schema : registry.SchemaNames()) {
    Result<const model::Property*> found = registry.FindProperty(schema, property);
    if (!found.ok()) continue;
    bool is_number = (*found)->type == model::PropertyType::kNumber ||
                     (*found)->type == model::PropertyType::kAmount;
    if (!is_number) return "string";
    numeric = true;
  }
  return numeric ? "double" : "string";
}

std::string DateText(Timestamp t) {
  std::string text = FormatTimestamp(t);
  if (t.micros() % (86'400LL * 1'000'000) == 0) return text.substr(0, 10);
  return text;
}

Status WriteGraphml(ExportSource& source, std::ostream& out, ExportSummary& summary) {
  auto node_keys = Keys(source.scan(), false, "n", {"schema", "name"});
  auto edge_keys = Keys(source.scan(), true, "e", {"schema", "start", "end"});
  XmlWriter xml(out);
  xml.Declaration();
  xml.Start("graphml");
  xml.Attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  GraphmlKeys(xml, node_keys, "node");
  GraphmlKeys(xml, edge_keys, "edge");
  xml.Start("graph");
  xml.Attribute("id", "tafkik");
  xml.Attribute("edgedefault", "directed");
  TAFKIK_RETURN_IF_ERROR(source.ForEachEntity([&](const model::Entity& entity) {
    xml.Start("node");
    xml.Attribute("id", entity.id.value());
    GraphmlData(xml, node_keys.at("schema"), entity.schema);
    if (!entity.properties.contains("name")) GraphmlData(xml, node_keys.at("name"), model::Caption(entity));
    GraphmlProperties(xml, node_keys, entity.properties);
    xml.End();
    ++summary.entities_by_schema[entity.schema];
    return Status::Ok();
  }));
  TAFKIK_RETURN_IF_ERROR(source.ForEachRelation([&](const model::Relation& relation) {
    xml.Start("edge");
    xml.Attribute("id", relation.id.value());
    xml.Attribute("source", relation.source.value());
    xml.Attribute("target", relation.target.value());
    GraphmlData(xml, edge_keys.at("schema"), relation.schema);
    if (relation.start) GraphmlData(xml, edge_keys.at("start"), FormatTimestamp(*relation.start));
    if (relation.end) GraphmlData(xml, edge_keys.at("end"), FormatTimestamp(*relation.end));
    GraphmlProperties(xml, edge_keys, relation.properties);
    xml.End();
    ++summary.relations_by_schema[relation.schema];
    return Status::Ok();
  }));
  xml.Finish();
  return out ? Status::Ok() : UnavailableError("writing GraphML failed");
}

Status WriteGexf(ExportSource& source, std::ostream& out, ExportSummary& summary) {
  auto node_keys = Keys(source.scan(), false, "n", {"schema"});
  auto edge_keys = Keys(source.scan(), true, "e", {"schema"});
  XmlWriter xml(out);
  xml.Declaration();
  xml.Start("gexf");
  xml.Attribute("xmlns", "http://gexf.net/1.3");
  xml.Attribute("version", "1.3");
  xml.Start("meta");
  xml.Element("creator", "Tafkik");
  xml.End();
  xml.Start("graph");
  xml.Attribute("mode", "dynamic");
  xml.Attribute("defaultedgetype", "directed");
  xml.Attribute("timeformat", "datetime");
  xml.Attribute("timerepresentation", "interval");
  xml.Attribute("timezone", "UTC");
  GexfAttributes(xml, node_keys, "node");
  GexfAttributes(xml, edge_keys, "edge");
  xml.Start("nodes");
  TAFKIK_RETURN_IF_ERROR(source.ForEachEntity([&](const model::Entity& entity) {
    xml.Start("node");
    xml.Attribute("id", entity.id.value());
    xml.Attribute("label", model::Caption(entity));
    GexfValues(xml, node_keys, entity.schema, entity.properties);
    xml.End();
    ++summary.entities_by_schema[entity.schema];
    return Status::Ok();
  }));
  xml.End();
  xml.Start("edges");
  TAFKIK_RETURN_IF_ERROR(source.ForEachRelation([&](const model::Relation& relation) {
    xml.Start("edge");
    xml.Attribute("id", relation.id.value());
    xml.Attribute("source", relation.source.value());
    xml.Attribute("target", relation.target.value());
    xml.Attribute("label", relation.schema);
    if (relation.start) xml.Attribute("start", FormatTimestamp(*relation.start));
    if (relation.end) xml.Attribute("end", FormatTimestamp(*relation.end));
    std::string weight = relation.First("weight");
    if (!weight.empty()) xml.Attribute("weight", weight);
    GexfValues(xml, edge_keys, relation.schema, relation.properties);
    xml.End();
    ++summary.relations_by_schema[relation.schema];
    return Status::Ok();
  }));
  xml.Finish();
  return out ? Status::Ok() : UnavailableError("writing GEXF failed");
}

}  // namespace tafkik::exchange::internal
