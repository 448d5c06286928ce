#include "graph/disruption.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "graph/betweenness.h"
#include "graph/components.h"

namespace tafkik::graph {
namespace {

constexpr double kGone = -std::numeric_limits<double>::infinity();

NodeIndex FindRoot(std::vector<NodeIndex>& parent, NodeIndex node) {
  while (parent[node] != node) {
    parent[node] = parent[parent[node]];
    node = parent[node];
  }
  return node;
}

// The graph with every tie of a removed node dropped (removed nodes stay, isolated).
Graph WithoutNodes(const Graph& graph, const std::vector<char>& removed) {
  std::vector<Edge> edges;
  edges.reserve(static_cast<size_t>(graph.edge_count()));
  for (const Edge& edge : graph.Edges()) {
    if (!removed[edge.source] && !removed[edge.target]) edges.push_back(edge);
  }
  Result<Graph> built =
      Graph::FromEdges(graph.node_count(), edges, GraphOptions{.directed = graph.directed()});
  TAFKIK_CHECK(built.ok(), "a subgraph of a valid graph builds");
  return std::move(built).value();
}

Fragmentation FromSizes(const std::vector<int64_t>& sizes) {
  Fragmentation result;
  for (int64_t size : sizes) {
    result.largest = std::max(result.largest, size);
    ++result.components;
    result.pairwise += static_cast<double>(size) * (size - 1) / 2;
  }
  return result;
}

std::vector<double> CollectiveInfluence(const Graph& graph, int radius) {
  Graph undirected = graph.Undirected();
  NodeIndex n = undirected.node_count();
  std::vector<double> scores(n, 0);
  std::vector<int32_t> depth(n, -1);
  std::vector<NodeIndex> queue;
  for (NodeIndex node = 0; node < n; ++node) {
    double degree = static_cast<double>(undirected.OutDegree(node));
    if (degree == 0) continue;
    queue.assign(1, node);
    depth[node] = 0;
    double frontier = 0;
    for (size_t head = 0; head < queue.size(); ++head) {
      NodeIndex at = queue[head];
      if (depth[at] == radius) {
        frontier += static_cast<double>(undirected.OutDegree(at)) - 1;
        continue;
      }
      for (NodeIndex next : undirected.OutNeighbours(at)) {
        if (depth[next] >= 0) continue;
        depth[next] = depth[at] + 1;
        queue.push_back(next);
      }
    }
    for (NodeIndex at : queue) depth[at] = -1;
    scores[node] = (degree - 1) * frontier;
  }
  return scores;
}

Result<std::vector<double>> KatzScores(const Graph& graph) {
  double radius = SpectralRadius(graph, /*weighted=*/false);
  KatzOptions options;
  options.weighted = false;
  options.alpha = radius > 0 ? std::min(0.1, 0.9 / radius) : 0.1;
  KatzCentrality katz(graph, options);
  TAFKIK_RETURN_IF_ERROR(katz.Run());
  return katz.scores();
}

// Indexes of the `count` highest scores (ties: lowest index), skipping -infinity.
std::vector<NodeIndex> Top(const std::vector<double>& scores, int64_t count) {
  std::vector<NodeIndex> order;
  for (NodeIndex node = 0; node < static_cast<NodeIndex>(scores.size()); ++node) {
    if (scores[node] != kGone) order.push_back(node);
  }
  auto by_score = [&](NodeIndex a, NodeIndex b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  };
  count = std::min<int64_t>(count, static_cast<int64_t>(order.size()));
  std::partial_sort(order.begin(), order.begin() + count, order.end(), by_score);
  order.resize(count);
  return order;
}

double Choose(int64_t n, int64_t k) {
  double result = 1;
  for (int64_t step = 1; step <= k; ++step) result = result * (n - k + step) / step;
  return result;
}

}  // namespace

std::string_view StrategyName(Strategy strategy) {
  switch (strategy) {
    case Strategy::kDegree: return "degree";
    case Strategy::kInDegree: return "in-degree";
    case Strategy::kOutDegree: return "out-degree";
    case Strategy::kBetweenness: return "betweenness";
    case Strategy::kCollectiveInfluence: return "ci";
    case Strategy::kKatz: return "katz";
    case Strategy::kOptimised: return "optimised";
  }
  return "?";
}

Result<Strategy> ParseStrategy(std::string_view name) {
  for (Strategy strategy : {Strategy::kDegree, Strategy::kInDegree, Strategy::kOutDegree,
                            Strategy::kBetweenness, Strategy::kCollectiveInfluence,
                            Strategy::kKatz, Strategy::kOptimised}) {
    if (StrategyName(strategy) == name) return strategy;
  }
  return InvalidArgumentError("unknown strategy '" + std::string(name) +
                              "'; use degree, in-degree, out-degree, betweenness, ci, katz or "
                              "optimised");
}

Fragmentation Fragment(const Graph& graph, const std::vector<char>& removed,
                       Connectivity connectivity) {
  NodeIndex n = graph.node_count();
  int64_t gone = std::count(removed.begin(), removed.end(), 1);
  if (connectivity == Connectivity::kStrong && graph.directed()) {
    Graph left = WithoutNodes(graph, removed);
    StrongComponents strong(left);
    (void)strong.Run();
    std::vector<int64_t> sizes(strong.sizes());
    Fragmentation result = FromSizes(sizes);
    result.components -= gone;  // the removed nodes are isolated singletons
    if (gone == n) result.largest = 0;
    return result;
  }
  std::vector<NodeIndex> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (NodeIndex node = 0; node < n; ++node) {
    if (removed[node]) continue;
    for (NodeIndex next : graph.OutNeighbours(node)) {
      if (removed[next]) continue;
      NodeIndex a = FindRoot(parent, node), b = FindRoot(parent, next);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<int64_t> size(n, 0);
  for (NodeIndex node = 0; node < n; ++node) {
    if (!removed[node]) ++size[FindRoot(parent, node)];
  }
  std::vector<int64_t> sizes;
  for (int64_t count : size) {
    if (count > 0) sizes.push_back(count);
  }
  return FromSizes(sizes);
}

Result<std::vector<double>> StrategyScores(const Graph& graph, const std::vector<char>& removed,
                                           Strategy strategy, const DisruptionOptions& options) {
  Graph left = WithoutNodes(graph, removed);
  std::vector<double> scores;
  switch (strategy) {
    case Strategy::kDegree:
    case Strategy::kInDegree:
    case Strategy::kOutDegree: {
      DegreeCentrality degree(left);
      TAFKIK_RETURN_IF_ERROR(degree.Run());
      scores = strategy == Strategy::kInDegree    ? degree.in_degree()
               : strategy == Strategy::kOutDegree ? degree.out_degree()
                                                  : degree.normalized();
      break;
    }
    case Strategy::kBetweenness: {
      BetweennessOptions betweenness_options;
      betweenness_options.weights = options.betweenness_weights;
      betweenness_options.threads = options.threads;
      Betweenness betweenness(left, betweenness_options);
      TAFKIK_RETURN_IF_ERROR(betweenness.Run());
      scores = betweenness.scores();
      break;
    }
    case Strategy::kCollectiveInfluence:
      scores = CollectiveInfluence(left, options.ci_radius);
      break;
    case Strategy::kKatz: {
      TAFKIK_ASSIGN_OR_RETURN(scores, KatzScores(left));
      break;
    }
    case Strategy::kOptimised:
      return InvalidArgumentError("the optimised planner has no per-node score");
  }
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    if (removed[node]) scores[node] = kGone;
  }
  return scores;
}

std::vector<int32_t> BridgedCommunities(const Graph& graph, NodeIndex node,
                                        const std::vector<int32_t>& community) {
  std::vector<int32_t> seen;
  for (NodeIndex next : graph.OutNeighbours(node)) seen.push_back(community[next]);
  for (NodeIndex next : graph.InNeighbours(node)) seen.push_back(community[next]);
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  return seen;
}

std::pair<int64_t, double> DisruptionPlanner::Score(const std::vector<NodeIndex>& plan) {
  ++evaluations_;
  std::vector<char> removed(graph_.node_count(), 0);
  for (NodeIndex node : plan) removed[node] = 1;
  Fragmentation after = Fragment(graph_, removed, options_.connectivity);
  return {after.largest, after.pairwise};
}

Result<std::vector<NodeIndex>> DisruptionPlanner::ClassicPlan(Strategy strategy) {
  std::vector<char> removed(graph_.node_count(), 0);
  std::vector<NodeIndex> plan;
  while (static_cast<int64_t>(plan.size()) < options_.k) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<double> scores,
                            StrategyScores(graph_, removed, strategy, options_));
    int64_t take = std::min<int64_t>(options_.block, options_.k - plan.size());
    for (NodeIndex node : Top(scores, take)) {
      removed[node] = 1;
      plan.push_back(node);
    }
  }
  return plan;
}

std::vector<NodeIndex> DisruptionPlanner::Exhaustive() {
  const int64_t n = graph_.node_count(), k = options_.k;
  std::vector<NodeIndex> combination(k);
  std::iota(combination.begin(), combination.end(), 0);
  std::vector<NodeIndex> best = combination;
  auto best_score = Score(best);
  while (true) {
    int64_t position = k - 1;
    while (position >= 0 && combination[position] == n - k + position) --position;
    if (position < 0) break;
    ++combination[position];
    for (int64_t next = position + 1; next < k; ++next) {
      combination[next] = combination[next - 1] + 1;
    }
    auto score = Score(combination);
    if (score < best_score) {
      best_score = score;
      best = combination;
    }
  }
  return best;
}

std::vector<NodeIndex> DisruptionPlanner::LocalSearch(std::vector<NodeIndex> plan) {
  // Swap candidates: the highest-degree nodes, and the plan's own neighbourhood.
  std::vector<char> removed(graph_.node_count(), 0);
  TAFKIK_CHECK(!plan.empty(), "a plan to improve");
  Result<std::vector<double>> degree =
      StrategyScores(graph_, removed, Strategy::kDegree, options_);
  std::vector<NodeIndex> pool = Top(*degree, options_.candidate_pool);
  for (NodeIndex node : plan) {
    for (NodeIndex next : graph_.OutNeighbours(node)) pool.push_back(next);
    for (NodeIndex next : graph_.InNeighbours(node)) pool.push_back(next);
  }
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  auto best_score = Score(plan);
  bool improved = true;
  while (improved && evaluations_ < options_.evaluation_budget) {
    improved = false;
    for (size_t slot = 0; slot < plan.size() && !improved; ++slot) {
      for (NodeIndex candidate : pool) {
        if (std::find(plan.begin(), plan.end(), candidate) != plan.end()) continue;
        NodeIndex previous = plan[slot];
        plan[slot] = candidate;
        auto score = Score(plan);
        if (score < best_score) {
          best_score = score;
          improved = true;
          break;
        }
        plan[slot] = previous;
        if (evaluations_ >= options_.evaluation_budget) break;
      }
    }
  }
  return plan;
}

std::vector<NodeIndex> DisruptionPlanner::BestOrder(std::vector<NodeIndex> plan) {
  // Greedy: at each step, the plan node whose removal leaves the least connected network.
  std::vector<NodeIndex> order;
  while (!plan.empty()) {
    size_t best = 0;
    std::pair<int64_t, double> best_score{std::numeric_limits<int64_t>::max(), 0};
    for (size_t slot = 0; slot < plan.size(); ++slot) {
      order.push_back(plan[slot]);
      auto score = Score(order);
      order.pop_back();
      if (score < best_score) {
        best_score = score;
        best = slot;
      }
    }
    order.push_back(plan[best]);
    plan.erase(plan.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return order;
}

Result<std::vector<NodeIndex>> DisruptionPlanner::OptimisedPlan() {
  std::vector<Strategy> classic{Strategy::kDegree, Strategy::kBetweenness,
                                Strategy::kCollectiveInfluence, Strategy::kKatz};
  if (graph_.directed()) {
    classic.push_back(Strategy::kInDegree);
    classic.push_back(Strategy::kOutDegree);
  }
  std::vector<NodeIndex> best;
  std::pair<int64_t, double> best_score;
  for (Strategy strategy : classic) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<NodeIndex> plan, ClassicPlan(strategy));
    auto score = Score(plan);
    if (best.empty() || score < best_score) {
      best = plan;
      best_score = score;
      seeded_from_ = strategy;
    }
  }
  if (Choose(graph_.node_count(), options_.k) <= static_cast<double>(options_.evaluation_budget)) {
    exhaustive_ = true;
    std::vector<NodeIndex> optimal = Exhaustive();
    if (Score(optimal) < best_score) best = optimal;
    return BestOrder(best);
  }
  return BestOrder(LocalSearch(best));
}

Status DisruptionPlanner::Run() {
  const NodeIndex n = graph_.node_count();
  if (options_.k < 1 || options_.k > n) {
    return InvalidArgumentError("cannot plan " + std::to_string(options_.k) +
                                " removals in a network of " + std::to_string(n) +
                                " nodes; K must be between 1 and the node count");
  }
  if (options_.block < 1) return InvalidArgumentError("block must be at least 1");
  evaluations_ = 0;
  exhaustive_ = false;
  std::vector<char> removed(n, 0);
  before_ = Fragment(graph_, removed, options_.connectivity);
  std::vector<NodeIndex> plan;
  if (options_.strategy == Strategy::kOptimised) {
    TAFKIK_ASSIGN_OR_RETURN(plan, OptimisedPlan());
  } else {
    TAFKIK_ASSIGN_OR_RETURN(plan, ClassicPlan(options_.strategy));
  }
  removals_.clear();
  for (NodeIndex node : plan) {
    removed[node] = 1;
    Removal removal{node, Fragment(graph_, removed, options_.connectivity), 0};
    removal.largest_fraction =
        before_.largest > 0 ? static_cast<double>(removal.after.largest) / before_.largest : 0;
    removals_.push_back(removal);
  }
  return Status::Ok();
}

}  // namespace tafkik::graph
