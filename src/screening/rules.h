// The screening rules as code: the ILO dimension rule and determination (adults, children),
// the elements of the Trafficking in Persons Protocol (act, means, purpose; no means under
// 18; consent irrelevant once a means is used) and of the Smuggling of Migrants Protocol
// (illegal entry or stay, material benefit, aggravating circumstances), and the outcome with
// every indicator and element it rests on, what is missing, the next questions and the
// flags. Pure functions over a Catalogues and a ScreeningInput; thread-safe.
//
// Supports, never replaces, the officer's judgement: the outcome "indicates"; formal
// identification is the competent authority's. docs/screening.md states each rule and
// its source. Cost: O(observations + dimensions × lists).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "screening/catalogue.h"
#include "screening/screening.h"

namespace tafkik::screening {

// The ILO rule for one dimension: positive with >= 2 strong indicators, or 1 strong and 1
// medium or weak, or 3 medium, or 2 medium and 1 weak. Returns the clause that made it
// positive ("2 strong", "1 strong + 1 medium or weak", "3 medium", "2 medium + 1 weak"), or
// nullopt when negative.
std::optional<std::string> DimensionRule(int strong, int medium, int weak);

struct DimensionResult {
  Dimension dimension = Dimension::kDeceptiveRecruitment;
  int strong = 0;
  int medium = 0;
  int weak = 0;
  bool positive = false;
  std::string rule;                     // the clause that made it positive; "" when negative
  std::vector<std::string> indicators;  // the indicator ids counted, in observation order
};

struct ListResult {
  IloList list = IloList::kAdultLabour;
  std::array<DimensionResult, kDimensionCount> dimensions;
  bool act_established = false;  // children: a TiP act is on record (children's rule)
  bool determination = false;
};

enum class AgeStatus { kUnknown, kAdult, kChild, kDisputed };
std::string_view AgeStatusName(AgeStatus status);  // "unknown", "adult", "child", "disputed"

struct AgeDetermination {
  AgeStatus status = AgeStatus::kUnknown;
  bool treated_as_child = false;  // child, or disputed (presumption of minority)
  std::optional<int> youngest;    // smallest age on record
  std::optional<int> oldest;      // largest age on record
};

// A legal element found, with the observation ids it rests on (the element itself when it
// was recorded directly, or the indicators that cite it).
struct ElementFinding {
  std::string element;
  std::vector<std::string> rests_on;
};

struct PalermoResult {
  std::vector<ElementFinding> acts;
  std::vector<ElementFinding> means;
  std::vector<ElementFinding> purposes;
  bool means_required = true;      // false when treated as a child (art. 3(c))
  bool consent_stated = false;     // palermo.consent observed
  bool consent_irrelevant = false; // consent stated and a means found (art. 3(b))
  bool complete = false;           // act, purpose and (means or child)
};

struct SmugglingResult {
  std::vector<ElementFinding> acts;        // illegal entry, illegal stay, fraudulent document
  std::vector<ElementFinding> benefits;    // financial or other material benefit
  std::vector<ElementFinding> aggravating; // art. 6(3)
  bool border_crossed = false;             // fact.crossed_border observed
  bool complete = false;                   // act and benefit
  bool aggravated = false;
};

enum class Outcome { kPresumedVictim, kSmuggledMigrant, kBoth, kNotEnoughInformation };
// "presumed_victim", "smuggled_migrant", "both", "not_enough_information"
std::string_view OutcomeName(Outcome outcome);

// Why the outcome is what it is. `text` is English; `rests_on` names indicator and element ids.
struct Reason {
  std::string code;     // "ilo.adult_labour", "dimension.exploitative_conditions", ...
  std::string text;
  std::vector<std::string> rests_on;
};

// Something the rules needed and did not get; `text` in the three languages.
struct Missing {
  std::string code;     // "age", "act", "means", "purpose", "dimension.<name>",
                        // "recruitment", "destination", "som_act", "som_benefit"
  Text text;
};

// Input the rules could not use as given, and what they did instead. Never silent.
struct Problem {
  std::string code;     // "unknown_id", "duplicate", "age_contradiction", "no_observations",
                        // "no_rating"
  std::string subject;  // the id or field concerned
  std::string message;  // English, naming the item and what was done
};

struct Flags {
  bool non_punishment = false;            // presumed victim: not punished for compelled offences
  bool som_non_criminalisation = false;   // smuggled migrant: SoM Protocol art. 5
  bool rescreen_for_trafficking = false;  // smuggled migrant with exploitation indicators
  bool child_protection_referral = false; // treated as a child: always referred
  bool age_assessment = false;            // age disputed
  bool aggravated_smuggling = false;      // SoM art. 6(3)
};

struct ScreeningResult {
  Outcome outcome = Outcome::kNotEnoughInformation;
  std::vector<Form> forms;                 // presumed victim only: labour, sexual, ...
  AgeDetermination age;
  std::vector<ListResult> ilo;             // the ILO lists that apply, evaluated
  PalermoResult palermo;
  SmugglingResult smuggling;
  std::vector<Reason> reasons;
  std::vector<Missing> missing;
  std::vector<std::string> next_questions; // question ids (Catalogues::Question)
  std::vector<Problem> problems;
  Flags flags;
  Text summary;                            // one paragraph in en, fr, ar
};

// Applies every rule. Never fails: what cannot be used (an unknown id, a duplicate, a
// contradiction, nothing recorded) becomes a Problem and the outcome says what it could not
// decide and why.
ScreeningResult Evaluate(const Catalogues& catalogues, const ScreeningInput& input);

// {"outcome", "forms", "age": {...}, "ilo": [...], "palermo": {...}, "smuggling": {...},
//  "reasons": [...], "missing": [...], "next_questions": [{"id", "en", "fr", "ar"}],
//  "problems": [...], "flags": {...}, "summary": {"en", "fr", "ar"}}
Json ToJson(const ScreeningResult& result, const Catalogues& catalogues);

}  // namespace tafkik::screening
