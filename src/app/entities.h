// Use cases on entities (things: Person, Phone, BankAccount, ...): add, show, list, search.
// Every function takes the Store to use and the Actor on whose behalf it acts; the Store is
// borrowed, not owned. Reads that return victims' data record an "entity.read" audit event
// first (see internal/victim_reads.h). Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::app {

struct AddEntityRequest {
  std::string schema;                    // a thing schema: "Person", "Phone", ...
  std::vector<std::string> assignments;  // "name=value" pairs; a name may repeat
  std::string id;                        // default "": a fresh id (see ManualId)
  // ISO 3166 country whose national format phone numbers without "+" are written in
  // ("ma": 0612345678 -> +212612345678); default "": only international numbers.
  std::string phone_region;
};

// Validates every value against the schema registry, then writes the entity (provenance:
// dataset "manual", user = actor) in one transaction audited as "entity.add".
// InvalidArgument naming the schema, property and value of the first bad one; nothing is
// written then. FailedPrecondition when an explicit id exists with another schema.
Result<model::Entity> AddEntity(store::Store& store, const store::Actor& actor,
                                const AddEntityRequest& request);

struct EntityView {
  model::Entity entity;
  std::vector<store::CaseRole> roles;  // the cases the entity is in, and as what
};

// The entity and its case roles. When it is a victim in any case the read is recorded as
// an "entity.read" audit event before anything is returned; if that fails, the error is
// returned instead of the data. NotFound for an unknown id.
Result<EntityView> ShowEntity(store::Store& store, const store::Actor& actor, const EntityId& id);

struct ListEntitiesRequest {
  std::string schema;          // default "": every thing schema
  std::string case_reference;  // default "": not restricted to a case's members
  int64_t limit = 100;
  int64_t offset = 0;
};

// Entities ordered by id. Victims among them are recorded as one "entity.read" event.
// InvalidArgument for an unknown schema; NotFound for an unknown case.
Result<std::vector<model::Entity>> ListEntities(store::Store& store, const store::Actor& actor,
                                                const ListEntitiesRequest& request);

// Entities whose indexed values match `query.text` (names by NameKey, phones, identifiers).
// Victims among them are recorded as one "entity.read" event. InvalidArgument for empty text.
Result<std::vector<model::Entity>> SearchEntities(store::Store& store, const store::Actor& actor,
                                                  const store::SearchQuery& query);

}  // namespace tafkik::app
