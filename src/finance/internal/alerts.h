// Helpers shared by the detectors. Private to finance/.
#pragma once

#include <algorithm>
#include <vector>

#include "finance/detectors.h"

namespace tafkik::finance::internal {

// Sorts and de-duplicates the transactions, fills accounts (subject first, then the other
// ends ascending) and total.
void FinishAlert(const Ledger& ledger, Alert& alert);

inline double Clamp01(double value) { return std::max(0.0, std::min(1.0, value)); }

}  // namespace tafkik::finance::internal
