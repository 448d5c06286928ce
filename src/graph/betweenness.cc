#include "graph/betweenness.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

#include "graph/internal/parallel.h"
#include "graph/internal/search.h"

namespace tafkik::graph {
namespace {

// Per-thread accumulators.
struct Worker {
  internal::Search search;
  std::vector<double> delta;
  std::vector<double> scores;
  std::vector<double> edge_scores;
  // The hop-count kernel's own state (sized on first use).
  std::vector<int32_t> hops;
  std::vector<double> sigma;
  std::vector<NodeIndex> order;
};

// Node betweenness in hops: one BFS and one backward sweep over in-arcs with flat arrays
// (the common case, kept free of the general search's weights and predecessor lists).
void AccumulateHops(const Graph& graph, NodeIndex source, Worker& worker) {
  const NodeIndex n = graph.node_count();
  if (worker.hops.empty()) {
    worker.hops.assign(n, -1);
    worker.sigma.assign(n, 0);
    worker.order.resize(n);
  }
  int32_t* hops = worker.hops.data();
  double* sigma = worker.sigma.data();
  double* delta = worker.delta.data();
  NodeIndex* order = worker.order.data();
  size_t tail = 1;
  order[0] = source;
  hops[source] = 0;
  sigma[source] = 1;
  for (size_t head = 0; head < tail; ++head) {
    NodeIndex node = order[head];
    int32_t next = hops[node] + 1;
    for (NodeIndex neighbour : graph.OutNeighbours(node)) {
      if (hops[neighbour] < 0) {
        hops[neighbour] = next;
        order[tail++] = neighbour;
      }
      if (hops[neighbour] == next) sigma[neighbour] += sigma[node];
    }
  }
  for (size_t at = tail - 1; at > 0; --at) {
    NodeIndex node = order[at];
    double coefficient = (1.0 + delta[node]) / sigma[node];
    int32_t previous = hops[node] - 1;
    for (NodeIndex pred : graph.InNeighbours(node)) {
      if (hops[pred] == previous) delta[pred] += sigma[pred] * coefficient;
    }
    worker.scores[node] += delta[node];
  }
  for (size_t at = 0; at < tail; ++at) {
    NodeIndex node = order[at];
    hops[node] = -1;
    sigma[node] = 0;
    delta[node] = 0;
  }
}

void Accumulate(const Graph& graph, NodeIndex source, bool edges, WeightUse weights,
                Worker& worker) {
  if (!edges && weights == WeightUse::kIgnore) return AccumulateHops(graph, source, worker);
  internal::Search& search = worker.search;
  search.Run(source, /*count_paths=*/true, /*keep_predecessors=*/edges);
  const std::vector<NodeIndex>& order = search.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    NodeIndex node = *it;
    double coefficient = (1.0 + worker.delta[node]) / search.sigma(node);
    if (edges) {
      for (const auto& pred : search.predecessors(node)) {
        double contribution = search.sigma(pred.node) * coefficient;
        worker.delta[pred.node] += contribution;
        worker.edge_scores[pred.arc] += contribution;
      }
    } else {
      // Predecessors are the in-neighbours on a shortest path: the same sum as the search.
      auto sources = graph.InNeighbours(node);
      auto lengths = graph.InWeights(node);
      double distance = search.distance(node);
      for (size_t position = 0; position < sources.size(); ++position) {
        NodeIndex pred = sources[position];
        if (search.distance(pred) + ArcLength(lengths[position], weights) != distance) continue;
        worker.delta[pred] += search.sigma(pred) * coefficient;
      }
    }
    if (node != source) worker.scores[node] += worker.delta[node];
  }
  for (NodeIndex node : order) worker.delta[node] = 0;
}

// The sources to run from: all nodes, or a uniform sample without replacement.
std::vector<NodeIndex> ChooseSources(NodeIndex n, const BetweennessOptions& options) {
  std::vector<NodeIndex> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  if (options.epsilon <= 0 || n == 0) return sources;
  double wanted = std::ceil(std::log(2.0 * n / options.delta) /
                            (2 * options.epsilon * options.epsilon));
  if (wanted >= n) return sources;
  std::mt19937_64 random(options.seed);
  auto count = static_cast<size_t>(wanted);
  for (size_t slot = 0; slot < count; ++slot) {
    std::uniform_int_distribution<size_t> pick(slot, sources.size() - 1);
    std::swap(sources[slot], sources[pick(random)]);
  }
  sources.resize(count);
  return sources;
}

}  // namespace

Status Betweenness::Run() {
  if (options_.epsilon < 0 || options_.epsilon >= 1 ||
      (options_.epsilon > 0 && !(options_.delta > 0 && options_.delta < 1))) {
    return InvalidArgumentError("approximate betweenness needs epsilon and delta in (0, 1)");
  }
  const NodeIndex n = graph_.node_count();
  const int64_t arcs = graph_.arc_count();
  std::vector<NodeIndex> sources = ChooseSources(n, options_);
  sources_ = static_cast<int64_t>(sources.size());
  int workers = internal::WorkerCount(options_.threads, sources_);
  std::vector<Worker> state;
  state.reserve(workers);
  for (int worker = 0; worker < workers; ++worker) {
    state.push_back(Worker{internal::Search(graph_, options_.weights, /*backward=*/false),
                           std::vector<double>(n, 0.0), std::vector<double>(n, 0.0),
                           std::vector<double>(options_.edges ? arcs : 0, 0.0),
                           {}, {}, {}});
  }
  internal::ParallelFor(sources_, workers, [&](int worker, int64_t item) {
    Accumulate(graph_, sources[item], options_.edges, options_.weights, state[worker]);
  });
  scores_.assign(n, 0);
  edge_scores_.assign(options_.edges ? arcs : 0, 0);
  for (const Worker& worker : state) {
    for (NodeIndex node = 0; node < n; ++node) scores_[node] += worker.scores[node];
    for (int64_t arc = 0; arc < static_cast<int64_t>(edge_scores_.size()); ++arc) {
      edge_scores_[arc] += worker.edge_scores[arc];
    }
  }
  // Sampling: scale the sum over k sources up to n sources.
  double sample_scale = sources_ > 0 ? static_cast<double>(n) / sources_ : 1.0;
  double node_scale = sample_scale * (graph_.directed() ? 1.0 : 0.5);
  if (options_.normalized && n > 2) node_scale /= (graph_.directed() ? 1.0 : 0.5) * (n - 1.0) * (n - 2.0);
  for (double& score : scores_) score *= node_scale;
  if (!options_.edges) return Status::Ok();
  if (!graph_.directed()) {
    // Each undirected edge is two arcs: its score is the sum over both, halved.
    for (NodeIndex node = 0; node < n; ++node) {
      auto targets = graph_.OutNeighbours(node);
      for (size_t position = 0; position < targets.size(); ++position) {
        NodeIndex other = targets[position];
        if (other < node) continue;
        auto back = graph_.OutNeighbours(other);
        int64_t reverse = graph_.ArcBegin(other) +
                          (std::lower_bound(back.begin(), back.end(), node) - back.begin());
        int64_t forward = graph_.ArcBegin(node) + static_cast<int64_t>(position);
        double total = edge_scores_[forward] + edge_scores_[reverse];
        edge_scores_[forward] = edge_scores_[reverse] = total;
      }
    }
  }
  double edge_scale = sample_scale * (graph_.directed() ? 1.0 : 0.5);
  if (options_.normalized && n > 1) {
    edge_scale /= (graph_.directed() ? 1.0 : 0.5) * n * (n - 1.0);
  }
  for (double& score : edge_scores_) score *= edge_scale;
  return Status::Ok();
}

}  // namespace tafkik::graph
