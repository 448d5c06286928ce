// Time-respecting money tracing over a Ledger. Down: where did the money that left the
// starting nodes go? Up: where did the money that reached them come from?
//
// Each node's history is replayed in time order as a pool of lots (one per incoming payment,
// plus "unknown source" when it pays out more than it has received: an opening balance or an
// unrecorded deposit). A payment out draws on the lots under the tracing rule: FIFO (oldest
// first), LIFO (newest first) or pro-rata (a share of every lot). So money only moves on after
// it arrived, and a node never passes on more traced money than it held. The traced share of
// a lot is carried through each payment in exact integer arithmetic (rounded down; shares under
// `min_amount` are dropped).
//
// Complexity: one replay per node reached, O(degree) for FIFO/LIFO and O(degree x live lots)
// for pro-rata, cached for the query; then linear in the pieces followed. Thread-compatible:
// a Tracer may be used from one thread; many Tracers may share one Ledger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"
#include "finance/ledger.h"

namespace tafkik::finance {

enum class TracingRule { kFifo, kLifo, kProRata };
enum class TraceDirection { kDown, kUp };

// "fifo" | "lifo" | "pro-rata"; "down" | "up". InvalidArgument naming the accepted words.
Result<TracingRule> ParseTracingRule(std::string_view text);
Result<TraceDirection> ParseTraceDirection(std::string_view text);
std::string_view TracingRuleName(TracingRule rule);

struct TraceOptions {
  std::optional<Timestamp> since;  // default none: payments from the start of the ledger
  std::optional<Timestamp> until;  // exclusive; default none: to its end
  int max_hops = 4;                // default 4; at least 1
  TracingRule rule = TracingRule::kFifo;
  TraceDirection direction = TraceDirection::kDown;
  int64_t min_amount = 1;          // traced shares below this (reporting minor units) dropped
};

// Traced money moving through one payment, at one hop from the start (1 = the start's own
// payments). For up traces `hop` counts backwards from the start.
struct Flow {
  TxIndex transaction = 0;
  int hop = 1;
  int64_t amount = 0;  // traced share of the payment, reporting minor units
};

// Where traced money ended up (down) or came from (up).
struct Holding {
  NodeIndex node = kNoNode;
  int64_t amount = 0;
  int64_t at_hop_limit = 0;   // of `amount`, what reached the hop limit (may move on further)
  int64_t unknown_source = 0;  // up: of `amount`, what the node had with no recorded source
};

struct TraceResult {
  std::vector<NodeIndex> start;
  std::vector<Flow> flows;        // by hop, then time
  std::vector<Holding> holdings;  // by amount, largest first
  int64_t total = 0;              // traced money at the start (sum of hop-1 flows)
};

class Tracer {
 public:
  // REQUIRES: `ledger` outlives the Tracer.
  explicit Tracer(const Ledger& ledger) : ledger_(ledger) {}

  // Traces from `start` (node indexes). InvalidArgument for max_hops < 1 or an empty start.
  Result<TraceResult> Run(const std::vector<NodeIndex>& start, const TraceOptions& options);

 private:
  struct Piece {
    TxIndex in;   // kNoTx: unknown source
    TxIndex out;  // kNoTx: still held at the end of the replay
    int64_t amount;
  };
  struct Replay {
    std::vector<Piece> by_in;   // sorted by `in`
    std::vector<Piece> by_out;  // sorted by `out`
  };
  const Replay& ReplayOf(NodeIndex node, const TraceOptions& options);

  const Ledger& ledger_;
  std::unordered_map<NodeIndex, Replay> cache_;  // one per node reached by this query
};

// Sankey-ready JSON: {"unit", "nodes": [{"id": "<node>@<hop>", "entity", "hop"}],
// "links": [{"source", "target", "value", "channel", "transactions": [ids], "first", "last"}],
// "holders": [{"entity", "amount", "at_hop_limit", "unknown_source"}], "total", "rule",
// "direction"}. Payments between the same two nodes at the same hop and channel are one link.
// Amounts are decimal strings in the reporting currency.
Json TraceToJson(const Ledger& ledger, const TraceResult& result, const TraceOptions& options);

}  // namespace tafkik::finance
