#include "graph/leiden.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <utility>

#include "graph/components.h"

namespace tafkik::graph {
namespace {

// An iteration that improves modularity by less than this ends the run (iterations = 0).
constexpr double kConverged = 1e-4;

// One level of the aggregation: an undirected weighted graph without self-loops whose nodes
// keep the total strength of the original nodes they stand for.
struct Level {
  int32_t n = 0;
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> neighbours;
  std::vector<double> weights;
  std::vector<double> strength;
};

Level BaseLevel(const Graph& undirected, bool weighted) {
  Level level;
  level.n = undirected.node_count();
  level.offsets.resize(level.n + 1);
  level.strength.assign(level.n, 0);
  level.neighbours.reserve(undirected.arc_count());
  level.weights.reserve(undirected.arc_count());
  for (NodeIndex node = 0; node < level.n; ++node) {
    auto targets = undirected.OutNeighbours(node);
    auto weights = undirected.OutWeights(node);
    for (size_t position = 0; position < targets.size(); ++position) {
      double weight = weighted ? weights[position] : 1.0;
      level.neighbours.push_back(targets[position]);
      level.weights.push_back(weight);
      level.strength[node] += weight;
    }
    level.offsets[node + 1] = static_cast<int64_t>(level.neighbours.size());
  }
  return level;
}

// Relabels to 0..count-1 in order of first appearance; returns count.
int32_t Compact(std::vector<int32_t>& labels, int32_t bound) {
  std::vector<int32_t> map(bound, -1);
  int32_t count = 0;
  for (int32_t& label : labels) {
    if (map[label] < 0) map[label] = count++;
    label = map[label];
  }
  return count;
}

class Optimiser {
 public:
  Optimiser(double resolution, double total, std::mt19937_64& random)
      : resolution_(resolution), total_(total), random_(random) {}

  // Fast local moving: each node to the neighbouring community of best gain, revisiting the
  // neighbours of moved nodes. `community` labels are < level.n.
  void MoveNodes(const Level& level, std::vector<int32_t>& community) {
    const int32_t n = level.n;
    std::vector<double> community_strength(n, 0);
    std::vector<int32_t> community_size(n, 0);
    for (int32_t node = 0; node < n; ++node) {
      community_strength[community[node]] += level.strength[node];
      ++community_size[community[node]];
    }
    std::vector<int32_t> empty;
    for (int32_t label = n - 1; label >= 0; --label) {
      if (community_size[label] == 0) empty.push_back(label);
    }
    std::vector<int32_t> queue(n);
    std::iota(queue.begin(), queue.end(), 0);
    std::shuffle(queue.begin(), queue.end(), random_);
    std::vector<char> queued(n, 1);
    Prepare(n);
    for (size_t head = 0; head < queue.size(); ++head) {
      int32_t node = queue[head];
      queued[node] = 0;
      int32_t old = community[node];
      const double k = level.strength[node];
      GatherNeighbourCommunities(level, node, community);
      community_strength[old] -= k;
      int32_t best = old;
      double best_gain = weight_to_[old] - resolution_ * k * community_strength[old] / total_;
      for (int32_t candidate : touched_) {
        double gain = weight_to_[candidate] - resolution_ * k * community_strength[candidate] / total_;
        if (gain > best_gain) {
          best_gain = gain;
          best = candidate;
        }
      }
      if (best_gain < 0 && community_size[old] > 1) {
        // Alone is better: a fresh label (one exists, as `old` has another member).
        best = empty.back();
        empty.pop_back();
      }
      ClearNeighbourCommunities();
      community_strength[best] += k;
      if (best == old) continue;
      --community_size[old];
      ++community_size[best];
      if (community_size[old] == 0) empty.push_back(old);
      community[node] = best;
      for (int64_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        int32_t neighbour = level.neighbours[arc];
        if (queued[neighbour] || community[neighbour] == best) continue;
        queued[neighbour] = 1;
        queue.push_back(neighbour);
      }
    }
  }

  // Refinement: within each community, merge singletons greedily into well-connected
  // sub-communities, so every refined community is connected. Returns labels < level.n.
  std::vector<int32_t> Refine(const Level& level, const std::vector<int32_t>& community) {
    const int32_t n = level.n;
    std::vector<double> community_strength(n, 0);
    for (int32_t node = 0; node < n; ++node) community_strength[community[node]] += level.strength[node];
    std::vector<int32_t> refined(n);
    std::iota(refined.begin(), refined.end(), 0);
    std::vector<double> refined_strength(level.strength);
    std::vector<int32_t> refined_size(n, 1);
    // external[s]: weight from refined community s to the rest of its community.
    std::vector<double> external(n, 0);
    for (int32_t node = 0; node < n; ++node) {
      for (int64_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        if (community[level.neighbours[arc]] == community[node]) external[node] += level.weights[arc];
      }
    }
    std::vector<int32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random_);
    Prepare(n);
    for (int32_t node : order) {
      if (refined_size[refined[node]] != 1) continue;
      const double k = level.strength[node];
      const double total_c = community_strength[community[node]];
      if (external[node] < resolution_ * k * (total_c - k) / total_) continue;
      for (int64_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        int32_t neighbour = level.neighbours[arc];
        if (community[neighbour] != community[node]) continue;
        Touch(refined[neighbour], level.weights[arc]);
      }
      int32_t best = refined[node];
      double best_gain = 0;
      for (int32_t candidate : touched_) {
        if (candidate == refined[node]) continue;
        double strength = refined_strength[candidate];
        if (external[candidate] < resolution_ * strength * (total_c - strength) / total_) continue;
        double gain = weight_to_[candidate] - resolution_ * k * strength / total_;
        if (gain > best_gain) {
          best_gain = gain;
          best = candidate;
        }
      }
      if (best != refined[node]) {
        external[best] += external[node] - 2 * weight_to_[best];
        refined_strength[best] += k;
        ++refined_size[best];
        refined_size[refined[node]] = 0;
        refined[node] = best;
      }
      ClearNeighbourCommunities();
    }
    return refined;
  }

 private:
  void Prepare(int32_t n) {
    weight_to_.assign(n, 0);
    seen_.assign(n, 0);
    touched_.clear();
  }
  void Touch(int32_t label, double weight) {
    if (!seen_[label]) {
      seen_[label] = 1;
      touched_.push_back(label);
    }
    weight_to_[label] += weight;
  }
  void GatherNeighbourCommunities(const Level& level, int32_t node,
                                  const std::vector<int32_t>& community) {
    Touch(community[node], 0.0);
    for (int64_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
      Touch(community[level.neighbours[arc]], level.weights[arc]);
    }
  }
  void ClearNeighbourCommunities() {
    for (int32_t label : touched_) {
      seen_[label] = 0;
      weight_to_[label] = 0;
    }
    touched_.clear();
  }

  const double resolution_;
  const double total_;
  std::mt19937_64& random_;
  std::vector<double> weight_to_;
  std::vector<char> seen_;
  std::vector<int32_t> touched_;
};

// The graph whose nodes are the groups of `labels` (count of them): summed strengths, summed
// weights between groups, internal weights dropped (kept in the strength).
Level Aggregate(const Level& level, const std::vector<int32_t>& labels, int32_t count) {
  std::vector<int32_t> start(count + 1, 0);
  for (int32_t label : labels) ++start[label + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<int32_t> members(level.n);
  std::vector<int32_t> cursor(start.begin(), start.end() - 1);
  for (int32_t node = 0; node < level.n; ++node) members[cursor[labels[node]]++] = node;
  Level next;
  next.n = count;
  next.offsets.assign(count + 1, 0);
  next.strength.assign(count, 0);
  std::vector<double> weight_to(count, 0);
  std::vector<int32_t> touched;
  for (int32_t group = 0; group < count; ++group) {
    for (int32_t slot = start[group]; slot < start[group + 1]; ++slot) {
      int32_t node = members[slot];
      next.strength[group] += level.strength[node];
      for (int64_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        int32_t other = labels[level.neighbours[arc]];
        if (other == group) continue;
        if (weight_to[other] == 0) touched.push_back(other);
        weight_to[other] += level.weights[arc];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (int32_t other : touched) {
      next.neighbours.push_back(other);
      next.weights.push_back(weight_to[other]);
      weight_to[other] = 0;
    }
    touched.clear();
    next.offsets[group + 1] = static_cast<int64_t>(next.neighbours.size());
  }
  return next;
}

// One Leiden iteration from `membership` (labels < n); returns the new membership.
std::vector<int32_t> LeidenIteration(const Level& base, std::vector<int32_t> membership,
                                     Optimiser& optimiser) {
  Level level = base;
  std::vector<int32_t> community = std::move(membership);
  std::vector<int32_t> level_of(base.n);
  std::iota(level_of.begin(), level_of.end(), 0);
  for (int depth = 0; depth < 1000; ++depth) {
    optimiser.MoveNodes(level, community);
    int32_t communities = Compact(community, level.n);
    if (communities == level.n) break;
    std::vector<int32_t> refined = optimiser.Refine(level, community);
    int32_t groups = Compact(refined, level.n);
    if (groups == level.n) {
      refined = community;  // refinement merged nothing: aggregate the communities themselves
      groups = communities;
    }
    std::vector<int32_t> next_community(groups);
    for (int32_t node = 0; node < level.n; ++node) next_community[refined[node]] = community[node];
    for (int32_t& node : level_of) node = refined[node];
    level = Aggregate(level, refined, groups);
    community = std::move(next_community);
    Compact(community, groups);
  }
  std::vector<int32_t> result(base.n);
  for (int32_t node = 0; node < base.n; ++node) result[node] = community[level_of[node]];
  return result;
}

// Modularity of `membership` over the base level (both arcs of each tie present).
double LevelModularity(const Level& base, const std::vector<int32_t>& membership,
                       double resolution) {
  std::vector<double> internal(base.n, 0), strength(base.n, 0);
  double total = 0;
  for (int32_t node = 0; node < base.n; ++node) {
    strength[membership[node]] += base.strength[node];
    total += base.strength[node];
    for (int64_t arc = base.offsets[node]; arc < base.offsets[node + 1]; ++arc) {
      if (membership[base.neighbours[arc]] == membership[node]) {
        internal[membership[node]] += base.weights[arc];
      }
    }
  }
  if (total == 0) return 0;
  double quality = 0;
  for (int32_t label = 0; label < base.n; ++label) {
    quality += internal[label] / total - resolution * (strength[label] / total) *
                                             (strength[label] / total);
  }
  return quality;
}

}  // namespace

double Modularity(const Graph& graph, const std::vector<int32_t>& community, double resolution,
                  bool weighted) {
  const Graph undirected = graph.Undirected();
  int32_t labels = 0;
  for (int32_t label : community) labels = std::max(labels, label + 1);
  std::vector<double> internal(labels, 0), strength(labels, 0);
  double total = 0;
  for (NodeIndex node = 0; node < undirected.node_count(); ++node) {
    auto targets = undirected.OutNeighbours(node);
    auto weights = undirected.OutWeights(node);
    for (size_t position = 0; position < targets.size(); ++position) {
      double weight = weighted ? weights[position] : 1.0;
      total += weight;
      strength[community[node]] += weight;
      if (community[targets[position]] == community[node]) internal[community[node]] += weight;
    }
  }
  if (total == 0) return 0;
  double quality = 0;
  for (int32_t label = 0; label < labels; ++label) {
    quality += internal[label] / total - resolution * (strength[label] / total) *
                                             (strength[label] / total);
  }
  return quality;
}

Status Leiden::Run() {
  if (!(options_.resolution > 0)) return InvalidArgumentError("resolution must be positive");
  const Graph undirected = graph_.Undirected();
  const Level base = BaseLevel(undirected, options_.weighted);
  double total = std::accumulate(base.strength.begin(), base.strength.end(), 0.0);
  community_.resize(base.n);
  std::iota(community_.begin(), community_.end(), 0);
  modularity_ = LevelModularity(base, community_, options_.resolution);
  iterations_run_ = 0;
  if (total > 0) {
    std::mt19937_64 random(options_.seed);
    Optimiser optimiser(options_.resolution, total, random);
    int limit = options_.iterations > 0 ? options_.iterations : 1000;
    for (int iteration = 0; iteration < limit; ++iteration) {
      std::vector<int32_t> next = LeidenIteration(base, community_, optimiser);
      double quality = LevelModularity(base, next, options_.resolution);
      ++iterations_run_;
      bool improved = quality > modularity_ + kConverged;
      if (quality >= modularity_) {
        community_ = std::move(next);
        modularity_ = quality;
      }
      if (options_.iterations == 0 && !improved) break;
    }
  }
  sizes_ = RenumberBySize(community_);
  return Status::Ok();
}

}  // namespace tafkik::graph
