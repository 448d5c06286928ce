// Clustering of scored pairs into groups of records taken to be one person. Pairs at or
// above the link threshold are merged strongest first (single linkage), but a merge is
// refused when it would join two groups between which some compared pair scored below
// `cannot_link_below` (a chain A~B~C where A and C plainly differ: different passports,
// different dates of birth), or when the group would grow past max_cluster_size (chains of
// weak links grow big). Refused merges are counted and listed for review.
// O(P log P + merges x group sizes). Thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tafkik::resolve {

struct ScoredPair {
  uint32_t left = 0;
  uint32_t right = 0;
  double probability = 0;
};

struct ClusterOptions {
  double link_threshold = 0.9;       // default 0.9: pairs merged when at or above
  double cannot_link_below = 0.001;  // default 0.001: compared pairs this low block a merge
  int max_cluster_size = 50;         // default 50 records
};

struct ClusterResult {
  std::vector<uint32_t> cluster_of;             // per record: the smallest record index of its
                                                // cluster (itself when alone)
  std::vector<std::vector<uint32_t>> clusters;  // groups of two or more, members ascending
  std::vector<ScoredPair> refused;              // linking pairs whose merge was refused
};

ClusterResult Cluster(size_t record_count, const std::vector<ScoredPair>& pairs,
                      const ClusterOptions& options);

}  // namespace tafkik::resolve
