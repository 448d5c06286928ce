#include "app/audit_log.h"

#include <string>

namespace tafkik::app {

Result<store::AuditVerifyReport> AuditVerify(store::Store& store) { return store.VerifyAudit(); }

Status VerifyStatus(const store::AuditVerifyReport& report) {
  if (report.ok) return Status::Ok();
  std::string where = report.first_bad_index ? "at event " + std::to_string(*report.first_bad_index)
                                             : std::string("(no event index)");
  return DataLossError("audit chain broken " + where + ": " + report.reason);
}

Result<std::vector<store::AuditEvent>> AuditList(store::Store& store, int64_t from, int64_t limit) {
  if (from < 1) return InvalidArgumentError("--from must be 1 or more (events are 1-based)");
  if (limit < 1) return InvalidArgumentError("--limit must be 1 or more");
  return store.ListAuditEvents(from, limit);
}

}  // namespace tafkik::app
