// cycle: time-respecting round trips.
#include <algorithm>
#include <map>

#include "finance/detectors.h"
#include "finance/internal/alerts.h"

namespace tafkik::finance {
namespace {

struct Search {
  const Ledger& ledger;
  const CycleOptions& options;
  NodeIndex origin;
  int64_t deadline_us;
  int64_t low;   // amount bounds every hop must respect
  int64_t high;
  int expansions = 0;
  std::vector<TxIndex> path;
  std::vector<NodeIndex> visited;
  std::vector<std::vector<TxIndex>> found;

  void From(NodeIndex node, TxIndex previous) {
    std::span<const TxIndex> out = ledger.outgoing(node);
    for (auto it = std::upper_bound(out.begin(), out.end(), previous); it != out.end(); ++it) {
      if (++expansions > options.max_expansions) return;
      const Transaction& tx = ledger.at(*it);
      if (tx.time_us > deadline_us) return;
      if (tx.amount < low || tx.amount > high) continue;
      if (tx.beneficiary == origin) {
        path.push_back(*it);
        found.push_back(path);
        path.pop_back();
        continue;
      }
      if (static_cast<int>(path.size()) + 1 >= options.max_length) continue;
      if (std::find(visited.begin(), visited.end(), tx.beneficiary) != visited.end()) continue;
      path.push_back(*it);
      visited.push_back(tx.beneficiary);
      From(tx.beneficiary, *it);
      visited.pop_back();
      path.pop_back();
    }
  }
};

}  // namespace

std::vector<Alert> DetectCycles(const Ledger& ledger, const CycleOptions& options,
                                NodeIndex first, NodeIndex last) {
  std::vector<Alert> alerts;
  last = std::min<NodeIndex>(last, static_cast<NodeIndex>(ledger.node_count()));
  for (NodeIndex origin = first; origin < last; ++origin) {
    if (ledger.incoming(origin).empty()) continue;
    // Cycles through the same accounts in the same order are one alert (repeated round trips).
    std::map<std::vector<NodeIndex>, std::vector<std::vector<TxIndex>>> by_route;
    for (TxIndex start : ledger.outgoing(origin)) {
      const Transaction& tx = ledger.at(start);
      if (tx.beneficiary == origin) continue;
      Search search{ledger, options, origin, tx.time_us + options.window_us,
                    static_cast<int64_t>(tx.amount * options.min_kept),
                    static_cast<int64_t>(tx.amount * options.max_grown)};
      search.path = {start};
      search.visited = {origin, tx.beneficiary};
      search.From(tx.beneficiary, start);
      for (auto& cycle : search.found) {
        std::vector<NodeIndex> route;
        for (TxIndex hop : cycle) route.push_back(ledger.at(hop).payer);
        // A time-respecting cycle is found once: from the payer of its first payment.
        by_route[route].push_back(std::move(cycle));
      }
    }
    for (auto& [route, cycles] : by_route) {
      Alert alert;
      alert.type = "cycle";
      alert.subject = origin;
      double kept_sum = 0;
      int64_t fastest = INT64_MAX;
      for (const auto& cycle : cycles) {
        alert.transactions.insert(alert.transactions.end(), cycle.begin(), cycle.end());
        kept_sum += static_cast<double>(ledger.at(cycle.back()).amount) /
                    static_cast<double>(ledger.at(cycle.front()).amount);
        fastest = std::min(fastest, ledger.at(cycle.back()).time_us -
                                        ledger.at(cycle.front()).time_us);
      }
      double kept = kept_sum / static_cast<double>(cycles.size());
      alert.score = internal::Clamp01(0.5 * internal::Clamp01(1 - std::abs(1 - kept) * 2) +
                                      0.3 * internal::Clamp01(cycles.size() / 3.0) +
                                      0.2 * internal::Clamp01(1 - static_cast<double>(fastest) /
                                                                     options.window_us));
      Json route_ids = Json::array();
      for (NodeIndex node : route) route_ids.push_back(ledger.node_id(node));
      alert.facts = {{"route", route_ids},
                     {"length", route.size()},
                     {"round_trips", cycles.size()},
                     {"kept_ratio", kept},
                     {"fastest_hours", static_cast<double>(fastest) / kHour}};
      internal::FinishAlert(ledger, alert);
      alerts.push_back(std::move(alert));
    }
  }
  return alerts;
}

}  // namespace tafkik::finance
