// The CSV TableReader (RFC 4180 plus the habits of real exports), with the buffer sizes
// exposed so that tests and the fuzzer can cut blocks anywhere. Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/status.h"
#include "readers/table_reader.h"

namespace tafkik::readers::internal {

struct CsvTuning {
  // UTF-8 bytes requested from the file per read; default 1 MiB.
  size_t block_size = size_t{1} << 20;
  // A row longer than this (usually an unterminated quote swallowing the file) is an error
  // and reading resumes at the line after its start; default 16 MiB.
  size_t max_row_bytes = size_t{16} << 20;
};

// As OpenTable for a CSV file.
Result<std::unique_ptr<TableReader>> OpenCsv(const std::string& path, const TableOptions& options,
                                             const CsvTuning& tuning = {});

}  // namespace tafkik::readers::internal
