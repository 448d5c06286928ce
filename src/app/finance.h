// Use cases of financial investigation (`tafkik money ...`): load Payment relations from the
// store into a finance::Ledger, trace money, run the typology detectors and keep their alerts
// as records (kind "money.alert", optionally tied to a case), summarise. The Store is borrowed,
// not owned. Thread-compatible, as Store.
//
// Victims' payments are victims' data: every use case that returns payments or accounts
// records one "entity.read" event naming the victims' entities among them before returning.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "finance/detectors.h"
#include "finance/ledger.h"
#include "finance/trace.h"
#include "model/entity.h"
#include "model/record.h"
#include "store/store.h"

namespace tafkik::app {

inline constexpr char kMoneyAlertKind[] = "money.alert";

// Where amounts are converted.
struct MoneySource {
  std::string rates_path;                  // default "": no table (see LoadLedger)
  std::string reporting_currency = "EUR";  // used when there is no rates file
  int max_rate_age_days = 7;               // default 7
};

struct LoadedLedger {
  finance::Ledger ledger;
  finance::LedgerReport report;
};

// True for a payment that takes back an earlier one: its `purpose` starts with "reversal" or
// "annulation" (any case), or its amount is negative (from sources that write them so).
bool IsReversal(const model::Relation& relation);

// The payment `relation` as a ledger input: accounts (payerAccount, beneficiaryAccount) are
// the nodes when given, else the payer and beneficiary themselves; amount and currency,
// fee, channel, sequenceNumber, amountEur (used only without a rate). A reversal (IsReversal)
// reverses the earlier payment with the same transactionNumber (`reverses_by_number` maps
// numbers to payment ids); when none has it, the ledger rejects it, naming the number. InvalidArgument naming the relation and field for an
// unparsable amount or channel.
Result<finance::TransactionInput> PaymentInput(
    const model::Relation& relation,
    const std::unordered_map<std::string, std::string>& reverses_by_number);

// Every Payment relation of the workspace, converted with the rates file (CSV, see
// finance/rates.h) or, without one, kept in `reporting_currency` when already in it and
// otherwise converted with the source's own amountEur when the reporting currency is EUR.
// Payments that cannot be used are listed in the report, never silently dropped.
// InvalidArgument naming the rates file and line for a bad table; NotFound when it is missing.
Result<LoadedLedger> LoadLedger(store::Store& store, const MoneySource& source);

struct TraceMoneyRequest {
  MoneySource source;
  std::string from;               // an account or a person/organisation id (with its accounts)
  std::string since;              // ISO 8601; default "": from the start
  std::string until;              // ISO 8601, exclusive; default "": to the end
  int hops = 4;                   // default 4
  std::string rule = "fifo";      // fifo | lifo | pro-rata
  std::string direction = "down";  // down | up
};

struct TraceMoneyView {
  finance::LedgerReport report;
  Json sankey;  // finance::TraceToJson
};

// Traces from `from`. NotFound when it names no entity, or an entity that made or received
// no payment; InvalidArgument for a bad rule, direction, time or hop count.
Result<TraceMoneyView> TraceMoney(store::Store& store, const store::Actor& actor,
                                  const TraceMoneyRequest& request);

struct MoneyAlertsRequest {
  MoneySource source;
  std::string case_reference;          // default "": alerts tied to no case, no case context
  std::vector<std::string> detectors;  // default empty: all
  std::string country;                 // ISO 3166 ("ma") for the structuring threshold;
                                       // default "": the case's country, else none
  std::string thresholds_path;         // default "": data/finance/thresholds.json
  finance::DetectorOptions options;    // thresholds; `enabled` and `context` are set here
  bool save = true;                    // keep the alerts as "money.alert" records
  int64_t limit = 100;                 // alerts returned (all are saved)
};

struct MoneyAlertsView {
  finance::LedgerReport report;
  int64_t found = 0;
  int64_t saved = 0;
  std::vector<Json> alerts;  // finance::AlertToJson, best first, at most `limit`
};

// Runs the detectors. With a case: alerts are tied to it and the smuggling-fee detector uses
// its context (members in the victim role as migrants, their accounts by Ownership, their
// families by Family and those families' accounts, crossing dates from their Travel relations
// with a borderCrossing). Saved alerts are upserted in one transaction audited as
// "money.alerts" (ids are stable, so a re-run replaces instead of duplicating). NotFound for
// an unknown case; InvalidArgument for an unknown detector or country.
Result<MoneyAlertsView> DetectMoneyAlerts(store::Store& store, const store::Actor& actor,
                                          const MoneyAlertsRequest& request);

// Saved alerts, for a case when `case_reference` is set. Records one "entity.read" event when
// any alert names victims' entities.
Result<std::vector<model::Record>> ListMoneyAlerts(store::Store& store, const store::Actor& actor,
                                                   const std::string& case_reference,
                                                   int64_t limit);

// Totals: payments, span, by channel and currency (original amounts), top payers and
// beneficiaries in the reporting currency, and the load report.
Result<Json> MoneySummary(store::Store& store, const store::Actor& actor,
                          const MoneySource& source, int64_t top);

// Thresholds per country: {"ma": {"currency": "MAD", "amount": "100000.00", ...}, ...}.
// Returns {currency: minor units} for `country`. NotFound when the country has none.
Result<std::pair<std::string, int64_t>> StructuringThreshold(const std::string& thresholds_path,
                                                             const std::string& country);

}  // namespace tafkik::app
