#include "graph/graph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

namespace tafkik::graph {
namespace {

Status CheckEdge(NodeIndex node_count, const Edge& edge, size_t position) {
  auto in_range = [node_count](NodeIndex node) { return node >= 0 && node < node_count; };
  if (!in_range(edge.source) || !in_range(edge.target)) {
    return InvalidArgumentError("edge " + std::to_string(position) + ": end " +
                                std::to_string(in_range(edge.source) ? edge.target : edge.source) +
                                " is not a node of a graph of " + std::to_string(node_count));
  }
  if (!std::isfinite(edge.weight) || edge.weight <= 0) {
    return InvalidArgumentError("edge " + std::to_string(position) + " (" +
                                std::to_string(edge.source) + " -> " +
                                std::to_string(edge.target) + "): weight " +
                                std::to_string(edge.weight) + " is not a positive number");
  }
  return Status::Ok();
}

}  // namespace

Result<Graph> Graph::FromEdges(NodeIndex node_count, const std::vector<Edge>& edges,
                               const GraphOptions& options, BuildReport* report) {
  if (node_count < 0) return InvalidArgumentError("negative node count");
  BuildReport local;
  local.input_edges = static_cast<int64_t>(edges.size());
  std::vector<int64_t> counts(static_cast<size_t>(node_count) + 1, 0);
  for (size_t position = 0; position < edges.size(); ++position) {
    const Edge& edge = edges[position];
    TAFKIK_RETURN_IF_ERROR(CheckEdge(node_count, edge, position));
    if (edge.source == edge.target) continue;
    ++counts[edge.source + 1];
    if (!options.directed) ++counts[edge.target + 1];
  }
  std::partial_sum(counts.begin(), counts.end(), counts.begin());
  std::vector<std::pair<NodeIndex, double>> arcs(static_cast<size_t>(counts.back()));
  std::vector<int64_t> cursor(counts.begin(), counts.end() - 1);
  for (const Edge& edge : edges) {
    if (edge.source == edge.target) {
      ++local.self_loops_dropped;
      continue;
    }
    arcs[cursor[edge.source]++] = {edge.target, edge.weight};
    if (!options.directed) arcs[cursor[edge.target]++] = {edge.source, edge.weight};
  }
  Graph graph;
  graph.node_count_ = node_count;
  graph.directed_ = options.directed;
  graph.out_offsets_.assign(static_cast<size_t>(node_count) + 1, 0);
  graph.out_targets_.reserve(arcs.size());
  graph.out_weights_.reserve(arcs.size());
  int64_t merged = 0;
  for (NodeIndex node = 0; node < node_count; ++node) {
    auto begin = arcs.begin() + counts[node];
    auto end = arcs.begin() + counts[node + 1];
    std::sort(begin, end, [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto arc = begin; arc != end; ++arc) {
      if (arc != begin && arc->first == graph.out_targets_.back()) {
        graph.out_weights_.back() += arc->second;
        ++merged;
        continue;
      }
      graph.out_targets_.push_back(arc->first);
      graph.out_weights_.push_back(arc->second);
    }
    graph.out_offsets_[node + 1] = static_cast<int64_t>(graph.out_targets_.size());
  }
  local.parallel_edges_merged = options.directed ? merged : merged / 2;
  graph.weighted_ = std::any_of(graph.out_weights_.begin(), graph.out_weights_.end(),
                                [](double weight) { return weight != 1.0; });
  if (graph.directed_) graph.BuildInAdjacency();
  if (report != nullptr) *report = local;
  return graph;
}

void Graph::BuildInAdjacency() {
  in_offsets_.assign(static_cast<size_t>(node_count_) + 1, 0);
  for (NodeIndex target : out_targets_) ++in_offsets_[target + 1];
  std::partial_sum(in_offsets_.begin(), in_offsets_.end(), in_offsets_.begin());
  in_sources_.resize(out_targets_.size());
  in_weights_.resize(out_targets_.size());
  std::vector<int64_t> cursor(in_offsets_.begin(), in_offsets_.end() - 1);
  // Sources ascending per target because sources are visited in order.
  for (NodeIndex source = 0; source < node_count_; ++source) {
    for (int64_t arc = out_offsets_[source]; arc < out_offsets_[source + 1]; ++arc) {
      int64_t slot = cursor[out_targets_[arc]]++;
      in_sources_[slot] = source;
      in_weights_[slot] = out_weights_[arc];
    }
  }
}

std::span<const NodeIndex> Graph::OutNeighbours(NodeIndex node) const {
  return {out_targets_.data() + out_offsets_[node],
          static_cast<size_t>(out_offsets_[node + 1] - out_offsets_[node])};
}

std::span<const double> Graph::OutWeights(NodeIndex node) const {
  return {out_weights_.data() + out_offsets_[node],
          static_cast<size_t>(out_offsets_[node + 1] - out_offsets_[node])};
}

std::span<const NodeIndex> Graph::InNeighbours(NodeIndex node) const {
  if (!directed_) return OutNeighbours(node);
  return {in_sources_.data() + in_offsets_[node],
          static_cast<size_t>(in_offsets_[node + 1] - in_offsets_[node])};
}

std::span<const double> Graph::InWeights(NodeIndex node) const {
  if (!directed_) return OutWeights(node);
  return {in_weights_.data() + in_offsets_[node],
          static_cast<size_t>(in_offsets_[node + 1] - in_offsets_[node])};
}

int64_t Graph::InDegree(NodeIndex node) const {
  if (!directed_) return OutDegree(node);
  return in_offsets_[node + 1] - in_offsets_[node];
}

Graph Graph::Undirected() const {
  if (!directed_) return *this;
  std::vector<Edge> edges = Edges();
  Result<Graph> built = FromEdges(node_count_, edges, GraphOptions{.directed = false});
  TAFKIK_CHECK(built.ok(), "a valid graph's edges rebuild");
  return std::move(built).value();
}

std::vector<Edge> Graph::Edges() const {
  std::vector<Edge> edges;
  edges.reserve(static_cast<size_t>(edge_count()));
  for (NodeIndex source = 0; source < node_count_; ++source) {
    for (int64_t arc = out_offsets_[source]; arc < out_offsets_[source + 1]; ++arc) {
      NodeIndex target = out_targets_[arc];
      if (!directed_ && target < source) continue;
      edges.push_back({source, target, out_weights_[arc]});
    }
  }
  return edges;
}

}  // namespace tafkik::graph
