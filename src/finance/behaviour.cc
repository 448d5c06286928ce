// structuring, pass_through and smuggling_fee.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "finance/detectors.h"
#include "finance/internal/alerts.h"

namespace tafkik::finance {
namespace {

using internal::Clamp01;

// The threshold that applies to `tx` and the amount to compare with it; {0, 0} when none.
std::pair<int64_t, int64_t> ThresholdFor(const Ledger& ledger, TxIndex index,
                                         const StructuringOptions& options) {
  const Transaction& tx = ledger.at(index);
  auto found = options.thresholds.find(ledger.currency(tx.currency));
  if (found != options.thresholds.end()) return {found->second, tx.original_minor};
  if (options.reporting_threshold > 0) return {options.reporting_threshold, tx.amount};
  return {0, 0};
}

}  // namespace

std::vector<Alert> DetectStructuring(const Ledger& ledger, const StructuringOptions& options,
                                     NodeIndex first, NodeIndex last) {
  std::vector<Alert> alerts;
  if (options.thresholds.empty() && options.reporting_threshold <= 0) return alerts;
  last = std::min<NodeIndex>(last, static_cast<NodeIndex>(ledger.node_count()));
  std::vector<TxIndex> under;
  for (NodeIndex payer = first; payer < last; ++payer) {
    under.clear();
    for (TxIndex tx : ledger.outgoing(payer)) {
      auto [threshold, amount] = ThresholdFor(ledger, tx, options);
      if (threshold <= 0) continue;
      if (amount < threshold && amount >= static_cast<double>(threshold) * (1 - options.margin)) {
        under.push_back(tx);
      }
    }
    if (under.size() < static_cast<size_t>(options.min_count)) continue;
    // The busiest window of just-under payments.
    size_t best_left = 0;
    size_t best_size = 0;
    size_t left = 0;
    for (size_t right = 0; right < under.size(); ++right) {
      while (ledger.at(under[right]).time_us - ledger.at(under[left]).time_us >= options.window_us) {
        ++left;
      }
      if (right - left + 1 > best_size) {
        best_size = right - left + 1;
        best_left = left;
      }
    }
    if (best_size < static_cast<size_t>(options.min_count)) continue;
    Alert alert;
    alert.type = "structuring";
    alert.subject = payer;
    alert.transactions.assign(under.begin() + best_left, under.begin() + best_left + best_size);
    int64_t combined = 0;
    int64_t threshold = 0;
    for (TxIndex tx : alert.transactions) {
      auto [limit, amount] = ThresholdFor(ledger, tx, options);
      combined += amount;
      threshold = std::max(threshold, limit);
    }
    alert.score = Clamp01(0.6 * Clamp01(best_size / (2.0 * options.min_count)) +
                          0.4 * Clamp01(static_cast<double>(combined) / threshold / best_size));
    alert.facts = {{"payments_just_under", best_size},
                   {"threshold_minor", threshold},
                   {"combined_minor", combined},
                   {"margin", options.margin}};
    internal::FinishAlert(ledger, alert);
    alerts.push_back(std::move(alert));
  }
  return alerts;
}

std::vector<Alert> DetectPassThrough(const Ledger& ledger, const PassThroughOptions& options,
                                     NodeIndex first, NodeIndex last) {
  std::vector<Alert> alerts;
  last = std::min<NodeIndex>(last, static_cast<NodeIndex>(ledger.node_count()));
  for (NodeIndex node = first; node < last; ++node) {
    std::span<const TxIndex> in = ledger.incoming(node);
    std::span<const TxIndex> out = ledger.outgoing(node);
    if (in.size() < static_cast<size_t>(options.min_events) || out.empty()) continue;
    int64_t total_in = 0;
    int64_t total_out = 0;
    for (TxIndex tx : in) total_in += ledger.at(tx).amount;
    for (TxIndex tx : out) total_out += ledger.at(tx).amount;
    double residual = std::abs(static_cast<double>(total_in - total_out)) / total_in;
    if (residual > options.max_residual) continue;
    // For each arrival, the money that left between it and `max_delay` later, not counting
    // what earlier arrivals already explain.
    std::vector<TxIndex> support;
    int events = 0;
    int64_t delay_sum = 0;
    size_t out_pos = 0;
    int64_t carried = 0;  // outflow already matched to earlier arrivals
    for (TxIndex arrival : in) {
      const Transaction& received = ledger.at(arrival);
      while (out_pos < out.size() && out[out_pos] < arrival) {
        carried = std::max<int64_t>(0, carried - ledger.at(out[out_pos]).amount);
        ++out_pos;
      }
      int64_t passed = -carried;
      size_t scan = out_pos;
      std::vector<TxIndex> leaving;
      while (scan < out.size() &&
             ledger.at(out[scan]).time_us - received.time_us <= options.max_delay_us) {
        passed += ledger.at(out[scan]).amount;
        leaving.push_back(out[scan]);
        ++scan;
        if (passed >= received.amount * options.min_passed) break;
      }
      if (passed < received.amount * options.min_passed || leaving.empty()) continue;
      ++events;
      delay_sum += ledger.at(leaving.back()).time_us - received.time_us;
      carried = std::max<int64_t>(0, passed - received.amount) ;
      support.push_back(arrival);
      support.insert(support.end(), leaving.begin(), leaving.end());
    }
    if (events < options.min_events) continue;
    double share = static_cast<double>(events) / static_cast<double>(in.size());
    if (share < 0.5) continue;
    Alert alert;
    alert.type = "pass_through";
    alert.subject = node;
    alert.transactions = std::move(support);
    double mean_delay = static_cast<double>(delay_sum) / events;
    alert.score = Clamp01(0.4 * share + 0.3 * (1 - residual / std::max(options.max_residual, 1e-9)) +
                          0.3 * Clamp01(1 - mean_delay / options.max_delay_us));
    alert.facts = {{"arrivals", in.size()},
                   {"passed_on", events},
                   {"residual_ratio", residual},
                   {"mean_delay_hours", mean_delay / kHour}};
    internal::FinishAlert(ledger, alert);
    alerts.push_back(std::move(alert));
  }
  return alerts;
}

std::vector<Alert> DetectSmugglingFees(const Ledger& ledger, const SmugglingContext& context,
                                       const SmugglingFeeOptions& options) {
  // beneficiary -> migrant -> supporting payments
  std::map<NodeIndex, std::map<uint32_t, std::vector<TxIndex>>> paid;
  std::map<NodeIndex, int64_t> lead_sum;  // beneficiary -> sum of (crossing - payment) times
  for (const auto& [node, migrant] : context.migrant_of) {
    auto crossings = context.crossings.find(migrant);
    if (crossings == context.crossings.end()) continue;
    for (TxIndex tx : ledger.outgoing(node)) {
      const Transaction& payment = ledger.at(tx);
      if (context.migrant_of.count(payment.beneficiary)) continue;  // within migrants' families
      for (int64_t crossing : crossings->second) {
        if (payment.time_us < crossing - options.before_us ||
            payment.time_us > crossing + options.after_us) {
          continue;
        }
        paid[payment.beneficiary][migrant].push_back(tx);
        lead_sum[payment.beneficiary] += crossing - payment.time_us;
        break;
      }
    }
  }
  std::vector<Alert> alerts;
  for (auto& [beneficiary, migrants] : paid) {
    if (migrants.size() < static_cast<size_t>(options.min_migrants)) continue;
    Alert alert;
    alert.type = "smuggling_fee";
    alert.subject = beneficiary;
    for (auto& [migrant, txs] : migrants) {
      alert.transactions.insert(alert.transactions.end(), txs.begin(), txs.end());
    }
    double share = static_cast<double>(alert.transactions.size()) /
                   static_cast<double>(ledger.incoming(beneficiary).size());
    double mean_lead = static_cast<double>(lead_sum[beneficiary]) / alert.transactions.size();
    alert.score = Clamp01(0.5 * Clamp01(migrants.size() / (2.0 * options.min_migrants)) +
                          0.3 * share + 0.2 * (mean_lead >= 0 ? 1 : 0.5));
    alert.facts = {{"migrants", migrants.size()},
                   {"payments", alert.transactions.size()},
                   {"share_of_incoming", share},
                   {"mean_days_before_crossing", mean_lead / kDay}};
    internal::FinishAlert(ledger, alert);
    alerts.push_back(std::move(alert));
  }
  return alerts;
}

}  // namespace tafkik::finance
