#include "screening/internal/summary.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace tafkik::screening::internal {
namespace {

constexpr std::array<std::string_view, 3> kLanguages = {"en", "fr", "ar"};

// Writes one language's paragraph.
class Writer {
 public:
  Writer(const Catalogues& catalogues, std::string_view language)
      : catalogues_(catalogues), language_(language) {}

  std::string Phrase(const std::string& key) const {
    const Text* text = catalogues_.Phrase(key);
    return text != nullptr ? text->In(language_) : key;
  }

  std::string Comma() const { return language_ == "ar" ? "، " : ", "; }
  std::string Semicolon() const {
    return language_ == "ar" ? "؛ " : language_ == "fr" ? " ; " : "; ";
  }
  std::string Colon() const { return language_ == "fr" ? " : " : ": "; }

  std::string List(const std::vector<std::string>& items, const std::string& separator) const {
    std::string joined;
    for (const std::string& item : items) joined += (joined.empty() ? "" : separator) + item;
    return joined;
  }

  std::string ElementTexts(const std::vector<ElementFinding>& findings) const {
    std::vector<std::string> texts;
    for (const ElementFinding& finding : findings) {
      const Element* element = catalogues_.FindElement(finding.element);
      texts.push_back(element != nullptr ? element->text.In(language_) : finding.element);
    }
    return List(texts, Comma());
  }

  void Sentence(const std::string& text) {
    if (text.empty()) return;
    if (!out_.empty()) out_ += " ";
    out_ += text;
  }

  std::string Take() { return std::move(out_); }

 private:
  const Catalogues& catalogues_;
  std::string_view language_;
  std::string out_;
};

std::vector<std::string> IndicatorIds(const Catalogues& catalogues, const ScreeningResult& result) {
  std::vector<std::string> ids;
  for (const Reason& reason : result.reasons) {
    for (const std::string& id : reason.rests_on) {
      if (catalogues.FindIndicator(id) == nullptr) continue;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  return ids;
}

std::vector<ElementFinding> ElementsOnRecord(const ScreeningResult& result) {
  std::vector<ElementFinding> all;
  for (const auto* group : {&result.palermo.acts, &result.palermo.means, &result.palermo.purposes,
                            &result.smuggling.acts, &result.smuggling.benefits}) {
    all.insert(all.end(), group->begin(), group->end());
  }
  return all;
}

std::string Headline(Writer& writer, const ScreeningResult& result) {
  std::string line = writer.Phrase("screening_of") + writer.Colon() +
                     writer.Phrase("outcome." + std::string(OutcomeName(result.outcome)));
  std::vector<std::string> forms;
  for (Form form : result.forms) forms.push_back(writer.Phrase("form." + std::string(FormName(form))));
  if (!forms.empty()) line += " (" + writer.List(forms, writer.Comma()) + ")";
  return line + ".";
}

std::string Basis(Writer& writer, const Catalogues& catalogues, const ScreeningResult& result) {
  std::vector<std::string> indicators = IndicatorIds(catalogues, result);
  std::vector<ElementFinding> elements = ElementsOnRecord(result);
  if (indicators.empty() && elements.empty()) return "";
  std::string line = writer.Phrase("rests_on") + writer.Colon();
  if (!indicators.empty()) {
    line += std::to_string(indicators.size()) + " " + writer.Phrase("indicators") + " (" +
            writer.List(indicators, writer.Comma()) + ")";
  }
  if (!elements.empty()) {
    if (!indicators.empty()) line += writer.Semicolon();
    line += writer.Phrase("elements") + writer.Colon() + writer.ElementTexts(elements);
  }
  return line + ".";
}

std::string MissingLine(Writer& writer, const ScreeningResult& result, std::string_view language) {
  if (result.missing.empty()) return "";
  std::vector<std::string> items;
  for (const Missing& missing : result.missing) items.push_back(missing.text.In(language));
  return writer.Phrase("missing") + writer.Colon() + writer.List(items, writer.Semicolon()) + ".";
}

std::string Paragraph(const Catalogues& catalogues, const ScreeningResult& result,
                      std::string_view language) {
  Writer writer(catalogues, language);
  writer.Sentence(Headline(writer, result));
  bool nothing_recorded = std::any_of(result.problems.begin(), result.problems.end(),
                                      [](const Problem& p) { return p.code == "no_observations"; });
  if (nothing_recorded) writer.Sentence(writer.Phrase("no_observations"));
  writer.Sentence(Basis(writer, catalogues, result));
  writer.Sentence(MissingLine(writer, result, language));
  if (result.flags.age_assessment) writer.Sentence(writer.Phrase("age.disputed"));
  if (result.flags.child_protection_referral) writer.Sentence(writer.Phrase("child"));
  if (result.flags.non_punishment) writer.Sentence(writer.Phrase("non_punishment"));
  if (result.flags.som_non_criminalisation) writer.Sentence(writer.Phrase("som_non_criminalisation"));
  if (result.flags.aggravated_smuggling) {
    writer.Sentence(writer.Phrase("aggravated") + writer.Colon() +
                    writer.ElementTexts(result.smuggling.aggravating) + ".");
  }
  if (result.flags.rescreen_for_trafficking) writer.Sentence(writer.Phrase("rescreen"));
  writer.Sentence(writer.Phrase("support_only"));
  return writer.Take();
}

}  // namespace

Text Summarise(const Catalogues& catalogues, const ScreeningResult& result) {
  Text summary;
  summary.en = Paragraph(catalogues, result, kLanguages[0]);
  summary.fr = Paragraph(catalogues, result, kLanguages[1]);
  summary.ar = Paragraph(catalogues, result, kLanguages[2]);
  return summary;
}

}  // namespace tafkik::screening::internal
