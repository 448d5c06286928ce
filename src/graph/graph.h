// The graph snapshot: an immutable compressed-sparse-row graph over dense node indexes
// 0..node_count-1, directed or undirected, with one positive weight per arc. Every algorithm
// of this module reads a Graph; none writes it. Built once (FromEdges), then shared freely:
// all const member functions are thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"

namespace tafkik::graph {

using NodeIndex = int32_t;

// One input edge. For a directed graph, source -> target; for an undirected one the order
// does not matter.
struct Edge {
  NodeIndex source = 0;
  NodeIndex target = 0;
  double weight = 1.0;
};

// What FromEdges did with the input, so that callers can report it.
struct BuildReport {
  int64_t input_edges = 0;
  int64_t self_loops_dropped = 0;   // an entity calling itself carries no structure
  int64_t parallel_edges_merged = 0;  // edges folded into an earlier one (weights summed)
};

struct GraphOptions {
  bool directed = true;  // default true; false makes every edge symmetric
};

class Graph {
 public:
  Graph() = default;

  // Builds the CSR in O(n + m log(max degree)). Self-loops are dropped; parallel edges (for
  // an undirected graph, u-v and v-u too) are merged into one arc whose weight is the sum of
  // theirs. InvalidArgument naming the edge (its 0-based input position) when an end is
  // outside [0, node_count) or a weight is negative, zero, NaN or infinite; InvalidArgument
  // for a negative node_count.
  static Result<Graph> FromEdges(NodeIndex node_count, const std::vector<Edge>& edges,
                                 const GraphOptions& options = {}, BuildReport* report = nullptr);

  NodeIndex node_count() const { return node_count_; }
  // Distinct arcs (directed) or distinct edges (undirected, each counted once).
  int64_t edge_count() const { return directed_ ? arc_count() : arc_count() / 2; }
  // Entries of the out-adjacency (an undirected edge is two arcs).
  int64_t arc_count() const { return static_cast<int64_t>(out_targets_.size()); }
  bool directed() const { return directed_; }
  // True when some weight differs from 1.
  bool weighted() const { return weighted_; }

  // Sorted by index. For an undirected graph, in == out.
  std::span<const NodeIndex> OutNeighbours(NodeIndex node) const;
  std::span<const double> OutWeights(NodeIndex node) const;
  std::span<const NodeIndex> InNeighbours(NodeIndex node) const;
  std::span<const double> InWeights(NodeIndex node) const;
  int64_t OutDegree(NodeIndex node) const { return out_offsets_[node + 1] - out_offsets_[node]; }
  int64_t InDegree(NodeIndex node) const;
  // Position of the first out-arc of `node` in arc order (arc ids are [ArcBegin(v), ArcBegin(v+1))).
  int64_t ArcBegin(NodeIndex node) const { return out_offsets_[node]; }

  // The undirected graph with the same nodes: u-v present when u->v or v->u is; its weight is
  // the sum of both directions. A copy when already undirected. O(n + m).
  Graph Undirected() const;

  // The edges, each once (source < target for an undirected graph), in CSR order.
  std::vector<Edge> Edges() const;

 private:
  void BuildInAdjacency();

  // Constant after construction.
  NodeIndex node_count_ = 0;
  bool directed_ = true;
  bool weighted_ = false;
  std::vector<int64_t> out_offsets_{0};
  std::vector<NodeIndex> out_targets_;
  std::vector<double> out_weights_;
  // Only for a directed graph.
  std::vector<int64_t> in_offsets_;
  std::vector<NodeIndex> in_sources_;
  std::vector<double> in_weights_;
};

}  // namespace tafkik::graph
