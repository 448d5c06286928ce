// Putting reads of victims' data on the record. Victims' data is the most sensitive in a
// workspace; every use case that returns it records one "entity.read" audit event BEFORE
// returning, and fails (returning nothing) when the event cannot be recorded.
//
// What counts as victims' data is store::IsVictimData (store/victim_data.h), the one rule
// that exports use too: an entity with the victim role in some case; an entity at the other
// end of an Ownership relation (either direction) from one with the victim role (a victim's
// SIMs, accounts, handsets); an entity whose `holder` (IdentityDocument) or `owner` (Phone,
// Device, Email, SocialAccount, Vehicle, ...) property names one with the victim role.
// Private to app/. Not thread-safe beyond what Store allows.
#pragma once

#include <string>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "store/store.h"

namespace tafkik::app::internal {

// True when any of `roles` is kVictim.
bool IsVictim(const std::vector<store::CaseRole>& roles);

// Finds which of `entities` are victims' data (store::VictimDataAmong) and, when any is,
// records one event {action "entity.read", object `object`, details {via, victims: [ids]}}.
// Records nothing when none is. `via` names the use case ("entity.show"). Details hold ids
// only, never personal data.
Status RecordVictimReads(store::Store& store, const store::Actor& actor,
                         const std::vector<EntityId>& entities, const std::string& object,
                         const std::string& via);

}  // namespace tafkik::app::internal
