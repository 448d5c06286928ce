// The statistics export on the real CTDC-derived records of ../shared/data/victims
// (gh-mrmoore/Human-Trafficking-Analysis @ 2f155892, trafficking_cleaned.csv: 14,299 victims
// recoded from the Counter Trafficking Data Collaborative global dataset).
#include "screening/statistics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::screening {
namespace {

using ::testing::HasSubstr;

std::string VictimsFile(const std::string& name) {
  return std::string(TAFKIK_SOURCE_DIR) + "/../shared/data/victims/" + name;
}

const std::vector<VictimRow>& Ctdc() {
  static const std::vector<VictimRow>* rows = [] {
    auto read = ReadCtdcCsv(VictimsFile("trafficking_cleaned.csv"));
    if (!read.ok()) {
      ADD_FAILURE() << read.status().ToString();
      return new std::vector<VictimRow>();
    }
    return new std::vector<VictimRow>(std::move(read).value());
  }();
  return *rows;
}

TEST(CtdcImportTest, ReadsEveryRecordWithItsCategories) {
  const std::vector<VictimRow>& rows = Ctdc();
  ASSERT_EQ(rows.size(), 14'299u);
  auto result = KAnonymise(rows, 1);
  ASSERT_THAT(result, IsOk());
  // Counts as `cut -d, -fN | sort | uniq -c` gives them on the file.
  EXPECT_EQ(result->input_counts["gender"]["Female"], 12'460);
  EXPECT_EQ(result->input_counts["gender"]["Male"], 1'839);
  EXPECT_EQ(result->input_counts["citizenship"]["US"], 3'590);
  EXPECT_EQ(result->input_counts["citizenship"][""], 8'353);  // "0" in the file
  EXPECT_EQ(result->input_counts["ageBroad"]["9--17"], 4'942);
  EXPECT_EQ(result->input_counts["typeOfExploit"]["Sexual Exploitation"], 11'908);
  EXPECT_EQ(result->input_counts["meansOfControl"]["Threats"], 3'919);
  EXPECT_EQ(result->input_counts["recruiterRelation"]["Intimate Partner"], 1'523);
  EXPECT_EQ(result->input_counts["typeOfLabour"]["Domestic Work"], 229);
}

TEST(CtdcImportTest, KOfOneReleasesEverythingUnchanged) {
  auto result = KAnonymise(Ctdc(), 1);
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->rows, Ctdc());
  EXPECT_EQ(result->released_counts, result->input_counts);
  EXPECT_EQ(result->suppressed_cells, 0);
  EXPECT_EQ(result->dropped_rows, 0);
}

TEST(CtdcImportTest, ElevenAnonymousAndEveryCellAccountedFor) {
  auto result = KAnonymise(Ctdc(), kDefaultK);
  ASSERT_THAT(result, IsOk());
  EXPECT_GE(SmallestGroup(result->rows), kDefaultK);
  EXPECT_EQ(static_cast<int64_t>(result->rows.size()) + result->dropped_rows, 14'299);
  // For every category: input = released + suppressed + dropped; and no released category is
  // rarer than k (a category lives in groups of at least k).
  for (const auto& [field, values] : result->input_counts) {
    for (const auto& [value, count] : values) {
      if (value.empty()) continue;
      int64_t released = result->released_counts[field][value];
      EXPECT_EQ(count, released + result->suppressed_counts[field][value] +
                           result->dropped_counts[field][value])
          << field << "=" << value;
      if (released > 0) {
        EXPECT_GE(released, kDefaultK) << field << "=" << value;
      }
    }
  }
  // The figures docs/screening.md reports for k = 11.
  // (deterministic: the same file and k give the same suppression)
  EXPECT_EQ(result->dropped_rows, 0);
  EXPECT_EQ(result->suppressed_cells, 5'739);  // of 114,392 cells (5.0 %)
  EXPECT_EQ(SmallestGroup(result->rows), 11);
  EXPECT_EQ(result->released_counts["gender"]["Female"] + result->suppressed_counts["gender"]["Female"], 12'460);
}

TEST(CtdcImportTest, ExportReadsBackAsTheSameRows) {
  auto result = KAnonymise(Ctdc(), kDefaultK);
  ASSERT_THAT(result, IsOk());
  testing::TempDir dir;
  {
    std::ofstream out(dir.Sub("export.csv"));
    out << ToCsv(*result);
  }
  auto back = ReadCtdcCsv(dir.Sub("export.csv"));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(*back, result->rows);
  auto again = KAnonymise(*back, kDefaultK);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->suppressed_cells, 0);  // already 11-anonymous
}

TEST(CtdcImportTest, BadRowsAreNamed) {
  testing::TempDir dir;
  auto write = [&](const std::string& text) {
    std::ofstream out(dir.Sub("bad.csv"));
    out << text;
  };
  std::string header =
      "yearOfRegistration,Datasource,gender,citizenship,isForcedLabour,ControlCategory,"
      "RecruiterCategory,ExploitType,Labor_Type,ageCategories\n";
  write(header + "2012,Hotline,Female,LK,1,Threats,Other,Forced Labor,Domestic Work,Age 30-38\n"
                 "2012,Hotline,Female,LK,1,Threats\n");
  EXPECT_THAT(ReadCtdcCsv(dir.Sub("bad.csv")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("bad.csv: row 3: 6 fields")));
  write(header + "2012,Hotline,Female,LK,1,Threats,Other,Forced Labor,Domestic Work,Age 30-99\n");
  EXPECT_THAT(ReadCtdcCsv(dir.Sub("bad.csv")),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("row 2: age column: 'Age 30-99' is not a CTDC age band")));
  write(header + "12,Hotline,Female,LK,1,Threats,Other,Forced Labor,Domestic Work,Age 30-38\n");
  EXPECT_THAT(ReadCtdcCsv(dir.Sub("bad.csv")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'12' is not a year")));
  EXPECT_THAT(ReadCtdcCsv(VictimsFile("human_traffick_sample_dataset.csv")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("row 1: no column")));
  EXPECT_THAT(ReadCtdcCsv(dir.Sub("absent.csv")), StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(KAnonymise({}, 0), StatusIs(StatusCode::kInvalidArgument));
}

TEST(KAnonymiseTest, SuppressesRecruiterFirstThenDropsWhatStaysUnique) {
  VictimRow common = {"2020", "Female", "18--20", "MA", "Threats", "Forced Labor", "", ""};
  std::vector<VictimRow> rows(3, common);
  VictimRow partner = common;
  partner[7] = "Intimate Partner";
  rows.push_back(partner);
  VictimRow unique = {"1999", "Male", "48+", "LY", "Physical", "Other", "", ""};
  rows.push_back(unique);
  auto result = KAnonymise(rows, 3);
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ(result->rows.size(), 4u);
  EXPECT_EQ(result->rows[3], common);  // the partner row joins the others once blanked
  EXPECT_EQ(result->suppressed_counts["recruiterRelation"]["Intimate Partner"], 1);
  EXPECT_EQ(result->dropped_rows, 1);
  EXPECT_EQ(result->dropped_counts["citizenship"]["LY"], 1);
  EXPECT_GE(SmallestGroup(result->rows), 3);
}

TEST(RowFromScreeningTest, MapsScreeningToCtdcFields) {
  Screening screening;
  screening.screened_at = *ParseTimestamp("2026-03-01T10:00:00Z");
  screening.input.ages = {{17, AgeBasis::kEstimated}, {16, AgeBasis::kDocument}};
  screening.input.observations = {{"ilo.cd.debt_bondage", "", Source::kStated},
                                  {"ilo.cd.threats_violence", "", Source::kStated}};
  screening.recruiter_relation = RecruiterRelation::kFamily;
  VictimRow row = RowFromScreening(screening, {"domestic_servitude"}, "female", "ng");
  EXPECT_EQ(row, (VictimRow{"2026", "Female", "9--17", "NG", "Threats", "Forced Labor",
                            "Domestic Work", "Family/Relative"}));
  EXPECT_EQ(AgeBand(8), "0--8");
  EXPECT_EQ(AgeBand(18), "18--20");
  EXPECT_EQ(AgeBand(48), "48+");
}

}  // namespace
}  // namespace tafkik::screening
