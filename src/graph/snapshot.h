// A Graph with the entity id of each node: what app/ builds from the store and what the CLI
// reports from. SnapshotBuilder interns ids as edges stream in (one hash lookup per end), so
// millions of relations build without a second pass. Snapshot is immutable and thread-safe
// once built; SnapshotBuilder is not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace tafkik::graph {

class Snapshot {
 public:
  Snapshot() = default;
  const Graph& graph() const { return graph_; }
  NodeIndex node_count() const { return graph_.node_count(); }
  // REQUIRES: 0 <= node < node_count().
  const std::string& id(NodeIndex node) const { return ids_[node]; }
  const std::vector<std::string>& ids() const { return ids_; }
  // The node of entity `id`, or nullopt when it is not in the snapshot.
  std::optional<NodeIndex> Find(std::string_view id) const;
  // NotFound naming the entity when it is not in the snapshot (filtered out or unknown).
  Result<NodeIndex> Require(std::string_view id) const;
  const BuildReport& report() const { return report_; }

 private:
  friend class SnapshotBuilder;
  Graph graph_;
  std::vector<std::string> ids_;
  std::unordered_map<std::string, NodeIndex> index_;
  BuildReport report_;
};

class SnapshotBuilder {
 public:
  explicit SnapshotBuilder(GraphOptions options = {}) : options_(options) {}
  // The node of `id`, added when new. Nodes are numbered in order of first appearance.
  NodeIndex AddNode(std::string_view id);
  // Adds an edge between two entities (their nodes are added when new). Weight checks are
  // Build's: a bad weight fails the build naming both entities.
  void AddEdge(std::string_view source, std::string_view target, double weight = 1.0);
  int64_t edge_count() const { return static_cast<int64_t>(edges_.size()); }
  // Builds the snapshot (Graph::FromEdges rules: self-loops dropped, parallel edges merged
  // with summed weights). InvalidArgument naming the two entities of an edge with a
  // negative, zero or non-finite weight. The builder is left empty.
  Result<Snapshot> Build();

 private:
  const GraphOptions options_;
  std::vector<std::string> ids_;
  std::unordered_map<std::string, NodeIndex> index_;
  std::vector<Edge> edges_;
};

}  // namespace tafkik::graph
