#include "ingest/internal/ufdr_xml.h"

#include <expat.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "core/text.h"

namespace tafkik::ingest::internal {
namespace {

constexpr char kSeparator = '|';

// The local name of an element in the UFDR namespace or in none; "" for other namespaces.
std::string LocalName(const char* qualified) {
  const char* bar = std::strchr(qualified, kSeparator);
  if (bar == nullptr) return qualified;
  const size_t ns_size = static_cast<size_t>(bar - qualified);
  if (ns_size != std::strlen(kUfdrNamespace) || std::strncmp(qualified, kUfdrNamespace, ns_size)) {
    return "";
  }
  return bar + 1;
}

std::string Attribute(const char** attributes, const char* name) {
  for (const char** attribute = attributes; *attribute != nullptr; attribute += 2) {
    if (std::strcmp(attribute[0], name) == 0) return attribute[1];
  }
  return "";
}

// An element open in the document (outside or inside a subtree).
struct Frame {
  std::string element;
  std::string type;
  std::string name;
};

}  // namespace

std::string UfdrNode::Field(std::string_view field_name) const {
  for (const auto& child : children) {
    if (child->element != "field" || child->name != field_name) continue;
    for (const auto& value : child->children) {
      if (value->element == "value") return std::string(Trim(value->text));
    }
    return std::string(Trim(child->text));
  }
  return "";
}

const UfdrNode* UfdrNode::ModelField(std::string_view field_name) const {
  for (const auto& child : children) {
    if (child->element != "modelField" || child->name != field_name) continue;
    for (const auto& model : child->children) {
      if (model->element == "model") return model.get();
    }
  }
  return nullptr;
}

std::vector<const UfdrNode*> UfdrNode::MultiModelField(std::string_view field_name) const {
  std::vector<const UfdrNode*> models;
  for (const auto& child : children) {
    if (child->element != "multiModelField" || child->name != field_name) continue;
    for (const auto& model : child->children) {
      if (model->element == "model") models.push_back(model.get());
    }
  }
  return models;
}

void UfdrNode::Collect(std::string_view element_name, std::vector<const UfdrNode*>& out) const {
  if (element == element_name) out.push_back(this);
  for (const auto& child : children) child->Collect(element_name, out);
}

struct UfdrXmlStream::State {
  UfdrXmlHandler& handler;
  XML_Parser parser = nullptr;
  Status error;  // the first handler error; stops the parser

  // Guarded by nothing: expat calls back on the Feed thread.
  std::vector<Frame> frames;  // every open element
  int64_t model_ordinal = 0;
  // The subtree being built (a top-level <model> or a tagged <file>), or null.
  std::unique_ptr<UfdrNode> subtree;
  UfdrNode* current = nullptr;  // innermost open node of the subtree
  int skipped_depth = 0;        // elements open below a depth or size cap
  size_t subtree_bytes = 0;
  bool subtree_capped = false;
  // Device metadata outside subtrees.
  std::string metadata_section;
  std::string item_name;
  std::string item_text;
  bool in_item = false;

  explicit State(UfdrXmlHandler& h) : handler(h) {}

  void Fail(Status status) {
    if (!error.ok()) return;
    error = std::move(status);
    XML_StopParser(parser, XML_FALSE);
  }
  bool Failed() const { return !error.ok(); }

  const Frame* Parent() const { return frames.empty() ? nullptr : &frames.back(); }
  int64_t Line() const { return static_cast<int64_t>(XML_GetCurrentLineNumber(parser)); }

  void Start(const std::string& element, const char** attributes) {
    if (Failed()) return;
    if (element == "model") ++model_ordinal;
    Frame frame{element, Attribute(attributes, "type"), Attribute(attributes, "name")};
    if (subtree != nullptr) {
      StartInSubtree(frame, attributes);
    } else if (StartsSubtree(element)) {
      subtree = MakeNode(frame, attributes, nullptr);
      current = subtree.get();
      subtree_bytes = 0;
      subtree_capped = false;
      skipped_depth = 0;
    } else if (element == "metadata") {
      metadata_section = Attribute(attributes, "section");
    } else if (element == "item" && !metadata_section.empty()) {
      in_item = true;
      item_name = frame.name;
      item_text.clear();
    }
    frames.push_back(std::move(frame));
  }

  bool StartsSubtree(const std::string& element) const {
    const Frame* parent = Parent();
    if (parent == nullptr) return false;
    return (element == "model" && parent->element == "modelType") ||
           (element == "file" && parent->element == "taggedFiles");
  }

  std::unique_ptr<UfdrNode> MakeNode(const Frame& frame, const char** attributes,
                                     UfdrNode* parent) {
    auto node = std::make_unique<UfdrNode>();
    node->element = frame.element;
    node->type = frame.type;
    node->name = frame.name;
    node->id = Attribute(attributes, "id");
    node->ordinal = model_ordinal;
    node->line = Line();
    node->parent = parent;
    subtree_bytes += sizeof(UfdrNode) + node->element.size() + node->type.size() +
                     node->name.size() + node->id.size();
    return node;
  }

  int Depth() const {
    int depth = 0;
    for (const UfdrNode* node = current; node != nullptr; node = node->parent) ++depth;
    return depth;
  }

  void StartInSubtree(const Frame& frame, const char** attributes) {
    if (skipped_depth > 0 || Depth() >= kMaxSubtreeDepth || subtree_bytes > kMaxSubtreeBytes) {
      subtree_capped = true;
      ++skipped_depth;
      return;
    }
    current->children.push_back(MakeNode(frame, attributes, current));
    current = current->children.back().get();
  }

  void Text(const char* data, int size) {
    if (Failed()) return;
    if (subtree != nullptr) {
      if (skipped_depth > 0) return;
      if (subtree_bytes + static_cast<size_t>(size) > kMaxSubtreeBytes) {
        subtree_capped = true;
        return;
      }
      current->text.append(data, static_cast<size_t>(size));
      subtree_bytes += static_cast<size_t>(size);
    } else if (in_item && item_text.size() < 4096) {
      item_text.append(data, static_cast<size_t>(size));
    }
  }

  void End() {
    if (Failed()) return;
    Frame frame = std::move(frames.back());
    frames.pop_back();
    if (subtree != nullptr) {
      EndInSubtree();
    } else if (frame.element == "metadata") {
      metadata_section.clear();
    } else if (frame.element == "item" && in_item) {
      in_item = false;
      Status status =
          handler.OnMetadataItem(metadata_section, item_name, std::string(Trim(item_text)));
      if (!status.ok()) Fail(std::move(status));
    }
  }

  void EndInSubtree() {
    if (skipped_depth > 0) {
      --skipped_depth;
      return;
    }
    UfdrNode* closing = current;
    current = closing->parent;
    if (current == nullptr) {
      FinishSubtree();
      return;
    }
    if (IsChatMessage(*closing)) FlushChatMessage(closing);
  }

  // A <model> in the Messages of a top-level Chat: handled now so a long chat is never held.
  bool IsChatMessage(const UfdrNode& node) const {
    const UfdrNode* field = node.parent;
    return node.element == "model" && field->element == "multiModelField" &&
           field->name == "Messages" && field->parent == subtree.get() &&
           subtree->element == "model" && subtree->type == "Chat";
  }

  void FlushChatMessage(UfdrNode* message) {
    if (!subtree_capped) {
      Status status = handler.OnModel(*message, subtree.get());
      if (!status.ok()) return Fail(std::move(status));
    } else {
      RejectCapped(*message);
    }
    UfdrNode* field = message->parent;
    subtree_bytes -= std::min(subtree_bytes, Bytes(*message));
    FreeIteratively(std::move(field->children.back()));
    field->children.pop_back();
    subtree_capped = false;
  }

  void RejectCapped(const UfdrNode& node) {
    handler.OnReject({node.ordinal, "",
                      node.element + " " + node.type,
                      "element at line " + std::to_string(node.line) +
                          " is nested deeper than " + std::to_string(kMaxSubtreeDepth) +
                          " or larger than " + std::to_string(kMaxSubtreeBytes >> 20) +
                          " MiB; skipped"});
  }

  void FinishSubtree() {
    std::unique_ptr<UfdrNode> done = std::move(subtree);
    if (subtree_capped) {
      RejectCapped(*done);
      return;
    }
    Status status = done->element == "file" ? handler.OnTaggedFile(*done)
                                            : handler.OnModel(*done, nullptr);
    if (!status.ok()) Fail(std::move(status));
    // Deep trees are freed iteratively: recursion could overflow the stack.
    FreeIteratively(std::move(done));
  }

  static size_t Bytes(const UfdrNode& root) {
    size_t bytes = 0;
    std::vector<const UfdrNode*> pending{&root};
    while (!pending.empty()) {
      const UfdrNode* node = pending.back();
      pending.pop_back();
      bytes += sizeof(UfdrNode) + node->element.size() + node->type.size() + node->name.size() +
               node->id.size() + node->text.size();
      for (const auto& child : node->children) pending.push_back(child.get());
    }
    return bytes;
  }

  static void XMLCALL OnStart(void* data, const char* name, const char** attributes) {
    static_cast<State*>(data)->Start(LocalName(name), attributes);
  }
  static void XMLCALL OnEnd(void* data, const char*) { static_cast<State*>(data)->End(); }
  static void XMLCALL OnText(void* data, const char* text, int size) {
    static_cast<State*>(data)->Text(text, size);
  }

  static void FreeIteratively(std::unique_ptr<UfdrNode> root) {
    std::vector<std::unique_ptr<UfdrNode>> pending;
    pending.push_back(std::move(root));
    while (!pending.empty()) {
      std::unique_ptr<UfdrNode> node = std::move(pending.back());
      pending.pop_back();
      for (auto& child : node->children) pending.push_back(std::move(child));
    }
  }
};

UfdrXmlStream::UfdrXmlStream(UfdrXmlHandler& handler)
    : state_(std::make_unique<State>(handler)) {
  state_->parser = XML_ParserCreateNS("UTF-8", kSeparator);
  XML_SetUserData(state_->parser, state_.get());
  XML_SetElementHandler(state_->parser, State::OnStart, State::OnEnd);
  XML_SetCharacterDataHandler(state_->parser, State::OnText);
}

UfdrXmlStream::~UfdrXmlStream() {
  if (state_->subtree != nullptr) State::FreeIteratively(std::move(state_->subtree));
  XML_ParserFree(state_->parser);
}

Status UfdrXmlStream::Feed(std::string_view chunk, bool last) {
  if (state_->Failed()) return state_->error;
  while (true) {
    const int size = static_cast<int>(std::min<size_t>(chunk.size(), INT_MAX / 2));
    const bool final_piece = last && static_cast<size_t>(size) == chunk.size();
    if (XML_Parse(state_->parser, chunk.data(), size, final_piece) == XML_STATUS_ERROR) {
      if (state_->Failed()) return state_->error;
      return InvalidArgumentError(
          "report.xml is not well-formed XML at line " +
          std::to_string(XML_GetCurrentLineNumber(state_->parser)) + ", column " +
          std::to_string(XML_GetCurrentColumnNumber(state_->parser)) + ": " +
          XML_ErrorString(XML_GetErrorCode(state_->parser)));
    }
    chunk.remove_prefix(static_cast<size_t>(size));
    if (chunk.empty()) return state_->error;
  }
}

}  // namespace tafkik::ingest::internal
