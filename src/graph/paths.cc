#include "graph/paths.h"

#include <algorithm>
#include <string>

#include "graph/internal/search.h"

namespace tafkik::graph {
namespace {

Status CheckNode(const Graph& graph, NodeIndex node, const char* what) {
  if (node >= 0 && node < graph.node_count()) return Status::Ok();
  return InvalidArgumentError(std::string(what) + " " + std::to_string(node) +
                              " is not a node of this graph");
}

}  // namespace

Status ShortestPaths::Run() {
  TAFKIK_RETURN_IF_ERROR(CheckNode(graph_, source_, "source"));
  TAFKIK_RETURN_IF_ERROR(CheckNode(graph_, target_, "target"));
  paths_.clear();
  const Graph undirected = options_.follow_direction ? Graph() : graph_.Undirected();
  const Graph& walked = options_.follow_direction ? graph_ : undirected;
  // Search backward from the target so that predecessors point towards it: walking them
  // from the source then yields paths in source -> target order.
  internal::Search search(walked, options_.weights, /*backward=*/true);
  search.Run(target_, /*count_paths=*/true);
  distance_ = search.distance(source_);
  if (distance_ == internal::kUnreached) {
    path_count_ = 0;
    return Status::Ok();
  }
  path_count_ = search.sigma(source_);
  // Depth-first over the lattice, in ascending node order at each step.
  std::vector<NodeIndex> path{source_};
  std::vector<std::vector<NodeIndex>> choices;
  auto next_hops = [&](NodeIndex node) {
    std::vector<NodeIndex> hops;
    for (const auto& pred : search.predecessors(node)) hops.push_back(pred.node);
    std::sort(hops.begin(), hops.end());
    std::reverse(hops.begin(), hops.end());  // popped from the back: ascending
    return hops;
  };
  choices.push_back(next_hops(source_));
  while (!path.empty() && static_cast<int64_t>(paths_.size()) < options_.max_paths) {
    if (path.back() == target_) {
      paths_.push_back(path);
      path.pop_back();
      choices.pop_back();
      continue;
    }
    if (choices.back().empty()) {
      path.pop_back();
      choices.pop_back();
      continue;
    }
    NodeIndex next = choices.back().back();
    choices.back().pop_back();
    path.push_back(next);
    choices.push_back(next == target_ ? std::vector<NodeIndex>{} : next_hops(next));
  }
  return Status::Ok();
}

Status Neighbourhood::Run() {
  if (options_.hops < 0) return InvalidArgumentError("hops must be 0 or more");
  for (NodeIndex seed : seeds_) TAFKIK_RETURN_IF_ERROR(CheckNode(graph_, seed, "seed"));
  nodes_.clear();
  hops_.clear();
  capped_.clear();
  truncated_ = false;
  std::vector<char> seen(graph_.node_count(), 0);
  auto add = [&](NodeIndex node, int hop) {
    if (seen[node]) return true;
    seen[node] = 1;
    if (options_.max_nodes > 0 && static_cast<int64_t>(nodes_.size()) >= options_.max_nodes) {
      truncated_ = true;
      return false;
    }
    nodes_.push_back(node);
    hops_.push_back(hop);
    return true;
  };
  for (NodeIndex seed : seeds_) add(seed, 0);
  for (size_t head = 0; head < nodes_.size() && !truncated_; ++head) {
    NodeIndex node = nodes_[head];
    int hop = hops_[head];
    if (hop >= options_.hops) continue;
    int64_t fan_out = graph_.OutDegree(node);
    if (!options_.follow_direction && graph_.directed()) fan_out += graph_.InDegree(node);
    if (options_.max_fan_out > 0 && fan_out > options_.max_fan_out && hop > 0) {
      capped_.push_back(node);
      continue;
    }
    for (NodeIndex next : graph_.OutNeighbours(node)) {
      if (!add(next, hop + 1)) break;
    }
    if (options_.follow_direction || !graph_.directed()) continue;
    for (NodeIndex next : graph_.InNeighbours(node)) {
      if (!add(next, hop + 1)) break;
    }
  }
  return Status::Ok();
}

std::vector<int32_t> BfsDistances(const Graph& graph, NodeIndex source) {
  std::vector<int32_t> distance(graph.node_count(), -1);
  std::vector<NodeIndex> queue{source};
  queue.reserve(graph.node_count());
  distance[source] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    NodeIndex node = queue[head];
    for (NodeIndex next : graph.OutNeighbours(node)) {
      if (distance[next] >= 0) continue;
      distance[next] = distance[node] + 1;
      queue.push_back(next);
    }
  }
  return distance;
}

}  // namespace tafkik::graph
