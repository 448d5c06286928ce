// tafkik money trace|alerts|summary
#include <algorithm>
#include <iostream>
#include <map>

#include "app/finance.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/caption.h"

namespace tafkik::cli {
namespace {

struct AlertsOptions {
  app::MoneyAlertsRequest request;
  bool saved = false;
  double window_days = 7;
  double split_hours = 24;
  double cycle_days = 30;
  double pass_hours = 48;
  double structuring_days = 7;
};

struct SummaryOptions {
  app::MoneySource source;
  int64_t top = 10;
};

void AddSourceOptions(CLI::App* command, app::MoneySource& source) {
  command->add_option("--rates", source.rates_path,
                      "Rates table CSV (date,currency,reporting,rate) converting every payment "
                      "into one reporting currency; see data/finance/rates_sample.csv");
  command
      ->add_option("--currency", source.reporting_currency,
                   "Reporting currency when there is no rates table")
      ->capture_default_str();
  command
      ->add_option("--max-rate-age", source.max_rate_age_days,
                   "Days a rate stays usable after its date")
      ->capture_default_str();
}

// Payments that could not be used, on stderr: the count and the first few, each named.
void PrintLoadReport(const finance::LedgerReport& report) {
  if (report.reversed > 0) {
    std::cerr << "note: " << report.reversed << " reversed payments left out with their reversal\n";
  }
  if (report.source_converted > 0) {
    std::cerr << "note: " << report.source_converted
              << " payments converted with the source's own amountEur (no rate in the table)\n";
  }
  if (report.rejected.empty()) return;
  std::cerr << "note: " << report.rejected.size() << " payments left out:\n";
  size_t shown = 0;
  for (const finance::LedgerIssue& issue : report.rejected) {
    if (++shown > 10) {
      std::cerr << "  ... and " << report.rejected.size() - 10 << " more (--json lists them all)\n";
      break;
    }
    std::cerr << "  " << issue.transaction << ": " << issue.reason << "\n";
  }
}

// "Name (id prefix)" for an entity id, or the id itself when it has no entity. The names of
// victims' entities shown here were put on the audit record by the use case.
class Labels {
 public:
  explicit Labels(store::Store& store) : store_(store) {}
  std::string operator()(const std::string& id) {
    auto cached = labels_.find(id);
    if (cached != labels_.end()) return cached->second;
    std::string label = id;
    if (IsValidEntityId(id)) {
      Result<model::Entity> entity = store_.GetEntity(EntityId(id));
      if (entity.ok()) {
        std::string caption = model::Caption(*entity);
        if (!caption.empty() && caption != id) label = caption + " (" + id.substr(0, 8) + ")";
      }
    }
    return labels_[id] = label;
  }

 private:
  store::Store& store_;
  std::map<std::string, std::string> labels_;
};

Json ReportJson(const finance::LedgerReport& report) {
  Json rejected = Json::array();
  for (const finance::LedgerIssue& issue : report.rejected) {
    rejected.push_back({{"payment", issue.transaction}, {"reason", issue.reason}});
  }
  return {{"accepted", report.accepted},
          {"reversed", report.reversed},
          {"duplicates", report.duplicates},
          {"converted_by_source", report.source_converted},
          {"rejected", rejected}};
}

Status RunTrace(const Context& context, const app::TraceMoneyRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::TraceMoneyView view,
                          app::TraceMoney(*opened, context.actor(), request));
  if (context.global.json) {
    Json out = view.sankey;
    out["load"] = ReportJson(view.report);
    PrintJson(out);
    return Status::Ok();
  }
  PrintLoadReport(view.report);
  const Json& sankey = view.sankey;
  const std::string unit = sankey["unit"];
  std::cout << "Traced " << sankey["total"].get<std::string>() << " " << unit << " "
            << (request.direction == "down" ? "from " : "into ") << request.from << " ("
            << request.direction << ", " << request.rule << ", up to " << request.hops
            << " hops)\n";
  Labels label(*opened);
  Table flows({"HOP", "FROM", "TO", "CHANNEL", "AMOUNT", "PAYMENTS", "FIRST", "LAST"}, 2);
  std::vector<std::pair<int, const Json*>> by_hop;
  for (const Json& link : sankey["links"]) {
    std::string source = link["source"];
    std::string target = link["target"];
    std::string hop = request.direction == "down" ? target.substr(target.rfind('@') + 1)
                                                  : source.substr(source.rfind('@') + 1);
    by_hop.emplace_back(std::stoi(hop), &link);
  }
  std::stable_sort(by_hop.begin(), by_hop.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });
  for (const auto& [hop, link_ptr] : by_hop) {
    const Json& link = *link_ptr;
    std::string source = link["source"];
    std::string target = link["target"];
    flows.AddRow({std::to_string(hop), label(source.substr(0, source.rfind('@'))),
                  label(target.substr(0, target.rfind('@'))), link["channel"], link["value"],
                  std::to_string(link["transactions"].size()), link["first"], link["last"]});
  }
  flows.AlignRight(4);
  flows.AlignRight(5);
  std::cout << "Flows (" << sankey["links"].size() << ")\n";
  flows.Print(std::cout);
  Table holders({request.direction == "down" ? "HOLDER" : "ORIGIN", "AMOUNT", "AT HOP LIMIT",
                 "UNKNOWN SOURCE"},
                2);
  for (const Json& holder : sankey["holders"]) {
    holders.AddRow({label(holder["entity"]), holder["amount"], holder["at_hop_limit"],
                    holder["unknown_source"]});
  }
  for (size_t column = 1; column < 4; ++column) holders.AlignRight(column);
  std::cout << (request.direction == "down" ? "Final holders (" : "Origins (")
            << sankey["holders"].size() << ", " << unit << ")\n";
  holders.Print(std::cout);
  return Status::Ok();
}

void PrintAlertTable(const std::vector<Json>& alerts) {
  Table table({"SCORE", "TYPE", "SUBJECT", "PAYMENTS", "TOTAL", "FIRST", "LAST", "SUMMARY"});
  for (const Json& alert : alerts) {
    table.AddRow({alert["score"].get<std::string>(), alert["type"], alert["subject"],
                  std::to_string(alert["transactions"].size()),
                  alert["total"].get<std::string>() + " " + alert["currency"].get<std::string>(),
                  alert["first"].get<std::string>().substr(0, 10),
                  alert["last"].get<std::string>().substr(0, 10), alert["summary"]["en"]});
  }
  table.AlignRight(3);
  table.AlignRight(4);
  table.Print(std::cout);
}

Status RunSavedAlerts(const Context& context, const AlertsOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records,
                          app::ListMoneyAlerts(*opened, context.actor(),
                                               options.request.case_reference,
                                               options.request.limit));
  std::vector<Json> bodies;
  for (const model::Record& record : records) {
    Json body = record.body;
    body["case"] = record.case_reference;
    body["saved"] = FormatTimestamp(record.created);
    bodies.push_back(std::move(body));
  }
  if (context.global.json) {
    PrintJson(Json(bodies));
  } else if (bodies.empty()) {
    std::cerr << "no saved alerts; run 'tafkik money alerts' to detect them\n";
  } else {
    PrintAlertTable(bodies);
  }
  return Status::Ok();
}

Status RunAlerts(const Context& context, const AlertsOptions& given) {
  if (given.saved) return RunSavedAlerts(context, given);
  AlertsOptions options = given;
  finance::DetectorOptions& detectors = options.request.options;
  auto micros = [](double units, int64_t unit) { return static_cast<int64_t>(units * unit); };
  detectors.fan_in.window_us = micros(options.window_days, finance::kDay);
  detectors.fan_in.split_window_us = micros(options.split_hours, finance::kHour);
  detectors.fan_out.window_us = detectors.fan_in.window_us;
  detectors.fan_out.min_counterparties = detectors.fan_in.min_counterparties;
  detectors.fan_out.amount_tolerance = detectors.fan_in.amount_tolerance;
  detectors.fan_out.min_split = detectors.fan_in.min_split;
  detectors.fan_out.split_window_us = detectors.fan_in.split_window_us;
  detectors.scatter_gather.window_us = detectors.fan_in.window_us;
  detectors.cycle.window_us = micros(options.cycle_days, finance::kDay);
  detectors.pass_through.max_delay_us = micros(options.pass_hours, finance::kHour);
  detectors.structuring.window_us = micros(options.structuring_days, finance::kDay);
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::MoneyAlertsView view,
                          app::DetectMoneyAlerts(*opened, context.actor(), options.request));
  if (context.global.json) {
    PrintJson(Json{{"found", view.found},
                   {"saved", view.saved},
                   {"case", options.request.case_reference},
                   {"alerts", view.alerts},
                   {"load", ReportJson(view.report)}});
    return Status::Ok();
  }
  PrintLoadReport(view.report);
  if (view.alerts.empty()) {
    std::cerr << "no alerts in " << view.report.accepted << " payments\n";
    return Status::Ok();
  }
  PrintAlertTable(view.alerts);
  std::cerr << view.found << " alerts";
  if (view.found > static_cast<int64_t>(view.alerts.size())) {
    std::cerr << " (" << view.alerts.size() << " shown; --limit for more)";
  }
  if (view.saved > 0) {
    std::cerr << "; saved"
              << (options.request.case_reference.empty()
                      ? std::string()
                      : " on case " + options.request.case_reference);
  }
  std::cerr << "\n";
  return Status::Ok();
}

Status RunSummary(const Context& context, const SummaryOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(Json summary,
                          app::MoneySummary(*opened, context.actor(), options.source, options.top));
  if (context.global.json) {
    PrintJson(summary);
    return Status::Ok();
  }
  const std::string unit = summary["unit"];
  Table head({}, 0);
  head.AddRow({"Payments", Thousands(summary["payments"].get<int64_t>())});
  head.AddRow({"Accounts", Thousands(summary["accounts"].get<int64_t>())});
  head.AddRow({"Total", summary["total"].get<std::string>() + " " + unit});
  if (summary.contains("first")) {
    head.AddRow({"Period", summary["first"].get<std::string>() + " .. " +
                               summary["last"].get<std::string>()});
  }
  head.Print(std::cout);
  Table channels({"CHANNEL", "PAYMENTS", "TOTAL " + unit}, 2);
  for (const Json& row : summary["by_channel"]) {
    channels.AddRow({row["channel"], Thousands(row["payments"].get<int64_t>()), row["total"]});
  }
  channels.AlignRight(1);
  channels.AlignRight(2);
  std::cout << "By channel\n";
  channels.Print(std::cout);
  Table currencies({"CURRENCY", "PAYMENTS", "TOTAL (ORIGINAL)"}, 2);
  for (const Json& row : summary["by_currency"]) {
    currencies.AddRow({row["currency"], Thousands(row["payments"].get<int64_t>()), row["total"]});
  }
  currencies.AlignRight(1);
  currencies.AlignRight(2);
  std::cout << "By currency\n";
  currencies.Print(std::cout);
  for (const char* side : {"top_payers", "top_beneficiaries"}) {
    Table top({"ENTITY", "TOTAL " + unit}, 2);
    for (const Json& row : summary[side]) top.AddRow({row["entity"], row["total"]});
    top.AlignRight(1);
    std::cout << (std::string(side) == "top_payers" ? "Top payers\n" : "Top beneficiaries\n");
    top.Print(std::cout);
  }
  finance::LedgerReport report;
  report.reversed = summary["load"]["reversed"];
  report.source_converted = summary["load"]["converted_by_source"];
  for (const Json& row : summary["load"]["rejected"]) {
    report.rejected.push_back({row["payment"], row["reason"]});
  }
  PrintLoadReport(report);
  return Status::Ok();
}

void AddTrace(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "trace",
      "Follow money from (or, --direction up, into) an account or a person and their accounts, "
      "in time order, under a tracing rule");
  auto request = std::make_shared<app::TraceMoneyRequest>();
  command->add_option("--from", request->from, "Account, person or organisation id")->required();
  command->add_option("--since", request->since, "Only the start's payments from this instant");
  command->add_option("--until", request->until, "Only payments before this instant");
  command->add_option("--hops", request->hops, "Payments to follow from the start")
      ->capture_default_str();
  command
      ->add_option("--rule", request->rule,
                   "fifo (oldest money leaves first), lifo (newest first) or pro-rata")
      ->capture_default_str();
  command
      ->add_option("--direction", request->direction,
                   "down: where the money went; up: where it came from")
      ->capture_default_str();
  AddSourceOptions(command, request->source);
  SetAction(command, context, request, &RunTrace);
}

void AddDetectorOptions(CLI::App* command, AlertsOptions& options) {
  finance::DetectorOptions& detectors = options.request.options;
  command->add_option("--window-days", options.window_days,
                      "fan-in/fan-out/scatter-gather window")->capture_default_str();
  command->add_option("--min-payers", detectors.fan_in.min_counterparties,
                      "fan-in/fan-out: distinct counterparties with similar amounts")
      ->capture_default_str();
  command->add_option("--tolerance", detectors.fan_in.amount_tolerance,
                      "fan-in/fan-out: similar amounts differ by at most this fraction")
      ->capture_default_str();
  command->add_option("--min-split", detectors.fan_in.min_split,
                      "fan-in: payments from one payer within --split-hours (0: off)")
      ->capture_default_str();
  command->add_option("--split-hours", options.split_hours, "fan-in: split window")
      ->capture_default_str();
  command->add_option("--cycle-length", detectors.cycle.max_length, "cycle: longest cycle")
      ->capture_default_str();
  command->add_option("--cycle-days", options.cycle_days, "cycle: window")->capture_default_str();
  command->add_option("--pass-hours", options.pass_hours,
                      "pass-through: most money leaves within this delay")
      ->capture_default_str();
  command->add_option("--structuring-days", options.structuring_days, "structuring: window")
      ->capture_default_str();
  command->add_option("--margin", detectors.structuring.margin,
                      "structuring: just under = within this fraction below the threshold")
      ->capture_default_str();
  command->add_option("--min-score", detectors.min_score, "Drop alerts scoring below")
      ->capture_default_str();
}

void AddAlerts(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "alerts",
      "Run the typology detectors (fan-in, fan-out, scatter-gather, cycles, structuring, "
      "pass-through, smuggling fees) and keep their alerts, on a case with --case");
  auto options = std::make_shared<AlertsOptions>();
  app::MoneyAlertsRequest& request = options->request;
  command->add_option("--case", request.case_reference,
                      "Attach the alerts to this case and use its migrants and crossings");
  command->add_option("--detector", request.detectors,
                      "fan_in, fan_out, scatter_gather, cycle, structuring, pass_through or "
                      "smuggling_fee; repeatable (default: all)");
  command->add_option("--country", request.country,
                      "Country whose structuring threshold applies (default: the case's)");
  command->add_option("--thresholds", request.thresholds_path,
                      "Structuring thresholds per country (default data/finance/thresholds.json)");
  command->add_flag("--saved", options->saved, "List the saved alerts instead of detecting");
  command->add_flag("!--no-save", request.save, "Do not keep the alerts");
  command->add_option("--limit", request.limit, "Alerts to print")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  AddDetectorOptions(command, *options);
  AddSourceOptions(command, request.source);
  SetAction(command, context, options, &RunAlerts);
}

void AddSummary(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "summary", "Payments by channel and currency, the biggest payers and beneficiaries");
  auto options = std::make_shared<SummaryOptions>();
  command->add_option("--top", options->top, "How many payers and beneficiaries to list")
      ->capture_default_str();
  AddSourceOptions(command, options->source);
  SetAction(command, context, options, &RunSummary);
}

}  // namespace

void AddMoneyCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "money", "Financial investigation: trace payments and detect laundering and "
               "smuggling-fee patterns");
  group->require_subcommand(1);
  AddTrace(*group, context);
  AddAlerts(*group, context);
  AddSummary(*group, context);
}

}  // namespace tafkik::cli
