#include "graph/components.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace tafkik::graph {

std::vector<int64_t> RenumberBySize(std::vector<int32_t>& labels) {
  std::vector<int64_t> raw_size;
  std::vector<size_t> first_member;
  // Compact raw labels first (they may be sparse).
  std::vector<int32_t> compact_of;
  int32_t largest = 0;
  for (int32_t label : labels) largest = std::max(largest, label);
  compact_of.assign(static_cast<size_t>(largest) + 1, -1);
  for (size_t node = 0; node < labels.size(); ++node) {
    int32_t& compact = compact_of[labels[node]];
    if (compact < 0) {
      compact = static_cast<int32_t>(raw_size.size());
      raw_size.push_back(0);
      first_member.push_back(node);
    }
    ++raw_size[compact];
  }
  std::vector<int32_t> by_size(raw_size.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(), [&](int32_t a, int32_t b) {
    return raw_size[a] > raw_size[b];  // stable: ties keep first-member order
  });
  std::vector<int32_t> rank(raw_size.size());
  std::vector<int64_t> sizes(raw_size.size());
  for (size_t position = 0; position < by_size.size(); ++position) {
    rank[by_size[position]] = static_cast<int32_t>(position);
    sizes[position] = raw_size[by_size[position]];
  }
  for (int32_t& label : labels) label = rank[compact_of[label]];
  return sizes;
}

Status WeakComponents::Run() {
  // Breadth-first labelling over out- and in-arcs: each arc is read in order, once per
  // direction, which beats union-find's scattered lookups on large graphs.
  NodeIndex n = graph_.node_count();
  component_.assign(n, -1);
  std::vector<NodeIndex> queue(n);
  int32_t next_label = 0;
  for (NodeIndex root = 0; root < n; ++root) {
    if (component_[root] >= 0) continue;
    size_t head = 0, tail = 0;
    queue[tail++] = root;
    component_[root] = next_label;
    while (head < tail) {
      NodeIndex node = queue[head++];
      for (NodeIndex next : graph_.OutNeighbours(node)) {
        if (component_[next] >= 0) continue;
        component_[next] = next_label;
        queue[tail++] = next;
      }
      if (!graph_.directed()) continue;
      for (NodeIndex next : graph_.InNeighbours(node)) {
        if (component_[next] >= 0) continue;
        component_[next] = next_label;
        queue[tail++] = next;
      }
    }
    ++next_label;
  }
  sizes_ = RenumberBySize(component_);
  return Status::Ok();
}

Status StrongComponents::Run() {
  NodeIndex n = graph_.node_count();
  std::vector<int32_t> index(n, -1), low(n, 0), raw(n, -1);
  std::vector<char> on_stack(n, 0);
  std::vector<NodeIndex> stack;
  std::vector<std::pair<NodeIndex, size_t>> calls;  // (node, next neighbour position)
  int32_t next_index = 0, next_component = 0;
  for (NodeIndex root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    calls.push_back({root, 0});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      auto& [node, position] = calls.back();
      auto neighbours = graph_.OutNeighbours(node);
      if (position < neighbours.size()) {
        NodeIndex next = neighbours[position++];
        if (index[next] < 0) {
          index[next] = low[next] = next_index++;
          stack.push_back(next);
          on_stack[next] = 1;
          calls.push_back({next, 0});
        } else if (on_stack[next]) {
          low[node] = std::min(low[node], index[next]);
        }
        continue;
      }
      NodeIndex done = node;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
      if (low[done] != index[done]) continue;
      NodeIndex member;
      do {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = 0;
        raw[member] = next_component;
      } while (member != done);
      ++next_component;
    }
  }
  component_ = std::move(raw);
  sizes_ = RenumberBySize(component_);
  return Status::Ok();
}

Status CoreDecomposition::Run() {
  Graph undirected = graph_.Undirected();
  NodeIndex n = undirected.node_count();
  std::vector<int32_t> degree(n);
  int32_t max_degree = 0;
  for (NodeIndex node = 0; node < n; ++node) {
    degree[node] = static_cast<int32_t>(undirected.OutDegree(node));
    max_degree = std::max(max_degree, degree[node]);
  }
  // Bucket sort by degree: order[] holds nodes by current degree, position[] where each is.
  std::vector<int32_t> bin(max_degree + 2, 0);
  for (int32_t d : degree) ++bin[d + 1];
  std::partial_sum(bin.begin(), bin.end(), bin.begin());
  std::vector<NodeIndex> order(n);
  std::vector<int32_t> position(n);
  for (NodeIndex node = 0; node < n; ++node) {
    position[node] = bin[degree[node]]++;
    order[position[node]] = node;
  }
  for (int32_t d = max_degree; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (NodeIndex slot = 0; slot < n; ++slot) {
    NodeIndex node = order[slot];
    for (NodeIndex neighbour : undirected.OutNeighbours(node)) {
      if (degree[neighbour] <= degree[node]) continue;
      // Move the neighbour to the front of its bin, then shrink its degree by one.
      int32_t d = degree[neighbour];
      NodeIndex front = order[bin[d]];
      std::swap(order[bin[d]], order[position[neighbour]]);
      std::swap(position[front], position[neighbour]);
      ++bin[d];
      --degree[neighbour];
    }
  }
  core_ = degree;
  max_core_ = n > 0 ? *std::max_element(core_.begin(), core_.end()) : 0;
  return Status::Ok();
}

Status CutPoints::Run() {
  Graph undirected = graph_.Undirected();
  NodeIndex n = undirected.node_count();
  std::vector<int32_t> discovery(n, -1), low(n, 0);
  std::vector<NodeIndex> parent(n, -1);
  std::vector<char> is_cut(n, 0);
  std::vector<std::pair<NodeIndex, size_t>> calls;
  bridges_.clear();
  int32_t time = 0;
  for (NodeIndex root = 0; root < n; ++root) {
    if (discovery[root] >= 0) continue;
    int root_children = 0;
    discovery[root] = low[root] = time++;
    calls.push_back({root, 0});
    while (!calls.empty()) {
      auto& [node, position] = calls.back();
      auto neighbours = undirected.OutNeighbours(node);
      if (position < neighbours.size()) {
        NodeIndex next = neighbours[position++];
        if (discovery[next] < 0) {
          parent[next] = node;
          if (node == root) ++root_children;
          discovery[next] = low[next] = time++;
          calls.push_back({next, 0});
        } else if (next != parent[node]) {
          low[node] = std::min(low[node], discovery[next]);
        }
        continue;
      }
      NodeIndex done = node;
      calls.pop_back();
      if (calls.empty()) break;
      NodeIndex up = calls.back().first;
      low[up] = std::min(low[up], low[done]);
      if (low[done] > discovery[up]) bridges_.push_back({std::min(up, done), std::max(up, done)});
      if (up != root && low[done] >= discovery[up]) is_cut[up] = 1;
    }
    if (root_children > 1) is_cut[root] = 1;
  }
  articulation_points_.clear();
  for (NodeIndex node = 0; node < n; ++node) {
    if (is_cut[node]) articulation_points_.push_back(node);
  }
  for (Edge& bridge : bridges_) {
    auto neighbours = undirected.OutNeighbours(bridge.source);
    size_t at = std::lower_bound(neighbours.begin(), neighbours.end(), bridge.target) -
                neighbours.begin();
    bridge.weight = undirected.OutWeights(bridge.source)[at];
  }
  std::sort(bridges_.begin(), bridges_.end(), [](const Edge& a, const Edge& b) {
    return std::pair(a.source, a.target) < std::pair(b.source, b.target);
  });
  return Status::Ok();
}

}  // namespace tafkik::graph
