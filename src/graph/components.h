// Structure: weakly and strongly connected components, k-cores, articulation points and
// bridges (the single points whose loss cuts a network apart). Constructed over a borrowed
// Graph (which must outlive it), Run() once, then read. Components are numbered 0.. by
// decreasing size (ties: by smallest member). Thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace tafkik::graph {

// Labels shared by the component classes: which component each node is in, and sizes.
class ComponentLabels {
 public:
  // Component of each node.
  const std::vector<int32_t>& component() const { return component_; }
  // Nodes per component, largest first.
  const std::vector<int64_t>& sizes() const { return sizes_; }
  int64_t count() const { return static_cast<int64_t>(sizes_.size()); }

 protected:
  std::vector<int32_t> component_;
  std::vector<int64_t> sizes_;
};

// Components ignoring direction: breadth-first labelling over out- and in-arcs. O(n + m).
class WeakComponents : public ComponentLabels {
 public:
  explicit WeakComponents(const Graph& graph) : graph_(graph) {}
  Status Run();

 private:
  const Graph& graph_;
};

// Strongly connected components (Tarjan, iterative). O(n + m). For an undirected graph the
// same as WeakComponents.
class StrongComponents : public ComponentLabels {
 public:
  explicit StrongComponents(const Graph& graph) : graph_(graph) {}
  Status Run();

 private:
  const Graph& graph_;
};

// Core numbers (Batagelj-Zaversnik) over distinct neighbours ignoring direction: the largest
// k such that the node is in a subgraph where every node has >= k neighbours (networkx
// core_number on the undirected graph). O(n + m).
class CoreDecomposition {
 public:
  explicit CoreDecomposition(const Graph& graph) : graph_(graph) {}
  Status Run();
  const std::vector<int32_t>& core() const { return core_; }
  int32_t max_core() const { return max_core_; }

 private:
  const Graph& graph_;
  std::vector<int32_t> core_;
  int32_t max_core_ = 0;
};

// Articulation points (cut vertices) and bridges (cut edges), ignoring direction (Hopcroft-
// Tarjan, iterative DFS). O(n + m). Both sorted ascending; a bridge as (smaller, larger).
class CutPoints {
 public:
  explicit CutPoints(const Graph& graph) : graph_(graph) {}
  Status Run();
  const std::vector<NodeIndex>& articulation_points() const { return articulation_points_; }
  const std::vector<Edge>& bridges() const { return bridges_; }

 private:
  const Graph& graph_;
  std::vector<NodeIndex> articulation_points_;
  std::vector<Edge> bridges_;
};

// Renumbers raw labels (any int32 per node) to 0.. by decreasing size, ties by smallest
// member; returns the sizes. Shared by the component classes and community detection.
std::vector<int64_t> RenumberBySize(std::vector<int32_t>& labels);

}  // namespace tafkik::graph
