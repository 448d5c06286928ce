// ToJson(ScreeningResult): the shape stored in a screening record's body and printed by
// `tafkik --json screen ...`.
#include "screening/rules.h"

namespace tafkik::screening {
namespace {

Json ToJson(const Text& text) { return Json{{"en", text.en}, {"fr", text.fr}, {"ar", text.ar}}; }

Json ToJson(const std::vector<ElementFinding>& findings) {
  Json array = Json::array();
  for (const ElementFinding& finding : findings) {
    array.push_back({{"element", finding.element}, {"rests_on", finding.rests_on}});
  }
  return array;
}

Json ToJson(const ListResult& list) {
  Json dimensions = Json::array();
  for (const DimensionResult& dimension : list.dimensions) {
    dimensions.push_back({{"dimension", DimensionName(dimension.dimension)},
                          {"strong", dimension.strong},
                          {"medium", dimension.medium},
                          {"weak", dimension.weak},
                          {"positive", dimension.positive},
                          {"rule", dimension.rule},
                          {"indicators", dimension.indicators}});
  }
  return Json{{"list", IloListName(list.list)},
              {"determination", list.determination},
              {"act_established", list.act_established},
              {"dimensions", dimensions}};
}

Json ToJson(const AgeDetermination& age) {
  Json json{{"status", AgeStatusName(age.status)}, {"treated_as_child", age.treated_as_child}};
  if (age.youngest) json["youngest"] = *age.youngest;
  if (age.oldest) json["oldest"] = *age.oldest;
  return json;
}

Json ToJson(const Flags& flags) {
  return Json{{"non_punishment", flags.non_punishment},
              {"som_non_criminalisation", flags.som_non_criminalisation},
              {"rescreen_for_trafficking", flags.rescreen_for_trafficking},
              {"child_protection_referral", flags.child_protection_referral},
              {"age_assessment", flags.age_assessment},
              {"aggravated_smuggling", flags.aggravated_smuggling}};
}

}  // namespace

Json ToJson(const ScreeningResult& result, const Catalogues& catalogues) {
  Json forms = Json::array();
  for (Form form : result.forms) forms.push_back(FormName(form));
  Json ilo = Json::array();
  for (const ListResult& list : result.ilo) ilo.push_back(ToJson(list));
  Json reasons = Json::array();
  for (const Reason& reason : result.reasons) {
    reasons.push_back({{"code", reason.code}, {"text", reason.text}, {"rests_on", reason.rests_on}});
  }
  Json missing = Json::array();
  for (const Missing& item : result.missing) {
    missing.push_back({{"code", item.code}, {"text", ToJson(item.text)}});
  }
  Json questions = Json::array();
  for (const std::string& id : result.next_questions) {
    const Text* text = catalogues.Question(id);
    Json question = text != nullptr ? ToJson(*text) : Json::object();
    question["id"] = id;
    questions.push_back(question);
  }
  Json problems = Json::array();
  for (const Problem& problem : result.problems) {
    problems.push_back(
        {{"code", problem.code}, {"subject", problem.subject}, {"message", problem.message}});
  }
  const PalermoResult& palermo = result.palermo;
  const SmugglingResult& smuggling = result.smuggling;
  return Json{
      {"outcome", OutcomeName(result.outcome)},
      {"forms", forms},
      {"age", ToJson(result.age)},
      {"ilo", ilo},
      {"palermo",
       {{"acts", ToJson(palermo.acts)},
        {"means", ToJson(palermo.means)},
        {"purposes", ToJson(palermo.purposes)},
        {"means_required", palermo.means_required},
        {"consent_stated", palermo.consent_stated},
        {"consent_irrelevant", palermo.consent_irrelevant},
        {"complete", palermo.complete}}},
      {"smuggling",
       {{"acts", ToJson(smuggling.acts)},
        {"benefits", ToJson(smuggling.benefits)},
        {"aggravating", ToJson(smuggling.aggravating)},
        {"border_crossed", smuggling.border_crossed},
        {"complete", smuggling.complete},
        {"aggravated", smuggling.aggravated}}},
      {"reasons", reasons},
      {"missing", missing},
      {"next_questions", questions},
      {"problems", problems},
      {"flags", ToJson(result.flags)},
      {"summary", ToJson(result.summary)},
  };
}

}  // namespace tafkik::screening
