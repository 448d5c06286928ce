#include "resolve/clustering.h"

#include <algorithm>
#include <numeric>

#include "resolve/blocking.h"

namespace tafkik::resolve {
namespace {

class Groups {
 public:
  explicit Groups(size_t count) : parent_(count), members_(count) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (uint32_t record = 0; record < count; ++record) members_[record] = {record};
  }

  uint32_t Find(uint32_t record) {
    while (parent_[record] != record) {
      parent_[record] = parent_[parent_[record]];
      record = parent_[record];
    }
    return record;
  }

  const std::vector<uint32_t>& Members(uint32_t root) const { return members_[root]; }

  void Merge(uint32_t left_root, uint32_t right_root) {
    if (members_[left_root].size() < members_[right_root].size()) {
      std::swap(left_root, right_root);
    }
    parent_[right_root] = left_root;
    auto& into = members_[left_root];
    into.insert(into.end(), members_[right_root].begin(), members_[right_root].end());
    members_[right_root].clear();
    members_[right_root].shrink_to_fit();
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;
};

bool Conflict(const std::vector<uint32_t>& left, const std::vector<uint32_t>& right,
              const std::vector<uint64_t>& cannot_link) {
  if (cannot_link.empty()) return false;
  for (uint32_t a : left) {
    for (uint32_t b : right) {
      const uint64_t key = PairKey(std::min(a, b), std::max(a, b));
      if (std::binary_search(cannot_link.begin(), cannot_link.end(), key)) return true;
    }
  }
  return false;
}

}  // namespace

ClusterResult Cluster(size_t record_count, const std::vector<ScoredPair>& pairs,
                      const ClusterOptions& options) {
  std::vector<uint64_t> cannot_link;  // sorted: binary search instead of a hash set
  std::vector<ScoredPair> links;
  for (const ScoredPair& pair : pairs) {
    if (pair.probability < options.cannot_link_below) {
      cannot_link.push_back(
          PairKey(std::min(pair.left, pair.right), std::max(pair.left, pair.right)));
    } else if (pair.probability >= options.link_threshold) {
      links.push_back(pair);
    }
  }
  std::sort(cannot_link.begin(), cannot_link.end());
  std::sort(links.begin(), links.end(), [](const ScoredPair& a, const ScoredPair& b) {
    if (a.probability != b.probability) return a.probability > b.probability;
    return a.left != b.left ? a.left < b.left : a.right < b.right;
  });
  Groups groups(record_count);
  ClusterResult result;
  for (const ScoredPair& link : links) {
    const uint32_t left_root = groups.Find(link.left), right_root = groups.Find(link.right);
    if (left_root == right_root) continue;
    const auto& left = groups.Members(left_root);
    const auto& right = groups.Members(right_root);
    if (left.size() + right.size() > static_cast<size_t>(options.max_cluster_size) ||
        Conflict(left, right, cannot_link)) {
      result.refused.push_back(link);
      continue;
    }
    groups.Merge(left_root, right_root);
  }
  result.cluster_of.resize(record_count);
  std::vector<std::vector<uint32_t>> by_root(record_count);
  for (uint32_t record = 0; record < record_count; ++record) {
    by_root[groups.Find(record)].push_back(record);
  }
  for (auto& members : by_root) {
    if (members.empty()) continue;
    for (uint32_t member : members) result.cluster_of[member] = members.front();
    if (members.size() >= 2) result.clusters.push_back(std::move(members));
  }
  return result;
}

}  // namespace tafkik::resolve
