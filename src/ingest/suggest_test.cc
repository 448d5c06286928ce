#include "ingest/suggest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/status_matchers.h"
#include "ingest/profiles.h"

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
  for (const Profile& profile : *profiles) {
    std::string path = ShippedProfilesDir() + "/samples/" + profile.name + ".csv";
    std::ifstream in(path);
    ASSERT_TRUE(in) << "no sample for " << profile.name;
    std::string header;
    std::getline(in, header);
    std::vector<ProfileMatch> ranked = RankProfiles(SplitHeader(header), *profiles);
    EXPECT_EQ(ranked.front().profile, profile.name) << path;
    EXPECT_EQ(ranked.front().score, 1.0) << path;
    EXPECT_LT(ranked[1].score, 1.0) << path << " ties with " << ranked[1].profile;
    ++samples;
  }
  EXPECT_EQ(samples, 7);
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
