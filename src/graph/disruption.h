// The disruption planner: which K arrests break a network apart. Classic targeted-removal
// strategies (highest degree, betweenness, collective influence, Katz; recomputed after each
// removal or after each block) and an optimising planner for the critical-node problem that
// minimises the largest connected component left (then pairwise connectivity). Constructed
// over a borrowed Graph (which must outlive it), Run() once, then read. Thread-compatible.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/centrality.h"
#include "graph/graph.h"

namespace tafkik::graph {

enum class Strategy {
  kDegree,               // in + out degree (distinct neighbours)
  kInDegree,
  kOutDegree,
  kBetweenness,          // Brandes; weights as BetweennessOptions::weights below
  kCollectiveInfluence,  // Morone & Makse 2015, ball radius ci_radius, undirected
  kKatz,                 // in-Katz, alpha = min(0.1, 0.9 / spectral radius)
  kOptimised,            // the best classic plan, then greedy and swap local search (or
                         // exhaustive search when the graph is small enough)
};

// "degree", "in-degree", "out-degree", "betweenness", "ci", "katz", "optimised".
std::string_view StrategyName(Strategy strategy);
// InvalidArgument listing the names otherwise.
Result<Strategy> ParseStrategy(std::string_view name);

// What "connected" means: weakly (ties in either direction) or strongly (each reaches the
// other along directed ties; Anastasiadis & Antoniou's CAVIAR curves).
enum class Connectivity { kWeak, kStrong };

struct DisruptionOptions {
  int64_t k = 5;                 // default 5: removals; > 0 and <= node count
  Strategy strategy = Strategy::kOptimised;  // default: optimised
  Connectivity connectivity = Connectivity::kWeak;  // default weak
  int64_t block = 1;             // default 1: recompute scores after every removal
  WeightUse betweenness_weights = WeightUse::kIgnore;  // default hops
  int ci_radius = 2;             // default 2
  // Optimised: exhaustive search when C(n, k) is at most this (default 2,000,000), else
  // local search with at most this many evaluations of a candidate set.
  int64_t evaluation_budget = 2'000'000;
  int64_t candidate_pool = 300;  // default 300: local search swaps in the top nodes only
  uint64_t seed = 1;             // default 1
  int threads = 0;               // default 0: hardware concurrency (betweenness)
};

// The state after some removals.
struct Fragmentation {
  int64_t largest = 0;      // nodes in the largest component
  int64_t components = 0;   // components among the nodes left
  double pairwise = 0;      // pairs of nodes left that are still connected
};

struct Removal {
  NodeIndex node = 0;
  Fragmentation after;
  double largest_fraction = 0;  // after.largest / largest component before any removal
};

// Largest component, component count and connected pairs when `removed` nodes are gone.
// REQUIRES: removed.size() == graph.node_count(). O(n + m).
Fragmentation Fragment(const Graph& graph, const std::vector<char>& removed,
                       Connectivity connectivity);

class DisruptionPlanner {
 public:
  DisruptionPlanner(const Graph& graph, DisruptionOptions options = {})
      : graph_(graph), options_(options) {}
  // InvalidArgument when k < 1 or k > node count (naming both), or block < 1.
  Status Run();

  const Fragmentation& before() const { return before_; }
  // The removals in order with the state after each.
  const std::vector<Removal>& removals() const { return removals_; }
  // For kOptimised: the classic strategy whose plan it started from, and whether the
  // search was exhaustive (the plan is then provably optimal for the largest component).
  Strategy seeded_from() const { return seeded_from_; }
  bool exhaustive() const { return exhaustive_; }
  int64_t evaluations() const { return evaluations_; }

 private:
  Result<std::vector<NodeIndex>> ClassicPlan(Strategy strategy);
  Result<std::vector<NodeIndex>> OptimisedPlan();
  std::vector<NodeIndex> LocalSearch(std::vector<NodeIndex> plan);
  std::vector<NodeIndex> Exhaustive();
  std::vector<NodeIndex> BestOrder(std::vector<NodeIndex> plan);
  // Objective of removing `plan`: (largest, pairwise), lexicographic.
  std::pair<int64_t, double> Score(const std::vector<NodeIndex>& plan);

  const Graph& graph_;
  const DisruptionOptions options_;
  Fragmentation before_;
  std::vector<Removal> removals_;
  Strategy seeded_from_ = Strategy::kDegree;
  bool exhaustive_ = false;
  int64_t evaluations_ = 0;
};

// Scores a strategy uses to pick the next node on the graph without `removed` (removed
// nodes score -infinity). Exposed for the CLI's "why" and for tests.
Result<std::vector<double>> StrategyScores(const Graph& graph, const std::vector<char>& removed,
                                           Strategy strategy, const DisruptionOptions& options);

}  // namespace tafkik::graph

namespace tafkik::graph {

// The distinct communities among `node`'s neighbours (either direction), ascending: a node
// whose neighbours sit in several communities bridges them. O(degree log degree).
std::vector<int32_t> BridgedCommunities(const Graph& graph, NodeIndex node,
                                        const std::vector<int32_t>& community);

}  // namespace tafkik::graph
