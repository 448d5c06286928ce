// Victim statistics in the shape of the Counter Trafficking Data Collaborative (CTDC) global
// dataset / Human Trafficking Case Data Standard (HTCDS): one row per identified victim with
// registration year, gender, age band, citizenship, means of control, type of exploitation,
// type of labour and recruiter relation, k-anonymised before release. Pure functions;
// thread-safe.
//
// k-anonymity: every released row shares all of its field values with at least k-1 other
// released rows. Rows in smaller groups have fields suppressed (set to unknown, "-99" in CSV
// as CTDC writes missing values), one field at a time in a fixed order (recruiter relation,
// citizenship, type of labour, means of control, year, age band, type of exploitation,
// gender); rows still in a group smaller than k after every field is suppressed are dropped.
// Every suppressed cell and dropped row is counted per field and value, so that for every
// category: input count = released + suppressed + dropped. Cost: O(fields × rows log rows).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "screening/screening.h"

namespace tafkik::screening {

inline constexpr int kDefaultK = 11;
inline constexpr int kStatisticsFieldCount = 8;
// The CTDC column names, in row order.
inline constexpr std::array<std::string_view, kStatisticsFieldCount> kStatisticsFields = {
    "yearOfRegistration", "gender",       "ageBroad",     "citizenship",
    "meansOfControl",     "typeOfExploit", "typeOfLabour", "recruiterRelation"};

// One victim; "" is unknown. Values follow CTDC: gender "Female"/"Male"; ageBroad "0--8",
// "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"; citizenship ISO
// 3166 alpha-2 in upper case; meansOfControl "Physical", "Threats", "Financial", "Survival",
// "Other"; typeOfExploit "Sexual Exploitation", "Forced Labor", "Forced Marriage", "Other";
// recruiterRelation "Intimate Partner", "Family/Relative", "Friend/Acquaintance", "Other".
using VictimRow = std::array<std::string, kStatisticsFieldCount>;

// Counts per field name, then per value ("" for unknown).
using CategoryCounts = std::map<std::string, std::map<std::string, int64_t>>;

struct StatisticsExport {
  int k = kDefaultK;
  std::vector<VictimRow> rows;     // released, in input order
  int64_t input_rows = 0;
  int64_t dropped_rows = 0;        // in a group smaller than k even fully suppressed
  int64_t suppressed_cells = 0;
  CategoryCounts input_counts;     // before anything
  CategoryCounts released_counts;  // in `rows`
  CategoryCounts suppressed_counts;  // values blanked in released rows, by original value
  CategoryCounts dropped_counts;   // values of dropped rows (before suppression)
};

// Size of the smallest group of rows with equal values in every field; 0 for no rows.
int64_t SmallestGroup(const std::vector<VictimRow>& rows);

// k-anonymises `rows` as described above. InvalidArgument for k < 1.
Result<StatisticsExport> KAnonymise(const std::vector<VictimRow>& rows, int k);

// Reads a CTDC-derived CSV: the recoded global dataset (columns yearOfRegistration,
// Datasource, gender, citizenship, isForcedLabour, ControlCategory, RecruiterCategory,
// ExploitType, Labor_Type, ageCategories) or this module's own export (the columns of
// kStatisticsFields). "0", "-99", "Unknown", "Not Specified" and "" are unknown.
// InvalidArgument naming the file, the row (1-based, header = 1), the column and the value:
// an unknown header, a row with the wrong number of fields, a year that is not 4 digits, an
// age band that is not one of CTDC's. NotFound when the file cannot be opened.
Result<std::vector<VictimRow>> ReadCtdcCsv(const std::string& path);

// The released rows as CSV with a header of kStatisticsFields; unknown as "-99".
std::string ToCsv(const StatisticsExport& result);
// {"k", "input_rows", "released_rows", "dropped_rows", "suppressed_cells",
//  "smallest_group", "released_counts", "suppressed_counts", "dropped_counts"}
Json SummaryJson(const StatisticsExport& result);

// The statistics row of a screening whose outcome indicates a presumed victim: year of the
// screening, `gender` ("male"/"female" as model::Person stores it), age band from the best age
// evidence (document, then stated, then estimated; unknown when disputed across 18),
// `citizenship` (ISO 3166, any case), means of control from the observed indicators, type
// of exploitation from `forms` (rules.h FormName values), recruiter relation.
VictimRow RowFromScreening(const Screening& screening, const std::vector<std::string>& forms,
                           const std::string& gender, const std::string& citizenship);

// The CTDC age band of `years`.
std::string AgeBand(int years);

}  // namespace tafkik::screening
