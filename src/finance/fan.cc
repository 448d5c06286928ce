// fan_in, fan_out and scatter_gather.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "finance/detectors.h"
#include "finance/internal/alerts.h"

namespace tafkik::finance {
namespace {

using internal::Clamp01;

struct Seed {
  int64_t low = 0;   // amount band of the seed payments
  int64_t high = 0;
  int64_t first_us = 0;
  int64_t last_us = 0;
};

// The far end of `tx` seen from the hub: payer for fan-in, beneficiary for fan-out.
NodeIndex Counterparty(const Transaction& tx, bool fan_in) {
  return fan_in ? tx.payer : tx.beneficiary;
}

// Groups of >= min_counterparties distinct counterparties whose amounts lie within the
// tolerance, inside one time window.
void HomogeneousSeeds(const Ledger& ledger, std::span<const TxIndex> list, bool fan_in,
                      const FanInOptions& options, std::vector<Seed>& seeds) {
  if (options.min_counterparties <= 0 ||
      list.size() < static_cast<size_t>(options.min_counterparties)) {
    return;
  }
  std::vector<TxIndex> window;
  std::unordered_map<NodeIndex, int> counts;
  size_t left = 0;
  int64_t last_seed_end = -1;
  for (size_t right = 0; right < list.size(); ++right) {
    int64_t end_time = ledger.at(list[right]).time_us;
    while (end_time - ledger.at(list[left]).time_us >= options.window_us) ++left;
    size_t size = right - left + 1;
    if (size < static_cast<size_t>(options.min_counterparties)) continue;
    // Only evaluate when the window will not grow further with the same start.
    if (right + 1 < list.size() &&
        ledger.at(list[right + 1]).time_us - ledger.at(list[left]).time_us < options.window_us) {
      continue;
    }
    if (static_cast<int64_t>(right) <= last_seed_end) continue;
    // A hub's busiest windows are cut to their latest kMaxWindow payments.
    constexpr size_t kMaxWindow = 4096;
    size_t begin = size > kMaxWindow ? right + 1 - kMaxWindow : left;
    window.assign(list.begin() + begin, list.begin() + right + 1);
    std::sort(window.begin(), window.end(), [&](TxIndex a, TxIndex b) {
      return ledger.at(a).amount < ledger.at(b).amount;
    });
    counts.clear();
    size_t low = 0;
    int distinct = 0;
    for (size_t high = 0; high < window.size(); ++high) {
      if (counts[Counterparty(ledger.at(window[high]), fan_in)]++ == 0) ++distinct;
      while (static_cast<double>(ledger.at(window[high]).amount) >
             static_cast<double>(ledger.at(window[low]).amount) * (1 + options.amount_tolerance)) {
        if (--counts[Counterparty(ledger.at(window[low]), fan_in)] == 0) --distinct;
        ++low;
      }
      if (distinct >= options.min_counterparties) {
        Seed seed{ledger.at(window[low]).amount, ledger.at(window[high]).amount,
                  ledger.at(list[left]).time_us, end_time};
        seeds.push_back(seed);
        last_seed_end = static_cast<int64_t>(right);
        break;
      }
    }
  }
}

// One counterparty making >= min_split payments to the hub within split_window.
void SplitSeeds(const Ledger& ledger, std::span<const TxIndex> list, bool fan_in,
                const FanInOptions& options, std::vector<Seed>& seeds) {
  if (options.min_split <= 1 || list.size() < static_cast<size_t>(options.min_split)) return;
  std::unordered_map<NodeIndex, std::vector<TxIndex>> by_party;
  for (TxIndex tx : list) by_party[Counterparty(ledger.at(tx), fan_in)].push_back(tx);
  for (auto& [party, txs] : by_party) {
    if (txs.size() < static_cast<size_t>(options.min_split)) continue;
    size_t left = 0;
    for (size_t right = 0; right < txs.size(); ++right) {
      while (ledger.at(txs[right]).time_us - ledger.at(txs[left]).time_us >=
             options.split_window_us) {
        ++left;
      }
      if (right - left + 1 < static_cast<size_t>(options.min_split)) continue;
      Seed seed{INT64_MAX, 0, ledger.at(txs[left]).time_us, ledger.at(txs[right]).time_us};
      for (size_t index = left; index <= right; ++index) {
        seed.low = std::min(seed.low, ledger.at(txs[index]).amount);
        seed.high = std::max(seed.high, ledger.at(txs[index]).amount);
      }
      // A split payment is several similar parts of one sum.
      if (static_cast<double>(seed.high) <=
          static_cast<double>(seed.low) * (1 + std::max(options.amount_tolerance, 0.5))) {
        seeds.push_back(seed);
      }
      left = right + 1;
    }
  }
}

std::vector<Alert> DetectFan(const Ledger& ledger, const FanInOptions& options, bool fan_in,
                             NodeIndex first, NodeIndex last) {
  std::vector<Alert> alerts;
  last = std::min<NodeIndex>(last, static_cast<NodeIndex>(ledger.node_count()));
  std::vector<Seed> seeds;
  for (NodeIndex hub = first; hub < last; ++hub) {
    std::span<const TxIndex> list = fan_in ? ledger.incoming(hub) : ledger.outgoing(hub);
    seeds.clear();
    HomogeneousSeeds(ledger, list, fan_in, options, seeds);
    size_t homogeneous = seeds.size();
    SplitSeeds(ledger, list, fan_in, options, seeds);
    if (seeds.empty()) continue;
    Alert alert;
    alert.type = fan_in ? "fan_in" : "fan_out";
    alert.subject = hub;
    double tolerance = 1 + options.amount_tolerance;
    for (TxIndex tx : list) {
      const Transaction& payment = ledger.at(tx);
      for (const Seed& seed : seeds) {
        if (payment.time_us < seed.first_us - options.extend_us ||
            payment.time_us > seed.last_us + options.extend_us) {
          continue;
        }
        if (static_cast<double>(payment.amount) * tolerance < static_cast<double>(seed.low) ||
            static_cast<double>(payment.amount) > static_cast<double>(seed.high) * tolerance) {
          continue;
        }
        alert.transactions.push_back(tx);
        break;
      }
    }
    std::unordered_set<NodeIndex> parties;
    int64_t low = INT64_MAX;
    int64_t high = 0;
    for (TxIndex tx : alert.transactions) {
      parties.insert(Counterparty(ledger.at(tx), fan_in));
      low = std::min(low, ledger.at(tx).amount);
      high = std::max(high, ledger.at(tx).amount);
    }
    double spread = low > 0 ? static_cast<double>(high) / static_cast<double>(low) - 1 : 1;
    double breadth = Clamp01(static_cast<double>(parties.size()) /
                             (2.0 * std::max(1, options.min_counterparties)));
    double likeness = Clamp01(1 - spread / std::max(options.amount_tolerance, 0.5));
    double share = static_cast<double>(alert.transactions.size()) / static_cast<double>(list.size());
    alert.score = Clamp01(0.4 * breadth + 0.3 * likeness + 0.3 * share);
    alert.facts = {{fan_in ? "payers" : "beneficiaries", parties.size()},
                   {"payments", alert.transactions.size()},
                   {"similar_amount_groups", homogeneous},
                   {"split_payments", seeds.size() - homogeneous},
                   {"share_of_all_payments", share}};
    internal::FinishAlert(ledger, alert);
    alerts.push_back(std::move(alert));
  }
  return alerts;
}

}  // namespace

std::vector<Alert> DetectFanIn(const Ledger& ledger, const FanInOptions& options, NodeIndex first,
                               NodeIndex last) {
  return DetectFan(ledger, options, true, first, last);
}

std::vector<Alert> DetectFanOut(const Ledger& ledger, const FanInOptions& options,
                                NodeIndex first, NodeIndex last) {
  return DetectFan(ledger, options, false, first, last);
}

std::vector<Alert> DetectScatterGather(const Ledger& ledger, const ScatterGatherOptions& options,
                                       NodeIndex first, NodeIndex last) {
  std::vector<Alert> alerts;
  last = std::min<NodeIndex>(last, static_cast<NodeIndex>(ledger.node_count()));
  constexpr size_t kMaxScan = 1000;  // intermediaries' payments looked at per scatter payment
  for (NodeIndex source = first; source < last; ++source) {
    std::span<const TxIndex> out = ledger.outgoing(source);
    if (out.size() < static_cast<size_t>(options.min_intermediaries)) continue;
    // sink -> intermediary -> (scatter payments, gather payments)
    std::map<NodeIndex, std::map<NodeIndex, std::pair<std::set<TxIndex>, std::set<TxIndex>>>>
        sinks;
    for (TxIndex scatter : out) {
      const Transaction& paid = ledger.at(scatter);
      NodeIndex middle = paid.beneficiary;
      if (middle == source) continue;
      std::span<const TxIndex> onward = ledger.outgoing(middle);
      auto from = std::upper_bound(onward.begin(), onward.end(), scatter);
      size_t scanned = 0;
      for (auto it = from; it != onward.end() && scanned < kMaxScan; ++it, ++scanned) {
        const Transaction& gather = ledger.at(*it);
        if (gather.time_us - paid.time_us > options.window_us) break;
        if (gather.beneficiary == source || gather.beneficiary == middle) continue;
        auto& entry = sinks[gather.beneficiary][middle];
        entry.first.insert(scatter);
        entry.second.insert(*it);
      }
    }
    for (auto& [sink, middles] : sinks) {
      if (middles.size() < static_cast<size_t>(options.min_intermediaries)) continue;
      Alert alert;
      alert.type = "scatter_gather";
      alert.subject = source;
      int64_t scattered = 0;
      int64_t gathered = 0;
      for (auto& [middle, payments] : middles) {
        for (TxIndex tx : payments.first) scattered += ledger.at(tx).amount;
        for (TxIndex tx : payments.second) gathered += ledger.at(tx).amount;
        alert.transactions.insert(alert.transactions.end(), payments.first.begin(),
                                  payments.first.end());
        alert.transactions.insert(alert.transactions.end(), payments.second.begin(),
                                  payments.second.end());
      }
      double ratio = scattered > 0 ? static_cast<double>(gathered) / scattered : 0;
      if (ratio < options.min_gathered) continue;
      alert.score = Clamp01(0.5 * Clamp01(middles.size() / (2.0 * options.min_intermediaries)) +
                            0.5 * Clamp01(1 - std::abs(1 - ratio)));
      alert.facts = {{"sink", ledger.node_id(sink)},
                     {"intermediaries", middles.size()},
                     {"gathered_ratio", ratio}};
      internal::FinishAlert(ledger, alert);
      alerts.push_back(std::move(alert));
    }
  }
  return alerts;
}

}  // namespace tafkik::finance
