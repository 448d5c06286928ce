#include "casefile/elements.h"

#include <algorithm>

namespace tafkik::casefile {

const std::vector<ElementInfo>& AllElements() {
  using model::Offence;
  static const std::vector<ElementInfo> kElements = {
      {"tip.act", Offence::kTraffickingInPersons, "element_tip_act", true},
      {"tip.means", Offence::kTraffickingInPersons, "element_tip_means", true},
      {"tip.purpose", Offence::kTraffickingInPersons, "element_tip_purpose", true},
      {"som.illegal_entry", Offence::kSmugglingOfMigrants, "element_som_illegal_entry", true},
      {"som.material_benefit", Offence::kSmugglingOfMigrants, "element_som_material_benefit",
       true},
      {"som.aggravating", Offence::kSmugglingOfMigrants, "element_som_aggravating", false},
  };
  return kElements;
}

std::vector<ElementInfo> ElementsOf(const std::vector<model::Offence>& offences) {
  std::vector<ElementInfo> chosen;
  for (const ElementInfo& element : AllElements()) {
    if (std::find(offences.begin(), offences.end(), element.offence) != offences.end()) {
      chosen.push_back(element);
    }
  }
  return chosen;
}

bool IsKnownElement(std::string_view key) {
  const auto& all = AllElements();
  return std::any_of(all.begin(), all.end(),
                     [key](const ElementInfo& element) { return element.key == key; });
}

std::string KnownElementList() {
  std::string list;
  for (const ElementInfo& element : AllElements()) {
    if (!list.empty()) list += ", ";
    list += element.key;
  }
  return list;
}

}  // namespace tafkik::casefile
