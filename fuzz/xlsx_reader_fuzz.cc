// Fuzzes the XLSX reader. Byte 0 even: the rest is a whole file (a zip, or not). Byte 0 odd:
// the rest is up to four XML parts separated by "\n====\n" — sheet, shared strings, styles,
// workbook — zipped here (stored, uncompressed) with the other parts of a valid workbook, so
// that the fuzzer spends its time in the XML rather than failing zip checksums.
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "readers/table_reader.h"
#include "table_checks.h"

namespace {

const char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

void WriteWorkbook(const std::string& path, std::string_view spec) {
  std::vector<std::string> parts;
  for (size_t begin = 0; parts.size() < 4;) {
    const size_t split = parts.size() < 3 ? spec.find("\n====\n", begin) : std::string_view::npos;
    parts.emplace_back(spec.substr(begin, split == std::string_view::npos ? split : split - begin));
    if (split == std::string_view::npos) break;
    begin = split + 6;
  }
  parts.resize(4);
  if (parts[3].empty()) {
    parts[3] = std::string("<workbook xmlns:r=\"") + kRelNs +
               "\"><sheets><sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" r:id=\"rId1\"/>"
               "</sheets></workbook>";
  }
  const std::vector<std::pair<std::string, std::string>> files = {
      {"xl/workbook.xml", parts[3]},
      {"xl/_rels/workbook.xml.rels",
       std::string("<Relationships><Relationship Id=\"rId1\" Type=\"") + kRelNs +
           "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/sharedStrings.xml", parts[1]},
      {"xl/styles.xml", parts[2]},
  };
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  TAFKIK_FUZZ_CHECK(archive != nullptr);
  for (const auto& [name, content] : files) {
    if (content.empty()) continue;
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, 0);
    TAFKIK_FUZZ_CHECK(index >= 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  TAFKIK_FUZZ_CHECK(zip_close(archive) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tafkik;
  if (size < 1) return 0;
  static const std::string path = fuzz::TempPath(".xlsx");
  if (data[0] % 2 == 0) {
    fuzz::WriteBytes(path, data + 1, size - 1);
  } else {
    WriteWorkbook(path, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  }
  readers::TableOptions options;
  options.sheet = (data[0] & 2) ? "B" : "";
  options.skip_lines = (data[0] >> 2) % 3;
  (void)readers::ListSheets(path);
  auto reader = readers::OpenTable(path, options);
  if (!reader.ok()) {
    const StatusCode code = reader.status().code();
    TAFKIK_FUZZ_CHECK(code == StatusCode::kInvalidArgument || code == StatusCode::kNotFound);
    return 0;
  }
  // A sheet of N bytes has at most N rows; reading a stored zip adds no bytes.
  fuzz::CheckTable(**reader, size);
  return 0;
}
