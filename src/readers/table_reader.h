// Tabular sources — CSV and XLSX files of call records, bank and money-transfer statements,
// person registers — read one row at a time in bounded memory, whatever their size.
// A TableReader is not thread-safe; open one per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tafkik::readers {

struct TableRow {
  int64_t number = 0;               // 1-based data row (the header is row 0)
  std::vector<std::string> cells;   // UTF-8, as many as the header (short rows padded with "")
};

struct TableOptions {
  // CSV: the field separator; 0 detects among ',' ';' '\t' '|' from the first lines.
  char separator = 0;
  // CSV: the file's encoding: "" detects (UTF-8 with or without BOM, else Windows-1256);
  // otherwise an ICU converter name such as "windows-1256" or "ISO-8859-6".
  std::string encoding;
  // XLSX: the sheet to read, by name; "" reads the first sheet.
  std::string sheet;
  // Rows to skip before the header (title lines some exports put above the table).
  int skip_lines = 0;
};

// Where the last malformed row was: its 1-based data row and the column's header name (""
// when no single column is at fault or it is past the header).
struct RowErrorPlace {
  int64_t row = 0;  // 0: unknown
  std::string column;
};

class TableReader {
 public:
  virtual ~TableReader() = default;

  // After Next returned InvalidArgument: the row and column it names, for reject reports.
  const RowErrorPlace& last_error() const { return last_error_; }

  // The column names of the header row, trimmed, UTF-8.
  virtual const std::vector<std::string>& header() const = 0;

  // Reads the next data row into `row`. Returns false at the end of the table. A malformed
  // row (unterminated quote, more cells than the header, undecodable bytes) is
  // InvalidArgument naming the file, the row and the column; reading may continue after it.
  virtual Result<bool> Next(TableRow& row) = 0;

  // Bytes consumed so far and the total, for progress (total 0 when unknown).
  virtual int64_t bytes_read() const = 0;
  virtual int64_t bytes_total() const = 0;

 protected:
  mutable RowErrorPlace last_error_;
};

// Opens a CSV (.csv .txt .tsv) or XLSX (.xlsx) file by its extension. NotFound or
// PermissionDenied naming the path; InvalidArgument when the file is not what its name says
// or has no header row.
Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path,
                                               const TableOptions& options = {});

// The names of the sheets of an XLSX workbook, in workbook order.
Result<std::vector<std::string>> ListSheets(const std::string& path);

}  // namespace tafkik::readers
