#include "app/tour.h"

#include "app/audit_log.h"

namespace tafkik::app {

Result<TourReport> Tour(store::Store& store, const store::Actor& actor) {
  TourReport report;
  TAFKIK_ASSIGN_OR_RETURN(report.counts, store.Count());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Case> cases, ListCases(store));
  for (const model::Case& listed : cases) {
    TAFKIK_ASSIGN_OR_RETURN(CaseView view, ShowCase(store, actor, listed.reference));
    report.cases.push_back(std::move(view));
  }
  TAFKIK_ASSIGN_OR_RETURN(report.audit, AuditVerify(store));
  return report;
}

}  // namespace tafkik::app
