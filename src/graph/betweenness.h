// Betweenness centrality: how often a node (or tie) lies on shortest paths between others —
// brokers and gatekeepers. Exact (Brandes 2001) over every source, multi-threaded with
// std::thread, or approximate from a uniform sample of sources with a stated error bound.
// Constructed over a borrowed Graph (which must outlive it), Run() once, then read.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/centrality.h"
#include "graph/graph.h"

namespace tafkik::graph {

struct BetweennessOptions {
  WeightUse weights = WeightUse::kIgnore;  // default: hops
  bool normalized = true;   // default true: networkx's normalisation (see below)
  bool edges = false;       // default false: also compute edge betweenness when true
  int threads = 0;          // default 0: std::thread::hardware_concurrency()
  // Approximation (Brandes & Pich 2007, uniform sources): 0 (default) means exact. When
  // epsilon > 0, ceil(ln(2n / delta) / (2 epsilon^2)) sources are sampled (all n when that is
  // more): with probability >= 1 - delta every node's estimate of B(v) / (n (n - 2)) is
  // within epsilon of the truth (Hoeffding's bound on each node, union over n nodes).
  double epsilon = 0;
  double delta = 0.1;       // default 0.1
  uint64_t seed = 1;        // default 1: the sample is reproducible
};

// Node scores follow networkx betweenness_centrality: raw counts of pair dependencies, halved
// for undirected graphs; normalized divides by (n-1)(n-2) (directed) or (n-1)(n-2)/2
// (undirected). Edge scores follow edge_betweenness_centrality: normalized divides by
// n(n-1) (directed) or n(n-1)/2 (undirected). Indexed by arc id (Graph::ArcBegin order);
// for an undirected graph both arcs of an edge carry the edge's score.
// Exact: O(n m) unweighted, O(n m + n^2 log n) weighted; memory O(n + m) per thread.
class Betweenness {
 public:
  Betweenness(const Graph& graph, BetweennessOptions options = {})
      : graph_(graph), options_(options) {}
  // InvalidArgument for epsilon or delta outside (0, 1).
  Status Run();

  const std::vector<double>& scores() const { return scores_; }
  const std::vector<double>& edge_scores() const { return edge_scores_; }
  // Sources used: n when exact.
  int64_t sources() const { return sources_; }

 private:
  const Graph& graph_;
  const BetweennessOptions options_;
  std::vector<double> scores_;
  std::vector<double> edge_scores_;
  int64_t sources_ = 0;
};

}  // namespace tafkik::graph
