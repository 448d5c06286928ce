#include "cli/output.h"

#include <algorithm>
#include <iostream>

namespace tafkik::cli {
namespace {

// Combining marks (zero width on a terminal): Latin diacritics and Arabic harakat,
// which investigators' data contains; other scripts' marks are rare enough to ignore.
bool IsCombining(char32_t code_point) {
  return (code_point >= 0x0300 && code_point <= 0x036F) ||
         (code_point >= 0x064B && code_point <= 0x065F) || code_point == 0x0670 ||
         (code_point >= 0x06D6 && code_point <= 0x06ED);
}

// Decodes the code point starting at text[pos] and advances pos; invalid bytes count as one.
char32_t NextCodePoint(std::string_view text, size_t& pos) {
  unsigned char lead = static_cast<unsigned char>(text[pos++]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t code_point = extra == 0 ? lead : lead & (0x3F >> extra);
  for (; extra > 0 && pos < text.size(); --extra) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[pos++]) & 0x3F);
  }
  return code_point;
}

void AddCountRows(Table& table, const std::string& kind,
                  const std::map<std::string, int64_t>& by_schema) {
  std::string label = kind;
  for (const auto& [schema, count] : by_schema) {
    table.AddRow({label, schema, Thousands(count)});
    label.clear();  // the kind only on its first row
  }
}

}  // namespace

void PrintJson(const Json& value) {
  std::cout << value.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

void PrintJsonLine(std::ostream& out, const Json& value) {
  out << value.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n" << std::flush;
}

void PrintError(const Status& status) {
  std::cout.flush();
  std::cerr << "tafkik: " << StatusCodeName(status.code()) << ": " << status.message() << "\n";
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsCombining(NextCodePoint(text, pos))) ++width;
  }
  return width;
}

std::string Thousands(int64_t number) {
  std::string digits = std::to_string(number < 0 ? -number : number);
  std::string out;
  for (size_t digit_idx = 0; digit_idx < digits.size(); ++digit_idx) {
    if (digit_idx > 0 && (digits.size() - digit_idx) % 3 == 0) out += ',';
    out += digits[digit_idx];
  }
  return number < 0 ? "-" + out : out;
}

std::string ProvenanceLabel(const model::Provenance& provenance) {
  std::string label = provenance.dataset;
  if (provenance.row >= 0) label += " row " + std::to_string(provenance.row);
  if (!provenance.evidence_id.empty()) label += " evidence " + provenance.evidence_id;
  if (!provenance.user.empty()) label += " by " + provenance.user;
  return label;
}

Table::Table(std::vector<std::string> headers, int indent)
    : headers_(std::move(headers)), indent_(indent) {}

void Table::AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

void Table::AlignRight(size_t column) {
  if (right_aligned_.size() <= column) right_aligned_.resize(column + 1, false);
  right_aligned_[column] = true;
}

std::vector<size_t> Table::ColumnWidths() const {
  std::vector<size_t> widths;
  auto widen = [&widths](const std::vector<std::string>& cells) {
    if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
    for (size_t column = 0; column < cells.size(); ++column) {
      widths[column] = std::max(widths[column], DisplayWidth(cells[column]));
    }
  };
  widen(headers_);
  for (const auto& row : rows_) widen(row);
  return widths;
}

void Table::PrintRow(std::ostream& out, const std::vector<std::string>& cells,
                     const std::vector<size_t>& widths) const {
  std::string line(indent_, ' ');
  for (size_t column = 0; column < cells.size(); ++column) {
    std::string padding(widths[column] - DisplayWidth(cells[column]), ' ');
    bool right = column < right_aligned_.size() && right_aligned_[column];
    line += right ? padding + cells[column] : cells[column];
    if (column + 1 == cells.size()) break;  // no trailing spaces
    line += right ? "  " : padding + "  ";
  }
  out << line << "\n";
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> widths = ColumnWidths();
  if (!headers_.empty()) PrintRow(out, headers_, widths);
  for (const auto& row : rows_) PrintRow(out, row, widths);
}

void PrintCountTable(std::ostream& out, const std::map<std::string, int64_t>& entities,
                     const std::map<std::string, int64_t>& relations) {
  Table table({}, 2);
  table.AlignRight(2);
  AddCountRows(table, "entities", entities);
  AddCountRows(table, "relations", relations);
  table.Print(out);
}

}  // namespace tafkik::cli
