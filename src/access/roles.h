// Who a user is to Tafkik: a role and an agency. Names are stable (storage, JSON, CLI).
// Plain values; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik::access {

enum class Role {
  kFirstResponder,  // screens persons met at a port, a border post, a raided site
  kInvestigator,    // works the cases of the unit
  kAnalyst,         // network, money and who-is-who analysis on assigned cases
  kProsecutor,      // reads the case files referred to the prosecution
  kNgoCaseworker,   // protection of the victims referred to the NGO, nothing of intelligence
  kTrainer,         // runs training workspaces
  kAdministrator,   // users and roles; no case data by that role alone
};

enum class AgencyKind { kPolice, kProsecution, kFinancialIntelligence, kNgo, kOther };

// "first_responder", "investigator", "analyst", "prosecutor", "ngo_caseworker", "trainer",
// "administrator"; "police", "prosecution", "fiu", "ngo", "other".
std::string_view RoleName(Role role);
std::string_view AgencyKindName(AgencyKind kind);
// InvalidArgument listing the accepted names.
Result<Role> ParseRole(std::string_view name);
Result<AgencyKind> ParseAgencyKind(std::string_view name);

}  // namespace tafkik::access
