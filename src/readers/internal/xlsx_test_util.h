// Builds small XLSX workbooks for tests and fuzz seeds from XML parts written by hand after
// the published SpreadsheetML structure (ECMA-376 part 1), zipped with libzip.
#pragma once

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace tafkik::readers::internal {

using ZipParts = std::vector<std::pair<std::string, std::string>>;

// Writes `parts` (name, content) as a zip at `path`; false on failure.
inline bool WriteZip(const std::string& path, const ZipParts& parts) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) return false;
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      return false;
    }
  }
  return zip_close(archive) == 0;
}

inline std::string SheetXml(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" + rows + "</sheetData></worksheet>";
}

inline std::string SharedStringsXml(const std::vector<std::string>& items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const std::string& item : items) xml += "<si>" + item + "</si>";
  return xml + "</sst>";
}

// A workbook of the named sheets (name, sheetData rows), with the given shared <si> items,
// styles part (empty: none) and date1904 flag.
inline ZipParts WorkbookParts(const std::vector<std::pair<std::string, std::string>>& sheets,
                              const std::vector<std::string>& shared = {},
                              const std::string& styles = "", bool date1904 = false) {
  const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"" + rel_ns + "\"><workbookPr" + (date1904 ? " date1904=\"1\"" : "") +
      "/><sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  ZipParts parts;
  for (size_t index = 0; index < sheets.size(); ++index) {
    const std::string number = std::to_string(index + 1);
    workbook += "<sheet name=\"" + sheets[index].first + "\" sheetId=\"" + number +
                "\" r:id=\"rId" + number + "\"/>";
    rels += "<Relationship Id=\"rId" + number + "\" Type=\"" + rel_ns +
            "/worksheet\" Target=\"worksheets/sheet" + number + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + number + ".xml", SheetXml(sheets[index].second));
  }
  rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_ns +
          "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
          "<Relationship Id=\"rIdY\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
  parts.emplace_back("[Content_Types].xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas."
                     "openxmlformats.org/package/2006/content-types\"/>");
  parts.emplace_back("_rels/.rels",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://"
                     "schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                     "Id=\"rId1\" Type=\"" + rel_ns + "/officeDocument\" "
                     "Target=\"xl/workbook.xml\"/></Relationships>");
  parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  if (!shared.empty()) parts.emplace_back("xl/sharedStrings.xml", SharedStringsXml(shared));
  if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
  return parts;
}

// Styles whose cellXfs are: 0 General, 1 built-in date (14), 2 custom "dd/mm/yyyy hh:mm:ss"
// (164), 3 custom "[h]:mm:ss" (165), 4 custom "0.00\"d\"" (166, a number with a quoted d),
// 5 built-in time (21).
inline std::string DateStylesXml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy hh:mm:ss\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
         "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot;d&quot;\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
         "<xf numFmtId=\"21\"/></cellXfs></styleSheet>";
}

}  // namespace tafkik::readers::internal
