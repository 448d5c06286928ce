// The promises of TableReader that every fuzzed table must keep, whatever the bytes:
// reading ends, every row is as wide as the header, row numbers increase, text is UTF-8.
#pragma once

#include "fuzz_util.h"
#include "readers/internal/utf8.h"
#include "readers/table_reader.h"

namespace tafkik::fuzz {

inline void CheckTable(readers::TableReader& reader, size_t input_size) {
  using readers::internal::ValidUtf8Prefix;
  for (const std::string& name : reader.header()) {
    TAFKIK_FUZZ_CHECK(ValidUtf8Prefix(name) == name.size());
  }
  readers::TableRow row;
  int64_t last_number = 0;
  // Each call consumes at least one byte of input (a row or an error), so this bounds a loop
  // that would otherwise never end.
  for (size_t call = 0; call <= 4 * input_size + 64; ++call) {
    Result<bool> more = reader.Next(row);
    if (!more.ok()) {
      TAFKIK_FUZZ_CHECK(more.status().code() == StatusCode::kInvalidArgument);
      continue;
    }
    if (!*more) return;
    TAFKIK_FUZZ_CHECK(row.cells.size() == reader.header().size());
    TAFKIK_FUZZ_CHECK(row.number > last_number);
    last_number = row.number;
    for (const std::string& cell : row.cells) {
      TAFKIK_FUZZ_CHECK(ValidUtf8Prefix(cell) == cell.size());
    }
  }
  TAFKIK_FUZZ_CHECK(!"Next() never reported the end of the table");
}

}  // namespace tafkik::fuzz
