// CSV and XLSX: one table per schema. Entities: id, then the properties the schema's entities
// use (sorted). Relations: id, the two end properties (FtM names: caller, receiver, ...),
// startDate, endDate, then properties. Several values of a property are joined with "; ".
// CSV is RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break) in UTF-8;
// XLSX has one sheet per schema, right to left when the sheet holds Arabic text, written in
// libxlsxwriter's constant-memory mode (rows stream to temporary files).
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "core/text.h"
#include "exchange/internal/writers.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

std::vector<std::string> Header(const Scan& scan, const std::string& schema) {
  std::vector<std::string> header = {"id"};
  Result<const model::Schema*> found = model::SchemaRegistry::Default().Find(schema);
  if (found.ok() && (*found)->is_relation) {
    header.push_back((*found)->source_property);
    header.push_back((*found)->target_property);
    header.push_back("startDate");
    header.push_back("endDate");
  }
  auto names = scan.properties_by_schema.find(schema);
  if (names != scan.properties_by_schema.end()) {
    header.insert(header.end(), names->second.begin(), names->second.end());
  }
  return header;
}

std::vector<std::string> Row(const std::vector<std::string>& header, const std::string& id,
                             const model::PropertyMap& properties, size_t first_property) {
  std::vector<std::string> row(header.size());
  row[0] = id;
  for (size_t col_idx = first_property; col_idx < header.size(); ++col_idx) {
    auto it = properties.find(header[col_idx]);
    if (it != properties.end()) row[col_idx] = Joined(it->second);
  }
  return row;
}

std::vector<std::string> RelationRow(const std::vector<std::string>& header,
                                     const model::Relation& relation) {
  std::vector<std::string> row = Row(header, relation.id.value(), relation.properties, 5);
  row[1] = relation.source.value();
  row[2] = relation.target.value();
  if (relation.start) row[3] = FormatTimestamp(*relation.start);
  if (relation.end) row[4] = FormatTimestamp(*relation.end);
  return row;
}

void CsvLine(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t col_idx = 0; col_idx < cells.size(); ++col_idx) {
    if (col_idx > 0) out << ',';
    out << CsvField(cells[col_idx]);
  }
  out << "\r\n";
}

// One output table per schema, opened on first use.
class Tables {
 public:
  virtual ~Tables() = default;
  virtual Status Write(const std::string& schema, const std::vector<std::string>& cells) = 0;
};

class CsvTables : public Tables {
 public:
  CsvTables(const std::string& folder, const Scan& scan, ExportSummary& summary)
      : folder_(folder), scan_(scan), summary_(summary) {}
  Status Write(const std::string& schema, const std::vector<std::string>& cells) override {
    auto it = files_.find(schema);
    if (it == files_.end()) {
      std::string path = folder_ + "/" + schema + ".csv";
      auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
      if (!*file) return UnavailableError("cannot write " + path);
      CsvLine(*file, Header(scan_, schema));
      summary_.files.push_back(path);
      it = files_.emplace(schema, std::move(file)).first;
    }
    CsvLine(*it->second, cells);
    return *it->second ? Status::Ok() : UnavailableError("writing " + schema + ".csv failed");
  }

 private:
  const std::string folder_;
  const Scan& scan_;
  ExportSummary& summary_;
  std::map<std::string, std::unique_ptr<std::ofstream>> files_;
};

class XlsxTables : public Tables {
 public:
  XlsxTables(lxw_workbook* workbook, const Scan& scan) : workbook_(workbook), scan_(scan) {}
  Status Write(const std::string& schema, const std::vector<std::string>& cells) override {
    auto it = sheets_.find(schema);
    if (it == sheets_.end()) {
      lxw_worksheet* sheet = workbook_add_worksheet(workbook_, schema.substr(0, 31).c_str());
      if (sheet == nullptr) return InternalError("libxlsxwriter refused sheet " + schema);
      if (scan_.arabic_schemata.contains(schema)) worksheet_right_to_left(sheet);
      it = sheets_.emplace(schema, Sheet{sheet, 0}).first;
      WriteRow(it->second, Header(scan_, schema));
    }
    WriteRow(it->second, cells);
    return Status::Ok();
  }

 private:
  struct Sheet {
    lxw_worksheet* sheet;
    lxw_row_t next_row;
  };
  void WriteRow(Sheet& sheet, const std::vector<std::string>& cells) {
    for (size_t col_idx = 0; col_idx < cells.size(); ++col_idx) {
      if (cells[col_idx].empty()) continue;
      // Excel's cell limit is 32,767 characters.
      std::string text = cells[col_idx].substr(0, 32767);
      worksheet_write_string(sheet.sheet, sheet.next_row, static_cast<lxw_col_t>(col_idx),
                             text.c_str(), nullptr);
    }
    ++sheet.next_row;
  }

  lxw_workbook* workbook_;
  const Scan& scan_;
  std::map<std::string, Sheet> sheets_;
};

Status WriteTables(ExportSource& source, Tables& tables, ExportSummary& summary) {
  const Scan& scan = source.scan();
  std::map<std::string, std::vector<std::string>> headers;
  auto header_of = [&](const std::string& schema) -> const std::vector<std::string>& {
    auto it = headers.find(schema);
    if (it == headers.end()) it = headers.emplace(schema, Header(scan, schema)).first;
    return it->second;
  };
  TAFKIK_RETURN_IF_ERROR(source.ForEachEntity([&](const model::Entity& entity) {
    ++summary.entities_by_schema[entity.schema];
    return tables.Write(entity.schema, Row(header_of(entity.schema), entity.id.value(),
                                           entity.properties, 1));
  }));
  return source.ForEachRelation([&](const model::Relation& relation) {
    ++summary.relations_by_schema[relation.schema];
    return tables.Write(relation.schema, RelationRow(header_of(relation.schema), relation));
  });
}

}  // namespace

Status WriteCsv(ExportSource& source, const std::string& folder, ExportSummary& summary) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return UnavailableError("cannot create folder " + folder + ": " + error.message());
  CsvTables tables(folder, source.scan(), summary);
  return WriteTables(source, tables, summary);
}

Status WriteXlsx(ExportSource& source, const std::string& path, ExportSummary& summary) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return UnavailableError("cannot create " + path);
  XlsxTables tables(workbook, source.scan());
  Status status = WriteTables(source, tables, summary);
  if (summary.entities() + summary.relations() == 0) workbook_add_worksheet(workbook, "Empty");
  lxw_error closed = workbook_close(workbook);
  if (!status.ok()) return status;
  if (closed != LXW_NO_ERROR) {
    return UnavailableError("writing " + path + " failed: " + lxw_strerror(closed));
  }
  summary.files.push_back(path);
  return Status::Ok();
}

}  // namespace tafkik::exchange::internal
