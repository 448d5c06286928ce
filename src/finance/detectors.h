// Typology detectors over a Ledger. Each finds one pattern and returns alerts that carry the
// transactions supporting them, the accounts involved and a score in [0, 1]. Every threshold
// is an option with a documented default (docs/finance.md explains each choice).
//
//   fan_in          many payments of similar amounts into one collector within a window, or a
//                   payer splitting one payment into several within a day (smuggling fees)
//   fan_out         the mirror: one payer to many beneficiaries
//   scatter_gather  one source pays several intermediaries who each pay one sink afterwards
//   cycle           money that comes back to where it started, each hop after the previous
//                   one, amounts roughly kept (round-tripping)
//   structuring     several payments just under a reporting threshold within a window
//   pass_through    a node that pays out most of what arrives within hours, ending near zero
//   smuggling_fee   payments from migrants' (or their families') accounts or phones to one
//                   beneficiary, clustered before those migrants' crossing dates
//
// Detectors read the Ledger only; RunDetectors splits the nodes among `threads` threads.
// Complexity per detector is stated on its options.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "finance/ledger.h"

namespace tafkik::finance {

inline constexpr int64_t kHour = 3'600'000'000;
inline constexpr int64_t kDay = 24 * kHour;

struct Alert {
  std::string type;                   // "fan_in", "cycle", ...
  NodeIndex subject = kNoNode;        // the collector, payer, source, mule, ...
  double score = 0;                   // 0..1, higher is more suspicious
  std::vector<TxIndex> transactions;  // supporting payments, in time order
  std::vector<NodeIndex> accounts;    // subject first, then the others involved, ascending
  int64_t total = 0;                  // sum of the supporting payments, reporting minor units
  Json facts = Json::object();        // what the detector measured (counts, ratios, window)
};

// O(sum over collectors of in-degree x payments in a window x log): windows are sorted by amount.
struct FanInOptions {
  int64_t window_us = 7 * kDay;      // default 7 days
  int min_counterparties = 5;        // default 5 distinct payers with similar amounts
  double amount_tolerance = 0.05;    // default 0.05: largest <= smallest x 1.05 in a group
  int min_split = 3;                 // default 3 payments from one payer within split_window;
                                     // 0 turns split detection off
  int64_t split_window_us = kDay;    // default 1 day
  int64_t extend_us = 90 * kDay;     // default 90 days: payments in the same amount band this
                                     // long before/after the seed join the alert
};

// O(sum over nodes of degree) after a per-node scan (pairs held in a map).
struct StructuringOptions {
  // Reporting threshold per currency, minor units ("MAD" -> 10000000 for 100,000 MAD). A
  // payment in a currency with no threshold is compared in the reporting currency with
  // `reporting_threshold` when that is > 0. Defaults: none (data/finance/thresholds.json holds
  // documented defaults per country, loaded by app/).
  std::map<std::string, int64_t> thresholds;
  int64_t reporting_threshold = 0;
  double margin = 0.10;              // default 0.10: amounts in [90%, 100%) of the threshold
  int min_count = 3;                 // default 3 such payments by one payer
  int64_t window_us = 7 * kDay;      // default 7 days
};

// O(transactions x expansions): a depth-bounded search from every payment, capped.
struct CycleOptions {
  int max_length = 5;                // default 5 payments around the cycle (2 = A->B->A)
  int64_t window_us = 30 * kDay;     // default 30 days from the first to the last payment
  double min_kept = 0.5;             // default 0.5: every hop carries >= half the first amount
  double max_grown = 1.1;            // default 1.1: and at most 110% of it
  int max_expansions = 2000;         // default 2000 search steps per starting payment
};

// O(sum over nodes of degree).
struct PassThroughOptions {
  int64_t max_delay_us = 48 * kHour;  // default 48 hours from arrival to departure
  double min_passed = 0.9;            // default 0.9 of each arrival leaves within the delay
  double max_residual = 0.1;          // default 0.1: |in - out| <= 10% of in over the history
  int min_events = 3;                 // default 3 arrivals passed on
};

// O(sum over sources of out-degree x intermediaries' out-degree in the window).
struct ScatterGatherOptions {
  int min_intermediaries = 3;        // default 3
  int64_t window_us = 7 * kDay;      // default 7 days from the scatter to the last gather
  double min_gathered = 0.5;         // default 0.5 of the scattered money reaches the sink
};

// Migrants known to the case: which nodes are theirs (their own accounts and phones, and
// their families'), and when they crossed.
struct SmugglingContext {
  std::unordered_map<NodeIndex, uint32_t> migrant_of;         // node -> migrant number
  std::unordered_map<uint32_t, std::vector<int64_t>> crossings;  // migrant -> crossing times
};

// O(payments from migrants' nodes x crossings per migrant).
struct SmugglingFeeOptions {
  int64_t before_us = 30 * kDay;     // default 30 days before a crossing
  int64_t after_us = 2 * kDay;       // default 2 days after it
  int min_migrants = 3;              // default 3 distinct migrants paying one beneficiary
};

struct DetectorOptions {
  std::set<std::string> enabled = {"fan_in", "fan_out", "scatter_gather", "cycle",
                                   "structuring", "pass_through", "smuggling_fee"};
  FanInOptions fan_in;
  FanInOptions fan_out;  // the same options, read for beneficiaries instead of payers
  ScatterGatherOptions scatter_gather;
  CycleOptions cycle;
  StructuringOptions structuring;
  PassThroughOptions pass_through;
  SmugglingFeeOptions smuggling_fee;
  SmugglingContext context;  // smuggling_fee runs only when it names migrants
  int threads = 2;           // default 2
  double min_score = 0;      // alerts scoring below are dropped; default 0
};

std::vector<Alert> DetectFanIn(const Ledger& ledger, const FanInOptions& options,
                               NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectFanOut(const Ledger& ledger, const FanInOptions& options,
                                NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectScatterGather(const Ledger& ledger, const ScatterGatherOptions& options,
                                       NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectCycles(const Ledger& ledger, const CycleOptions& options,
                                NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectStructuring(const Ledger& ledger, const StructuringOptions& options,
                                     NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectPassThrough(const Ledger& ledger, const PassThroughOptions& options,
                                     NodeIndex first = 0, NodeIndex last = kNoNode);
std::vector<Alert> DetectSmugglingFees(const Ledger& ledger, const SmugglingContext& context,
                                       const SmugglingFeeOptions& options);

// Every enabled detector, nodes split among threads; alerts sorted by score (highest first),
// then type and subject. InvalidArgument naming an unknown detector in `enabled`.
Result<std::vector<Alert>> RunDetectors(const Ledger& ledger, const DetectorOptions& options);

// A stable id for an alert: "<type>-" + 16 hex digits of SHA-256 over its type, subject and
// transaction ids, so re-running the detectors on the same data gives the same ids.
std::string AlertId(const Ledger& ledger, const Alert& alert);

// {"id", "type", "subject", "score", "total", "currency", "first", "last", "transactions",
//  "accounts", "facts", "summary": {"en", "fr", "ar"}}. Integers and strings only (canonical
// JSON): the score and ratios in facts are decimal strings ("0.873").
Json AlertToJson(const Ledger& ledger, const Alert& alert);

}  // namespace tafkik::finance
