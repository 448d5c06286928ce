// A small streaming XML writer for the exports (GraphML, GEXF, i2 ANX): elements and
// attributes go straight to the stream, so a document of any size needs no memory beyond the
// stack of open element names. Text and attribute values are escaped; characters XML 1.0
// forbids (C0 controls other than tab, LF, CR) are dropped and invalid UTF-8 becomes U+FFFD,
// so whatever a source file put in a value, the output stays well-formed.
// Not thread-safe; the stream is borrowed and must outlive the writer.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tafkik::exchange {

class XmlWriter {
 public:
  explicit XmlWriter(std::ostream& out) : out_(out) {}

  // <?xml version="1.0" encoding="UTF-8"?>
  void Declaration();
  void Start(std::string_view name);
  // REQUIRES: directly after Start or another Attribute.
  void Attribute(std::string_view name, std::string_view value);
  void Text(std::string_view text);
  // Closes the innermost open element (as <x/> when it has no content).
  void End();
  // Start, Text, End.
  void Element(std::string_view name, std::string_view text);
  // Closes every open element.
  void Finish();

  // `text` escaped for XML character data or attribute values (quotes and whitespace
  // escaped as well when `attribute`).
  static std::string Escape(std::string_view text, bool attribute);

 private:
  void CloseStartTag();
  void Indent();

  std::ostream& out_;
  std::vector<std::string> open_;
  bool start_tag_open_ = false;
  bool has_text_ = false;
};

}  // namespace tafkik::exchange
