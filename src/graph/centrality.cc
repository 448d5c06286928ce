#include "graph/centrality.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "graph/internal/parallel.h"
#include "graph/internal/search.h"

namespace tafkik::graph {
namespace {

double Norm2(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value * value;
  return std::sqrt(sum);
}

// y = A^T x (in-arcs: y[v] = sum over u -> v of w(u, v) x[u]).
void MultiplyTransposed(const Graph& graph, bool weighted, const std::vector<double>& x,
                        std::vector<double>& y) {
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    auto sources = graph.InNeighbours(node);
    auto weights = graph.InWeights(node);
    double sum = 0;
    for (size_t position = 0; position < sources.size(); ++position) {
      sum += (weighted ? weights[position] : 1.0) * x[sources[position]];
    }
    y[node] = sum;
  }
}

}  // namespace

Status DegreeCentrality::Run() {
  NodeIndex n = graph_.node_count();
  in_degree_.assign(n, 0);
  out_degree_.assign(n, 0);
  in_strength_.assign(n, 0);
  out_strength_.assign(n, 0);
  normalized_.assign(n, 0);
  for (NodeIndex node = 0; node < n; ++node) {
    out_degree_[node] = static_cast<double>(graph_.OutDegree(node));
    in_degree_[node] = static_cast<double>(graph_.InDegree(node));
    for (double weight : graph_.OutWeights(node)) out_strength_[node] += weight;
    for (double weight : graph_.InWeights(node)) in_strength_[node] += weight;
    if (n <= 1) continue;
    double degree = graph_.directed() ? in_degree_[node] + out_degree_[node] : out_degree_[node];
    normalized_[node] = degree / (n - 1);
  }
  return Status::Ok();
}

Status PageRank::Run() {
  if (!(options_.damping >= 0 && options_.damping < 1)) {
    return InvalidArgumentError("PageRank damping " + std::to_string(options_.damping) +
                                " is outside [0, 1)");
  }
  NodeIndex n = graph_.node_count();
  scores_.assign(n, n > 0 ? 1.0 / n : 0.0);
  if (n == 0) return Status::Ok();
  std::vector<double> out_total(n, 0);
  for (NodeIndex node = 0; node < n; ++node) {
    for (double weight : graph_.OutWeights(node)) out_total[node] += options_.weighted ? weight : 1;
  }
  std::vector<double> share(n), next(n);
  const double damping = options_.damping;
  for (iterations_ = 1; iterations_ <= options_.max_iterations; ++iterations_) {
    double dangling = 0;
    for (NodeIndex node = 0; node < n; ++node) {
      if (out_total[node] == 0) {
        dangling += scores_[node];
        share[node] = 0;
      } else {
        share[node] = scores_[node] / out_total[node];
      }
    }
    double base = (1 - damping) / n + damping * dangling / n;
    double change = 0;
    for (NodeIndex node = 0; node < n; ++node) {
      auto sources = graph_.InNeighbours(node);
      auto weights = graph_.InWeights(node);
      double sum = 0;
      for (size_t position = 0; position < sources.size(); ++position) {
        sum += (options_.weighted ? weights[position] : 1.0) * share[sources[position]];
      }
      next[node] = base + damping * sum;
      change += std::abs(next[node] - scores_[node]);
    }
    scores_.swap(next);
    if (change < n * options_.tolerance) {
      double total = std::accumulate(scores_.begin(), scores_.end(), 0.0);
      for (double& score : scores_) score /= total;
      return Status::Ok();
    }
  }
  return FailedPreconditionError("PageRank did not converge in " +
                                 std::to_string(options_.max_iterations) + " iterations");
}

Status Closeness::Run() {
  NodeIndex n = graph_.node_count();
  closeness_.assign(n, 0);
  harmonic_.assign(n, 0);
  if (n == 0) return Status::Ok();
  int workers = internal::WorkerCount(options_.threads, n);
  std::vector<internal::Search> searches;
  for (int worker = 0; worker < workers; ++worker) {
    searches.emplace_back(graph_, options_.weights, /*backward=*/true);
  }
  internal::ParallelFor(n, workers, [&](int worker, int64_t item) {
    NodeIndex target = static_cast<NodeIndex>(item);
    internal::Search& search = searches[worker];
    search.Run(target, /*count_paths=*/false);
    double total = 0, harmonic = 0;
    for (NodeIndex node : search.order()) {
      double distance = search.distance(node);
      if (node == target) continue;
      total += distance;
      harmonic += 1.0 / distance;
    }
    double reached = static_cast<double>(search.order().size() - 1);
    harmonic_[target] = harmonic;
    if (total > 0 && n > 1) closeness_[target] = (reached / total) * (reached / (n - 1));
  });
  return Status::Ok();
}

Status EigenvectorCentrality::Run() {
  NodeIndex n = graph_.node_count();
  scores_.assign(n, 0);
  if (n == 0 || graph_.arc_count() == 0) {
    return FailedPreconditionError("eigenvector centrality needs a graph with at least one tie");
  }
  std::vector<double> current(n, 1.0 / n), next(n);
  for (int iteration = 0; iteration < options_.max_iterations; ++iteration) {
    MultiplyTransposed(graph_, options_.weighted, current, next);
    for (NodeIndex node = 0; node < n; ++node) next[node] += current[node];
    double norm = Norm2(next);
    double change = 0;
    for (NodeIndex node = 0; node < n; ++node) {
      next[node] /= norm;
      change = std::max(change, std::abs(next[node] - current[node]));
    }
    current.swap(next);
    if (change < options_.tolerance) {
      scores_ = current;
      return Status::Ok();
    }
  }
  return FailedPreconditionError("eigenvector centrality did not converge in " +
                                 std::to_string(options_.max_iterations) + " iterations");
}

double SpectralRadius(const Graph& graph, bool weighted) {
  NodeIndex n = graph.node_count();
  if (n == 0 || graph.arc_count() == 0) return 0;
  std::vector<double> current(n, 1.0 / std::sqrt(n)), next(n);
  double estimate = 0;
  for (int iteration = 0; iteration < 10'000; ++iteration) {
    MultiplyTransposed(graph, weighted, current, next);
    for (NodeIndex node = 0; node < n; ++node) next[node] += current[node];
    double norm = Norm2(next);
    for (double& value : next) value /= norm;
    current.swap(next);
    if (std::abs(norm - 1 - estimate) < 1e-12 * std::max(1.0, norm)) return norm - 1;
    estimate = norm - 1;
  }
  return estimate;
}

Status KatzCentrality::Run() {
  if (!(options_.alpha > 0)) return InvalidArgumentError("Katz alpha must be positive");
  NodeIndex n = graph_.node_count();
  scores_.assign(n, 0);
  if (n == 0) return Status::Ok();
  std::vector<double> current(n, 0), next(n);
  for (int iteration = 0; iteration < options_.max_iterations; ++iteration) {
    MultiplyTransposed(graph_, options_.weighted, current, next);
    double change = 0, largest = 0;
    for (NodeIndex node = 0; node < n; ++node) {
      next[node] = options_.alpha * next[node] + options_.beta;
      change = std::max(change, std::abs(next[node] - current[node]));
      largest = std::max(largest, std::abs(next[node]));
    }
    current.swap(next);
    if (!std::isfinite(largest) || largest > 1e150) break;
    if (change < options_.tolerance * std::max(1.0, largest)) {
      double norm = options_.normalized ? Norm2(current) : 1.0;
      for (NodeIndex node = 0; node < n; ++node) scores_[node] = current[node] / norm;
      return Status::Ok();
    }
  }
  double radius = SpectralRadius(graph_, options_.weighted);
  return FailedPreconditionError("Katz centrality does not converge with alpha " +
                                 std::to_string(options_.alpha) +
                                 "; this graph needs alpha below 1/" + std::to_string(radius) +
                                 " = " + std::to_string(radius > 0 ? 1 / radius : 0));
}

}  // namespace tafkik::graph
