// tafkik tour
#include <iostream>
#include <map>

#include "app/audit_log.h"
#include "app/json_view.h"
#include "app/tour.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/text.h"

namespace tafkik::cli {
namespace {

struct TourOptions {};

void PrintCounts(const store::Counts& counts) {
  std::cout << "What is in it\n";
  PrintCountTable(std::cout, counts.entities_by_schema, counts.relations_by_schema);
}

std::string OffenceLabel(model::Offence offence) {
  switch (offence) {
    case model::Offence::kTraffickingInPersons:
      return "trafficking in persons";
    case model::Offence::kSmugglingOfMigrants:
      return "migrant smuggling";
    case model::Offence::kOther:
      return "other offences";
  }
  return "?";
}

// At most a few names, so that a case with hundreds of migrants stays one line a role.
std::string SomeNames(const std::vector<std::string>& names) {
  constexpr size_t kShown = 4;
  if (names.size() <= kShown) return Join(names, ", ");
  std::vector<std::string> shown(names.begin(), names.begin() + kShown);
  return Join(shown, ", ") + " and " + Thousands(names.size() - kShown) + " more";
}

// Each case, its offences, then its members by role: "suspect (4): A, B, C, D".
void PrintCase(const app::CaseView& view) {
  const model::Case& record = view.record;
  std::vector<std::string> offences;
  for (model::Offence offence : record.offences) offences.push_back(OffenceLabel(offence));
  std::string place = record.jurisdiction.region.empty()
                          ? record.jurisdiction.country
                          : record.jurisdiction.region + " (" + record.jurisdiction.country + ")";
  std::cout << "  " << record.reference << ", " << place << ", " << record.lead_unit << ", "
            << model::CaseStatusName(record.status) << "\n";
  std::cout << "    offences: " << Join(offences, ", ") << "\n";
  std::map<model::Role, std::vector<std::string>> by_role;
  for (const app::MemberView& member : view.members) {
    by_role[member.member.role].push_back(member.caption);
  }
  for (const auto& [role, names] : by_role) {
    std::cout << "    " << model::RoleName(role) << " (" << names.size()
              << "): " << SomeNames(names) << "\n";
  }
}

void PrintAudit(const store::AuditVerifyReport& report) {
  if (report.ok) {
    std::cout << "Audit chain verified: " << Thousands(report.events) << " events, "
              << Thousands(report.checkpoints) << " signed checkpoints\n";
    return;
  }
  std::cout << "Audit chain BROKEN at event " << report.first_bad_index.value_or(0) << ": "
            << report.reason << "\n";
}

Status RunTour(const Context& context, const TourOptions&) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::TourReport report, app::Tour(*opened, context.actor()));
  if (context.global.json) {
    PrintJson(app::ToJson(report));
  } else {
    PrintCounts(report.counts);
    std::cout << "Cases (" << report.cases.size() << ")\n";
    for (const app::CaseView& view : report.cases) PrintCase(view);
    PrintAudit(report.audit);
  }
  return app::VerifyStatus(report.audit);
}

}  // namespace

void AddTourCommand(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("tour",
                         "Summarise the workspace: counts by kind, the cases with their members by "
                         "role, the audit chain check (reads of victims' names are recorded)");
  SetAction(command, context, std::make_shared<TourOptions>(), &RunTour);
}

}  // namespace tafkik::cli
