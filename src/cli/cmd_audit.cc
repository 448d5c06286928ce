// tafkik audit verify|list
#include <algorithm>
#include <iostream>

#include "app/audit_log.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/time.h"

namespace tafkik::cli {
namespace {

struct VerifyOptions {};

struct ListOptions {
  int64_t from = 1;
  int64_t limit = 100;
  int64_t last = 0;  // when > 0, the last N events instead of --from
};

void PrintReport(const store::AuditVerifyReport& report) {
  if (report.ok) {
    std::cout << "Audit chain verified: " << Thousands(report.events) << " events, "
              << Thousands(report.checkpoints) << " signed checkpoints\n"
              << "Head: " << report.head_hash << "\n";
    return;
  }
  std::cout << "Audit chain BROKEN";
  if (report.first_bad_index) std::cout << " at event " << *report.first_bad_index;
  std::cout << ": " << report.reason << "\n";
}

Status RunVerify(const Context& context, const VerifyOptions&) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::AuditVerifyReport report, app::AuditVerify(*opened));
  if (context.global.json) {
    PrintJson(store::ToJson(report));
  } else {
    PrintReport(report);
  }
  return app::VerifyStatus(report);
}

Result<int64_t> FirstIndex(store::Store& opened, const ListOptions& options) {
  if (options.last <= 0) return options.from;
  TAFKIK_ASSIGN_OR_RETURN(store::Counts counts, opened.Count());
  return std::max<int64_t>(1, counts.audit_events - options.last + 1);
}

Status RunList(const Context& context, const ListOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(int64_t from, FirstIndex(*opened, options));
  int64_t limit = options.last > 0 ? options.last : options.limit;
  TAFKIK_ASSIGN_OR_RETURN(auto events, app::AuditList(*opened, from, limit));
  if (context.global.json) {
    Json array = Json::array();
    for (const store::AuditEvent& event : events) array.push_back(store::ToJson(event));
    PrintJson(array);
    return Status::Ok();
  }
  Table table({"INDEX", "TIME", "ACTOR", "ACTION", "OBJECT", "OUTCOME"});
  for (const store::AuditEvent& event : events) {
    table.AddRow({std::to_string(event.index), FormatTimestamp(event.time), event.actor,
                  event.action, event.object, event.outcome});
  }
  table.Print(std::cout);
  return Status::Ok();
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "audit", "The tamper-evident record of every change and every read of victims' data");
  group->require_subcommand(1);

  CLI::App* verify = group->add_subcommand(
      "verify",
      "Re-compute the hash chain and check the signed checkpoints; names the first "
      "event that was edited, deleted, reordered or cut off (exit code 8 if any)");
  SetAction(verify, context, std::make_shared<VerifyOptions>(), &RunVerify);

  CLI::App* list = group->add_subcommand("list", "List audit events, oldest first");
  auto options = std::make_shared<ListOptions>();
  list->add_option("--from", options->from, "First event index (1-based)")->capture_default_str();
  list->add_option("--limit", options->limit, "At most this many")->capture_default_str();
  list->add_option("--last", options->last, "Only the last N events (overrides --from/--limit)");
  SetAction(list, context, options, &RunList);
}

}  // namespace tafkik::cli
