#include "finance/trace.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_set>

namespace tafkik::finance {
namespace {

constexpr TxIndex kNoTx = UINT32_MAX;

struct Lot {
  TxIndex in;
  int64_t remaining;
};

int64_t Share(int64_t piece, int64_t traced, int64_t whole) {
  if (whole <= 0) return 0;
  return static_cast<int64_t>(static_cast<__int128>(piece) * traced / whole);
}

std::string Decimal(int64_t minor, const std::string& currency) {
  return FormatAmount(Money{minor, currency});
}

}  // namespace

Result<TracingRule> ParseTracingRule(std::string_view text) {
  if (text == "fifo") return TracingRule::kFifo;
  if (text == "lifo") return TracingRule::kLifo;
  if (text == "pro-rata") return TracingRule::kProRata;
  return InvalidArgumentError("tracing rule '" + std::string(text) +
                              "' is not fifo, lifo or pro-rata");
}

Result<TraceDirection> ParseTraceDirection(std::string_view text) {
  if (text == "down") return TraceDirection::kDown;
  if (text == "up") return TraceDirection::kUp;
  return InvalidArgumentError("direction '" + std::string(text) + "' is not down or up");
}

std::string_view TracingRuleName(TracingRule rule) {
  switch (rule) {
    case TracingRule::kFifo: return "fifo";
    case TracingRule::kLifo: return "lifo";
    case TracingRule::kProRata: return "pro-rata";
  }
  return "fifo";
}

const Tracer::Replay& Tracer::ReplayOf(NodeIndex node, const TraceOptions& options) {
  auto cached = cache_.find(node);
  if (cached != cache_.end()) return cached->second;
  Replay& replay = cache_[node];
  std::span<const TxIndex> in = ledger_.incoming(node);
  std::span<const TxIndex> out = ledger_.outgoing(node);
  std::deque<Lot> pool;
  int64_t pool_total = 0;
  size_t in_pos = 0;
  size_t out_pos = 0;
  auto before_until = [&](TxIndex tx) {
    return !options.until || ledger_.at(tx).time_us < options.until->micros();
  };
  while (true) {
    bool has_in = in_pos < in.size() && before_until(in[in_pos]);
    bool has_out = out_pos < out.size() && before_until(out[out_pos]);
    if (!has_in && !has_out) break;
    // Ledger order is time order; a payment to oneself arrives before it leaves.
    if (has_in && (!has_out || in[in_pos] <= out[out_pos])) {
      TxIndex tx = in[in_pos++];
      pool.push_back({tx, ledger_.at(tx).amount});
      pool_total += ledger_.at(tx).amount;
      continue;
    }
    TxIndex tx = out[out_pos++];
    int64_t need = ledger_.at(tx).amount;
    if (options.rule == TracingRule::kProRata && pool_total > 0) {
      int64_t draw = std::min(need, pool_total);
      int64_t given = 0;
      for (Lot& lot : pool) {
        int64_t take = Share(lot.remaining, draw, pool_total);
        lot.remaining -= take;
        given += take;
        if (take > 0) replay.by_in.push_back({lot.in, tx, take});
      }
      for (Lot& lot : pool) {  // the rounding remainder, one unit per lot
        if (given == draw) break;
        if (lot.remaining == 0) continue;
        --lot.remaining;
        ++given;
        replay.by_in.push_back({lot.in, tx, 1});
      }
      pool_total -= draw;
      need -= draw;
      std::erase_if(pool, [](const Lot& lot) { return lot.remaining == 0; });
    }
    while (need > 0 && !pool.empty()) {
      Lot& lot = options.rule == TracingRule::kLifo ? pool.back() : pool.front();
      int64_t take = std::min(need, lot.remaining);
      replay.by_in.push_back({lot.in, tx, take});
      lot.remaining -= take;
      pool_total -= take;
      need -= take;
      if (lot.remaining == 0) {
        if (options.rule == TracingRule::kLifo) {
          pool.pop_back();
        } else {
          pool.pop_front();
        }
      }
    }
    if (need > 0) replay.by_in.push_back({kNoTx, tx, need});
  }
  for (const Lot& lot : pool) replay.by_in.push_back({lot.in, kNoTx, lot.remaining});
  replay.by_out = replay.by_in;
  auto by_in = [](const Piece& l, const Piece& r) { return l.in < r.in; };
  auto by_out = [](const Piece& l, const Piece& r) { return l.out < r.out; };
  std::stable_sort(replay.by_in.begin(), replay.by_in.end(), by_in);
  std::stable_sort(replay.by_out.begin(), replay.by_out.end(), by_out);
  return replay;
}

Result<TraceResult> Tracer::Run(const std::vector<NodeIndex>& start, const TraceOptions& options) {
  if (options.max_hops < 1) return InvalidArgumentError("hops must be at least 1");
  if (start.empty()) return InvalidArgumentError("nothing to trace from");
  cache_.clear();
  const bool down = options.direction == TraceDirection::kDown;
  std::unordered_set<NodeIndex> start_set(start.begin(), start.end());
  auto in_window = [&](TxIndex tx) {
    int64_t time = ledger_.at(tx).time_us;
    return (!options.since || time >= options.since->micros()) &&
           (!options.until || time < options.until->micros());
  };
  TraceResult result;
  result.start = start;
  std::map<TxIndex, int64_t> current;
  for (NodeIndex node : start) {
    for (TxIndex tx : down ? ledger_.outgoing(node) : ledger_.incoming(node)) {
      NodeIndex other = down ? ledger_.at(tx).beneficiary : ledger_.at(tx).payer;
      if (!in_window(tx) || start_set.count(other)) continue;  // moves within the start
      current[tx] = ledger_.at(tx).amount;
      result.total += ledger_.at(tx).amount;
    }
  }
  std::unordered_map<NodeIndex, Holding> holdings;
  auto hold = [&](NodeIndex node, int64_t amount) -> Holding& {
    Holding& holding = holdings[node];
    holding.node = node;
    holding.amount += amount;
    return holding;
  };
  for (int hop = 1; hop <= options.max_hops && !current.empty(); ++hop) {
    std::map<TxIndex, int64_t> next;
    for (auto [tx, traced] : current) {
      result.flows.push_back({tx, hop, traced});
      const Transaction& payment = ledger_.at(tx);
      NodeIndex node = down ? payment.beneficiary : payment.payer;
      if (hop == options.max_hops || start_set.count(node)) {
        Holding& holding = hold(node, traced);
        if (!start_set.count(node)) holding.at_hop_limit += traced;
        continue;
      }
      const Replay& replay = ReplayOf(node, options);
      const std::vector<Piece>& pieces = down ? replay.by_in : replay.by_out;
      Piece key{tx, tx, 0};
      auto range = down ? std::equal_range(pieces.begin(), pieces.end(), key,
                                           [](const Piece& l, const Piece& r) { return l.in < r.in; })
                        : std::equal_range(pieces.begin(), pieces.end(), key,
                                           [](const Piece& l, const Piece& r) { return l.out < r.out; });
      for (auto piece = range.first; piece != range.second; ++piece) {
        int64_t share = Share(piece->amount, traced, payment.amount);
        if (share < options.min_amount) continue;
        TxIndex onward = down ? piece->out : piece->in;
        if (onward == kNoTx) {
          Holding& holding = hold(node, share);
          if (!down) holding.unknown_source += share;
          continue;
        }
        next[onward] += share;
      }
    }
    current = std::move(next);
  }
  for (auto& [node, holding] : holdings) result.holdings.push_back(holding);
  std::sort(result.holdings.begin(), result.holdings.end(),
            [](const Holding& l, const Holding& r) {
              return l.amount != r.amount ? l.amount > r.amount : l.node < r.node;
            });
  return result;
}

Json TraceToJson(const Ledger& ledger, const TraceResult& result, const TraceOptions& options) {
  const bool down = options.direction == TraceDirection::kDown;
  const std::string& currency = ledger.reporting_currency();
  Json nodes = Json::array();
  std::set<std::pair<NodeIndex, int>> seen;
  auto node_key = [&](NodeIndex node, int hop) {
    if (seen.emplace(node, hop).second) {
      nodes.push_back({{"id", ledger.node_id(node) + "@" + std::to_string(hop)},
                       {"entity", ledger.node_id(node)},
                       {"hop", hop}});
    }
    return ledger.node_id(node) + "@" + std::to_string(hop);
  };
  struct Link {
    int64_t value = 0;
    std::vector<TxIndex> transactions;
  };
  // (from node, from hop, to node, channel) -> link; hop of the far end is from hop + 1.
  std::map<std::tuple<NodeIndex, int, NodeIndex, Channel>, Link> links;
  for (NodeIndex node : result.start) node_key(node, 0);
  for (const Flow& flow : result.flows) {
    const Transaction& tx = ledger.at(flow.transaction);
    // Sankey links run in the direction the money moved: for up traces, the far (earlier)
    // end sits at the higher hop and pays the nearer one.
    NodeIndex from = tx.payer;
    NodeIndex to = tx.beneficiary;
    int from_hop = down ? flow.hop - 1 : flow.hop;
    Link& link = links[{from, from_hop, to, tx.channel}];
    link.value += flow.amount;
    link.transactions.push_back(flow.transaction);
  }
  Json json_links = Json::array();
  for (auto& [key, link] : links) {
    auto [from, from_hop, to, channel] = key;
    int to_hop = down ? from_hop + 1 : from_hop - 1;
    std::sort(link.transactions.begin(), link.transactions.end());
    Json ids = Json::array();
    for (TxIndex tx : link.transactions) ids.push_back(std::string(ledger.id(tx)));
    json_links.push_back(
        {{"source", node_key(from, from_hop)},
         {"target", node_key(to, to_hop)},
         {"value", Decimal(link.value, currency)},
         {"channel", std::string(ChannelName(channel))},
         {"transactions", std::move(ids)},
         {"first", FormatTimestamp(Timestamp::FromMicros(ledger.at(link.transactions.front()).time_us))},
         {"last", FormatTimestamp(Timestamp::FromMicros(ledger.at(link.transactions.back()).time_us))}});
  }
  Json holders = Json::array();
  for (const Holding& holding : result.holdings) {
    holders.push_back({{"entity", ledger.node_id(holding.node)},
                       {"amount", Decimal(holding.amount, currency)},
                       {"at_hop_limit", Decimal(holding.at_hop_limit, currency)},
                       {"unknown_source", Decimal(holding.unknown_source, currency)}});
  }
  Json start = Json::array();
  for (NodeIndex node : result.start) start.push_back(ledger.node_id(node));
  return Json{{"direction", down ? "down" : "up"},
              {"rule", std::string(TracingRuleName(options.rule))},
              {"unit", currency},
              {"start", std::move(start)},
              {"total", Decimal(result.total, currency)},
              {"nodes", std::move(nodes)},
              {"links", std::move(json_links)},
              {"holders", std::move(holders)}};
}

}  // namespace tafkik::finance
