#include "readers/table_reader.h"

#include <algorithm>
#include <cctype>

#include "readers/internal/csv_reader.h"
#include "readers/internal/xlsx_reader.h"

namespace tafkik::readers {
namespace {

std::string LowercaseExtension(const std::string& path) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string extension = path.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

Result<std::unique_ptr<TableReader>> OpenTable(const std::string& path,
                                               const TableOptions& options) {
  const std::string extension = LowercaseExtension(path);
  if (extension == ".csv" || extension == ".txt" || extension == ".tsv") {
    return internal::OpenCsv(path, options);
  }
  if (extension == ".xlsx" || extension == ".xlsm") return internal::OpenXlsx(path, options);
  if (extension == ".xls") {
    return InvalidArgumentError(path +
                                ": the old binary .xls format is not read; save it as .xlsx");
  }
  return InvalidArgumentError(path + ": not a table file (expected .csv, .txt, .tsv or .xlsx)");
}

Result<std::vector<std::string>> ListSheets(const std::string& path) {
  return internal::ListXlsxSheets(path);
}

}  // namespace tafkik::readers
