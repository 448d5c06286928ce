// Use cases on relations (Call, Payment, Meeting, Family, ...): add and list. The Store is
// borrowed, not owned. Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::app {

struct AddRelationRequest {
  std::string schema;                    // a relation schema: "Call", "Payment", ...
  std::string source;                    // entity id of the schema's source end (caller, payer)
  std::string target;                    // entity id of its target end (receiver, beneficiary)
  std::string start;                     // ISO 8601 instant or date; default "": none
  std::string end;                       // default "": none
  std::vector<std::string> assignments;  // other properties, "name=value"
  std::string id;                        // default "": a fresh id
  std::string phone_region;              // as AddEntityRequest::phone_region
};

// Validates and writes the relation (provenance: dataset "manual", user = actor) in one
// transaction audited as "relation.add". InvalidArgument naming the bad field or value
// (nothing written); NotFound naming a missing end.
Result<model::Relation> AddRelation(store::Store& store, const store::Actor& actor,
                                    const AddRelationRequest& request);

struct ListRelationsRequest {
  std::string schema;  // default "": every relation schema
  std::string entity;  // default "": relations with this entity at either end
  std::string since;   // ISO 8601; default "": no lower bound on start
  std::string until;   // ISO 8601, exclusive; default "": no upper bound
  int64_t limit = 100;
  int64_t offset = 0;
};

// Relations ordered by start, then id. A victim's calls, payments and journeys are victims'
// data: when any returned relation has a victim at either end, one "entity.read" event by
// `actor` is recorded before anything is returned. InvalidArgument for an unknown schema or
// a bad time.
Result<std::vector<model::Relation>> ListRelations(store::Store& store, const store::Actor& actor,
                                                   const ListRelationsRequest& request);

}  // namespace tafkik::app
