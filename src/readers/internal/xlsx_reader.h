// The XLSX TableReader: a worksheet streamed through expat from inside the zip; shared
// strings and cell styles are loaded whole (as every XLSX reader does). Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "readers/table_reader.h"

namespace tafkik::readers::internal {

// As OpenTable for an XLSX file.
Result<std::unique_ptr<TableReader>> OpenXlsx(const std::string& path, const TableOptions& options);

// As ListSheets.
Result<std::vector<std::string>> ListXlsxSheets(const std::string& path);

}  // namespace tafkik::readers::internal
