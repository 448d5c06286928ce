#include "graph/snapshot.h"

#include <cmath>
#include <utility>

namespace tafkik::graph {

std::optional<NodeIndex> Snapshot::Find(std::string_view id) const {
  auto found = index_.find(std::string(id));
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

Result<NodeIndex> Snapshot::Require(std::string_view id) const {
  std::optional<NodeIndex> node = Find(id);
  if (node) return *node;
  return NotFoundError("entity " + std::string(id) +
                       " is not in the network (unknown, or left out by the filter)");
}

NodeIndex SnapshotBuilder::AddNode(std::string_view id) {
  auto [slot, inserted] = index_.try_emplace(std::string(id), static_cast<NodeIndex>(ids_.size()));
  if (inserted) ids_.emplace_back(id);
  return slot->second;
}

void SnapshotBuilder::AddEdge(std::string_view source, std::string_view target, double weight) {
  NodeIndex from = AddNode(source);
  NodeIndex to = AddNode(target);
  edges_.push_back({from, to, weight});
}

Result<Snapshot> SnapshotBuilder::Build() {
  for (const Edge& edge : edges_) {
    if (std::isfinite(edge.weight) && edge.weight > 0) continue;
    return InvalidArgumentError("the tie " + ids_[edge.source] + " -> " + ids_[edge.target] +
                                " has weight " + std::to_string(edge.weight) +
                                "; weights must be positive numbers");
  }
  Snapshot snapshot;
  TAFKIK_ASSIGN_OR_RETURN(snapshot.graph_,
                          Graph::FromEdges(static_cast<NodeIndex>(ids_.size()), edges_, options_,
                                           &snapshot.report_));
  snapshot.ids_ = std::move(ids_);
  snapshot.index_ = std::move(index_);
  ids_.clear();
  index_.clear();
  edges_.clear();
  return snapshot;
}

}  // namespace tafkik::graph
