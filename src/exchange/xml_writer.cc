#include "exchange/xml_writer.h"

#include <cstdint>

namespace tafkik::exchange {
namespace {

// Length of the valid UTF-8 sequence at `text[pos]`, 0 when invalid.
size_t Utf8Length(std::string_view text, size_t pos) {
  auto byte = [&](size_t at) { return static_cast<uint8_t>(text[at]); };
  uint8_t lead = byte(pos);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                  : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || pos + length > text.size()) return 0;
  for (size_t idx = 1; idx < length; ++idx) {
    if ((byte(pos + idx) & 0xC0) != 0x80) return 0;
  }
  if (length == 2 && lead < 0xC2) return 0;  // overlong
  if (length == 3) {
    uint32_t code = ((lead & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
    if (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE || code == 0xFFFF) {
      return 0;
    }
  }
  if (length == 4) {
    uint32_t code = ((lead & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
                    ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
    if (code < 0x10000 || code > 0x10FFFF) return 0;
  }
  return length;
}

}  // namespace

std::string XmlWriter::Escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    size_t length = Utf8Length(text, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(pos, length));
      pos += length;
      continue;
    }
    char ch = text[pos++];
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\n': out += attribute ? "&#xA;" : "\n"; break;
      case '\r': out += "&#xD;"; break;
      case '\t': out += attribute ? "&#x9;" : "\t"; break;
      default:
        if (static_cast<uint8_t>(ch) >= 0x20 && ch != 0x7F) out += ch;
    }
  }
  return out;
}

void XmlWriter::Declaration() { out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::Indent() {
  out_ << '\n';
  for (size_t depth = 0; depth < open_.size(); ++depth) out_ << "  ";
}

void XmlWriter::CloseStartTag() {
  if (!start_tag_open_) return;
  out_ << '>';
  start_tag_open_ = false;
}

void XmlWriter::Start(std::string_view name) {
  CloseStartTag();
  if (!open_.empty()) Indent();
  out_ << '<' << name;
  open_.emplace_back(name);
  start_tag_open_ = true;
  has_text_ = false;
}

void XmlWriter::Attribute(std::string_view name, std::string_view value) {
  out_ << ' ' << name << "=\"" << Escape(value, true) << '"';
}

void XmlWriter::Text(std::string_view text) {
  CloseStartTag();
  out_ << Escape(text, false);
  has_text_ = true;
}

void XmlWriter::End() {
  if (open_.empty()) return;
  if (start_tag_open_) {
    out_ << "/>";
    start_tag_open_ = false;
    open_.pop_back();
  } else {
    std::string name = std::move(open_.back());
    open_.pop_back();
    if (!has_text_) Indent();
    out_ << "</" << name << '>';
  }
  has_text_ = false;
  if (open_.empty()) out_ << '\n';
}

void XmlWriter::Element(std::string_view name, std::string_view text) {
  Start(name);
  Text(text);
  End();
}

void XmlWriter::Finish() {
  while (!open_.empty()) End();
}

}  // namespace tafkik::exchange
