#include "ingest/suggest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/status_matchers.h"
#include "ingest/profiles.h"
#include "readers/table_reader.h"

namespace tafkik::ingest {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> SplitHeader(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (char c : line) {
    if (c == ',') {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell.push_back(c);
    }
  }
  cells.push_back(cell);
  return cells;
}

TEST(SuggestTest, EachShippedSampleHeaderPicksItsProfile) {
  Result<std::vector<Profile>> profiles = LoadShippedProfiles();
  ASSERT_THAT(profiles, IsOk());
  int samples = 0;
  // The extraction tools' sheets are hand-made XLSX samples named after the tool.
  const std::map<std::string, std::string> xlsx = {{"extraction_calls", "xry_calls.xlsx"},
                                                   {"extraction_messages", "oxygen_messages.xlsx"},
                                                   {"extraction_contacts", "axiom_contacts.xlsx"}};
  for (const Profile& profile : *profiles) {
    std::vector<std::string> columns;
    std::string path = ShippedProfilesDir() + "/samples/" + profile.name + ".csv";
    if (xlsx.contains(profile.name)) {
      path = ShippedProfilesDir() + "/samples/" + xlsx.at(profile.name);
      readers::TableOptions options;
      options.skip_lines = profile.skip_lines;
      auto reader = readers::OpenTable(path, options);
      ASSERT_THAT(reader, IsOk()) << path;
      columns = (*reader)->header();
    } else {
      std::ifstream in(path);
      ASSERT_TRUE(in) << "no sample for " << profile.name;
      std::string header;
      std::getline(in, header);
      columns = SplitHeader(header);
    }
    std::vector<ProfileMatch> ranked = RankProfiles(columns, *profiles);
    EXPECT_EQ(ranked.front().profile, profile.name) << path;
    EXPECT_EQ(ranked.front().score, 1.0) << path;
    EXPECT_LT(ranked[1].score, 1.0) << path << " ties with " << ranked[1].profile;
    ++samples;
  }
  EXPECT_EQ(samples, 10);
}

TEST(SuggestTest, FrenchAndArabicHeadersOfACallRecordFile) {
  Result<std::vector<Profile>> profiles = LoadShippedProfiles();
  ASSERT_THAT(profiles, IsOk());
  std::vector<ProfileMatch> french =
      RankProfiles({"Numéro Appelant", "Numéro appelé", "Date début", "Durée", "Type d'appel",
                    "IMSI", "IMEI", "Cellule début", "Cellule fin"},
                   *profiles);
  EXPECT_EQ(french.front().profile, "cdr");
  EXPECT_EQ(french.front().matched, 9);
  std::vector<ProfileMatch> arabic =
      RankProfiles({"رقم المتصل", "المتصل به", "تاريخ البدء", "المدة", "النوع"}, *profiles);
  EXPECT_EQ(arabic.front().profile, "cdr");
  EXPECT_EQ(arabic.front().matched, 5);
  EXPECT_THAT(arabic.front().missing, ::testing::ElementsAre("imsi", "imei", "cell_first", "cell_last"));
}

TEST(SuggestTest, SkeletonIsAProfileThatBindsTheHeader) {
  Result<std::vector<Profile>> profiles = LoadShippedProfiles();
  ASSERT_THAT(profiles, IsOk());
  std::vector<std::string> header = {"Numéro Appelant", "Numéro appelé", "Date début", "Durée",
                                     "Type d'appel", "IMSI", "IMEI", "Cellule début",
                                     "Cellule fin", "Opérateur"};
  std::vector<ProfileMatch> ranked = RankProfiles(header, *profiles);
  const Profile* cdr = nullptr;
  for (const Profile& profile : *profiles) {
    if (profile.name == ranked.front().profile) cdr = &profile;
  }
  ASSERT_NE(cdr, nullptr);
  std::string yaml = ProfileSkeleton(*cdr, ranked.front());
  EXPECT_THAT(yaml, HasSubstr("caller: [\"Numéro Appelant\"]"));
  EXPECT_THAT(yaml, HasSubstr("Header columns not used: \"Opérateur\""));
  Result<Profile> reparsed = ParseProfile(yaml, "suggested.yaml");
  ASSERT_THAT(reparsed, IsOk());
  std::vector<ProfileMatch> again = RankProfiles(header, {*reparsed});
  EXPECT_EQ(again.front().score, 1.0);
}

TEST(SuggestTest, FoldingIgnoresCaseAccentsSpacesAndTatweel) {
  EXPECT_EQ(FoldHeaderName("Numéro  Appelé"), "numeroappele");
  EXPECT_EQ(FoldHeaderName("Date_Début"), "datedebut");
  EXPECT_EQ(FoldHeaderName("المـدة"), "المدة");
}

}  // namespace
}  // namespace tafkik::ingest

namespace tafkik::ingest {
namespace {

// An extraction tool's sheet has a title block above its header: each profile is ranked
// against the header found past its own skip_lines, so the calls sheet finds its profile.
TEST(SuggestTest, AnExtractionSheetBelowItsTitleBlockPicksItsProfile) {
  Result<std::vector<Profile>> profiles = LoadShippedProfiles();
  ASSERT_THAT(profiles, IsOk());
  Result<std::vector<ProfileMatch>> ranked =
      RankProfilesForFile(ShippedProfilesDir() + "/samples/xry_calls.xlsx", *profiles);
  ASSERT_THAT(ranked, IsOk());
  EXPECT_EQ(ranked->front().profile, "extraction_calls");
  EXPECT_EQ(ranked->front().score, 1.0);
  ranked = RankProfilesForFile(ShippedProfilesDir() + "/samples/cdr.csv", *profiles);
  ASSERT_THAT(ranked, IsOk());
  EXPECT_EQ(ranked->front().profile, "cdr");
  EXPECT_EQ(ranked->size(), profiles->size());
}

}  // namespace
}  // namespace tafkik::ingest
