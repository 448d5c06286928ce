#include "screening/rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "screening/internal/summary.h"

namespace tafkik::screening {
namespace {

constexpr std::array<std::string_view, 4> kOutcomeNames = {
    "presumed_victim", "smuggled_migrant", "both", "not_enough_information"};
constexpr std::array<std::string_view, 4> kAgeStatusNames = {"unknown", "adult", "child",
                                                            "disputed"};

// The observations the rules can use, each once, in the order recorded.
struct Resolved {
  std::vector<const Indicator*> indicators;
  std::vector<const Element*> elements;  // recorded directly
};

// Element id -> the observation ids it rests on, in first-seen order of elements.
using ElementMap = std::vector<ElementFinding>;

void AddFinding(ElementMap& map, const std::string& element, const std::string& rests_on) {
  for (ElementFinding& finding : map) {
    if (finding.element != element) continue;
    if (std::find(finding.rests_on.begin(), finding.rests_on.end(), rests_on) ==
        finding.rests_on.end()) {
      finding.rests_on.push_back(rests_on);
    }
    return;
  }
  map.push_back({element, {rests_on}});
}

std::string Join(const std::vector<std::string>& items) { return tafkik::Join(items, ", "); }

Resolved Resolve(const Catalogues& catalogues, const ScreeningInput& input,
                 std::vector<Problem>& problems) {
  Resolved resolved;
  std::set<std::string> seen;
  for (const Observation& observation : input.observations) {
    std::string id(Trim(observation.id));
    if (!seen.insert(id).second) {
      problems.push_back({"duplicate", id, "'" + id + "' is recorded more than once; counted once"});
      continue;
    }
    if (const Indicator* indicator = catalogues.FindIndicator(id)) {
      resolved.indicators.push_back(indicator);
    } else if (const Element* element = catalogues.FindElement(id)) {
      resolved.elements.push_back(element);
    } else {
      std::vector<std::string> close = catalogues.Suggest(id);
      problems.push_back({"unknown_id", id,
                          "'" + id + "' is in no indicator catalogue and is no legal element" +
                              (close.empty() ? "" : " (did you mean " + Join(close) + "?)") +
                              "; it was not counted"});
    }
  }
  if (input.observations.empty()) {
    problems.push_back({"no_observations", "observations",
                        "no indicator or element was recorded: nothing could be decided"});
  }
  return resolved;
}

AgeDetermination DetermineAge(const ScreeningInput& input, std::vector<Problem>& problems) {
  AgeDetermination age;
  for (const AgeEvidence& evidence : input.ages) {
    age.youngest = std::min(age.youngest.value_or(evidence.years), evidence.years);
    age.oldest = std::max(age.oldest.value_or(evidence.years), evidence.years);
  }
  if (!age.youngest) return age;
  if (*age.youngest < 18 && *age.oldest >= 18) {
    age.status = AgeStatus::kDisputed;
    std::vector<std::string> stated;
    for (const AgeEvidence& evidence : input.ages) {
      stated.push_back(std::to_string(evidence.years) + " (" +
                       std::string(AgeBasisName(evidence.basis)) + ")");
    }
    problems.push_back({"age_contradiction", "ages",
                        "the age is on record both under and over 18 (" + Join(stated) +
                            "): treated as a child until an age assessment (presumption of "
                            "minority); whether the adult rule applies is not decided"});
  } else {
    age.status = *age.youngest < 18 ? AgeStatus::kChild : AgeStatus::kAdult;
  }
  age.treated_as_child = age.status == AgeStatus::kChild || age.status == AgeStatus::kDisputed;
  return age;
}

ElementMap CollectElements(const Resolved& resolved) {
  ElementMap found;
  for (const Element* element : resolved.elements) AddFinding(found, element->id, element->id);
  for (const Indicator* indicator : resolved.indicators) {
    for (const std::string& element : indicator->elements) {
      AddFinding(found, element, indicator->id);
    }
  }
  return found;
}

std::vector<ElementFinding> InGroup(const Catalogues& catalogues, const ElementMap& found,
                                    ElementGroup group) {
  std::vector<ElementFinding> matching;
  for (const ElementFinding& finding : found) {
    const Element* element = catalogues.FindElement(finding.element);
    if (element != nullptr && element->group == group) matching.push_back(finding);
  }
  return matching;
}

bool IsPositive(const ListResult& list, Dimension dimension) {
  return list.dimensions[static_cast<size_t>(dimension)].positive;
}

bool RecruitmentPositive(const ListResult& list) {
  return IsPositive(list, Dimension::kDeceptiveRecruitment) ||
         IsPositive(list, Dimension::kCoerciveRecruitment) ||
         IsPositive(list, Dimension::kRecruitmentVulnerability);
}

bool DestinationPositive(const ListResult& list) {
  return IsPositive(list, Dimension::kCoercionAtDestination) ||
         IsPositive(list, Dimension::kVulnerabilityAtDestination);
}

bool IsChildList(IloList list) {
  return list == IloList::kChildLabour || list == IloList::kChildSexual;
}

ListResult EvaluateList(IloList list, const Resolved& resolved, bool act_established,
                        std::vector<Problem>& problems) {
  ListResult result;
  result.list = list;
  for (int slot = 0; slot < kDimensionCount; ++slot) {
    result.dimensions[slot].dimension = static_cast<Dimension>(slot);
  }
  for (const Indicator* indicator : resolved.indicators) {
    if (!indicator->dimension) continue;
    const std::optional<Strength>& strength = indicator->strength[static_cast<size_t>(list)];
    if (!strength) {
      problems.push_back({"no_rating", indicator->id,
                          "'" + indicator->id + "' has no rating in the ILO list " +
                              std::string(IloListName(list)) + "; not counted there"});
      continue;
    }
    DimensionResult& dimension = result.dimensions[static_cast<size_t>(*indicator->dimension)];
    if (*strength == Strength::kStrong) ++dimension.strong;
    if (*strength == Strength::kMedium) ++dimension.medium;
    if (*strength == Strength::kWeak) ++dimension.weak;
    dimension.indicators.push_back(indicator->id);
  }
  for (DimensionResult& dimension : result.dimensions) {
    std::optional<std::string> rule = DimensionRule(dimension.strong, dimension.medium, dimension.weak);
    dimension.positive = rule.has_value();
    dimension.rule = rule.value_or("");
  }
  result.act_established = act_established;
  bool exploitation = IsPositive(result, Dimension::kExploitativeConditions);
  result.determination = IsChildList(list)
                             ? exploitation && act_established
                             : RecruitmentPositive(result) && exploitation &&
                                   DestinationPositive(result);
  return result;
}

// The lists that apply: by age (children's when treated as a child) and by the kind of
// exploitation on record (sexual when a sexual purpose is, labour otherwise or as well).
std::vector<IloList> ApplicableLists(const Catalogues& catalogues, const ElementMap& found,
                                     bool child) {
  bool sexual = false;
  bool other = false;
  for (const ElementFinding& purpose : InGroup(catalogues, found, ElementGroup::kPurpose)) {
    const Element* element = catalogues.FindElement(purpose.element);
    (element->form == Form::kSexual ? sexual : other) = true;
  }
  std::vector<IloList> lists;
  if (other || !sexual) lists.push_back(child ? IloList::kChildLabour : IloList::kAdultLabour);
  if (sexual) lists.push_back(child ? IloList::kChildSexual : IloList::kAdultSexual);
  return lists;
}

PalermoResult ComputePalermo(const Catalogues& catalogues, const ElementMap& found, bool child) {
  PalermoResult palermo;
  palermo.acts = InGroup(catalogues, found, ElementGroup::kAct);
  palermo.means = InGroup(catalogues, found, ElementGroup::kMeans);
  palermo.purposes = InGroup(catalogues, found, ElementGroup::kPurpose);
  palermo.means_required = !child;
  palermo.consent_stated = !InGroup(catalogues, found, ElementGroup::kConsent).empty();
  palermo.consent_irrelevant = palermo.consent_stated && !palermo.means.empty();
  palermo.complete = !palermo.acts.empty() && !palermo.purposes.empty() &&
                     (!palermo.means.empty() || child);
  return palermo;
}

SmugglingResult ComputeSmuggling(const Catalogues& catalogues, const ElementMap& found) {
  SmugglingResult smuggling;
  smuggling.acts = InGroup(catalogues, found, ElementGroup::kSomAct);
  smuggling.benefits = InGroup(catalogues, found, ElementGroup::kSomBenefit);
  smuggling.aggravating = InGroup(catalogues, found, ElementGroup::kSomAggravating);
  for (const ElementFinding& fact : InGroup(catalogues, found, ElementGroup::kFact)) {
    if (fact.element == "fact.crossed_border") smuggling.border_crossed = true;
  }
  smuggling.complete = !smuggling.acts.empty() && !smuggling.benefits.empty();
  smuggling.aggravated = !smuggling.aggravating.empty();
  return smuggling;
}

bool SmugglingSigns(const SmugglingResult& smuggling) {
  return !smuggling.acts.empty() || !smuggling.benefits.empty() ||
         !smuggling.aggravating.empty() || smuggling.border_crossed;
}

// Indicators of exploitation: exploitative conditions or what happens at destination (ILO),
// a UNODC indicator of a form of exploitation, a purpose, or inhuman or degrading treatment.
bool ExploitationSigns(const Resolved& resolved, const ScreeningResult& result) {
  for (const Indicator* indicator : resolved.indicators) {
    if (indicator->dimension == Dimension::kExploitativeConditions ||
        indicator->dimension == Dimension::kCoercionAtDestination ||
        indicator->dimension == Dimension::kVulnerabilityAtDestination) {
      return true;
    }
    if (indicator->catalogue == "unodc" && indicator->category != "general") return true;
  }
  for (const ElementFinding& finding : result.smuggling.aggravating) {
    if (finding.element == "som.aggravating.inhuman_treatment") return true;
  }
  return !result.palermo.purposes.empty();
}

std::vector<std::string> ElementIds(const std::vector<ElementFinding>& findings) {
  std::vector<std::string> ids;
  for (const ElementFinding& finding : findings) ids.push_back(finding.element);
  return ids;
}

std::vector<std::string> RestsOn(const std::vector<ElementFinding>& findings) {
  std::vector<std::string> ids;
  for (const ElementFinding& finding : findings) {
    for (const std::string& id : finding.rests_on) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  return ids;
}

void AddListReasons(const ListResult& list, std::vector<Reason>& reasons) {
  for (const DimensionResult& dimension : list.dimensions) {
    if (!dimension.positive) continue;
    reasons.push_back({"dimension." + std::string(DimensionName(dimension.dimension)),
                       "ILO " + std::string(IloListName(list.list)) + ": " +
                           std::string(DimensionName(dimension.dimension)) +
                           " is positive (" + dimension.rule + ")",
                       dimension.indicators});
  }
  if (!list.determination) return;
  std::vector<std::string> rests_on;
  for (const DimensionResult& dimension : list.dimensions) {
    if (dimension.positive) {
      rests_on.insert(rests_on.end(), dimension.indicators.begin(), dimension.indicators.end());
    }
  }
  std::string rule = IsChildList(list.list)
                         ? "exploitative conditions and an act (for children the means "
                           "dimensions are not required)"
                         : "a recruitment dimension, exploitative conditions, and coercion or "
                           "abuse of vulnerability at destination";
  reasons.push_back({"ilo." + std::string(IloListName(list.list)),
                     "ILO " + std::string(IloListName(list.list)) +
                         " determination is positive: " + rule,
                     rests_on});
}

void AddPalermoReasons(const PalermoResult& palermo, bool child, std::vector<Reason>& reasons) {
  if (palermo.complete) {
    std::vector<ElementFinding> all = palermo.acts;
    all.insert(all.end(), palermo.means.begin(), palermo.means.end());
    all.insert(all.end(), palermo.purposes.begin(), palermo.purposes.end());
    std::string means = palermo.means.empty() ? "none needed under 18 (art. 3(c))"
                                               : Join(ElementIds(palermo.means));
    reasons.push_back({"palermo.elements",
                       "TiP Protocol art. 3: act (" + Join(ElementIds(palermo.acts)) +
                           "), means (" + means + "), purpose (" +
                           Join(ElementIds(palermo.purposes)) + ")",
                       RestsOn(all)});
  }
  if (palermo.consent_irrelevant) {
    reasons.push_back({"palermo.consent_irrelevant",
                       "the person's consent is irrelevant where a means was used (art. 3(b))",
                       RestsOn(palermo.means)});
  } else if (palermo.consent_stated && child) {
    reasons.push_back({"palermo.consent_child",
                       "a child's consent is irrelevant: no means is needed under 18 (art. 3(c))",
                       {"palermo.consent"}});
  } else if (palermo.consent_stated) {
    reasons.push_back({"palermo.consent_unvitiated",
                       "the person says they consented and no means is on record yet: ask about "
                       "deception, coercion and debts before accepting that consent",
                       {"palermo.consent"}});
  }
}

void AddSmugglingReasons(const SmugglingResult& smuggling, std::vector<Reason>& reasons) {
  if (smuggling.complete) {
    std::vector<ElementFinding> all = smuggling.acts;
    all.insert(all.end(), smuggling.benefits.begin(), smuggling.benefits.end());
    reasons.push_back({"som.elements",
                       "SoM Protocol art. 3(a): " + Join(ElementIds(smuggling.acts)) +
                           " for a financial or other material benefit",
                       RestsOn(all)});
  }
  if (smuggling.aggravated) {
    reasons.push_back({"som.aggravating",
                       "aggravating circumstances (SoM Protocol art. 6(3)): " +
                           Join(ElementIds(smuggling.aggravating)),
                       RestsOn(smuggling.aggravating)});
  }
}

void AddAgeReason(const AgeDetermination& age, std::vector<Reason>& reasons) {
  switch (age.status) {
    case AgeStatus::kChild:
      reasons.push_back({"age.child", "under 18 on record (youngest " +
                                          std::to_string(*age.youngest) +
                                          "): the children's rules apply", {}});
      break;
    case AgeStatus::kDisputed:
      reasons.push_back({"age.disputed",
                         "age on record both under and over 18: treated as a child until an age "
                         "assessment (presumption of minority)", {}});
      break;
    case AgeStatus::kAdult:
      reasons.push_back({"age.adult", "18 or over on record: the adults' rules apply", {}});
      break;
    case AgeStatus::kUnknown:
      reasons.push_back({"age.unknown",
                         "age not known: the adults' rules were applied; a child needs no means",
                         {}});
      break;
  }
}

Text PhraseOr(const Catalogues& catalogues, const std::string& key) {
  const Text* text = catalogues.Phrase(key);
  return text != nullptr ? *text : Text{key, key, key};
}

void AddMissing(std::vector<Missing>& missing, const std::string& code, Text text) {
  for (const Missing& item : missing) {
    if (item.code == code) return;
  }
  missing.push_back({code, std::move(text)});
}

void AddTipMissing(const Catalogues& catalogues, ScreeningResult& result) {
  for (const ListResult& list : result.ilo) {
    if (list.determination) continue;
    if (!IsChildList(list.list) && !RecruitmentPositive(list)) {
      AddMissing(result.missing, "recruitment", PhraseOr(catalogues, "group.recruitment"));
    }
    if (!IsPositive(list, Dimension::kExploitativeConditions)) {
      AddMissing(result.missing, "dimension.exploitative_conditions",
                 catalogues.DimensionText(Dimension::kExploitativeConditions));
    }
    if (!IsChildList(list.list) && !DestinationPositive(list)) {
      AddMissing(result.missing, "destination", PhraseOr(catalogues, "group.destination"));
    }
  }
  const PalermoResult& palermo = result.palermo;
  if (palermo.acts.empty()) AddMissing(result.missing, "act", PhraseOr(catalogues, "group.act"));
  if (palermo.means_required && palermo.means.empty()) {
    AddMissing(result.missing, "means", PhraseOr(catalogues, "group.means"));
  }
  if (palermo.purposes.empty()) {
    AddMissing(result.missing, "purpose", PhraseOr(catalogues, "group.purpose"));
  }
}

void AddSmugglingMissing(const Catalogues& catalogues, ScreeningResult& result) {
  const SmugglingResult& smuggling = result.smuggling;
  if (!SmugglingSigns(smuggling) || smuggling.complete) return;
  if (smuggling.acts.empty()) {
    AddMissing(result.missing, "som_act", PhraseOr(catalogues, "group.som_act"));
  }
  if (smuggling.benefits.empty()) {
    AddMissing(result.missing, "som_benefit", PhraseOr(catalogues, "group.som_benefit"));
  }
}

void AddQuestion(std::vector<std::string>& questions, const std::string& id) {
  if (std::find(questions.begin(), questions.end(), id) == questions.end()) {
    questions.push_back(id);
  }
}

void ChooseQuestions(const ScreeningInput& input, ScreeningResult& result) {
  static const std::map<std::string, std::vector<std::string>> kQuestionsFor = {
      {"age", {"q.age"}},
      {"recruitment", {"q.act", "q.means"}},
      {"act", {"q.act"}},
      {"means", {"q.means"}},
      {"destination", {"q.leave"}},
      {"dimension.exploitative_conditions", {"q.purpose"}},
      {"purpose", {"q.purpose"}},
      {"som_act", {"q.som_entry"}},
      {"som_benefit", {"q.som_benefit"}},
  };
  if (result.age.status == AgeStatus::kDisputed) AddQuestion(result.next_questions, "q.age_assessment");
  for (const Missing& missing : result.missing) {
    auto found = kQuestionsFor.find(missing.code);
    if (found == kQuestionsFor.end()) continue;
    for (const std::string& question : found->second) AddQuestion(result.next_questions, question);
  }
  if (result.smuggling.complete && !result.smuggling.aggravated) {
    AddQuestion(result.next_questions, "q.som_aggravating");
  }
  if (!input.consent_to_share) AddQuestion(result.next_questions, "q.consent_to_share");
}

std::vector<Form> FormsOf(const Catalogues& catalogues, const ScreeningResult& result) {
  std::set<Form> forms;
  for (const ElementFinding& purpose : result.palermo.purposes) {
    forms.insert(*catalogues.FindElement(purpose.element)->form);
  }
  for (const ListResult& list : result.ilo) {
    if (!list.determination) continue;
    bool sexual = list.list == IloList::kAdultSexual || list.list == IloList::kChildSexual;
    if (sexual) forms.insert(Form::kSexual);
    // A labour list with a purpose of its family on record names that purpose's form.
    if (!sexual && std::none_of(forms.begin(), forms.end(),
                                [](Form form) { return form != Form::kSexual; })) {
      forms.insert(Form::kLabour);
    }
  }
  return {forms.begin(), forms.end()};
}

}  // namespace

std::optional<std::string> DimensionRule(int strong, int medium, int weak) {
  if (strong >= 2) return "2 strong";
  if (strong >= 1 && medium + weak >= 1) return "1 strong + 1 medium or weak";
  if (medium >= 3) return "3 medium";
  if (medium >= 2 && weak >= 1) return "2 medium + 1 weak";
  return std::nullopt;
}

std::string_view OutcomeName(Outcome outcome) { return kOutcomeNames[static_cast<size_t>(outcome)]; }
std::string_view AgeStatusName(AgeStatus status) {
  return kAgeStatusNames[static_cast<size_t>(status)];
}

ScreeningResult Evaluate(const Catalogues& catalogues, const ScreeningInput& input) {
  ScreeningResult result;
  Resolved resolved = Resolve(catalogues, input, result.problems);
  result.age = DetermineAge(input, result.problems);
  ElementMap found = CollectElements(resolved);
  bool child = result.age.treated_as_child;
  result.palermo = ComputePalermo(catalogues, found, child);
  result.smuggling = ComputeSmuggling(catalogues, found);
  for (IloList list : ApplicableLists(catalogues, found, child)) {
    result.ilo.push_back(EvaluateList(list, resolved, !result.palermo.acts.empty(), result.problems));
  }
  bool ilo_positive = std::any_of(result.ilo.begin(), result.ilo.end(),
                                  [](const ListResult& list) { return list.determination; });
  bool trafficking = ilo_positive || result.palermo.complete;
  bool smuggled = result.smuggling.complete;
  result.outcome = trafficking && smuggled ? Outcome::kBoth
                   : trafficking           ? Outcome::kPresumedVictim
                   : smuggled              ? Outcome::kSmuggledMigrant
                                           : Outcome::kNotEnoughInformation;
  if (trafficking) result.forms = FormsOf(catalogues, result);

  AddAgeReason(result.age, result.reasons);
  for (const ListResult& list : result.ilo) AddListReasons(list, result.reasons);
  AddPalermoReasons(result.palermo, child, result.reasons);
  AddSmugglingReasons(result.smuggling, result.reasons);

  if (result.age.status == AgeStatus::kUnknown) {
    AddMissing(result.missing, "age", PhraseOr(catalogues, "missing.age"));
    const PalermoResult& palermo = result.palermo;
    if (!trafficking && !palermo.acts.empty() && !palermo.purposes.empty()) {
      result.reasons.push_back({"age.decides",
                                "act and purpose are on record but no means: if the person is "
                                "under 18 no means is needed (art. 3(c)) and this indicates a "
                                "presumed victim; the age decides",
                                RestsOn(palermo.acts)});
    }
  }
  if (!trafficking) AddTipMissing(catalogues, result);
  AddSmugglingMissing(catalogues, result);
  ChooseQuestions(input, result);

  result.flags.non_punishment = trafficking;
  result.flags.som_non_criminalisation = smuggled;
  result.flags.rescreen_for_trafficking = smuggled && !trafficking && ExploitationSigns(resolved, result);
  result.flags.child_protection_referral = child;
  result.flags.age_assessment = result.age.status == AgeStatus::kDisputed;
  result.flags.aggravated_smuggling = smuggled && result.smuggling.aggravated;
  if (result.flags.rescreen_for_trafficking) {
    result.reasons.push_back({"rescreen",
                              "a smuggled migrant with indicators of exploitation: re-screen for "
                              "trafficking in persons", {}});
  }
  result.summary = internal::Summarise(catalogues, result);
  return result;
}

}  // namespace tafkik::screening
