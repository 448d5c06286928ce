// Indicator catalogues and legal elements, loaded from data files (data/indicators/*.yaml):
// the ILO/EC operational indicators (six dimensions, strong/medium/weak per list), the UNODC
// human trafficking indicators by category, and the elements of the Trafficking in Persons
// and Smuggling of Migrants Protocols with the questions and phrases the outcome uses.
// Every item has a stable id and its text in English, French and Arabic. A Catalogues value
// is immutable after loading; thread-safe for concurrent reads.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tafkik::screening {

// Text in the three languages of the users. All three are required in every catalogue.
struct Text {
  std::string en;
  std::string fr;
  std::string ar;
  // The text in `language` ("en", "fr", "ar"); English for any other.
  const std::string& In(std::string_view language) const;
};

enum class Strength { kStrong, kMedium, kWeak };
enum class Dimension {
  kDeceptiveRecruitment,
  kCoerciveRecruitment,
  kRecruitmentVulnerability,
  kExploitativeConditions,
  kCoercionAtDestination,
  kVulnerabilityAtDestination,
};
inline constexpr int kDimensionCount = 6;
// The four ILO lists: adults or children, labour or sexual exploitation.
enum class IloList { kAdultLabour, kAdultSexual, kChildLabour, kChildSexual };
inline constexpr int kIloListCount = 4;

enum class ElementGroup {
  kAct,             // TiP act: recruitment, transportation, transfer, harbouring, receipt
  kMeans,           // TiP means
  kPurpose,         // TiP purpose: a form of exploitation
  kConsent,         // the person says they consented
  kSomAct,          // SoM: procuring illegal entry, enabling illegal stay, fraudulent document
  kSomBenefit,      // SoM: financial or other material benefit
  kSomAggravating,  // SoM art. 6(3): danger to life, inhuman or degrading treatment
  kFact,            // a fact the rules read (crossed a border)
};
// The form of trafficking an outcome names.
enum class Form { kLabour, kSexual, kDomesticServitude, kOther };

// Stable names used in files, JSON and the CLI.
std::string_view StrengthName(Strength strength);           // "strong", "medium", "weak"
std::string_view DimensionName(Dimension dimension);        // "deceptive_recruitment", ...
std::string_view IloListName(IloList list);                 // "adult_labour", ...
std::string_view ElementGroupName(ElementGroup group);      // "act", "means", ...
std::string_view FormName(Form form);                       // "labour", "sexual", ...
Result<Strength> ParseStrength(std::string_view name);
Result<Dimension> ParseDimension(std::string_view name);
Result<IloList> ParseIloList(std::string_view name);
Result<ElementGroup> ParseElementGroup(std::string_view name);
Result<Form> ParseForm(std::string_view name);

struct Element {
  std::string id;                 // "palermo.means.deception", "som.benefit"
  ElementGroup group = ElementGroup::kFact;
  std::optional<Form> form;       // purposes only
  std::string article;            // "TiP Protocol art. 3(a)"
  Text text;
  bool translation_checked = false;  // true when French and Arabic are checked terms
};

struct Indicator {
  std::string id;                 // "ilo.cd.documents", "unodc.dom.leftovers"
  std::string catalogue;          // "ilo" or "unodc"
  std::string category;           // UNODC category, or the ILO dimension's name
  std::optional<Dimension> dimension;                     // ILO only
  std::array<std::optional<Strength>, kIloListCount> strength;  // ILO only, by list
  std::vector<std::string> elements;  // legal elements it is evidence of (dimension's too)
  Text text;
  bool translation_checked = false;
};

struct CatalogueInfo {
  std::string name;               // "ilo", "unodc", "elements"
  int version = 0;
  Text title;
  std::vector<std::string> sources;  // the documents it is taken from
  bool translation_checked = false;  // file-level: false when marked unchecked
  std::string source_check;          // "" or "pending" when not checked against the source
};

class Catalogues {
 public:
  // Reads elements.yaml, ilo.yaml and unodc.yaml from `dir`. InvalidArgument naming the file,
  // the item (by id or index) and the field for: a missing file, bad YAML (with line), an item
  // without id or with a duplicate id, a missing language, an unknown strength, dimension,
  // list, category or group, an indicator that cites an unknown element. NotFound when a file
  // is absent.
  static Result<Catalogues> Load(const std::string& dir);

  // The folder of the catalogues shipped with Tafkik: $TAFKIK_INDICATORS when set, else the
  // source tree's data/indicators when it exists, else "data/indicators".
  static std::string DefaultDir();

  // nullptr when unknown.
  const Indicator* FindIndicator(std::string_view id) const;
  const Element* FindElement(std::string_view id) const;
  // The question or phrase with this id; nullptr when unknown.
  const Text* Question(std::string_view id) const;
  const Text* Phrase(std::string_view key) const;
  const Text& DimensionText(Dimension dimension) const;
  // Up to `limit` known ids (indicators and elements) closest to `id` by edit distance.
  std::vector<std::string> Suggest(std::string_view id, size_t limit = 3) const;

  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<Element>& elements() const { return elements_; }
  const std::vector<CatalogueInfo>& infos() const { return infos_; }
  // UNODC categories in file order, with their text.
  const std::vector<std::pair<std::string, Text>>& unodc_categories() const {
    return unodc_categories_;
  }

 private:
  friend class CatalogueLoader;

  // Constant after loading.
  std::vector<CatalogueInfo> infos_;
  std::vector<Indicator> indicators_;
  std::vector<Element> elements_;
  std::vector<std::pair<std::string, Text>> unodc_categories_;
  std::array<Text, kDimensionCount> dimension_text_;
  std::array<std::vector<std::string>, kDimensionCount> dimension_elements_;
  std::map<std::string, size_t, std::less<>> indicator_index_;
  std::map<std::string, size_t, std::less<>> element_index_;
  std::map<std::string, Text, std::less<>> questions_;
  std::map<std::string, Text, std::less<>> phrases_;
};

}  // namespace tafkik::screening
