#include "resolve/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::resolve {
namespace {

using ::testing::HasSubstr;

PersonRecord Person(std::string id, std::vector<std::string> names, std::string birth,
                    std::string document = "", std::string phone = "") {
  PersonRecord person;
  person.id = std::move(id);
  person.names = std::move(names);
  if (!birth.empty()) person.birth_dates = {std::move(birth)};
  if (!document.empty()) person.documents = {std::move(document)};
  if (!phone.empty()) person.phones = {std::move(phone)};
  return person;
}

// "a-b a-c" for the clusters, by record id, members in order.
std::string Clusters(const std::vector<PersonRecord>& records, const PipelineResult& result) {
  std::string out;
  for (const auto& cluster : result.clusters.clusters) {
    if (!out.empty()) out += ' ';
    for (size_t member_idx = 0; member_idx < cluster.size(); ++member_idx) {
      if (member_idx > 0) out += '-';
      out += records[cluster[member_idx]].id;
    }
  }
  return out;
}

std::vector<PersonRecord> Smugglers() {
  return {
      Person("police", {"محمد بن عبد الرحمن"}, "1984-03-12", "", "+212661234567"),
      Person("transfer", {"MOHAMED BENABDERRAHMANE"}, "12/03/1984", "", "0661234567"),
      Person("sanctions", {"Muhammad Abd al-Rahman"}, "1984", "AB1234567"),
      Person("passport", {"Mohammed Abderrahman"}, "1984-03-12", "AB1234567"),
      Person("other", {"Mahmoud Benabderrahmane"}, "1991-07-02", "ZK9988776"),
      Person("unrelated", {"Fatima Zahra El Idrissi"}, "1990-01-01"),
  };
}

PipelineOptions Defaults() {
  PipelineOptions options;
  options.skip = {"estimate"};  // too few records to estimate from: documented weights
  options.threads = 1;
  return options;
}

TEST(PipelineTest, JoinsOneSmugglerAcrossScriptsAndSources) {
  std::vector<PersonRecord> records = Smugglers();
  Pipeline pipeline(records, Defaults());
  auto result = pipeline.Run();
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(Clusters(records, *result), "police-transfer-sanctions-passport");
  ASSERT_FALSE(result->candidates.empty());
  for (const CandidatePair& pair : result->candidates) {
    EXPECT_NE(records[pair.left].id, "unrelated");
    EXPECT_NE(records[pair.right].id, "unrelated");
  }
}

TEST(PipelineTest, EveryPassIsTimedAndOptionalOnesSwitchOff) {
  std::vector<PersonRecord> records = Smugglers();
  PipelineOptions options = Defaults();
  options.skip = {"estimate", "cluster", "frequencies", "block"};
  Pipeline pipeline(records, options);
  auto result = pipeline.Run();
  ASSERT_THAT(result, IsOk());
  std::string passes;
  for (const PassReport& pass : result->passes) {
    passes += pass.name + (pass.ran ? "+ " : "- ");
  }
  EXPECT_EQ(passes, "normalise+ frequencies- block- compare+ estimate- score+ cluster- ");
  EXPECT_EQ(result->compared_pairs, 15);  // every pair of 6 without blocking
  EXPECT_TRUE(result->clusters.clusters.empty());
}

TEST(PipelineTest, RefusesUnknownAndMandatoryPasses) {
  std::vector<PersonRecord> records = Smugglers();
  PipelineOptions options = Defaults();
  options.skip = {"normalise"};
  EXPECT_THAT(Pipeline(records, options).Run(),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'normalise' cannot")));
  options.skip = {"blocking"};
  EXPECT_THAT(Pipeline(records, options).Run(),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("no pass named 'blocking'")));
}

TEST(PipelineTest, SharedPassportLinksDifferentSpellings) {
  std::vector<PersonRecord> records = {
      Person("a", {"Youssef Amrani"}, "", "MA4455667"),
      Person("b", {"Youcef Amrany"}, "", "MA4455667"),
      Person("c", {"Yusuf al-Amrani"}, "", "MA4455667"),
  };
  auto result = Pipeline(records, Defaults()).Run();
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(Clusters(records, *result), "a-b-c");
}

TEST(PipelineTest, WeakChainIsCut) {
  // b resembles a and c, but a and c carry different passports and dates of birth.
  std::vector<PersonRecord> records = {
      Person("a", {"Karim Haddad"}, "1980-02-03", "P1111111"),
      Person("b", {"Karim Haddad"}, "1980-02-03"),
      Person("c", {"Karim Haddad"}, "1975-09-30", "P9999999"),
  };
  PipelineOptions options = Defaults();
  options.skip = {"estimate", "frequencies"};
  options.clustering.link_threshold = 0.5;
  auto result = Pipeline(records, options).Run();
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(Clusters(records, *result), "a-b");
}

TEST(PipelineTest, EmptyAndBrokenRecordsDoNotMerge) {
  std::vector<PersonRecord> records = {
      Person("a", {""}, "", ""),
      Person("b", {""}, "", ""),
      Person("c", {"???"}, "1980-13-40", "N/A"),
      Person("d", {"???"}, "1980-13-40", "N/A"),
  };
  auto result = Pipeline(records, Defaults()).Run();
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(Clusters(records, *result), "");
  EXPECT_TRUE(result->candidates.empty());
}

TEST(PipelineTest, ExplanationNamesEachField) {
  std::vector<PersonRecord> records = Smugglers();
  Pipeline pipeline(records, Defaults());
  auto result = pipeline.Run();
  ASSERT_THAT(result, IsOk());
  Explanation explanation = pipeline.ExplainPair(2, 3, result->model);
  EXPECT_EQ(explanation.Summary(),
            "name exact (+9.3), birth_date near (+2.1), document exact (+16.4)");
  Json json = explanation.ToJson();
  EXPECT_EQ(json["fields"][2]["left"], "AB1234567");
  EXPECT_EQ(json["name_tokens"].size(), 2u);
}

TEST(ModelTest, JsonRoundTripAndErrors) {
  Model model = Model::Defaults();
  auto read = Model::FromJson(model.ToJson());
  ASSERT_THAT(read, IsOk());
  EXPECT_NEAR(read->Weight(Field::kDocument, 2), model.Weight(Field::kDocument, 2), 1e-6);
  Json broken = model.ToJson();
  broken["fields"]["phone"]["m"] = Json::array({"0.5"});
  EXPECT_THAT(Model::FromJson(broken),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'phone'")));
}

}  // namespace
}  // namespace tafkik::resolve
