// The legal elements of the offences a case file must prove, per suspect: for trafficking in
// persons (TiP Protocol art. 3(a)) the act, the means and the purpose of exploitation; for
// smuggling of migrants (SoM Protocol arts 3(a), 6) the procurement of illegal entry, the
// financial or other material benefit, and aggravating circumstances. Pure data and
// functions. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/case.h"

namespace tafkik::casefile {

struct ElementInfo {
  std::string_view key;        // "tip.act": what evidence and actions cite with --supports
  model::Offence offence;
  std::string_view label_key;  // key of its label in data/report/labels.json
  bool required;               // false: aggravating circumstances (they raise the penalty)
};

// Every element, TiP first, in the order a prosecutor reads them.
const std::vector<ElementInfo>& AllElements();
// The elements of `offences` (kOther has none), in AllElements order.
std::vector<ElementInfo> ElementsOf(const std::vector<model::Offence>& offences);
// True when `key` names an element.
bool IsKnownElement(std::string_view key);
// "tip.act, tip.means, ..." for error messages.
std::string KnownElementList();

}  // namespace tafkik::casefile
