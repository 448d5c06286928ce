// Where phones were, from call records with cell sites (tafkik network colocation|route):
// Call relations' cellFirst/cellLast (the caller's cells, as operator A-number CDRs give
// them) joined to Location entities by cellId (the cell-site profile, data/mappings/
// cell_sites.yaml). Results name entities and cells; victims' reads are recorded as in
// graph_analysis.h. The Store is borrowed. Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/status.h"
#include "store/store.h"

namespace tafkik::app {

struct ColocationRequest {
  std::string since, until;         // ISO 8601; default "": unbounded (calls' start)
  int64_t window_seconds = 900;     // default 15 minutes
  double max_distance_metres = 0;   // default 0: the same cell only
  int64_t min_meetings = 2;         // default 2
  int64_t top = 50;                 // default 50 pairs
};

// {"pairs": [{phone, other, meetings, first, last, cells: [cell id...]}], "sightings",
// "cells_located", "cells_unknown"}. FailedPrecondition when no call in the window has a cell.
Result<Json> NetworkColocation(store::Store& store, const store::Actor& actor,
                               const ColocationRequest& request);

// {"entity", "stays": [{cell, place, latitude, longitude, first, last, sightings}]}: the
// phone's calls (as caller) in time order, consecutive ones at one cell folded. NotFound for
// an unknown entity.
Result<Json> NetworkRoute(store::Store& store, const store::Actor& actor, const std::string& entity,
                          const std::string& since, const std::string& until);

}  // namespace tafkik::app
