// Which entities are victims' data: the one rule that app/ (reads) and exchange/ (exports)
// apply before recording an "entity.read" or "export" audit event. Victims' data is the most
// sensitive in a workspace; every read of it is put on the audit record before it is returned
// or written anywhere.
//
// An entity is victims' data when, going only by links the model itself gives:
//   1. it has the victim role in some case (case members are Persons); or
//   2. it is at the other end of an Ownership relation, in either direction, from an entity
//      with the victim role (the generator and importers link SIMs, accounts and handsets to
//      their people this way); or
//   3. one of its entity-valued `holder` (IdentityDocument) or `owner` (Phone, Device, Email,
//      SocialAccount, Vehicle, ...) properties names an entity with the victim role; or
//   4. it is the subject of a victim screening (a record of kind "screening"): a person
//      screened as a possible victim is protected before any case names her a victim; rules 2
//      and 3 then cover her phones, accounts and documents too.
// Links are followed one step only (a victim's phone's handset is not covered unless it is
// linked to the victim itself).
//
// Bounded: per entity, one RolesOf, at most one GetEntity (by id), one RelationQuery
// (schema "Ownership", either end, the first kOwnershipLimit relations), and one RolesOf per
// linked entity. Thread-compatible; uses the Store from the calling thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::store {

// The record kind of victim screenings (screening/, app/screening.h).
inline constexpr char kScreeningKind[] = "screening";

// Ownership relations looked at per entity.
inline constexpr int64_t kOwnershipLimit = 200;

// True when any of `roles` is kVictim.
bool HasVictimRole(const std::vector<CaseRole>& roles);

// Applies the rule to an entity already read.
Result<bool> IsVictimData(Store& store, const model::Entity& entity);

// Applies the rule to `id`, reading the entity; an id with no entity (a dangling relation end)
// is judged by rules 1, 2 and 4 only.
Result<bool> IsVictimData(Store& store, const EntityId& id);

// Those of `ids` that are victims' data, in the order given.
Result<std::vector<EntityId>> VictimDataAmong(Store& store, const std::vector<EntityId>& ids);

}  // namespace tafkik::store
