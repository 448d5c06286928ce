// Community detection: the Leiden algorithm (Traag, Waltman & van Eck 2019) optimising
// modularity, and modularity itself. Communities found by Leiden are guaranteed connected,
// unlike Louvain's. A directed graph is read as undirected (weights of both directions
// summed), as igraph and networkx do for modularity-based Leiden/Louvain.
// Constructed over a borrowed Graph (which must outlive it), Run() once, then read.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace tafkik::graph {

struct LeidenOptions {
  double resolution = 1.0;  // default 1 (gamma); > 0. Higher finds smaller communities
  bool weighted = true;     // default true: tie strength counts
  // default 0: repeat the whole algorithm from its last partition until an iteration improves
  // modularity by less than 1e-4; otherwise exactly this many (igraph's n_iterations).
  int iterations = 0;
  uint64_t seed = 1;        // default 1: node visiting order is reproducible
};

// Near-linear per iteration: O(m) local moving, refinement and aggregation per level.
class Leiden {
 public:
  Leiden(const Graph& graph, LeidenOptions options = {}) : graph_(graph), options_(options) {}
  // InvalidArgument for a resolution <= 0.
  Status Run();
  // Community of each node, numbered 0.. by decreasing size (ties: smallest member first).
  const std::vector<int32_t>& community() const { return community_; }
  const std::vector<int64_t>& sizes() const { return sizes_; }
  int64_t count() const { return static_cast<int64_t>(sizes_.size()); }
  // Modularity (at the chosen resolution) of community(); 0 for a graph without ties.
  double modularity() const { return modularity_; }
  int iterations_run() const { return iterations_run_; }

 private:
  const Graph& graph_;
  const LeidenOptions options_;
  std::vector<int32_t> community_;
  std::vector<int64_t> sizes_;
  double modularity_ = 0;
  int iterations_run_ = 0;
};

// Modularity of `community` (one label per node) on the undirected view of `graph`:
// sum over communities of [internal weight / m - resolution * (strength / 2m)^2]
// (networkx community.modularity on the undirected graph). 0 for a graph without ties.
// REQUIRES: community.size() == graph.node_count(), labels >= 0.
double Modularity(const Graph& graph, const std::vector<int32_t>& community,
                  double resolution = 1.0, bool weighted = true);

}  // namespace tafkik::graph
