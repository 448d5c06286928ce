// From call records with cell sites: which phones are seen together (same cell, or cells
// within a distance, within a time window), which new phone takes over an old one's contacts
// (the usual sign of a handset or SIM change), and each phone's route as a time-ordered list
// of stays, ready for the map. Plain in-memory inputs (app/ reads them from Call relations'
// cellFirst/cellLast and Location entities' cellId). Construct, Run() once, read.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "graph/graph.h"

namespace tafkik::graph {

struct CellSite {
  std::string id;           // the operator's cell id (Location.cellId)
  bool located = false;     // latitude/longitude known
  double latitude = 0;
  double longitude = 0;
};

// A phone seen at a cell at a time (a call's first or last cell).
struct Sighting {
  NodeIndex phone = 0;
  int32_t cell = 0;  // index into the CellSite list
  Timestamp time;
};

struct CoLocationOptions {
  int64_t window_seconds = 900;   // default 15 minutes
  double max_distance_metres = 0; // default 0: the same cell only; else located cells this near
  int64_t min_meetings = 2;       // default 2: pairs seen together fewer times are left out
};

struct CoLocation {
  NodeIndex phone = 0;       // phone < other
  NodeIndex other = 0;
  int64_t meetings = 0;      // pairs of sightings within the window and distance
  Timestamp first, last;     // of those meetings (the earlier sighting of each)
  std::vector<int32_t> cells;  // distinct cells of the first phone's sightings, ascending
};

// Sweeps each cell's (and each near cell pair's) sightings in time order with two pointers.
// O(S log S + C^2 + meetings) for S sightings and C cells (C^2 only with a distance).
// InvalidArgument for a negative window or distance, or a sighting naming a cell outside
// `sites` (its position in the input).
class CoLocationFinder {
 public:
  CoLocationFinder(std::vector<Sighting> sightings, std::vector<CellSite> sites,
                   CoLocationOptions options = {})
      : sightings_(std::move(sightings)), sites_(std::move(sites)), options_(options) {}
  Status Run();
  // Most meetings first (ties: by phone, then other).
  const std::vector<CoLocation>& pairs() const { return pairs_; }

 private:
  std::vector<Sighting> sightings_;
  const std::vector<CellSite> sites_;
  const CoLocationOptions options_;
  std::vector<CoLocation> pairs_;
};

struct HandoverOptions {
  int64_t max_gap_seconds = 30 * 86'400;  // default 30 days from the old's last to the new's first
  int64_t overlap_seconds = 86'400;       // default 1 day: the new may start this much earlier
  double min_jaccard = 0.5;               // default 0.5: shared share of their contacts
  int64_t min_contacts = 3;               // default 3: both need at least this many
};

struct Handover {
  NodeIndex old_phone = 0;
  NodeIndex new_phone = 0;
  double jaccard = 0;          // |contacts(old) & contacts(new)| / |contacts(old) | contacts(new)|
  int64_t shared_contacts = 0;
  int64_t gap_seconds = 0;     // new's first activity minus old's last (may be negative)
};

// Phones that take over another's contacts after it falls silent. `graph` gives contacts
// (either direction); first_seen/last_seen each phone's activity (seconds since the epoch).
// Candidates are the old phone's contacts' contacts: O(sum over nodes of degree^2).
// InvalidArgument when the activity vectors do not match the node count.
class HandoverFinder {
 public:
  HandoverFinder(const Graph& graph, std::vector<int64_t> first_seen, std::vector<int64_t> last_seen,
                 HandoverOptions options = {})
      : graph_(graph), first_seen_(std::move(first_seen)), last_seen_(std::move(last_seen)),
        options_(options) {}
  Status Run();
  // Highest Jaccard first.
  const std::vector<Handover>& handovers() const { return handovers_; }

 private:
  const Graph& graph_;
  const std::vector<int64_t> first_seen_, last_seen_;
  const HandoverOptions options_;
  std::vector<Handover> handovers_;
};

struct Stay {
  int32_t cell = 0;
  Timestamp first, last;
  int64_t sightings = 0;
};

// One phone's route: its sightings in time order, consecutive sightings at the same cell
// folded into one stay. O(S log S). Sightings of other phones are ignored.
std::vector<Stay> Route(std::vector<Sighting> sightings, NodeIndex phone);

// Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m).
double DistanceMetres(double latitude1, double longitude1, double latitude2, double longitude2);

}  // namespace tafkik::graph
