#include "graph/colocation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

namespace tafkik::graph {
namespace {

struct PairState {
  int64_t meetings = 0;
  Timestamp first, last;
  std::vector<int32_t> cells;
};

uint64_t PairKey(NodeIndex a, NodeIndex b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

// Cells near each cell (itself included), ascending.
std::vector<std::vector<int32_t>> NearCells(const std::vector<CellSite>& sites, double metres) {
  std::vector<std::vector<int32_t>> near(sites.size());
  for (size_t cell = 0; cell < sites.size(); ++cell) {
    near[cell].push_back(static_cast<int32_t>(cell));
    if (metres <= 0 || !sites[cell].located) continue;
    for (size_t other = cell + 1; other < sites.size(); ++other) {
      if (!sites[other].located) continue;
      if (DistanceMetres(sites[cell].latitude, sites[cell].longitude, sites[other].latitude,
                         sites[other].longitude) > metres) {
        continue;
      }
      near[cell].push_back(static_cast<int32_t>(other));
    }
  }
  return near;
}

}  // namespace

double DistanceMetres(double latitude1, double longitude1, double latitude2, double longitude2) {
  constexpr double kRadius = 6'371'008.8;
  constexpr double kRadian = M_PI / 180;
  double dlat = (latitude2 - latitude1) * kRadian, dlon = (longitude2 - longitude1) * kRadian;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(latitude1 * kRadian) * std::cos(latitude2 * kRadian) * std::sin(dlon / 2) *
                 std::sin(dlon / 2);
  return 2 * kRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

Status CoLocationFinder::Run() {
  if (options_.window_seconds < 0 || options_.max_distance_metres < 0) {
    return InvalidArgumentError("the window and the distance must be 0 or more");
  }
  for (size_t at = 0; at < sightings_.size(); ++at) {
    if (sightings_[at].cell < 0 || sightings_[at].cell >= static_cast<int32_t>(sites_.size())) {
      return InvalidArgumentError("sighting " + std::to_string(at) + " names cell " +
                                  std::to_string(sightings_[at].cell) + " of " +
                                  std::to_string(sites_.size()) + " cell sites");
    }
  }
  std::vector<std::vector<Sighting>> by_cell(sites_.size());
  for (const Sighting& sighting : sightings_) by_cell[sighting.cell].push_back(sighting);
  for (auto& list : by_cell) {
    std::sort(list.begin(), list.end(),
              [](const Sighting& a, const Sighting& b) { return a.time < b.time; });
  }
  const int64_t window = options_.window_seconds * 1'000'000;
  std::unordered_map<uint64_t, PairState> state;
  auto meet = [&](const Sighting& a, const Sighting& b) {
    if (a.phone == b.phone) return;
    const Sighting& low = a.phone < b.phone ? a : b;
    const Sighting& high = a.phone < b.phone ? b : a;
    PairState& pair = state[PairKey(low.phone, high.phone)];
    Timestamp when = std::min(a.time, b.time);
    if (pair.meetings == 0 || when < pair.first) pair.first = when;
    if (pair.meetings == 0 || when > pair.last) pair.last = when;
    ++pair.meetings;
    pair.cells.push_back(low.cell);
  };
  std::vector<std::vector<int32_t>> near = NearCells(sites_, options_.max_distance_metres);
  for (size_t cell = 0; cell < by_cell.size(); ++cell) {
    for (int32_t other : near[cell]) {
      const auto& here = by_cell[cell];
      const auto& there = by_cell[other];
      size_t start = 0;
      for (size_t at = 0; at < here.size(); ++at) {
        int64_t time = here[at].time.micros();
        while (start < there.size() && there[start].time.micros() < time - window) ++start;
        // Within one cell each pair once: only later sightings.
        size_t from = static_cast<int32_t>(cell) == other ? std::max(start, at + 1) : start;
        for (size_t next = from; next < there.size() && there[next].time.micros() <= time + window;
             ++next) {
          meet(here[at], there[next]);
        }
      }
    }
  }
  pairs_.clear();
  for (auto& [key, pair] : state) {
    if (pair.meetings < options_.min_meetings) continue;
    std::sort(pair.cells.begin(), pair.cells.end());
    pair.cells.erase(std::unique(pair.cells.begin(), pair.cells.end()), pair.cells.end());
    pairs_.push_back({static_cast<NodeIndex>(key >> 32), static_cast<NodeIndex>(key & 0xffffffffu),
                      pair.meetings, pair.first, pair.last, std::move(pair.cells)});
  }
  std::sort(pairs_.begin(), pairs_.end(), [](const CoLocation& a, const CoLocation& b) {
    if (a.meetings != b.meetings) return a.meetings > b.meetings;
    return std::pair(a.phone, a.other) < std::pair(b.phone, b.other);
  });
  return Status::Ok();
}

Status HandoverFinder::Run() {
  const NodeIndex n = graph_.node_count();
  if (static_cast<NodeIndex>(first_seen_.size()) != n ||
      static_cast<NodeIndex>(last_seen_.size()) != n) {
    return InvalidArgumentError("first/last activity must be given for each of the " +
                                std::to_string(n) + " phones");
  }
  Graph contacts = graph_.Undirected();
  std::vector<int32_t> shared(n, 0);
  std::vector<NodeIndex> touched;
  handovers_.clear();
  for (NodeIndex old_phone = 0; old_phone < n; ++old_phone) {
    int64_t old_degree = contacts.OutDegree(old_phone);
    if (old_degree < options_.min_contacts) continue;
    for (NodeIndex contact : contacts.OutNeighbours(old_phone)) {
      for (NodeIndex candidate : contacts.OutNeighbours(contact)) {
        if (candidate == old_phone) continue;
        if (shared[candidate]++ == 0) touched.push_back(candidate);
      }
    }
    for (NodeIndex candidate : touched) {
      int64_t common = shared[candidate];
      shared[candidate] = 0;
      int64_t new_degree = contacts.OutDegree(candidate);
      if (new_degree < options_.min_contacts) continue;
      int64_t gap = first_seen_[candidate] - last_seen_[old_phone];
      if (gap < -options_.overlap_seconds || gap > options_.max_gap_seconds) continue;
      double jaccard = static_cast<double>(common) / (old_degree + new_degree - common);
      if (jaccard < options_.min_jaccard) continue;
      handovers_.push_back({old_phone, candidate, jaccard, common, gap});
    }
    touched.clear();
  }
  std::sort(handovers_.begin(), handovers_.end(), [](const Handover& a, const Handover& b) {
    if (a.jaccard != b.jaccard) return a.jaccard > b.jaccard;
    return std::pair(a.old_phone, a.new_phone) < std::pair(b.old_phone, b.new_phone);
  });
  return Status::Ok();
}

std::vector<Stay> Route(std::vector<Sighting> sightings, NodeIndex phone) {
  std::erase_if(sightings, [phone](const Sighting& sighting) { return sighting.phone != phone; });
  std::stable_sort(sightings.begin(), sightings.end(),
                   [](const Sighting& a, const Sighting& b) { return a.time < b.time; });
  std::vector<Stay> stays;
  for (const Sighting& sighting : sightings) {
    if (!stays.empty() && stays.back().cell == sighting.cell) {
      stays.back().last = sighting.time;
      ++stays.back().sightings;
      continue;
    }
    stays.push_back({sighting.cell, sighting.time, sighting.time, 1});
  }
  return stays;
}

}  // namespace tafkik::graph
