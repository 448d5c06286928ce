// Users, case memberships and identity grants, kept as store records ("access.user",
// "access.membership", "access.grant"), and the login check. Password hashes and TOTP
// secrets never leave this file's functions except into the store; audit details name
// users, roles and cases, never secrets. Thread-compatible, as Store; the throttle is
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "access/throttle.h"
#include "core/status.h"
#include "store/store.h"

namespace tafkik::app {

struct NewUser {
  std::string name;         // [a-z0-9._-]{1,64}, the login
  std::string role;         // access::RoleName
  std::string agency;       // agency id: [a-z0-9._-]{1,64}, e.g. "bnpj-tanger"
  std::string agency_kind;  // access::AgencyKindName
  std::string password;     // at least 12 characters
  bool second_factor = false;  // when true, a TOTP secret is made and returned
};

struct UserView {
  std::string name;
  std::string role;
  std::string agency;
  std::string agency_kind;
  bool second_factor = false;
  bool disabled = false;
};

// Creates the user, audited as "access.user.create". Returns the base32 TOTP secret when
// second_factor was asked, else "". InvalidArgument naming the field; AlreadyExists.
Result<std::string> CreateUser(store::Store& store, const store::Actor& actor,
                               const NewUser& user);
Result<std::vector<UserView>> ListUsers(store::Store& store);
// Disables or enables the user, audited as "access.user.disable"/"access.user.enable".
Status SetUserDisabled(store::Store& store, const store::Actor& actor, const std::string& name,
                       bool disabled);

// Makes the user a member of the case (need-to-know), audited as "access.membership".
// NotFound for an unknown user or case.
Status AddCaseMembership(store::Store& store, const store::Actor& actor,
                         const std::string& user, const std::string& case_reference);
// Grants the user the victims' identities of the case, for `purpose` (required, recorded
// in the audit event), audited as "access.grant".
Status GrantVictimIdentities(store::Store& store, const store::Actor& actor,
                             const std::string& user, const std::string& case_reference,
                             const std::string& purpose);

// The user's role, agency, cases and grants. NotFound for an unknown or disabled user.
Result<access::Principal> LoadPrincipal(store::Store& store, const std::string& user);

struct LoginOutcome {
  access::Principal principal;
  bool second_factor_required = false;
  std::string totp_secret;  // for the second step only; never returned to a client
};

// Checks a login. Unauthenticated "invalid user name or password" for an unknown user, a
// wrong password or a disabled user alike (each costs one Argon2id verification), and
// Unauthenticated "too many failed attempts; try again later" while the name is locked.
// Every attempt is an "access.login" audit event (ok or denied; details never hold the
// password).
Result<LoginOutcome> CheckLogin(store::Store& store, access::LoginThrottle& throttle,
                                const std::string& name, const std::string& password);

}  // namespace tafkik::app
