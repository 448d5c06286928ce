#include "exchange/internal/csv_records.h"

namespace tafkik::exchange::internal {

bool CsvRecords::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (first_) {
    first_ = false;
    if (in_.peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      if (std::string(bom, 3) != "\xEF\xBB\xBF") in_.seekg(0);
    }
  }
  if (in_.peek() == std::char_traits<char>::eof()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  int c;
  while ((c = in_.get()) != std::char_traits<char>::eof()) {
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          in_.get();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\r' && in_.peek() == '\n') {
      continue;
    } else if (ch == '\n') {
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    status_ = InvalidArgumentError("line " + std::to_string(record_line_) +
                            ": a quoted field is not closed before the end of the file");
    return false;
  }
  fields.push_back(std::move(field));
  return true;
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string Truncate(const std::string& text) {
  return text.size() <= 200 ? text : text.substr(0, 200);
}

}  // namespace tafkik::exchange::internal
