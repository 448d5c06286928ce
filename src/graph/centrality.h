// Centralities that rank who matters in a network: degree and strength, PageRank, closeness
// and harmonic centrality, eigenvector and Katz. Each is constructed over a borrowed Graph
// (which must outlive it) with options, Run() once, then read. Scores are indexed by node.
// Definitions follow networkx/igraph so that results agree to 1e-9 (tests check it);
// docs/graph.md says which variant each is. Thread-compatible; distinct objects may run
// concurrently over the same Graph.
#pragma once

#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace tafkik::graph {

// How an arc weight reads as a length for path-based measures.
enum class WeightUse {
  kIgnore,    // every arc has length 1 (hops)
  kDistance,  // the weight is the length (networkx `weight=`)
  kStrength,  // the weight is a tie strength (calls, amounts): length = 1 / weight
};

// Arc length under `use`.
inline double ArcLength(double weight, WeightUse use) {
  return use == WeightUse::kIgnore ? 1.0 : use == WeightUse::kDistance ? weight : 1.0 / weight;
}

// In/out degree (distinct neighbours) and strength (summed weights). O(n).
// For an undirected graph in == out.
class DegreeCentrality {
 public:
  explicit DegreeCentrality(const Graph& graph) : graph_(graph) {}
  Status Run();
  const std::vector<double>& in_degree() const { return in_degree_; }
  const std::vector<double>& out_degree() const { return out_degree_; }
  const std::vector<double>& in_strength() const { return in_strength_; }
  const std::vector<double>& out_strength() const { return out_strength_; }
  // (in + out) / (n - 1) for directed graphs, degree / (n - 1) for undirected (networkx
  // degree_centrality); all zero when n <= 1.
  const std::vector<double>& normalized() const { return normalized_; }

 private:
  const Graph& graph_;
  std::vector<double> in_degree_, out_degree_, in_strength_, out_strength_, normalized_;
};

struct PageRankOptions {
  double damping = 0.85;        // default 0.85; in [0, 1)
  bool weighted = true;         // default true: follow arcs in proportion to their weight
  double tolerance = 1e-12;     // default 1e-12: stop when the L1 change is below n * tolerance
  int max_iterations = 10'000;  // default 10,000
};

// PageRank by power iteration; dangling nodes spread their rank uniformly (networkx, igraph
// PRPACK). O(iterations * (n + m)). Scores sum to 1. InvalidArgument for a damping outside
// [0, 1); FailedPrecondition when it does not converge within max_iterations.
class PageRank {
 public:
  PageRank(const Graph& graph, PageRankOptions options = {}) : graph_(graph), options_(options) {}
  Status Run();
  const std::vector<double>& scores() const { return scores_; }
  int iterations() const { return iterations_; }

 private:
  const Graph& graph_;
  const PageRankOptions options_;
  std::vector<double> scores_;
  int iterations_ = 0;
};

struct ClosenessOptions {
  WeightUse weights = WeightUse::kIgnore;  // default: hops
  int threads = 0;                         // default 0: std::thread::hardware_concurrency()
};

// Closeness (Wasserman-Faust: scaled by the fraction of nodes that reach the node, networkx
// closeness_centrality(wf_improved=True)) and harmonic centrality (sum of 1/d), both over
// distances TO each node (incoming, as networkx). O(n (n + m)) unweighted,
// O(n (m + n log n)) weighted; multi-threaded over sources.
class Closeness {
 public:
  Closeness(const Graph& graph, ClosenessOptions options = {}) : graph_(graph), options_(options) {}
  Status Run();
  const std::vector<double>& closeness() const { return closeness_; }
  const std::vector<double>& harmonic() const { return harmonic_; }

 private:
  const Graph& graph_;
  const ClosenessOptions options_;
  std::vector<double> closeness_, harmonic_;
};

struct EigenvectorOptions {
  bool weighted = true;         // default true
  double tolerance = 1e-13;     // default 1e-13 (max change per node)
  int max_iterations = 100'000; // default 100,000
};

// Eigenvector centrality: the principal eigenvector of the (in-)adjacency, unit Euclidean
// norm, non-negative (networkx eigenvector_centrality: a node is central when central nodes
// point to it). Power iteration on A^T + I, which converges on bipartite graphs too.
// O(iterations * (n + m)). FailedPrecondition when it does not converge; an empty graph
// (no arcs) has no principal eigenvector: FailedPrecondition.
class EigenvectorCentrality {
 public:
  EigenvectorCentrality(const Graph& graph, EigenvectorOptions options = {})
      : graph_(graph), options_(options) {}
  Status Run();
  const std::vector<double>& scores() const { return scores_; }

 private:
  const Graph& graph_;
  const EigenvectorOptions options_;
  std::vector<double> scores_;
};

struct KatzOptions {
  double alpha = 0.1;            // default 0.1; must be below 1 / (largest eigenvalue)
  double beta = 1.0;             // default 1
  bool weighted = true;          // default true
  bool normalized = true;        // default true: unit Euclidean norm (networkx)
  double tolerance = 1e-14;      // default 1e-14 (max change per node)
  int max_iterations = 100'000;  // default 100,000
};

// Katz centrality x = alpha A^T x + beta (networkx katz_centrality). O(iterations (n + m)).
// InvalidArgument for alpha <= 0; FailedPrecondition when the iteration diverges or does
// not converge (alpha too large for this graph), naming the largest alpha that would do.
class KatzCentrality {
 public:
  KatzCentrality(const Graph& graph, KatzOptions options = {}) : graph_(graph), options_(options) {}
  Status Run();
  const std::vector<double>& scores() const { return scores_; }

 private:
  const Graph& graph_;
  const KatzOptions options_;
  std::vector<double> scores_;
};

// The largest eigenvalue of the adjacency (weighted or not) by power iteration; 0 for a graph
// without arcs. Used to choose Katz's alpha. O(iterations (n + m)).
double SpectralRadius(const Graph& graph, bool weighted);

}  // namespace tafkik::graph
