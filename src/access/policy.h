// Authorisation: what a signed-in user may do, decided from the role, the agency and
// need-to-know. One function decides, so that every endpoint asks the same question and a
// generated matrix (policy_test.cc) can check every role against every capability.
//
// - Need-to-know: case data only for members of the case (assigned by an investigator or an
//   administrator); membership alone never reveals victims' identities.
// - Victims' identities are a vault: readable only with an explicit grant for that case, and
//   every read is audited with its purpose (by the caller).
// - NGO caseworkers see the protection data of the victims referred to their agency, and
//   nothing of intelligence (no entities, relations, network, money, evidence).
// - Administrators manage users and verify the audit log; by that role alone they see no
//   case data. Thread-safe (pure functions).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "access/roles.h"

namespace tafkik::access {

enum class Capability {
  kListCases,            // see that a case exists (reference, title, status)
  kReadCase,             // the case file: members (pseudonymised), evidence, actions
  kWriteCase,            // add members, evidence, custody events, actions, tasks
  kReadIntelligence,     // entities, relations, network, money, who-is-who of the case
  kImport,               // import files into the case
  kReadVictimIdentity,   // the real names behind victims' pseudonyms
  kScreen,               // screen a person and record the screening
  kRefer,                // refer a screened person to a protection actor
  kReadProtectionData,   // the protection file of a victim referred to one's agency
  kManageUsers,          // create, disable users; assign cases and grants
  kVerifyAudit,          // verify and read the audit log
  kRunTraining,          // training workspaces and scoring
};

std::string_view CapabilityName(Capability capability);

// Who is asking, as far as the decision needs to know.
struct Principal {
  std::string user;
  Role role = Role::kFirstResponder;
  std::string agency;                       // agency id, e.g. "bnpj-tanger", "ngo-amane"
  AgencyKind agency_kind = AgencyKind::kOther;
  std::set<std::string> cases;              // references of the cases the user is a member of
  std::set<std::string> identity_grants;    // cases where victims' identities are granted
};

// What the request touches.
struct Resource {
  std::string case_reference;      // "" when the request is not about one case
  bool referred_to_agency = false;  // the victim concerned was referred to the user's agency
};

struct Decision {
  bool allowed = false;
  std::string reason;  // why, in words that can go to the audit log and to the user
};

Decision Decide(const Principal& principal, Capability capability, const Resource& resource);

}  // namespace tafkik::access
