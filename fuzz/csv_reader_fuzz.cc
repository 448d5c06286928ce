// Fuzzes the CSV reader. The first two bytes choose the options (separator, encoding, title
// lines to skip) and the block size, so that every cut of a quote, a CRLF or a UTF-8
// sequence across blocks gets tried; the rest is the file.
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_util.h"
#include "readers/internal/csv_reader.h"
#include "table_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tafkik;
  if (size < 2) return 0;
  static const std::array<char, 5> kSeparators = {0, ',', ';', '\t', '|'};
  static const std::array<const char*, 5> kEncodings = {"", "", "windows-1256", "ISO-8859-6",
                                                        "UTF-16LE"};
  readers::TableOptions options;
  options.separator = kSeparators[data[0] % kSeparators.size()];
  options.encoding = kEncodings[(data[0] / 5) % kEncodings.size()];
  options.skip_lines = (data[0] / 25) % 3;
  readers::internal::CsvTuning tuning;
  if (data[1] < 200) {
    tuning.block_size = 1 + data[1] % 64;
    tuning.max_row_bytes = 64 + data[1];
  }
  static const std::string path = fuzz::TempPath(".csv");
  fuzz::WriteBytes(path, data + 2, size - 2);
  auto reader = readers::internal::OpenCsv(path, options, tuning);
  if (!reader.ok()) {
    TAFKIK_FUZZ_CHECK(reader.status().code() == StatusCode::kInvalidArgument);
    return 0;
  }
  fuzz::CheckTable(**reader, size);
  return 0;
}
