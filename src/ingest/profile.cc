#include "ingest/profile.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/schema.h"

namespace tafkik::ingest {
namespace {

// Where a problem is: "cdr.yaml: entity 'call': property 'duration'".
struct Where {
  std::string text;
  Where In(const std::string& what) const { return {text + ": " + what}; }
  Status Error(const std::string& why) const { return InvalidArgumentError(text + ": " + why); }
};

Status CheckKeys(const YAML::Node& node, const Where& where, std::set<std::string> allowed) {
  if (!node.IsMap()) return where.Error("expected a mapping of keys");
  for (const auto& item : node) {
    std::string key = item.first.as<std::string>();
    if (!allowed.count(key)) {
      std::string list;
      for (const std::string& name : allowed) list += (list.empty() ? "" : ", ") + name;
      return where.Error("unknown key '" + key + "' (expected one of: " + list + ")");
    }
  }
  return Status::Ok();
}

Result<std::string> Scalar(const YAML::Node& node, const Where& where, const std::string& key) {
  if (!node.IsScalar()) return where.Error("'" + key + "' must be a single value");
  return node.as<std::string>();
}

Result<std::vector<std::string>> StringList(const YAML::Node& node, const Where& where,
                                            const std::string& key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) return where.Error("'" + key + "' must be a list of column names");
  for (const auto& item : node) {
    if (!item.IsScalar()) return where.Error("'" + key + "' must be a list of column names");
    out.push_back(item.as<std::string>());
  }
  return out;
}

Result<std::map<std::string, std::string>> StringMap(const YAML::Node& node, const Where& where,
                                                     const std::string& key) {
  std::map<std::string, std::string> out;
  if (!node.IsMap()) return where.Error("'" + key + "' must map names to values");
  for (const auto& item : node) {
    if (!item.second.IsScalar()) return where.Error("'" + key + "' values must be single values");
    out[item.first.as<std::string>()] = item.second.as<std::string>();
  }
  return out;
}

Result<PropertyMapping> ParseProperty(const std::string& name, const YAML::Node& node,
                                      const Where& where) {
  PropertyMapping mapping;
  mapping.property = name;
  if (node.IsScalar()) {  // shorthand: `name: column`
    mapping.columns.push_back(node.as<std::string>());
    return mapping;
  }
  TAFKIK_RETURN_IF_ERROR(CheckKeys(node, where,
                                   {"column", "columns", "join", "literal", "template", "entity",
                                    "normalize", "format", "region", "timezone", "map",
                                    "required"}));
  int sources = 0;
  if (node["column"]) {
    TAFKIK_ASSIGN_OR_RETURN(std::string column, Scalar(node["column"], where, "column"));
    mapping.columns.push_back(column);
    ++sources;
  }
  if (node["columns"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.columns, StringList(node["columns"], where, "columns"));
    ++sources;
  }
  if (node["literal"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.literal, Scalar(node["literal"], where, "literal"));
    ++sources;
  }
  if (node["template"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.template_text, Scalar(node["template"], where, "template"));
    ++sources;
  }
  if (node["entity"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.entity, Scalar(node["entity"], where, "entity"));
    ++sources;
  }
  if (sources != 1) {
    return where.Error("needs exactly one of 'column', 'columns', 'literal', 'template', 'entity'");
  }
  if (node["join"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.join, Scalar(node["join"], where, "join"));
  }
  if (node["normalize"]) {
    TAFKIK_ASSIGN_OR_RETURN(std::string normalizer, Scalar(node["normalize"], where, "normalize"));
    Result<Normalizer> parsed = ParseNormalizer(normalizer);
    if (!parsed.ok()) return where.Error(parsed.status().message());
    mapping.normalizer = *parsed;
  }
  if (node["format"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.format, Scalar(node["format"], where, "format"));
  }
  if (node["region"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.region, Scalar(node["region"], where, "region"));
  }
  if (node["timezone"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.timezone, Scalar(node["timezone"], where, "timezone"));
  }
  if (node["map"]) {
    TAFKIK_ASSIGN_OR_RETURN(mapping.value_map, StringMap(node["map"], where, "map"));
  }
  if (node["required"]) mapping.required = node["required"].as<bool>();
  return mapping;
}

// Checks the schema and its properties against the registry, and relation ends.
Status CheckAgainstSchema(const EntityMapping& entity, const std::set<std::string>& earlier,
                          const Where& where) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  Result<const model::Schema*> schema = registry.Find(entity.schema);
  if (!schema.ok()) return where.In("schema").Error(schema.status().message());
  if ((*schema)->abstract) return where.Error("schema '" + entity.schema + "' is abstract");
  for (const PropertyMapping& property : entity.properties) {
    Where at = where.In("property '" + property.property + "'");
    if (!(*schema)->properties.count(property.property)) {
      return at.Error("schema " + entity.schema + " has no such property");
    }
    if (property.entity.empty()) continue;
    if (!earlier.count(property.entity)) {
      return at.Error("'entity: " + property.entity +
                      "' names no entity defined above it in this profile");
    }
  }
  if (!(*schema)->is_relation) return Status::Ok();
  for (const std::string& end : {(*schema)->source_property, (*schema)->target_property}) {
    auto found = std::find_if(entity.properties.begin(), entity.properties.end(),
                              [&](const PropertyMapping& p) { return p.property == end; });
    if (found == entity.properties.end() || found->entity.empty()) {
      return where.Error("relation " + entity.schema + " needs '" + end +
                         ": {entity: NAME}' naming one of the entities above");
    }
  }
  return Status::Ok();
}

Result<EntityMapping> ParseEntity(const std::string& name, const YAML::Node& node,
                                  const std::set<std::string>& earlier, const Where& where) {
  EntityMapping entity;
  entity.name = name;
  TAFKIK_RETURN_IF_ERROR(CheckKeys(node, where,
                                   {"schema", "keys", "key", "key_literal", "namespace",
                                    "properties", "filters", "filters_not"}));
  for (const char* key : {"filters", "filters_not"}) {
    if (!node[key]) continue;
    if (!node[key].IsMap()) return where.Error(std::string("'") + key + "' must map columns to values");
    auto& target = std::string_view(key) == "filters" ? entity.filters : entity.filters_not;
    for (const auto& item : node[key]) {
      const std::string column = item.first.as<std::string>();
      TAFKIK_ASSIGN_OR_RETURN(target[column], StringList(item.second, where.In(key), column));
    }
  }
  if (!node["schema"]) return where.Error("missing key 'schema'");
  TAFKIK_ASSIGN_OR_RETURN(entity.schema, Scalar(node["schema"], where, "schema"));
  if (node["keys"]) {
    TAFKIK_ASSIGN_OR_RETURN(entity.keys, StringList(node["keys"], where, "keys"));
  }
  if (node["key"]) {
    TAFKIK_ASSIGN_OR_RETURN(entity.keys, StringList(node["key"], where, "key"));
  }
  if (node["key_literal"]) {
    TAFKIK_ASSIGN_OR_RETURN(entity.key_literal, Scalar(node["key_literal"], where, "key_literal"));
  }
  if (node["namespace"]) {
    TAFKIK_ASSIGN_OR_RETURN(entity.id_namespace, Scalar(node["namespace"], where, "namespace"));
  }
  if (entity.keys.empty()) return where.Error("missing key 'keys' (the columns of its id)");
  if (!node["properties"] || !node["properties"].IsMap()) {
    return where.Error("missing key 'properties' (a mapping of property names)");
  }
  for (const auto& item : node["properties"]) {
    std::string property = item.first.as<std::string>();
    TAFKIK_ASSIGN_OR_RETURN(PropertyMapping mapping,
                            ParseProperty(property, item.second,
                                          where.In("property '" + property + "'")));
    entity.properties.push_back(std::move(mapping));
  }
  TAFKIK_RETURN_IF_ERROR(CheckAgainstSchema(entity, earlier, where));
  return entity;
}

Status ParseTop(const YAML::Node& root, const Where& where, Profile& profile) {
  TAFKIK_RETURN_IF_ERROR(CheckKeys(root, where,
                                   {"title", "description", "region", "timezone", "filters",
                                    "filters_not", "aliases", "parameters", "skip_lines",
                                    "entities"}));
  if (root["skip_lines"]) {
    TAFKIK_ASSIGN_OR_RETURN(std::string lines, Scalar(root["skip_lines"], where, "skip_lines"));
    if (lines.empty() || lines.size() > 3 ||
        !std::all_of(lines.begin(), lines.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return where.Error("'skip_lines' must be a number of rows (0 to 999)");
    }
    profile.skip_lines = std::stoi(lines);
  }
  if (root["parameters"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.parameters,
                            StringMap(root["parameters"], where, "parameters"));
  }
  if (root["title"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.title, Scalar(root["title"], where, "title"));
  }
  if (root["region"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.region, Scalar(root["region"], where, "region"));
  }
  if (root["timezone"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.timezone, Scalar(root["timezone"], where, "timezone"));
  }
  if (root["filters"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.filters, StringMap(root["filters"], where, "filters"));
  }
  if (root["filters_not"]) {
    TAFKIK_ASSIGN_OR_RETURN(profile.filters_not,
                            StringMap(root["filters_not"], where, "filters_not"));
  }
  if (root["aliases"]) {
    if (!root["aliases"].IsMap()) return where.Error("'aliases' must map columns to names");
    for (const auto& item : root["aliases"]) {
      std::string column = item.first.as<std::string>();
      TAFKIK_ASSIGN_OR_RETURN(profile.aliases[column],
                              StringList(item.second, where.In("aliases"), column));
    }
  }
  if (!root["entities"] || !root["entities"].IsMap() || root["entities"].size() == 0) {
    return where.Error("missing key 'entities' (a mapping of entity names)");
  }
  std::set<std::string> earlier;
  for (const auto& item : root["entities"]) {
    std::string name = item.first.as<std::string>();
    TAFKIK_ASSIGN_OR_RETURN(EntityMapping entity,
                            ParseEntity(name, item.second, earlier,
                                        where.In("entity '" + name + "'")));
    earlier.insert(name);
    profile.entities.push_back(std::move(entity));
  }
  return Status::Ok();
}

}  // namespace

Result<Normalizer> ParseNormalizer(const std::string& name) {
  static const std::map<std::string, Normalizer> kNames = {
      {"auto", Normalizer::kAuto},       {"none", Normalizer::kNone},
      {"phone", Normalizer::kPhone},     {"imei", Normalizer::kImei},
      {"imsi", Normalizer::kImsi},       {"iban", Normalizer::kIban},
      {"date", Normalizer::kDate},       {"number", Normalizer::kNumber},
      {"amount", Normalizer::kNumber},   {"country", Normalizer::kCountry},
      {"currency", Normalizer::kCurrency}, {"lower", Normalizer::kLower},
      {"duration", Normalizer::kDuration}};
  auto found = kNames.find(name);
  if (found != kNames.end()) return found->second;
  std::string list;
  for (const auto& [known, ignored] : kNames) list += (list.empty() ? "" : ", ") + known;
  return InvalidArgumentError("unknown normalizer '" + name + "' (expected one of: " + list + ")");
}

Result<Profile> ParseProfile(const std::string& yaml_text, const std::string& name) {
  Profile profile;
  profile.name = std::filesystem::path(name).stem().string();
  Where where{name};
  try {
    YAML::Node root = YAML::Load(yaml_text);
    TAFKIK_RETURN_IF_ERROR(ParseTop(root, where, profile));
  } catch (const YAML::Exception& error) {
    return where.Error(std::string("not valid YAML: ") + error.what());
  }
  return profile;
}

Result<Profile> LoadProfile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("mapping profile " + path + " cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  TAFKIK_ASSIGN_OR_RETURN(Profile profile,
                          ParseProfile(text.str(), std::filesystem::path(path).filename()));
  profile.path = path;
  return profile;
}

std::vector<std::string> ColumnsOf(const Profile& profile) {
  std::vector<std::string> columns;
  auto add = [&columns](const std::string& column) {
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
      columns.push_back(column);
    }
  };
  for (const EntityMapping& entity : profile.entities) {
    for (const std::string& key : entity.keys) add(key);
    for (const PropertyMapping& property : entity.properties) {
      for (const std::string& column : property.columns) add(column);
      // Template placeholders are columns too.
      const std::string& text = property.template_text;
      for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open)) {
        size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        add(text.substr(open + 1, close - open - 1));
        open = close;
      }
    }
  }
  for (const auto& [column, ignored] : profile.filters) add(column);
  for (const auto& [column, ignored] : profile.filters_not) add(column);
  for (const EntityMapping& entity : profile.entities) {
    for (const auto& [column, ignored] : entity.filters) add(column);
    for (const auto& [column, ignored] : entity.filters_not) add(column);
  }
  std::erase_if(columns, [&](const std::string& column) {
    return profile.parameters.contains(column);
  });
  return columns;
}

}  // namespace tafkik::ingest
