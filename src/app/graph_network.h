// Network analysis use cases (tafkik network ...): load a graph snapshot from the store under
// a filter, and name the entities a result speaks of. The algorithms are graph/'s; these
// functions only read the store. Reading victims' ties is recorded (app/internal/
// victim_reads.h) for every entity a result names. The Store is borrowed, not owned.
// Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/snapshot.h"
#include "store/store.h"

namespace tafkik::app {

struct NetworkFilter {
  // default "": the whole workspace. Otherwise the case's members and the ties among them.
  std::string case_reference;
  // default false: with a case, also the members' direct contacts (ties with one end in it).
  bool case_contacts = false;
  // default {}: Call, Message, Meeting, Payment, Associate, Family, UnknownLink, Recruitment,
  // Exploitation, Membership, Employment (not Ownership, SameAs or Travel: they tie people
  // to things and places, not to each other).
  std::vector<std::string> schemata;
  std::string since;   // ISO 8601; default "": no lower bound on a tie's start
  std::string until;   // ISO 8601, exclusive; default "": no upper bound
  // "count" (default): each relation counts its `weight` property, else 1; "duration": the
  // Call's seconds; "amount": the Payment's amountEur. A relation without the value (or with
  // a value that is not a non-negative number) is left out and counted in the report.
  std::string weight_by = "count";
  double min_weight = 0;  // default 0: ties whose summed weight is below this are dropped
  bool directed = false;  // default false: a tie joins both ends whatever its direction
};

struct NetworkReport {
  int64_t relations_read = 0;
  int64_t relations_without_weight = 0;  // left out: no duration/amount for weight_by
  int64_t relations_with_zero_weight = 0;  // left out: weight 0 carries no tie
  int64_t ties_below_min_weight = 0;
  graph::BuildReport build;  // self-loops dropped, parallel ties merged
};

struct Network {
  graph::Snapshot snapshot;
  NetworkReport report;
};

// Reads the relations the filter selects (paged by start time) into a snapshot. Case members
// with no tie are still nodes. InvalidArgument for an unknown schema, a bad time, an unknown
// weight_by or a negative min_weight; NotFound for an unknown case; FailedPrecondition when
// nothing is left ("the filter leaves an empty network"), naming the filter.
Result<Network> LoadNetwork(store::Store& store, const NetworkFilter& filter);

// Calls `visit` on every relation `query` selects (its limit and offset are ignored), a page
// at a time: by start time (keyset) once past the relations without one, so reading millions
// never re-reads what came before. (finance.cc has a copy for payments; this one could move
// to app/internal.)
Status ForEachRelation(store::Store& store, store::RelationQuery query,
                       const std::function<void(const model::Relation&)>& visit);

struct NamedNode {
  graph::NodeIndex node = 0;
  std::string id;
  std::string schema;   // "" when the entity is not in the store (a dangling end)
  std::string caption;  // model::Caption, or the id
};

// Names `nodes` of `snapshot` (in the order given). Records one "entity.read" event for the
// victims' data among them (object "network", via `via`, e.g. "network.centrality") before
// returning.
Result<std::vector<NamedNode>> NameNodes(store::Store& store, const store::Actor& actor,
                                         const graph::Snapshot& snapshot,
                                         const std::vector<graph::NodeIndex>& nodes,
                                         const std::string& via);

// Start times of the relations (of `schemata`, default all) with one of `entities` (a person
// or a group) at either end, each relation once, in [since, until): the input of
// graph::BuildActivityMatrix. Records the read when an entity or a counterpart is victims'
// data. InvalidArgument for no entity or a malformed id; NotFound for an unknown entity.
Result<std::vector<Timestamp>> ActivityTimes(store::Store& store, const store::Actor& actor,
                                             const std::vector<std::string>& entities,
                                             const std::vector<std::string>& schemata,
                                             const std::string& since, const std::string& until);

}  // namespace tafkik::app
