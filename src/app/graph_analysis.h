// Network analysis use cases behind `tafkik network stats|centrality|communities|path|
// neighbours|activity|disrupt`: each loads a snapshot (graph_network.h), runs graph/'s
// algorithm and returns a JSON document that names entities (id, schema, caption), never
// internal node indexes. The CLI prints the document with --json or renders it as tables.
// Every entity named is put through the victims' read rule first. The Store is borrowed.
// Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/graph_network.h"
#include "core/json.h"
#include "core/status.h"
#include "store/store.h"

namespace tafkik::app {

// {"network": {nodes, edges, directed, density, ...}, "components": ..., "communities": ...,
// "report": {...}}. Errors as LoadNetwork.
Result<Json> NetworkStats(store::Store& store, const store::Actor& actor,
                          const NetworkFilter& filter);

struct CentralityRequest {
  // "degree" (default), "strength", "pagerank", "betweenness", "closeness", "harmonic",
  // "eigenvector", "katz", "core".
  std::string measure = "degree";
  int64_t top = 20;          // default 20; >= 1
  // Betweenness, closeness, harmonic: "hops" (default), "strength" (length 1/weight: many
  // calls make a short tie) or "distance" (the weight is the length).
  std::string lengths = "hops";
  double epsilon = 0;        // default 0: exact betweenness; else sampled (see Betweenness)
};

// {"measure", "scores": [{rank, entity, score, ...}]} highest first (ties by entity order).
// InvalidArgument naming an unknown measure or lengths, or top < 1.
Result<Json> NetworkCentrality(store::Store& store, const store::Actor& actor,
                               const NetworkFilter& filter, const CentralityRequest& request);

struct CommunitiesRequest {
  double resolution = 1.0;   // default 1
  int64_t members = 5;       // default 5: members listed per community (by degree)
  uint64_t seed = 1;         // default 1
};

// {"modularity", "communities": [{community, size, members: [...]}]} largest first.
Result<Json> NetworkCommunities(store::Store& store, const store::Actor& actor,
                                const NetworkFilter& filter, const CommunitiesRequest& request);

struct PathRequest {
  std::string from;              // entity id
  std::string to;                // entity id
  bool all = false;              // default false: one shortest path; true: every one (capped)
  std::string lengths = "hops";  // as CentralityRequest::lengths
  int64_t max_paths = 100;       // default 100
};

// {"distance", "path_count", "paths": [[entity, ...]], "truncated"}; "reachable": false and
// no paths when none joins them. NotFound naming an entity that is not in the network.
Result<Json> NetworkPath(store::Store& store, const store::Actor& actor,
                         const NetworkFilter& filter, const PathRequest& request);

struct NeighboursRequest {
  std::vector<std::string> entities;  // seeds, at least one
  int hops = 2;                       // default 2
  int64_t max_fan_out = 200;          // default 200 (0: no cap)
  int64_t max_nodes = 2000;           // default 2,000 (0: no cap)
};

// {"nodes": [{entity, hops, degree}], "capped": [...], "truncated"}.
Result<Json> NetworkNeighbours(store::Store& store, const store::Actor& actor,
                               const NetworkFilter& filter, const NeighboursRequest& request);

struct ActivityRequest {
  std::vector<std::string> entities;  // a person/phone, or a group
  std::vector<std::string> schemata;  // default {}: every relation with a start
  std::string since, until;           // default "": unbounded
  std::string zone = "UTC";           // IANA zone for local weekday/hour: "Africa/Casablanca"
};

// {"zone", "utc_offset_seconds", "total", "counts": [7][24] Monday first, "peak"}. The offset
// is the zone's at the first event (or now): one offset for the whole window.
Result<Json> NetworkActivity(store::Store& store, const store::Actor& actor,
                             const ActivityRequest& request);

struct DisruptRequest {
  int64_t k = 5;                       // default 5
  std::string strategy = "optimised";  // graph::ParseStrategy names
  std::string connectivity = "weak";   // "weak" (default) or "strong"
  int64_t block = 1;                   // default 1: recompute after each removal
};

// {"strategy", "before": {...}, "removals": [{entity, largest, largest_fraction, components,
// pairwise, bridges: [community, ...], communities_bridged}], "communities": count}.
// InvalidArgument for K outside [1, nodes], naming both.
Result<Json> NetworkDisrupt(store::Store& store, const store::Actor& actor,
                            const NetworkFilter& filter, const DisruptRequest& request);

}  // namespace tafkik::app
