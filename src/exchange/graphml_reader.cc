// GraphML (Gephi, yEd, igraph, networkx, and our own export): <key> declarations give each
// data key its attribute name; nodes and edges carry <data key=..> values. Read streaming with
// expat in two passes (nodes, then edges: GraphML allows edges before their nodes).
//   node schema: the "schema" attribute when it names a Tafkik thing schema, else Person;
//   node name: "name", else "label", else the node id;
//   edge schema: the "schema" attribute when it names a relation schema, else Associate;
//   edge interval: "start"/"startDate" and "end"/"endDate";
//   other attributes: the schema's property of that name, else notes ("attr=value").
#include <expat.h>

#include <fstream>
#include <map>
#include <vector>

#include "core/time.h"
#include "exchange/internal/csv_records.h"
#include "exchange/internal/network_builder.h"
#include "exchange/internal/readers.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

const model::SchemaRegistry& Registry() { return model::SchemaRegistry::Default(); }

struct Element {
  std::string id, source, target;
  std::map<std::string, std::string> data;  // attribute name -> value
  int64_t ordinal = 0;
};

class GraphmlPass {
 public:
  GraphmlPass(int pass, NetworkBuilder& builder, model::RecordSink& sink,
              const model::Provenance& provenance)
      : pass_(pass), builder_(builder), sink_(sink), provenance_(provenance) {}

  Status Run(const std::string& path);

 private:
  static void OnStart(void* self, const XML_Char* name, const XML_Char** attributes);
  static void OnEnd(void* self, const XML_Char* name);
  static void OnText(void* self, const XML_Char* text, int length);
  void Start(const std::string& name, const std::map<std::string, std::string>& attributes);
  void End(const std::string& name);
  void NodeDone();
  void EdgeDone();

  // Constant after construction.
  const int pass_;
  NetworkBuilder& builder_;
  model::RecordSink& sink_;
  const model::Provenance provenance_;

  std::map<std::string, std::string> key_names_;  // key id -> attr.name
  std::optional<Element> current_;
  bool in_node_ = false;
  std::string data_key_;
  bool in_data_ = false;
  std::string text_;
  int64_t ordinal_ = 0;
  std::map<std::string, int> edge_ordinals_;
  Status status_;
};

std::string LocalName(const std::string& name) {
  size_t separator = name.rfind('|');  // expat's namespace separator
  return separator == std::string::npos ? name : name.substr(separator + 1);
}

void GraphmlPass::OnStart(void* self, const XML_Char* name, const XML_Char** attributes) {
  std::map<std::string, std::string> map;
  for (int attr_idx = 0; attributes[attr_idx] != nullptr; attr_idx += 2) {
    map[LocalName(attributes[attr_idx])] = attributes[attr_idx + 1];
  }
  static_cast<GraphmlPass*>(self)->Start(LocalName(name), map);
}

void GraphmlPass::OnEnd(void* self, const XML_Char* name) {
  static_cast<GraphmlPass*>(self)->End(LocalName(name));
}

void GraphmlPass::OnText(void* self, const XML_Char* text, int length) {
  auto* pass = static_cast<GraphmlPass*>(self);
  if (pass->in_data_) pass->text_.append(text, length);
}

void GraphmlPass::Start(const std::string& name,
                        const std::map<std::string, std::string>& attributes) {
  auto get = [&](const char* key) {
    auto it = attributes.find(key);
    return it == attributes.end() ? std::string() : it->second;
  };
  if (name == "key") {
    std::string attr_name = get("attr.name");
    key_names_[get("id")] = attr_name.empty() ? get("id") : attr_name;
  } else if (name == "node" || name == "edge") {
    ++ordinal_;
    current_ = Element{get("id"), get("source"), get("target"), {}, ordinal_};
    in_node_ = name == "node";
  } else if (name == "data" && current_) {
    auto it = key_names_.find(get("key"));
    data_key_ = it == key_names_.end() ? get("key") : it->second;
    in_data_ = true;
    text_.clear();
  }
}

void GraphmlPass::End(const std::string& name) {
  if (name == "data" && in_data_) {
    in_data_ = false;
    if (current_) current_->data[data_key_] = text_;
  } else if ((name == "node" || name == "edge") && current_) {
    if (name == "node" && pass_ == 1) NodeDone();
    if (name == "edge" && pass_ == 2) EdgeDone();
    current_.reset();
  }
}

void GraphmlPass::NodeDone() {
  const Element& node = *current_;
  if (node.id.empty()) {
    sink_.OnReject({node.ordinal, "id", "", "node without an id"});
    return;
  }
  std::string schema = "Person";
  auto declared = node.data.find("schema");
  if (declared != node.data.end()) {
    Result<const model::Schema*> found = Registry().Find(declared->second);
    if (found.ok() && !(*found)->is_relation && !(*found)->abstract) schema = declared->second;
  }
  model::Entity& entity = builder_.Node(node.id, schema, node.ordinal);
  const model::Provenance& provenance = builder_.ProvenanceAt(node.ordinal);
  for (const auto& [key, value] : node.data) {
    if (key == "schema" || key == "name" || key == "label") continue;
    AddOrNote(schema, entity.properties, key, value, provenance);
  }
  std::string label = node.data.contains("name") ? node.data.at("name")
                                                  : (node.data.contains("label")
                                                         ? node.data.at("label")
                                                         : "");
  builder_.Label(node.id, label, node.ordinal);
}

void GraphmlPass::EdgeDone() {
  const Element& edge = *current_;
  for (const std::string& end : {edge.source, edge.target}) {
    if (builder_.HasNode(end)) continue;
    sink_.OnReject({edge.ordinal, "source/target", Truncate(end),
                    "edge refers to a node not in the file"});
    return;
  }
  std::string schema = "Associate";
  auto declared = edge.data.find("schema");
  if (declared != edge.data.end()) {
    Result<const model::Schema*> found = Registry().Find(declared->second);
    if (found.ok() && (*found)->is_relation && !(*found)->abstract) schema = declared->second;
  }
  std::map<std::string, std::string> props;
  for (const auto& [key, value] : edge.data) {
    if (key != "schema") props[key] = value;
  }
  std::string key = edge.id.empty()
                        ? std::to_string(edge_ordinals_[edge.source + '\x1f' + edge.target]++)
                        : edge.id;
  // The interval is not a property: pull it out before the builder sees the rest.
  std::optional<Timestamp> start, end;
  for (const char* name : {"start", "startDate", "end", "endDate"}) {
    auto it = props.find(name);
    if (it == props.end()) continue;
    Result<Timestamp> parsed = ParseTimestamp(it->second);
    if (!parsed.ok()) {
      sink_.OnReject({edge.ordinal, name, Truncate(it->second), parsed.status().message()});
    } else {
      (std::string_view(name).starts_with("start") ? start : end) = *parsed;
    }
    props.erase(it);
  }
  Status status = builder_.Edge(edge.source, edge.target, schema, key, edge.ordinal, props,
                                start, end);
  if (!status.ok() && status_.ok()) status_ = status;
}

Status GraphmlPass::Run(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open GraphML file " + path);
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(parser, this);
  XML_SetElementHandler(parser, &GraphmlPass::OnStart, &GraphmlPass::OnEnd);
  XML_SetCharacterDataHandler(parser, &GraphmlPass::OnText);
  std::vector<char> buffer(1 << 16);
  Status result;
  while (true) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize got = in.gcount();
    bool last = got < static_cast<std::streamsize>(buffer.size());
    if (XML_Parse(parser, buffer.data(), static_cast<int>(got), last) == XML_STATUS_ERROR) {
      result = InvalidArgumentError(
          path + ": not well-formed XML at line " +
          std::to_string(XML_GetCurrentLineNumber(parser)) + ": " +
          XML_ErrorString(XML_GetErrorCode(parser)));
      break;
    }
    if (!status_.ok() || last) break;
  }
  XML_ParserFree(parser);
  if (!status_.ok()) return status_;
  return result;
}

}  // namespace

Status ReadGraphml(const std::string& path, const model::Provenance& provenance,
                   model::RecordSink& sink) {
  NetworkBuilder builder(provenance, sink);
  GraphmlPass nodes(1, builder, sink, provenance);
  TAFKIK_RETURN_IF_ERROR(nodes.Run(path));
  TAFKIK_RETURN_IF_ERROR(builder.Flush());
  GraphmlPass edges(2, builder, sink, provenance);
  return edges.Run(path);
}

}  // namespace tafkik::exchange::internal
