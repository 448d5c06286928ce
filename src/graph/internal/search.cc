#include "graph/internal/search.h"

#include <functional>
#include <queue>
#include <utility>

namespace tafkik::graph::internal {

Search::Search(const Graph& graph, WeightUse weights, bool backward)
    : graph_(graph),
      weights_(weights),
      backward_(backward),
      distance_(graph.node_count(), kUnreached),
      sigma_(graph.node_count(), 0.0),
      preds_(graph.node_count()) {
  order_.reserve(graph.node_count());
}

void Search::Reset() {
  for (NodeIndex node : order_) {
    distance_[node] = kUnreached;
    sigma_[node] = 0.0;
    if (keep_predecessors_) preds_[node].clear();
  }
  order_.clear();
}

int64_t Search::ArcId(NodeIndex from, NodeIndex /*to*/, int64_t position) const {
  if (backward_) return -1;
  return graph_.ArcBegin(from) + position;
}

void Search::Run(NodeIndex source, bool count_paths, bool keep_predecessors) {
  Reset();
  keep_predecessors_ = keep_predecessors;
  if (weights_ == WeightUse::kIgnore) {
    RunBfs(source, count_paths);
  } else {
    RunDijkstra(source, count_paths);
  }
}

void Search::RunBfs(NodeIndex source, bool count_paths) {
  distance_[source] = 0;
  sigma_[source] = 1;
  order_.push_back(source);
  for (size_t head = 0; head < order_.size(); ++head) {
    NodeIndex node = order_[head];
    double next = distance_[node] + 1;
    auto neighbours = backward_ ? graph_.InNeighbours(node) : graph_.OutNeighbours(node);
    for (size_t position = 0; position < neighbours.size(); ++position) {
      NodeIndex neighbour = neighbours[position];
      if (distance_[neighbour] == kUnreached) {
        distance_[neighbour] = next;
        order_.push_back(neighbour);
      }
      if (count_paths && distance_[neighbour] == next) {
        sigma_[neighbour] += sigma_[node];
        AddPredecessor(neighbour, node, ArcId(node, neighbour, position));
      }
    }
  }
}

void Search::RunDijkstra(NodeIndex source, bool count_paths) {
  using Entry = std::pair<double, NodeIndex>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  // Tentative distances live in distance_; every reached node is settled before the queue
  // empties, so order_ lists all of them for Reset.
  distance_[source] = 0;
  sigma_[source] = 1;
  queue.push({0.0, source});
  while (!queue.empty()) {
    auto [dist, node] = queue.top();
    queue.pop();
    // Entries are pushed only on strict improvement, so a stale entry is strictly longer.
    if (dist > distance_[node]) continue;
    order_.push_back(node);
    auto neighbours = backward_ ? graph_.InNeighbours(node) : graph_.OutNeighbours(node);
    auto weights = backward_ ? graph_.InWeights(node) : graph_.OutWeights(node);
    for (size_t position = 0; position < neighbours.size(); ++position) {
      NodeIndex neighbour = neighbours[position];
      double candidate = dist + ArcLength(weights[position], weights_);
      if (candidate < distance_[neighbour]) {
        distance_[neighbour] = candidate;
        queue.push({candidate, neighbour});
        if (count_paths) {
          sigma_[neighbour] = sigma_[node];
          if (keep_predecessors_) preds_[neighbour].clear();
          AddPredecessor(neighbour, node, ArcId(node, neighbour, position));
        }
      } else if (count_paths && candidate == distance_[neighbour]) {
        sigma_[neighbour] += sigma_[node];
        AddPredecessor(neighbour, node, ArcId(node, neighbour, position));
      }
    }
  }
}

}  // namespace tafkik::graph::internal
