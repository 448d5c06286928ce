// What a case holds, loaded once for the timeline, the legal elements matrix and the report:
// the case and its members, each member's holdings (what it owns by Ownership), and the
// relations touching any of them. Private to app/'s casefile use cases. Thread-compatible.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "casefile/legal_matrix.h"
#include "core/status.h"
#include "model/case.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::app::casefile_facts {

struct CaseFacts {
  model::Case record;
  std::map<std::string, model::Entity> entities;  // members, their holdings, relation ends
  std::map<std::string, std::set<std::string>> holdings;  // member -> {member, its assets}
  std::vector<model::Relation> relations;  // touching a member or holding; by start, then id
  std::set<std::string> victim_side;       // victims and their holdings
  bool truncated = false;  // some entity had more than kRelationsPerMember relations
};

// NotFound for an unknown case. Records one "entity.read" event (via `via`) naming every
// victims' data entity among members, holdings and relation ends, before returning.
Result<CaseFacts> LoadCaseFacts(store::Store& store, const store::Actor& actor,
                                const std::string& case_reference, const std::string& via,
                                int64_t relations_per_entity);

// The entity's caption (model::Caption), or its id when it was not loaded.
std::string CaptionOf(const CaseFacts& facts, const std::string& id);

// Members with role `role`, in the store's order.
std::vector<std::string> MembersWithRole(const CaseFacts& facts, model::Role role);

}  // namespace tafkik::app::casefile_facts

namespace tafkik::app::casefile_facts {

// The legal elements matrix of the suspects in `facts` (with the case's actions and
// evidence read from the store). Implemented in casefile_log.cc.
Result<std::vector<casefile::SuspectMatrix>> MatrixFromFacts(store::Store& store,
                                                             const CaseFacts& facts);

}  // namespace tafkik::app::casefile_facts
