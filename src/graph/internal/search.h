// Single-source shortest-path searches shared by the path-based measures: BFS for hops,
// Dijkstra (binary heap) for lengths. Forward follows out-arcs, backward in-arcs. Scratch
// buffers are reused across sources; one Search per thread. Private to graph/.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "graph/centrality.h"
#include "graph/graph.h"

namespace tafkik::graph::internal {

inline constexpr double kUnreached = std::numeric_limits<double>::infinity();

class Search {
 public:
  Search(const Graph& graph, WeightUse weights, bool backward);

  // Distances from `source`; fills order() (settled nodes by non-decreasing distance) and,
  // when count_paths, sigma() (number of shortest paths, as double) and, when also
  // keep_predecessors, the predecessor lists (for each settled node, the arcs on which a
  // shortest path enters). Without them a caller finds predecessors as the neighbours u
  // with distance(u) + length(u, v) == distance(v) (the same sum the search compared).
  void Run(NodeIndex source, bool count_paths, bool keep_predecessors = true);

  const std::vector<NodeIndex>& order() const { return order_; }
  double distance(NodeIndex node) const { return distance_[node]; }
  double sigma(NodeIndex node) const { return sigma_[node]; }
  // Predecessors of `node` as (predecessor, arc id in the forward CSR) pairs.
  struct PredArc {
    NodeIndex node;
    int64_t arc;
  };
  const std::vector<PredArc>& predecessors(NodeIndex node) const { return preds_[node]; }

 private:
  void Reset();
  void RunBfs(NodeIndex source, bool count_paths);
  void RunDijkstra(NodeIndex source, bool count_paths);
  void AddPredecessor(NodeIndex node, NodeIndex pred, int64_t arc) {
    if (keep_predecessors_) preds_[node].push_back({pred, arc});
  }
  // Arc id (in the forward CSR of graph_) of the arc from `from` to `to` visited at neighbour
  // position `position` of `from` in the direction searched.
  int64_t ArcId(NodeIndex from, NodeIndex to, int64_t position) const;

  const Graph& graph_;
  const WeightUse weights_;
  const bool backward_;
  bool keep_predecessors_ = true;
  std::vector<double> distance_;
  std::vector<double> sigma_;
  std::vector<NodeIndex> order_;
  std::vector<std::vector<PredArc>> preds_;
};

}  // namespace tafkik::graph::internal
