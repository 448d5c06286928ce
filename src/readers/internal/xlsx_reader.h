// The XLSX TableReader: a worksheet streamed through expat from inside the zip; shared
// strings and cell styles are loaded whole (as every XLSX reader does). Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "readers/table_reader.h"

namespace tafkik::readers::internal {

// Caps on what a workbook may make the reader hold, so that a small zip cannot expand into
// gigabytes of text (a zip bomb). Excel itself stops at 32,767 characters per cell.
struct XlsxLimits {
  // UTF-8 bytes of one cell's text (inline or shared); a longer cell makes its row an error
  // naming the column. Default 32,767 characters of up to 4 bytes.
  size_t max_cell_bytes = 32'767 * 4;
  // UTF-8 bytes of the whole shared string table (it is held in memory while the sheet is
  // read); more fails the open naming the file. Default 256 MiB.
  size_t max_shared_string_bytes = size_t{256} << 20;
};

// As OpenTable for an XLSX file.
Result<std::unique_ptr<TableReader>> OpenXlsx(const std::string& path, const TableOptions& options,
                                              const XlsxLimits& limits = {});

// As ListSheets.
Result<std::vector<std::string>> ListXlsxSheets(const std::string& path);

}  // namespace tafkik::readers::internal
