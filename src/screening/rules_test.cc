#include "screening/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::screening {
namespace {

using ::testing::HasSubstr;

struct RuleRow {
  int strong, medium, weak;
  const char* expected;  // "" when negative
};

TEST(DimensionRuleTest, FollowsTheIloRule) {
  // >= 2 strong; 1 strong + 1 medium or weak; 3 medium; 2 medium + 1 weak.
  const RuleRow rows[] = {
      {0, 0, 0, ""},         {1, 0, 0, ""},
      {0, 2, 0, ""},         {0, 1, 1, ""},
      {0, 0, 3, ""},         {0, 1, 5, ""},
      {2, 0, 0, "2 strong"}, {3, 1, 0, "2 strong"},
      {1, 1, 0, "1 strong + 1 medium or weak"}, {1, 0, 1, "1 strong + 1 medium or weak"},
      {0, 3, 0, "3 medium"}, {0, 4, 2, "3 medium"},
      {0, 2, 1, "2 medium + 1 weak"}, {0, 2, 4, "2 medium + 1 weak"},
  };
  for (const RuleRow& row : rows) {
    std::optional<std::string> rule = DimensionRule(row.strong, row.medium, row.weak);
    EXPECT_EQ(rule.value_or(""), row.expected)
        << row.strong << " strong, " << row.medium << " medium, " << row.weak << " weak";
  }
}

const Catalogues& Shipped() {
  static const Catalogues* catalogues = [] {
    auto loaded = Catalogues::Load(std::string(TAFKIK_SOURCE_DIR) + "/data/indicators");
    if (!loaded.ok()) std::abort();
    return new Catalogues(std::move(loaded).value());
  }();
  return *catalogues;
}

TEST(EvaluateTest, UnknownIdIsNamedWithSuggestions) {
  ScreeningInput input;
  input.observations.push_back({"ilo.ec.excesive_hours", "", Source::kStated});
  ScreeningResult result = Evaluate(Shipped(), input);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].subject, "ilo.ec.excesive_hours");
  EXPECT_THAT(result.problems[0].message, HasSubstr("did you mean ilo.ec.excessive_hours"));
  EXPECT_THAT(result.problems[0].message, HasSubstr("not counted"));
}

TEST(EvaluateTest, ReasonsNameTheIndicatorsTheyRestOn) {
  ScreeningInput input;
  input.ages.push_back({30, AgeBasis::kDocument});
  for (const char* id : {"ilo.dr.nature_of_job", "ilo.dr.wages", "ilo.ec.excessive_hours",
                         "ilo.ec.low_or_no_salary", "ilo.cd.documents", "ilo.cd.debt_bondage"}) {
    input.observations.push_back({id, "", Source::kObserved});
  }
  ScreeningResult result = Evaluate(Shipped(), input);
  const Reason* determination = nullptr;
  for (const Reason& reason : result.reasons) {
    if (reason.code == "ilo.adult_labour") determination = &reason;
  }
  ASSERT_NE(determination, nullptr);
  EXPECT_EQ(determination->rests_on,
            (std::vector<std::string>{"ilo.dr.nature_of_job", "ilo.dr.wages",
                                      "ilo.ec.excessive_hours", "ilo.ec.low_or_no_salary",
                                      "ilo.cd.documents", "ilo.cd.debt_bondage"}));
  const DimensionResult& exploitation =
      result.ilo[0].dimensions[static_cast<size_t>(Dimension::kExploitativeConditions)];
  EXPECT_EQ(exploitation.strong, 1);
  EXPECT_EQ(exploitation.medium, 1);
  EXPECT_EQ(exploitation.rule, "1 strong + 1 medium or weak");
}

TEST(EvaluateTest, SummaryIsInThreeLanguages) {
  ScreeningInput input;
  input.ages.push_back({15, AgeBasis::kStated});
  input.observations = {{"unodc.sex.moved_between_brothels", "", Source::kObserved}};
  ScreeningResult result = Evaluate(Shipped(), input);
  EXPECT_THAT(result.summary.en, HasSubstr("presumed victim of trafficking in persons"));
  EXPECT_THAT(result.summary.en, HasSubstr("sexual exploitation"));
  EXPECT_THAT(result.summary.en, HasSubstr("child protection"));
  EXPECT_THAT(result.summary.fr, HasSubstr("victime présumée de la traite des personnes"));
  EXPECT_THAT(result.summary.ar, HasSubstr("ضحية مفترضة للاتجار بالأشخاص"));
  EXPECT_THAT(result.summary.ar, HasSubstr("الاستغلال الجنسي"));
}

TEST(EvaluateTest, JsonCarriesOutcomeFlagsAndQuestions) {
  ScreeningInput input;
  input.observations = {{"som.act.illegal_entry", "", Source::kStated},
                        {"som.benefit", "paid 2,000 EUR", Source::kStated}};
  Json json = ToJson(Evaluate(Shipped(), input), Shipped());
  EXPECT_EQ(json["outcome"], "smuggled_migrant");
  EXPECT_EQ(json["flags"]["som_non_criminalisation"], true);
  EXPECT_EQ(json["age"]["status"], "unknown");
  ASSERT_FALSE(json["next_questions"].empty());
  EXPECT_EQ(json["next_questions"][0]["id"], "q.age");
  EXPECT_FALSE(json["next_questions"][0]["ar"].get<std::string>().empty());
  EXPECT_TRUE(CanonicalJson(json).ok());
}

TEST(ScreeningJsonTest, RoundTrips) {
  Screening screening;
  screening.person = "abc123";
  screening.case_reference = "MA-2026-0001";
  screening.screened_by = "inspector.alaoui";
  screening.place = "Tanger Med, terminal 2";
  screening.screened_at = Timestamp::FromSeconds(1'790'000'000);
  screening.recruiter_relation = RecruiterRelation::kFriend;
  screening.input.ages = {{16, AgeBasis::kStated}};
  screening.input.observations = {{"ilo.cd.documents", "passport held by the boss", Source::kStated}};
  screening.input.consent_to_share = true;
  auto back = ScreeningFromJson(ToJson(screening));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(ToJson(*back), ToJson(screening));
}

TEST(ScreeningJsonTest, BadFieldsAreNamed) {
  EXPECT_THAT(ScreeningFromJson(Json{{"person", "a"}, {"plcae", "x"}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'plcae': unknown field")));
  EXPECT_THAT(ScreeningFromJson(Json{{"observations", {{{"id", "x"}, {"source", "rumour"}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("observations[0].source': unknown observation source 'rumour'")));
  EXPECT_THAT(ScreeningFromJson(Json{{"ages", {{{"years", "sixteen"}}}}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("ages[0].years")));
  Screening screening;
  screening.person = "abc";
  screening.place = "port";
  screening.input.ages = {{130, AgeBasis::kEstimated}};
  EXPECT_THAT(ValidateScreening(screening),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("130 is not an age")));
  screening.input.ages.clear();
  screening.place = " ";
  EXPECT_THAT(ValidateScreening(screening),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'place'")));
}

}  // namespace
}  // namespace tafkik::screening
