#include "screening/statistics.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "core/text.h"

namespace tafkik::screening {
namespace {

enum Field { kYear, kGender, kAge, kCitizenship, kMeans, kExploit, kLabour, kRecruiter };

// The order fields are suppressed in: the most identifying and least used first.
constexpr std::array<Field, kStatisticsFieldCount> kSuppressionOrder = {
    kRecruiter, kCitizenship, kLabour, kMeans, kYear, kAge, kExploit, kGender};

constexpr std::array<std::string_view, 9> kAgeBands = {
    "0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"};

std::string GroupKey(const VictimRow& row) {
  std::string key;
  for (const std::string& value : row) key += value + '\x1f';
  return key;
}

// Each kept row's group key, and the size of each group ("" for rows not kept).
struct Groups {
  std::vector<std::string> keys;
  std::unordered_map<std::string, int64_t> sizes;
  int64_t SizeOf(size_t index) const { return sizes.at(keys[index]); }
};

Groups GroupRows(const std::vector<VictimRow>& rows, const std::vector<bool>& kept) {
  Groups groups;
  groups.keys.resize(rows.size());
  groups.sizes.reserve(rows.size());
  for (size_t index = 0; index < rows.size(); ++index) {
    if (!kept[index]) continue;
    groups.keys[index] = GroupKey(rows[index]);
    ++groups.sizes[groups.keys[index]];
  }
  return groups;
}

void Count(CategoryCounts& counts, const VictimRow& row) {
  for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
    ++counts[std::string(kStatisticsFields[field])][row[field]];
  }
}

bool IsUnknown(std::string_view value) {
  return value.empty() || value == "0" || value == "-99" || value == "Unknown" ||
         value == "Not Specified";
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t index = 0; index < line.size(); ++index) {
    char c = line[index];
    if (quoted) {
      if (c == '"' && index + 1 < line.size() && line[index + 1] == '"') {
        fields.back() += '"';
        ++index;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// Column index of each VictimRow field in the file, or -1 when the file has no such column.
struct Layout {
  std::array<int, kStatisticsFieldCount> column{};
  bool recoded = false;  // the recoded global dataset ("Age 9-17")
};

Result<Layout> DetectLayout(const std::vector<std::string>& header, const std::string& path) {
  static const std::array<std::string_view, kStatisticsFieldCount> kRecoded = {
      "yearOfRegistration", "gender",     "ageCategories", "citizenship",
      "ControlCategory",    "ExploitType", "Labor_Type",   "RecruiterCategory"};
  Layout layout;
  layout.recoded = std::find(header.begin(), header.end(), "ageCategories") != header.end();
  const auto& names = layout.recoded ? kRecoded : kStatisticsFields;
  for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
    auto found = std::find(header.begin(), header.end(), names[field]);
    if (found == header.end()) {
      return InvalidArgumentError(path + ": row 1: no column '" + std::string(names[field]) +
                                  "' (expected the CTDC recoded dataset or a tafkik export)");
    }
    layout.column[field] = static_cast<int>(found - header.begin());
  }
  return layout;
}

Result<std::string> NormaliseAge(const std::string& value, bool recoded) {
  if (IsUnknown(value)) return std::string();
  std::string band = value;
  if (recoded) {
    if (value.rfind("Age ", 0) != 0) return InvalidArgumentError("not 'Age N-M'");
    band = value.substr(4);
    if (size_t dash = band.find('-'); dash != std::string::npos) band.replace(dash, 1, "--");
  }
  if (std::find(kAgeBands.begin(), kAgeBands.end(), band) == kAgeBands.end()) {
    return InvalidArgumentError("not a CTDC age band");
  }
  return band;
}

Result<VictimRow> ParseRow(const std::vector<std::string>& cells, const Layout& layout) {
  VictimRow row;
  for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
    std::string value(Trim(cells[layout.column[field]]));
    row[field] = IsUnknown(value) ? "" : value;
  }
  const std::string& year = row[kYear];
  if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit))) {
    return InvalidArgumentError("column '" + std::string(kStatisticsFields[kYear]) + "': '" +
                                year + "' is not a year");
  }
  auto age = NormaliseAge(cells[layout.column[kAge]], layout.recoded);
  if (!age.ok()) {
    return InvalidArgumentError("age column: '" + cells[layout.column[kAge]] + "' is " +
                                age.status().message());
  }
  row[kAge] = *age;
  row[kCitizenship] = AsciiUpper(row[kCitizenship]);
  return row;
}

std::string MeansOfControl(const std::vector<Observation>& observations) {
  // CTDC's categories, most severe first: one per victim, as in the recoded dataset.
  bool physical = false, threats = false, financial = false, survival = false, other = false;
  for (const Observation& observation : observations) {
    const std::string& id = observation.id;
    auto has = [&](std::string_view part) { return id.find(part) != std::string::npos; };
    if (has("violence") || has("abduction") || has("injuries") || id == "palermo.means.force") {
      (has("threat") ? threats : physical) = true;
    } else if (has("threat") || id == "unodc.gen.threats") {
      threats = true;
    } else if (has("debt") || has("withholding") || has("wage_manipulation") ||
               has("deductions") || has("earnings_taken") || has("no_pay")) {
      financial = true;
    } else if (has("leftovers") || has("bad_living")) {
      survival = true;
    } else if (id.rfind("palermo.means.", 0) == 0 || has(".cd.") || has("documents")) {
      other = true;
    }
  }
  if (physical) return "Physical";
  if (threats) return "Threats";
  if (financial) return "Financial";
  if (survival) return "Survival";
  return other ? "Other" : "";
}

std::string ExploitType(const std::vector<std::string>& forms) {
  auto has = [&](std::string_view form) {
    return std::find(forms.begin(), forms.end(), form) != forms.end();
  };
  if (has("sexual")) return "Sexual Exploitation";
  if (has("labour") || has("domestic_servitude")) return "Forced Labor";
  return forms.empty() ? "" : "Other";
}

std::string RecruiterText(RecruiterRelation relation) {
  switch (relation) {
    case RecruiterRelation::kIntimatePartner: return "Intimate Partner";
    case RecruiterRelation::kFamily: return "Family/Relative";
    case RecruiterRelation::kFriend: return "Friend/Acquaintance";
    case RecruiterRelation::kEmployer:
    case RecruiterRelation::kOther: return "Other";
    case RecruiterRelation::kUnknown: return "";
  }
  return "";
}

std::string BestAgeBand(const std::vector<AgeEvidence>& ages) {
  if (ages.empty()) return "";
  auto [youngest, oldest] = std::minmax_element(
      ages.begin(), ages.end(), [](const auto& a, const auto& b) { return a.years < b.years; });
  if (youngest->years < 18 && oldest->years >= 18) return "";  // disputed across 18
  for (AgeBasis basis : {AgeBasis::kDocument, AgeBasis::kStated, AgeBasis::kEstimated}) {
    for (const AgeEvidence& age : ages) {
      if (age.basis == basis) return AgeBand(age.years);
    }
  }
  return "";
}

}  // namespace

std::string AgeBand(int years) {
  static constexpr std::array<int, 8> kUpper = {8, 17, 20, 23, 26, 29, 38, 47};
  for (size_t band = 0; band < kUpper.size(); ++band) {
    if (years <= kUpper[band]) return std::string(kAgeBands[band]);
  }
  return "48+";
}

int64_t SmallestGroup(const std::vector<VictimRow>& rows) {
  if (rows.empty()) return 0;
  Groups groups = GroupRows(rows, std::vector<bool>(rows.size(), true));
  int64_t smallest = INT64_MAX;
  for (const auto& [key, size] : groups.sizes) smallest = std::min(smallest, size);
  return smallest;
}

Result<StatisticsExport> KAnonymise(const std::vector<VictimRow>& rows, int k) {
  if (k < 1) return InvalidArgumentError("k must be at least 1, not " + std::to_string(k));
  StatisticsExport result;
  result.k = k;
  result.input_rows = static_cast<int64_t>(rows.size());
  for (const VictimRow& row : rows) Count(result.input_counts, row);
  std::vector<VictimRow> working = rows;
  std::vector<bool> kept(rows.size(), true);
  for (Field field : kSuppressionOrder) {
    Groups groups = GroupRows(working, kept);
    for (size_t index = 0; index < working.size(); ++index) {
      std::string& value = working[index][field];
      if (value.empty() || groups.SizeOf(index) >= k) continue;
      ++result.suppressed_counts[std::string(kStatisticsFields[field])][value];
      ++result.suppressed_cells;
      value.clear();
    }
  }
  Groups groups = GroupRows(working, kept);
  for (size_t index = 0; index < working.size(); ++index) {
    if (groups.SizeOf(index) >= k) continue;
    kept[index] = false;
    ++result.dropped_rows;
    Count(result.dropped_counts, rows[index]);
  }
  for (size_t index = 0; index < working.size(); ++index) {
    if (!kept[index]) continue;
    Count(result.released_counts, working[index]);
    result.rows.push_back(std::move(working[index]));
  }
  // Cells suppressed in rows dropped afterwards are counted with the dropped rows only.
  for (size_t index = 0; index < rows.size(); ++index) {
    if (kept[index]) continue;
    for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
      if (rows[index][field].empty() || !working[index][field].empty()) continue;
      std::string name(kStatisticsFields[field]);
      --result.suppressed_counts[name][rows[index][field]];
      --result.suppressed_cells;
    }
  }
  return result;
}

Result<std::vector<VictimRow>> ReadCtdcCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot open " + path);
  std::string line;
  if (!std::getline(in, line)) return InvalidArgumentError(path + ": the file is empty");
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  std::vector<std::string> header = SplitCsvLine(line);
  TAFKIK_ASSIGN_OR_RETURN(Layout layout, DetectLayout(header, path));
  std::vector<VictimRow> rows;
  for (int64_t row_number = 2; std::getline(in, line); ++row_number) {
    if (Trim(line).empty()) continue;
    std::vector<std::string> cells = SplitCsvLine(line);
    std::string where = path + ": row " + std::to_string(row_number);
    if (cells.size() != header.size()) {
      return InvalidArgumentError(where + ": " + std::to_string(cells.size()) + " fields, the "
                                  "header has " + std::to_string(header.size()));
    }
    auto row = ParseRow(cells, layout);
    if (!row.ok()) return InvalidArgumentError(where + ": " + row.status().message());
    rows.push_back(std::move(row).value());
  }
  return rows;
}

std::string ToCsv(const StatisticsExport& result) {
  std::string csv;
  for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
    csv += (field == 0 ? "" : ",") + std::string(kStatisticsFields[field]);
  }
  csv += "\n";
  for (const VictimRow& row : result.rows) {
    for (size_t field = 0; field < kStatisticsFieldCount; ++field) {
      csv += (field == 0 ? "" : ",") + (row[field].empty() ? "-99" : CsvField(row[field]));
    }
    csv += "\n";
  }
  return csv;
}

Json SummaryJson(const StatisticsExport& result) {
  auto counts = [](const CategoryCounts& counts) {
    Json json = Json::object();
    for (const auto& [field, values] : counts) {
      for (const auto& [value, count] : values) {
        if (count != 0) json[field][value.empty() ? "-99" : value] = count;
      }
    }
    return json;
  };
  return Json{{"k", result.k},
              {"input_rows", result.input_rows},
              {"released_rows", static_cast<int64_t>(result.rows.size())},
              {"dropped_rows", result.dropped_rows},
              {"suppressed_cells", result.suppressed_cells},
              {"smallest_group", SmallestGroup(result.rows)},
              {"released_counts", counts(result.released_counts)},
              {"suppressed_counts", counts(result.suppressed_counts)},
              {"dropped_counts", counts(result.dropped_counts)}};
}

VictimRow RowFromScreening(const Screening& screening, const std::vector<std::string>& forms,
                           const std::string& gender, const std::string& citizenship) {
  VictimRow row;
  std::string at = FormatTimestamp(screening.screened_at);
  row[kYear] = at.substr(0, 4);
  std::string lower = AsciiLower(gender);
  row[kGender] = lower == "female" ? "Female" : lower == "male" ? "Male" : "";
  row[kAge] = BestAgeBand(screening.input.ages);
  row[kCitizenship] = AsciiUpper(citizenship);
  row[kMeans] = MeansOfControl(screening.input.observations);
  row[kExploit] = ExploitType(forms);
  bool domestic = std::find(forms.begin(), forms.end(), "domestic_servitude") != forms.end();
  row[kLabour] = domestic ? "Domestic Work" : "";
  row[kRecruiter] = RecruiterText(screening.recruiter_relation);
  return row;
}

}  // namespace tafkik::screening
