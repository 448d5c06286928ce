#include "readers/internal/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <optional>

#include "readers/excel_dates.h"
#include "readers/internal/zip_xml.h"

namespace tafkik::readers::internal {
namespace {

constexpr int64_t kMaxColumns = 16384;  // XFD, Excel's last column

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "C7" -> column 2 (0-based); nullopt when there are no letters or too many columns.
std::optional<int64_t> ColumnOf(std::string_view reference) {
  int64_t column = 0;
  size_t pos = 0;
  for (; pos < reference.size() && reference[pos] >= 'A' && reference[pos] <= 'Z'; ++pos) {
    column = column * 26 + (reference[pos] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  if (pos == 0) return std::nullopt;
  return column - 1;
}

// A relationship target resolved against the folder of the part that names it.
std::string ResolvePart(std::string_view folder, std::string_view target) {
  const std::string joined =
      target.starts_with('/') ? std::string(target) : std::string(folder) + std::string(target);
  std::vector<std::string_view> segments;
  const std::string_view rest(joined);
  for (size_t begin = 0; begin <= rest.size();) {
    size_t slash = rest.find('/', begin);
    if (slash == std::string_view::npos) slash = rest.size();
    const std::string_view segment = rest.substr(begin, slash - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = slash + 1;
  }
  std::string path;
  for (const std::string_view segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  return path;
}

std::string FolderOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

// Relationships: Id -> (Type, Target).
struct RelsHandler : XmlHandler {
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> by_id;
  void StartElement(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    by_id[std::string(Attribute(attributes, "Id"))] = {std::string(Attribute(attributes, "Type")),
                                                       std::string(Attribute(attributes, "Target"))};
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
  std::string TargetOfType(std::string_view type_suffix) const {
    for (const auto& [id, relation] : by_id) {
      if (relation.first.ends_with(type_suffix)) return relation.second;
    }
    return "";
  }
};

struct WorkbookHandler : XmlHandler {
  struct Sheet {
    std::string name;
    std::string relation_id;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      sheets.push_back({std::string(Attribute(attributes, "name")),
                        std::string(Attribute(attributes, "id"))});
    } else if (name == "workbookPr") {
      const std::string_view flag = Attribute(attributes, "date1904");
      date1904 = flag == "1" || flag == "true";
    }
  }
  void EndElement(std::string_view) override {}
  void Text(std::string_view) override {}
};

// <si> items: plain <t>, or rich-text runs <r><t> concatenated; phonetic <rPh> skipped.
struct SharedStringsHandler : XmlHandler {
  explicit SharedStringsHandler(const XlsxLimits& limits) : limits(limits) {}
  const XlsxLimits& limits;
  std::vector<std::string> strings;
  std::vector<size_t> too_long;  // indexes of strings cut at max_cell_bytes
  size_t total_bytes = 0;
  bool over_total = false;  // the table passed max_shared_string_bytes: nothing more is kept
  bool in_item = false, in_text = false;
  int phonetic_depth = 0;
  void StartElement(std::string_view name, const char**) override {
    if (name == "si") {
      strings.emplace_back();
      in_item = true;
    } else if (name == "rPh") {
      ++phonetic_depth;
    } else if (name == "t") {
      in_text = in_item && phonetic_depth == 0;
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "si") in_item = false;
    if (name == "rPh" && phonetic_depth > 0) --phonetic_depth;
    if (name == "t") in_text = false;
  }
  void Text(std::string_view text) override {
    if (!in_text || over_total) return;
    std::string& item = strings.back();
    if (item.size() + text.size() > limits.max_cell_bytes) {
      if (too_long.empty() || too_long.back() != strings.size() - 1) {
        too_long.push_back(strings.size() - 1);
      }
      text = text.substr(0, limits.max_cell_bytes - std::min(item.size(), limits.max_cell_bytes));
    }
    total_bytes += text.size();
    if (total_bytes > limits.max_shared_string_bytes) {
      over_total = true;
      return;
    }
    item.append(text);
  }
};

// cellXfs -> what each cell style's number format shows.
struct StylesHandler : XmlHandler {
  std::map<int64_t, std::string> custom_formats;
  std::vector<int64_t> format_of_style;
  bool in_cell_xfs = false;
  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      if (auto id = ParseInt(Attribute(attributes, "numFmtId"))) {
        custom_formats[*id] = std::string(Attribute(attributes, "formatCode"));
      }
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      format_of_style.push_back(ParseInt(Attribute(attributes, "numFmtId")).value_or(0));
    }
  }
  void EndElement(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  void Text(std::string_view) override {}
  std::vector<DateFormatKind> Kinds() const {
    std::vector<DateFormatKind> kinds;
    for (int64_t format : format_of_style) {
      const auto custom = custom_formats.find(format);
      kinds.push_back(ClassifyNumberFormat(
          static_cast<int>(std::clamp<int64_t>(format, -1, 1 << 30)),
          custom == custom_formats.end() ? std::string_view() : std::string_view(custom->second)));
    }
    return kinds;
  }
};

struct SheetRow {
  int64_t number = 0;  // the sheet's 1-based row
  std::vector<std::string> cells;
  std::string error;  // the first problem in the row, with its column
  size_t error_column = 0;  // 1-based; 0 when no single column
};

// Streams <sheetData>: completed rows queue up in `rows` as chunks are parsed.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<size_t>& too_long,
               const std::vector<DateFormatKind>& kinds, bool date1904, const XlsxLimits& limits)
      : strings_(strings), too_long_(too_long), kinds_(kinds), date1904_(date1904),
        limits_(limits) {}

  std::deque<SheetRow> rows;

  void StartElement(std::string_view name, const char** attributes) override {
    if (name == "row") {
      in_row_ = true;
      row_ = SheetRow{};
      const auto number = ParseInt(Attribute(attributes, "r"));
      row_.number = number && *number > last_row_ ? *number : last_row_ + 1;
      last_row_ = row_.number;
      next_column_ = 0;
    } else if (name == "c" && in_row_) {
      in_cell_ = true;
      const std::string_view reference = Attribute(attributes, "r");
      column_ = reference.empty() ? std::optional<int64_t>(next_column_) : ColumnOf(reference);
      type_ = Attribute(attributes, "t");
      style_ = ParseInt(Attribute(attributes, "s")).value_or(0);
      value_.clear();
      inline_.clear();
      cell_too_long_ = false;
    } else if (in_cell_) {
      if (name == "v") capture_ = &value_;
      if (name == "t" && phonetic_depth_ == 0) capture_ = &inline_;
      if (name == "rPh") ++phonetic_depth_;
    }
  }

  void EndElement(std::string_view name) override {
    if (name == "v" || name == "t") capture_ = nullptr;
    if (name == "rPh" && phonetic_depth_ > 0) --phonetic_depth_;
    if (name == "c" && in_cell_) EndCell();
    if (name == "row" && in_row_) {
      in_row_ = in_cell_ = false;
      rows.push_back(std::move(row_));
    }
  }

  void Text(std::string_view text) override {
    if (capture_ == nullptr) return;
    if (capture_->size() + text.size() > limits_.max_cell_bytes) {
      cell_too_long_ = true;
      text = text.substr(0, limits_.max_cell_bytes - std::min(capture_->size(), limits_.max_cell_bytes));
    }
    capture_->append(text);
  }

 private:
  void EndCell() {
    in_cell_ = false;
    capture_ = nullptr;
    phonetic_depth_ = 0;
    if (!column_) {
      NoteError("a cell reference past column XFD or without a column");
      return;
    }
    const auto column = static_cast<size_t>(*column_);
    next_column_ = *column_ + 1;
    if (cell_too_long_ || (type_ == "s" && IsTooLongShared())) {
      NoteError("column " + std::to_string(column + 1) + ": the cell's text is longer than " +
                    std::to_string(limits_.max_cell_bytes) +
                    " bytes (Excel's limit is 32,767 characters)",
                column + 1);
      return;
    }
    if (row_.cells.size() <= column) row_.cells.resize(column + 1);
    row_.cells[column] = CellText(column);
  }

  std::string CellText(size_t column) {
    if (type_ == "s") {
      const auto index = ParseInt(value_);
      if (index && *index >= 0 && static_cast<size_t>(*index) < strings_.size()) {
        return strings_[static_cast<size_t>(*index)];
      }
      NoteError("column " + std::to_string(column + 1) + ": shared string \"" + value_ +
                    "\" does not exist",
                column + 1);
      return "";
    }
    if (type_ == "inlineStr") return inline_;
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (!type_.empty() && type_ != "n") return value_;  // str, e, d: as written
    if (style_ < 0 || static_cast<size_t>(style_) >= kinds_.size() ||
        !kinds_[static_cast<size_t>(style_)].is_date_or_time()) {
      return value_;
    }
    double serial = 0;
    const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), serial);
    if (error != std::errc() || end != value_.data() + value_.size()) return value_;
    auto text = FormatExcelSerial(serial, date1904_, kinds_[static_cast<size_t>(style_)]);
    return text.ok() ? *std::move(text) : value_;  // a date out of range stays a number
  }

  bool IsTooLongShared() const {
    const auto index = ParseInt(value_);
    return index && *index >= 0 &&
           std::binary_search(too_long_.begin(), too_long_.end(), static_cast<size_t>(*index));
  }

  void NoteError(std::string why, size_t column = 0) {
    if (!row_.error.empty()) return;
    row_.error = std::move(why);
    row_.error_column = column;
  }

  // Constant after construction.
  const std::vector<std::string>& strings_;
  const std::vector<size_t>& too_long_;
  const std::vector<DateFormatKind>& kinds_;
  const bool date1904_;
  const XlsxLimits limits_;
  bool cell_too_long_ = false;

  SheetRow row_;
  int64_t last_row_ = 0;
  int64_t next_column_ = 0;
  bool in_row_ = false, in_cell_ = false;
  int phonetic_depth_ = 0;
  std::optional<int64_t> column_;
  std::string type_;
  int64_t style_ = 0;
  std::string value_, inline_;
  std::string* capture_ = nullptr;
};

// The parts of a workbook that every sheet needs.
struct Workbook {
  std::unique_ptr<ZipArchive> archive;
  std::vector<WorkbookHandler::Sheet> sheets;
  std::string folder;  // of workbook.xml, to resolve relationship targets
  RelsHandler relations;
  bool date1904 = false;
};

Result<Workbook> OpenWorkbook(const std::string& path) {
  Workbook workbook;
  TAFKIK_ASSIGN_OR_RETURN(workbook.archive, ZipArchive::Open(path));
  std::string workbook_part = "xl/workbook.xml";
  if (workbook.archive->Has("_rels/.rels")) {
    RelsHandler package;
    TAFKIK_ASSIGN_OR_RETURN(auto part, XmlPart::Open(*workbook.archive, "_rels/.rels", package));
    TAFKIK_RETURN_IF_ERROR(part->ParseAll());
    const std::string target = package.TargetOfType("/officeDocument");
    if (!target.empty()) workbook_part = ResolvePart("", target);
  }
  WorkbookHandler handler;
  TAFKIK_ASSIGN_OR_RETURN(auto part, XmlPart::Open(*workbook.archive, workbook_part, handler));
  TAFKIK_RETURN_IF_ERROR(part->ParseAll());
  workbook.sheets = std::move(handler.sheets);
  workbook.date1904 = handler.date1904;
  workbook.folder = FolderOf(workbook_part);
  const std::string rels_part =
      workbook.folder + "_rels/" + workbook_part.substr(workbook.folder.size()) + ".rels";
  if (workbook.archive->Has(rels_part)) {
    TAFKIK_ASSIGN_OR_RETURN(auto rels, XmlPart::Open(*workbook.archive, rels_part,
                                                     workbook.relations));
    TAFKIK_RETURN_IF_ERROR(rels->ParseAll());
  }
  return workbook;
}

class XlsxReader final : public TableReader {
 public:
  XlsxReader(Workbook workbook, const TableOptions& options, const XlsxLimits& limits)
      : workbook_(std::move(workbook)), options_(options), limits_(limits) {}

  Status Start();
  const std::vector<std::string>& header() const override { return header_; }
  Result<bool> Next(TableRow& row) override;
  int64_t bytes_read() const override { return sheet_part_ ? sheet_part_->bytes_read() : 0; }
  int64_t bytes_total() const override { return sheet_part_ ? sheet_part_->bytes_total() : 0; }

 private:
  Result<std::string> SheetPart() const;
  Status LoadSharedParts();
  // The next row of the sheet, parsing chunks as needed; nullopt at the end.
  Result<std::optional<SheetRow>> NextSheetRow();
  Status RowError(int64_t row, std::string_view why) const;

  // Constant after Start.
  Workbook workbook_;
  const TableOptions options_;
  const XlsxLimits limits_;
  std::string sheet_name_;
  std::vector<std::string> shared_strings_;
  std::vector<size_t> too_long_shared_;
  std::vector<DateFormatKind> style_kinds_;
  std::vector<std::string> header_;
  int64_t header_row_ = 0;

  std::unique_ptr<SheetHandler> handler_;
  std::unique_ptr<XmlPart> sheet_part_;
  bool failed_ = false;  // after malformed XML nothing more can be read
  Status parse_error_;   // malformed XML, reported once the rows before it are read
};

Result<std::string> XlsxReader::SheetPart() const {
  if (workbook_.sheets.empty()) {
    return InvalidArgumentError(workbook_.archive->path() + ": the workbook has no sheets");
  }
  const WorkbookHandler::Sheet* sheet = &workbook_.sheets.front();
  if (!options_.sheet.empty()) {
    sheet = nullptr;
    std::string names;
    for (const auto& candidate : workbook_.sheets) {
      if (candidate.name == options_.sheet) sheet = &candidate;
      names += (names.empty() ? "\"" : ", \"") + candidate.name + "\"";
    }
    if (sheet == nullptr) {
      return NotFoundError(workbook_.archive->path() + ": no sheet named \"" + options_.sheet +
                           "\" (the sheets are " + names + ")");
    }
  }
  const auto relation = workbook_.relations.by_id.find(sheet->relation_id);
  if (relation == workbook_.relations.by_id.end()) {
    return InvalidArgumentError(workbook_.archive->path() + ": sheet \"" + sheet->name +
                                "\" has no part in the workbook's relationships");
  }
  return ResolvePart(workbook_.folder, relation->second.second);
}

Status XlsxReader::LoadSharedParts() {
  const auto load = [&](std::string_view type, const char* fallback, XmlHandler& handler) -> Status {
    std::string target = workbook_.relations.TargetOfType(type);
    const std::string part = target.empty() ? fallback : ResolvePart(workbook_.folder, target);
    if (!workbook_.archive->Has(part)) return Status::Ok();  // both parts are optional
    TAFKIK_ASSIGN_OR_RETURN(auto xml, XmlPart::Open(*workbook_.archive, part, handler));
    return xml->ParseAll();
  };
  SharedStringsHandler strings(limits_);
  TAFKIK_RETURN_IF_ERROR(load("/sharedStrings", "xl/sharedStrings.xml", strings));
  if (strings.over_total) {
    return InvalidArgumentError(workbook_.archive->path() + ": its shared strings hold more than " +
                                std::to_string(limits_.max_shared_string_bytes) +
                                " bytes of text (a damaged or hostile workbook?)");
  }
  shared_strings_ = std::move(strings.strings);
  too_long_shared_ = std::move(strings.too_long);
  StylesHandler styles;
  TAFKIK_RETURN_IF_ERROR(load("/styles", "xl/styles.xml", styles));
  style_kinds_ = styles.Kinds();
  return Status::Ok();
}

Status XlsxReader::Start() {
  TAFKIK_ASSIGN_OR_RETURN(const std::string part, SheetPart());
  TAFKIK_RETURN_IF_ERROR(LoadSharedParts());
  handler_ = std::make_unique<SheetHandler>(shared_strings_, too_long_shared_, style_kinds_,
                                            workbook_.date1904, limits_);
  TAFKIK_ASSIGN_OR_RETURN(sheet_part_, XmlPart::Open(*workbook_.archive, part, *handler_));
  for (;;) {
    TAFKIK_ASSIGN_OR_RETURN(std::optional<SheetRow> row, NextSheetRow());
    if (!row) return InvalidArgumentError(workbook_.archive->path() + ": no header row");
    if (row->number <= options_.skip_lines) continue;
    while (!row->cells.empty() && row->cells.back().empty()) row->cells.pop_back();
    if (row->cells.empty()) continue;
    if (!row->error.empty()) return RowError(row->number, row->error);
    header_row_ = row->number;
    for (std::string& cell : row->cells) {
      const size_t first = cell.find_first_not_of(" \t\r\n");
      const size_t last = cell.find_last_not_of(" \t\r\n");
      header_.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    return Status::Ok();
  }
}

Result<std::optional<SheetRow>> XlsxReader::NextSheetRow() {
  while (handler_->rows.empty()) {
    if (!parse_error_.ok()) {
      Status error = std::move(parse_error_);
      parse_error_ = Status::Ok();
      return error;
    }
    if (failed_) return std::optional<SheetRow>();
    auto more = sheet_part_->ParseChunk();
    if (!more.ok()) {
      // The rows completed before the bad byte come first, then the error, then the end.
      failed_ = true;
      parse_error_ = more.status();
      continue;
    }
    if (!*more && handler_->rows.empty()) return std::optional<SheetRow>();
  }
  SheetRow row = std::move(handler_->rows.front());
  handler_->rows.pop_front();
  return std::optional<SheetRow>(std::move(row));
}

Status XlsxReader::RowError(int64_t row, std::string_view why) const {
  last_error_.row = row - header_row_;
  last_error_.column.clear();
  return InvalidArgumentError(workbook_.archive->path() + ": sheet row " + std::to_string(row) +
                              ": " + std::string(why));
}

Result<bool> XlsxReader::Next(TableRow& row) {
  for (;;) {
    TAFKIK_ASSIGN_OR_RETURN(std::optional<SheetRow> sheet_row, NextSheetRow());
    if (!sheet_row) return false;
    auto& cells = sheet_row->cells;
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.empty() && sheet_row->error.empty()) continue;  // blank rows are not data
    row.number = sheet_row->number - header_row_;
    last_error_.row = row.number;
    last_error_.column.clear();
    if (!sheet_row->error.empty()) {
      const size_t column = sheet_row->error_column;
      if (column >= 1 && column <= header_.size()) last_error_.column = header_[column - 1];
      return InvalidArgumentError(workbook_.archive->path() + ": row " +
                                  std::to_string(row.number) + ": " + sheet_row->error);
    }
    if (cells.size() > header_.size()) {
      return InvalidArgumentError(workbook_.archive->path() + ": row " +
                                  std::to_string(row.number) + ", column " +
                                  std::to_string(cells.size()) + ": more cells than the " +
                                  std::to_string(header_.size()) + " of the header");
    }
    cells.resize(header_.size());
    row.cells.swap(cells);
    return true;
  }
}

}  // namespace

Result<std::unique_ptr<TableReader>> OpenXlsx(const std::string& path,
                                              const TableOptions& options,
                                              const XlsxLimits& limits) {
  TAFKIK_ASSIGN_OR_RETURN(Workbook workbook, OpenWorkbook(path));
  auto reader = std::make_unique<XlsxReader>(std::move(workbook), options, limits);
  TAFKIK_RETURN_IF_ERROR(reader->Start());
  return std::unique_ptr<TableReader>(std::move(reader));
}

Result<std::vector<std::string>> ListXlsxSheets(const std::string& path) {
  TAFKIK_ASSIGN_OR_RETURN(Workbook workbook, OpenWorkbook(path));
  std::vector<std::string> names;
  for (const auto& sheet : workbook.sheets) names.push_back(sheet.name);
  return names;
}

}  // namespace tafkik::readers::internal
