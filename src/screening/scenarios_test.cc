// The screening scenario table: cases written from the legal definitions (TiP Protocol art. 3,
// SoM Protocol arts 3, 5, 6) and the ILO/EC and UNODC indicator lists, each with the outcome,
// forms, flags, reasons, missing items, problems and next questions the rules must give.
// Every rule branch is reached by at least one row (docs/screening.md lists them).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/status_matchers.h"
#include "core/text.h"
#include "screening/catalogue.h"
#include "screening/rules.h"

namespace tafkik::screening {
namespace {

using ::testing::Contains;

const Catalogues& Shipped() {
  static const Catalogues* catalogues = [] {
    auto loaded = Catalogues::Load(std::string(TAFKIK_SOURCE_DIR) + "/data/indicators");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return new Catalogues(std::move(loaded).value());
  }();
  return *catalogues;
}

struct Row {
  std::string name;
  std::vector<AgeEvidence> ages;
  std::vector<std::string> observations;
  std::optional<bool> consent;
  std::string outcome;
  std::string forms;      // comma-joined, in enum order
  std::string flags;      // the true flags, comma-joined, in Flags order
  std::string missing;    // missing codes, comma-joined, in order
  std::string problems;   // problem codes, comma-joined
  std::vector<std::string> reasons;  // codes the reasons must include
  std::string questions = "*";       // next question ids, comma-joined; "*" = not checked
  std::string lists = "*";           // ILO lists evaluated; "*" = not checked
};

const AgeEvidence kAdult{30, AgeBasis::kDocument};
const AgeEvidence kChild{15, AgeBasis::kStated};
const std::string kTipMissing =
    "recruitment,dimension.exploitative_conditions,destination,act,means,purpose";

std::string FlagNames(const ScreeningResult& result) {
  std::vector<std::string> on;
  const screening::Flags& flags = result.flags;
  if (flags.non_punishment) on.push_back("non_punishment");
  if (flags.som_non_criminalisation) on.push_back("som_non_criminalisation");
  if (flags.rescreen_for_trafficking) on.push_back("rescreen_for_trafficking");
  if (flags.child_protection_referral) on.push_back("child_protection_referral");
  if (flags.age_assessment) on.push_back("age_assessment");
  if (flags.aggravated_smuggling) on.push_back("aggravated_smuggling");
  return Join(on, ",");
}

std::string Forms(const ScreeningResult& result) {
  std::vector<std::string> names;
  for (Form form : result.forms) names.emplace_back(FormName(form));
  return Join(names, ",");
}

std::string Codes(const std::vector<Missing>& items) {
  std::vector<std::string> codes;
  for (const Missing& item : items) codes.push_back(item.code);
  return Join(codes, ",");
}

std::string Codes(const std::vector<Problem>& items) {
  std::vector<std::string> codes;
  for (const Problem& item : items) codes.push_back(item.code);
  return Join(codes, ",");
}

std::vector<std::string> ReasonCodes(const ScreeningResult& result) {
  std::vector<std::string> codes;
  for (const Reason& reason : result.reasons) codes.push_back(reason.code);
  return codes;
}

std::string Lists(const ScreeningResult& result) {
  std::vector<std::string> names;
  for (const ListResult& list : result.ilo) names.emplace_back(IloListName(list.list));
  return Join(names, ",");
}

// clang-format off
const std::vector<Row> kRows = {
  // --- adults, labour exploitation: the ILO dimension rule and determination ---------------
  {"adult_labour_all_three_dimensions", {kAdult},
   {"ilo.dr.nature_of_job", "ilo.dr.wages", "ilo.ec.excessive_hours", "ilo.ec.low_or_no_salary",
    "ilo.cd.documents", "ilo.cd.debt_bondage"}, true,
   "presumed_victim", "labour", "non_punishment", "", "",
   {"age.adult", "dimension.deceptive_recruitment", "dimension.exploitative_conditions",
    "dimension.coercion_at_destination", "ilo.adult_labour"}, "", "adult_labour"},
  {"adult_labour_three_medium_clause", {{25, AgeBasis::kStated}},
   {"ilo.dr.conditions_of_work", "ilo.dr.contract", "ilo.dr.housing", "ilo.ec.excessive_hours",
    "ilo.ec.hazardous_work", "ilo.vd.dependency_on_exploiters", "ilo.vd.economic_reasons",
    "ilo.vd.family_situation"}, std::nullopt,
   "presumed_victim", "labour", "non_punishment", "", "",
   {"dimension.vulnerability_at_destination", "ilo.adult_labour"}, "q.consent_to_share"},
  {"adult_labour_two_medium_one_weak_clause", {kAdult},
   {"ilo.rv.illegal_status", "ilo.rv.economic_reasons", "ilo.rv.general_context",
    "ilo.ec.low_or_no_salary", "ilo.ec.very_bad_conditions", "ilo.ec.no_education",
    "ilo.cd.threat_denunciation", "ilo.cd.withholding_wages", "ilo.cd.threat_inform_family"}, true,
   "presumed_victim", "labour", "non_punishment", "", "",
   {"dimension.recruitment_vulnerability", "dimension.exploitative_conditions",
    "dimension.coercion_at_destination", "ilo.adult_labour"}},
  {"adult_two_medium_recruitment_is_not_enough", {{40, AgeBasis::kDocument}},
   {"ilo.dr.conditions_of_work", "ilo.dr.wages", "ilo.ec.excessive_hours", "ilo.ec.hazardous_work",
    "ilo.cd.documents", "ilo.cd.isolation"}, std::nullopt,
   "not_enough_information", "", "", "recruitment,purpose", "",
   {"dimension.exploitative_conditions", "dimension.coercion_at_destination"},
   "q.act,q.means,q.purpose,q.consent_to_share"},
  {"adult_one_strong_alone_is_negative", {kAdult}, {"ilo.ec.excessive_hours"}, true,
   "not_enough_information", "", "", kTipMissing, "", {"age.adult"}},
  {"adult_without_destination_dimension", {kAdult},
   {"ilo.dr.nature_of_job", "ilo.dr.travel", "ilo.ec.excessive_hours", "ilo.ec.bad_living_conditions"},
   std::nullopt, "not_enough_information", "", "", "destination,purpose", "",
   {"dimension.deceptive_recruitment", "dimension.exploitative_conditions"},
   "q.leave,q.purpose,q.consent_to_share"},
  {"adult_three_weak_recruitment_is_negative", {kAdult},
   {"ilo.rv.general_context", "ilo.rv.cultural_beliefs", "ilo.rv.difficulties_past",
    "ilo.ec.excessive_hours", "ilo.ec.hazardous_work", "ilo.cd.documents", "ilo.cd.debt_bondage"},
   true, "not_enough_information", "", "", "recruitment,purpose", "", {}},
  {"adult_coercive_recruitment_two_strong", {kAdult},
   {"ilo.cr.violence", "ilo.cr.abduction", "ilo.ec.bad_living_conditions", "ilo.ec.hazardous_work",
    "ilo.ec.low_or_no_salary", "ilo.vd.dependency_on_exploiters", "ilo.vd.unknown_area",
    "ilo.vd.difficulties_past"}, true,
   "presumed_victim", "labour", "non_punishment", "", "",
   {"dimension.coercive_recruitment", "dimension.vulnerability_at_destination", "ilo.adult_labour"}},
  {"adult_exploitation_only_not_smuggled", {kAdult},
   {"ilo.ec.excessive_hours", "ilo.ec.hazardous_work"}, true,
   "not_enough_information", "", "", "recruitment,destination,act,means,purpose", "",
   {"dimension.exploitative_conditions"}},
  // --- adults: the TiP Protocol elements --------------------------------------------------
  {"adult_palermo_act_means_purpose", {{35, AgeBasis::kDocument}},
   {"unodc.gen.deceived", "unodc.lab.excessive_hours"}, true,
   "presumed_victim", "labour", "non_punishment", "", "", {"palermo.elements"}, "", "adult_labour"},
  {"adult_palermo_without_means", {kAdult},
   {"unodc.gen.travel_arranged", "unodc.lab.excessive_hours"}, true,
   "not_enough_information", "", "",
   "recruitment,dimension.exploitative_conditions,destination,means", "", {"age.adult"},
   "q.act,q.means,q.purpose,q.leave"},
  {"adult_forced_criminality", {{19, AgeBasis::kDocument}},
   {"ilo.cd.illicit_activities", "unodc.gen.transferred"}, true,
   "presumed_victim", "other", "non_punishment", "", "", {"palermo.elements"}},
  {"adult_removal_of_organs", {kAdult},
   {"palermo.purpose.organs", "palermo.act.transportation", "palermo.means.fraud"}, true,
   "presumed_victim", "other", "non_punishment", "", "", {"palermo.elements"}},
  {"adult_payments_to_person_in_control", {kAdult},
   {"palermo.means.payments", "palermo.act.receipt", "palermo.purpose.slavery"}, true,
   "presumed_victim", "labour", "non_punishment", "", "", {"palermo.elements"}},
  {"adult_consent_irrelevant_once_deceived", {kAdult},
   {"palermo.consent", "unodc.gen.deceived", "unodc.sex.earnings_taken"}, true,
   "presumed_victim", "sexual", "non_punishment", "", "",
   {"palermo.elements", "palermo.consent_irrelevant"}},
  {"adult_consent_without_means", {kAdult},
   {"palermo.consent", "unodc.lab.transported_to_work", "unodc.lab.excessive_hours"}, true,
   "not_enough_information", "", "",
   "recruitment,dimension.exploitative_conditions,destination,means", "",
   {"palermo.consent_unvitiated"}},
  // --- sexual exploitation ---------------------------------------------------------------
  {"adult_sexual_palermo", {{22, AgeBasis::kStated}},
   {"unodc.sex.escorted", "unodc.gen.received_at_destination"}, true,
   "presumed_victim", "sexual", "non_punishment", "", "", {"palermo.elements"}, "", "adult_sexual"},
  {"adult_sexual_ilo_list", {{24, AgeBasis::kDocument}},
   {"palermo.purpose.prostitution", "ilo.dr.nature_of_job", "ilo.dr.marriage_adoption",
    "ilo.ec.excessive_hours", "ilo.ec.bad_living_conditions", "ilo.cd.violence",
    "ilo.cd.forced_tasks_or_clients"}, true,
   "presumed_victim", "sexual", "non_punishment", "", "",
   {"ilo.adult_sexual", "palermo.elements"}, "", "adult_sexual"},
  {"adult_sexual_and_labour_purposes", {kAdult},
   {"unodc.gen.deceived", "unodc.sex.earnings_taken", "unodc.lab.excessive_hours"}, true,
   "presumed_victim", "labour,sexual", "non_punishment", "", "", {"palermo.elements"}, "",
   "adult_labour,adult_sexual"},
  // --- domestic servitude, begging ---------------------------------------------------------
  {"adult_domestic_servitude_palermo", {{28, AgeBasis::kDocument}},
   {"unodc.dom.lives_with_family", "unodc.dom.never_leaves_alone"}, true,
   "presumed_victim", "domestic_servitude", "non_punishment", "", "", {"palermo.elements"}, "",
   "adult_labour"},
  {"adult_domestic_servitude_ilo", {{33, AgeBasis::kDocument}},
   {"unodc.dom.leftovers", "ilo.dr.nature_of_job", "ilo.dr.wages", "ilo.ec.excessive_hours",
    "ilo.ec.no_social_protection", "ilo.cd.documents", "ilo.cd.isolation"}, true,
   "presumed_victim", "domestic_servitude", "non_punishment", "", "", {"ilo.adult_labour"}},
  {"child_forced_begging", {{10, AgeBasis::kEstimated}},
   {"unodc.beg.moved_daily", "unodc.beg.quota"}, true,
   "presumed_victim", "other", "non_punishment,child_protection_referral", "", "",
   {"age.child", "palermo.elements"}},
  // --- children ----------------------------------------------------------------------------
  {"child_no_means_needed", {kChild},
   {"unodc.gen.travel_arranged", "unodc.lab.excessive_hours"}, true,
   "presumed_victim", "labour", "non_punishment,child_protection_referral", "", "",
   {"age.child", "palermo.elements"}, "", "child_labour"},
  {"child_ilo_exploitation_and_act", {{16, AgeBasis::kDocument}},
   {"ilo.ec.excessive_hours", "ilo.ec.hazardous_work", "ilo.dr.nature_of_job"}, true,
   "presumed_victim", "labour", "non_punishment,child_protection_referral", "", "",
   {"ilo.child_labour"}, "", "child_labour"},
  {"child_ilo_exploitation_without_act", {{14, AgeBasis::kStated}},
   {"ilo.ec.excessive_hours", "ilo.ec.no_education"}, std::nullopt,
   "not_enough_information", "", "child_protection_referral", "act,purpose", "",
   {"dimension.exploitative_conditions"}, "q.act,q.purpose,q.consent_to_share"},
  {"child_sexual_exploitation", {kChild},
   {"unodc.sex.moved_between_brothels"}, true,
   "presumed_victim", "sexual", "non_punishment,child_protection_referral", "", "",
   {"palermo.elements"}, "", "child_sexual"},
  {"child_forced_marriage", {kChild},
   {"palermo.purpose.forced_marriage", "palermo.act.transfer"}, true,
   "presumed_victim", "other", "non_punishment,child_protection_referral", "", "",
   {"palermo.elements"}},
  {"child_consent_irrelevant", {{16, AgeBasis::kStated}},
   {"palermo.consent", "unodc.lab.transported_to_work", "unodc.lab.excessive_hours"}, true,
   "presumed_victim", "labour", "non_punishment,child_protection_referral", "", "",
   {"palermo.consent_child"}},
  // --- smuggling of migrants ---------------------------------------------------------------
  {"smuggled_migrant", {{27, AgeBasis::kStated}},
   {"som.act.illegal_entry", "som.benefit"}, true,
   "smuggled_migrant", "", "som_non_criminalisation", kTipMissing, "", {"som.elements"},
   "q.act,q.means,q.purpose,q.leave,q.som_aggravating"},
  {"smuggled_migrant_danger_to_life", {{31, AgeBasis::kStated}},
   {"som.act.illegal_entry", "som.benefit", "som.aggravating.danger_to_life"}, true,
   "smuggled_migrant", "", "som_non_criminalisation,aggravated_smuggling", kTipMissing, "",
   {"som.elements", "som.aggravating"}, "q.act,q.means,q.purpose,q.leave"},
  {"smuggled_migrant_inhuman_treatment_rescreen", {kAdult},
   {"som.act.illegal_entry", "som.benefit", "som.aggravating.inhuman_treatment"}, true,
   "smuggled_migrant", "",
   "som_non_criminalisation,rescreen_for_trafficking,aggravated_smuggling", kTipMissing, "",
   {"som.aggravating", "rescreen"}},
  {"smuggled_migrant_with_exploitation_rescreen", {kAdult},
   {"som.act.illegal_entry", "som.benefit", "ilo.ec.excessive_hours"}, true,
   "smuggled_migrant", "", "som_non_criminalisation,rescreen_for_trafficking", kTipMissing, "",
   {"som.elements", "rescreen"}},
  {"smuggled_with_fraudulent_document", {kAdult},
   {"som.act.fraudulent_document", "som.benefit"}, true,
   "smuggled_migrant", "", "som_non_criminalisation", kTipMissing, "", {"som.elements"}},
  {"smuggled_illegal_stay", {kAdult}, {"som.act.illegal_stay", "som.benefit"}, true,
   "smuggled_migrant", "", "som_non_criminalisation", kTipMissing, "", {"som.elements"}},
  {"smuggling_without_benefit", {kAdult}, {"som.act.illegal_entry"}, true,
   "not_enough_information", "", "", kTipMissing + ",som_benefit", "", {},
   "q.act,q.means,q.purpose,q.leave,q.som_benefit"},
  {"smuggling_benefit_without_entry", {kAdult}, {"som.benefit", "fact.crossed_border"}, true,
   "not_enough_information", "", "", kTipMissing + ",som_act", "", {},
   "q.act,q.means,q.purpose,q.leave,q.som_entry"},
  {"border_crossed_only", {kAdult}, {"fact.crossed_border"}, true,
   "not_enough_information", "", "", kTipMissing + ",som_act,som_benefit", "", {}},
  {"unaccompanied_child_smuggled_rescreen", {kChild},
   {"som.act.illegal_entry", "som.benefit", "unodc.child.no_family"}, true,
   "smuggled_migrant", "",
   "som_non_criminalisation,rescreen_for_trafficking,child_protection_referral",
   "dimension.exploitative_conditions,act,purpose", "", {"som.elements", "age.child"}},
  // --- mixed cases -------------------------------------------------------------------------
  {"both_smuggled_and_trafficked", {{26, AgeBasis::kStated}},
   {"som.act.illegal_entry", "som.benefit", "unodc.gen.deceived", "unodc.gen.debt",
    "unodc.lab.excessive_hours"}, true,
   "both", "labour", "non_punishment,som_non_criminalisation", "", "",
   {"palermo.elements", "som.elements"}, "q.som_aggravating"},
  {"both_child", {{16, AgeBasis::kStated}},
   {"som.act.illegal_entry", "som.benefit", "unodc.child.working", "unodc.lab.transported_to_work"},
   true, "both", "labour", "non_punishment,som_non_criminalisation,child_protection_referral", "",
   "", {"palermo.elements", "som.elements"}},
  // --- age: unknown, disputed ------------------------------------------------------------
  {"age_unknown_decides", {},
   {"unodc.lab.transported_to_work", "unodc.lab.excessive_hours"}, std::nullopt,
   "not_enough_information", "", "",
   "age,recruitment,dimension.exploitative_conditions,destination,means", "",
   {"age.unknown", "age.decides"}, "q.age,q.act,q.means,q.purpose,q.leave,q.consent_to_share"},
  {"age_unknown_presumed_victim", {},
   {"unodc.gen.deceived", "unodc.lab.excessive_hours"}, std::nullopt,
   "presumed_victim", "labour", "non_punishment", "age", "", {"age.unknown", "palermo.elements"},
   "q.age,q.consent_to_share"},
  {"age_disputed_presumption_of_minority", {{16, AgeBasis::kStated}, {19, AgeBasis::kDocument}},
   {"unodc.lab.transported_to_work", "unodc.lab.excessive_hours"}, std::nullopt,
   "presumed_victim", "labour", "non_punishment,child_protection_referral,age_assessment", "",
   "age_contradiction", {"age.disputed", "palermo.elements"},
   "q.age_assessment,q.consent_to_share", "child_labour"},
  // --- bad input ---------------------------------------------------------------------------
  {"no_observations", {kAdult}, {}, true,
   "not_enough_information", "", "", kTipMissing, "no_observations", {"age.adult"}},
  {"unknown_indicator_id", {kAdult}, {"ilo.ec.excesive_hours", "unodc.gen.deceived"}, true,
   "not_enough_information", "", "",
   "recruitment,dimension.exploitative_conditions,destination,purpose", "unknown_id", {}},
  {"duplicate_counted_once", {kAdult},
   {"ilo.ec.excessive_hours", "ilo.ec.excessive_hours", "ilo.ec.hazardous_work"}, true,
   "not_enough_information", "", "", "recruitment,destination,act,means,purpose", "duplicate",
   {"dimension.exploitative_conditions"}},
  {"duplicate_strong_does_not_make_two", {kAdult},
   {"ilo.ec.excessive_hours", "ilo.ec.excessive_hours"}, true,
   "not_enough_information", "", "", kTipMissing, "duplicate", {}},
};
// clang-format on

class ScenarioTest : public ::testing::TestWithParam<Row> {};

TEST_P(ScenarioTest, GivesTheExpectedOutcomeAndReasons) {
  const Row& row = GetParam();
  ScreeningInput input;
  input.ages = row.ages;
  for (const std::string& id : row.observations) input.observations.push_back({id, "", Source::kObserved});
  input.consent_to_share = row.consent;
  ScreeningResult result = Evaluate(Shipped(), input);

  EXPECT_EQ(OutcomeName(result.outcome), row.outcome);
  EXPECT_EQ(Forms(result), row.forms);
  EXPECT_EQ(FlagNames(result), row.flags);
  EXPECT_EQ(Codes(result.missing), row.missing);
  EXPECT_EQ(Codes(result.problems), row.problems);
  for (const std::string& code : row.reasons) EXPECT_THAT(ReasonCodes(result), Contains(code));
  if (row.questions != "*") {
    EXPECT_EQ(Join(result.next_questions, ","), row.questions);
  }
  if (row.lists != "*") {
    EXPECT_EQ(Lists(result), row.lists);
  }
  // Every result explains itself in the three languages.
  EXPECT_FALSE(result.summary.en.empty());
  EXPECT_FALSE(result.summary.fr.empty());
  EXPECT_FALSE(result.summary.ar.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, ScenarioTest, ::testing::ValuesIn(kRows),
                         [](const auto& info) { return info.param.name; });

TEST(ScenarioTableTest, HasAtLeastFortyRowsAndEveryOutcome) {
  EXPECT_GE(kRows.size(), 40u);
  for (const char* outcome : {"presumed_victim", "smuggled_migrant", "both", "not_enough_information"}) {
    EXPECT_TRUE(std::any_of(kRows.begin(), kRows.end(),
                            [&](const Row& row) { return row.outcome == outcome; }))
        << outcome;
  }
}

}  // namespace
}  // namespace tafkik::screening
