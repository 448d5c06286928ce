// Use cases on the audit log: verify the chain and its signed checkpoints, list events.
// The Store is borrowed, not owned. Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "store/audit.h"
#include "store/store.h"

namespace tafkik::app {

// Re-reads and checks the whole log. A broken chain is a report with ok == false, not an
// error: the caller decides how to show it (see VerifyStatus).
Result<store::AuditVerifyReport> AuditVerify(store::Store& store);

// OK for a good report; DataLoss naming the first bad event index and the reason otherwise.
Status VerifyStatus(const store::AuditVerifyReport& report);

// Events with index >= from (1-based), ascending, at most `limit`. InvalidArgument when
// from < 1 or limit < 1.
Result<std::vector<store::AuditEvent>> AuditList(store::Store& store, int64_t from, int64_t limit);

}  // namespace tafkik::app
