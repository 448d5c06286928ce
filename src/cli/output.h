// Printing for the CLI: JSON documents and aligned tables on stdout, errors on stderr.
// Column widths count characters as a terminal shows them (UTF-8 code points, combining
// marks such as Arabic harakat take no column), so Arabic and accented names line up.
// Not thread-safe (writes to the process's standard streams).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "model/entity.h"

namespace tafkik::cli {

// `value` indented by 2 on stdout, followed by a newline; invalid UTF-8 replaced.
void PrintJson(const Json& value);
// `value` on one line of stderr (NDJSON progress events).
void PrintJsonLine(std::ostream& out, const Json& value);
// "tafkik: <Code>: <message>" on stderr.
void PrintError(const Status& status);

// Terminal columns `text` takes.
size_t DisplayWidth(std::string_view text);
// "1,234,567".
std::string Thousands(int64_t number);
// "manual by alice", "ma-dgsn-cdr-2025 row 12".
std::string ProvenanceLabel(const model::Provenance& provenance);

// Counts by schema, entities then relations, numbers right-aligned, indented by 2:
//   "  entities   Person   210" / "             Phone    184" / "  relations  Call   5,192".
void PrintCountTable(std::ostream& out, const std::map<std::string, int64_t>& entities,
                     const std::map<std::string, int64_t>& relations);

// Rows of cells printed with each column padded to its widest cell, two spaces apart,
// every line indented by `indent`. Headers are printed first when not empty.
class Table {
 public:
  explicit Table(std::vector<std::string> headers = {}, int indent = 0);
  void AddRow(std::vector<std::string> cells);
  // Pads `column` on the left instead of the right (for counts).
  void AlignRight(size_t column);
  void Print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<size_t> ColumnWidths() const;
  void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
                const std::vector<size_t>& widths) const;

  // Constant after construction.
  const std::vector<std::string> headers_;
  const int indent_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace tafkik::cli
