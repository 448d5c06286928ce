// Paths between entities and neighbourhoods around them: one shortest path, all shortest
// paths, and the k-hop neighbourhood with a cap on fan-out (a switchboard number with 40,000
// contacts must not swallow the picture). Constructed over a borrowed Graph (which must
// outlive it), Run() once, then read. Thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/centrality.h"
#include "graph/graph.h"

namespace tafkik::graph {

struct PathOptions {
  WeightUse weights = WeightUse::kIgnore;  // default: hops
  bool follow_direction = true;  // default true; false walks arcs both ways
  int64_t max_paths = 1000;      // default 1,000: all shortest paths stops after this many
};

// Shortest paths from `source` to `target` (BFS or Dijkstra, O(m + n log n)), then every
// shortest path by walking the predecessor lattice back (O(paths * length), capped).
// NotFound-free: when target is unreachable, distance() is infinite and paths() empty.
// InvalidArgument for a node outside the graph.
class ShortestPaths {
 public:
  ShortestPaths(const Graph& graph, NodeIndex source, NodeIndex target, PathOptions options = {})
      : graph_(graph), source_(source), target_(target), options_(options) {}
  Status Run();
  bool reachable() const { return !paths_.empty(); }
  double distance() const { return distance_; }
  // Each path as nodes from source to target, in lexicographic order of node indexes.
  const std::vector<std::vector<NodeIndex>>& paths() const { return paths_; }
  // The number of shortest paths (may exceed paths().size() when capped).
  double path_count() const { return path_count_; }
  bool truncated() const { return path_count_ > static_cast<double>(paths_.size()); }

 private:
  const Graph& graph_;
  const NodeIndex source_, target_;
  const PathOptions options_;
  double distance_ = 0;
  double path_count_ = 0;
  std::vector<std::vector<NodeIndex>> paths_;
};

struct NeighbourhoodOptions {
  int hops = 2;                  // default 2; >= 0
  bool follow_direction = false; // default false: contacts in both directions
  // default 0: no cap. Otherwise a node (other than a seed) with more neighbours than this is
  // included but not expanded (listed in capped()), so hubs do not flood the result.
  int64_t max_fan_out = 0;
  int64_t max_nodes = 0;         // default 0: no cap on the result size
};

// Breadth-first k-hop neighbourhood of one or more seeds. O(size of the neighbourhood's arcs).
// InvalidArgument for a seed outside the graph or negative hops.
class Neighbourhood {
 public:
  Neighbourhood(const Graph& graph, std::vector<NodeIndex> seeds,
                NeighbourhoodOptions options = {})
      : graph_(graph), seeds_(std::move(seeds)), options_(options) {}
  Status Run();
  // Nodes reached, in BFS order (seeds first), with their hop distance.
  const std::vector<NodeIndex>& nodes() const { return nodes_; }
  const std::vector<int>& hops() const { return hops_; }
  // Nodes reached but not expanded because of max_fan_out.
  const std::vector<NodeIndex>& capped() const { return capped_; }
  // True when max_nodes stopped the search.
  bool truncated() const { return truncated_; }

 private:
  const Graph& graph_;
  const std::vector<NodeIndex> seeds_;
  const NeighbourhoodOptions options_;
  std::vector<NodeIndex> nodes_;
  std::vector<int> hops_;
  std::vector<NodeIndex> capped_;
  bool truncated_ = false;
};

// Hop distances from `source` along out-arcs (BFS), -1 when unreachable. O(n + m).
std::vector<int32_t> BfsDistances(const Graph& graph, NodeIndex source);

}  // namespace tafkik::graph
