// The tour of a workspace that `make demo` prints: what is in it, its cases, whether the
// audit chain verifies. The Store is borrowed, not owned. Thread-compatible, as Store.
#pragma once

#include <vector>

#include "app/cases.h"
#include "core/status.h"
#include "store/audit.h"
#include "store/store.h"

namespace tafkik::app {

struct TourReport {
  store::Counts counts;
  std::vector<CaseView> cases;     // every case with its members
  store::AuditVerifyReport audit;  // verified after the case reads were recorded
};

// Counts, every case (read through ShowCase, so reads of victims are on the record), then
// the audit verification. A broken chain is reported in `audit`, not as an error.
Result<TourReport> Tour(store::Store& store, const store::Actor& actor);

}  // namespace tafkik::app
