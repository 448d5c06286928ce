// Putting reads of victims' data on the record. Victims' data is the most sensitive in a
// workspace; every use case that returns it records one "entity.read" audit event BEFORE
// returning, and fails (returning nothing) when the event cannot be recorded.
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

// Looks up the case roles of each of `entities` and, when any is a victim in some case,
// records one event {action "entity.read", object `object`, details {via, victims: [ids]}}.
// Records nothing when none is a victim. `via` names the use case ("entity.show").
Status RecordVictimReads(store::Store& store, const store::Actor& actor,
                         const std::vector<EntityId>& entities, const std::string& object,
                         const std::string& via);

}  // namespace tafkik::app::internal
