// Streaming reader of a UFDR report.xml (expat): turns the document into small subtrees —
// one per top-level <model> of <decodedData>, one per <file> of <taggedFiles>, one per chat
// message — and hands each to a handler, then frees it. Device metadata arrives item by
// item. Memory is bounded by the largest subtree (and capped: see kMaxSubtreeBytes).
// Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/record_sink.h"

namespace tafkik::ingest::internal {

inline constexpr char kUfdrNamespace[] = "http://pa.cellebrite.com/report/2.0";
// A subtree larger than this (bytes of text plus nodes) is rejected, not held.
inline constexpr size_t kMaxSubtreeBytes = 64u << 20;
inline constexpr int kMaxSubtreeDepth = 48;

// One element of a subtree. Only the attributes Tafkik reads are kept.
struct UfdrNode {
  std::string element;  // local name: "model", "field", "value", "modelField", ...
  std::string type;     // the type attribute
  std::string name;     // the name attribute
  std::string id;       // the id attribute
  std::string text;     // character data directly inside (CDATA included)
  int64_t ordinal = 0;  // 1-based ordinal of the enclosing <model> in document order
  int64_t line = 0;     // line of the start tag
  UfdrNode* parent = nullptr;
  std::vector<std::unique_ptr<UfdrNode>> children;

  // The trimmed text of the first <value> (or own text) of the child <field name=...>;
  // "" when absent.
  std::string Field(std::string_view field_name) const;
  // The <model> inside the child <modelField name=...>, or nullptr.
  const UfdrNode* ModelField(std::string_view field_name) const;
  // The <model>s inside the child <multiModelField name=...>, in order.
  std::vector<const UfdrNode*> MultiModelField(std::string_view field_name) const;
  // Every descendant (self included) with this element name, depth first.
  void Collect(std::string_view element_name, std::vector<const UfdrNode*>& out) const;
};

class UfdrXmlHandler {
 public:
  virtual ~UfdrXmlHandler() = default;
  // <item name=...> of a <metadata section=...> outside files and models (device info).
  virtual Status OnMetadataItem(const std::string& section, const std::string& name,
                                const std::string& value) = 0;
  // A <file> of <taggedFiles>, with its metadata items as children.
  virtual Status OnTaggedFile(const UfdrNode& file) = 0;
  // A top-level <model> of a <modelType>, when it closes. For a message inside a Chat's
  // Messages, `chat` is the chat read so far (its fields and Participants) and the message is
  // dropped from it afterwards.
  virtual Status OnModel(const UfdrNode& model, const UfdrNode* chat) = 0;
  virtual void OnReject(const model::Reject& reject) = 0;
};

class UfdrXmlStream {
 public:
  explicit UfdrXmlStream(UfdrXmlHandler& handler);
  ~UfdrXmlStream();
  UfdrXmlStream(const UfdrXmlStream&) = delete;
  UfdrXmlStream& operator=(const UfdrXmlStream&) = delete;

  // Parses the next chunk (`last` for the final one, which may be empty). InvalidArgument with
  // line and column when the XML is not well-formed; a handler's error is returned as is.
  Status Feed(std::string_view chunk, bool last);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tafkik::ingest::internal
