#include "app/access.h"

#include "access/password.h"
#include "access/totp.h"
#include "core/hash.h"

namespace tafkik::app {
namespace {

constexpr char kUserKind[] = "access.user";
constexpr char kMembershipKind[] = "access.membership";
constexpr char kGrantKind[] = "access.grant";
constexpr char kInvalidLogin[] = "invalid user name or password";

bool IsLoginName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                    c == '-';
    if (!ok) return false;
  }
  return true;
}

// Record ids cannot hold '/', which case references may: the pair is hashed.
std::string PairId(const std::string& user, const std::string& case_reference) {
  return Sha256Hex(user + "\n" + case_reference).substr(0, 40);
}

Status CommitOne(store::Store& store, const store::Actor& actor, const model::Record& record,
                 bool replace, const store::AuditRecord& audit) {
  TAFKIK_ASSIGN_OR_RETURN(auto txn, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(replace ? txn->UpsertRecord(record) : txn->InsertRecord(record));
  return txn->Commit(audit);
}

Status ValidateNewUser(const NewUser& user) {
  if (!IsLoginName(user.name)) {
    return InvalidArgumentError("user name '" + user.name + "' is not [a-z0-9._-]{1,64}");
  }
  if (!IsLoginName(user.agency)) {
    return InvalidArgumentError("agency '" + user.agency + "' is not [a-z0-9._-]{1,64}");
  }
  TAFKIK_RETURN_IF_ERROR(access::ParseRole(user.role).status());
  return access::ParseAgencyKind(user.agency_kind).status();
}

UserView ViewOf(const model::Record& record) {
  const Json& body = record.body;
  return {record.id,
          body.value("role", ""),
          body.value("agency", ""),
          body.value("agency_kind", ""),
          !body.value("totp_secret", "").empty(),
          body.value("disabled", false)};
}

Result<model::Record> FindUser(store::Store& store, const std::string& name) {
  Result<model::Record> record = store.GetRecord(kUserKind, name);
  if (record.status().code() == StatusCode::kNotFound) {
    return NotFoundError("user " + name + " does not exist");
  }
  return record;
}

Status RecordLogin(store::Store& store, const std::string& name, store::AuditOutcome outcome,
                   const std::string& reason) {
  return store.RecordEvent({name}, {"access.login", "user:" + name, outcome,
                                    Json{{"reason", reason}}});
}

}  // namespace

Result<std::string> CreateUser(store::Store& store, const store::Actor& actor,
                               const NewUser& user) {
  TAFKIK_RETURN_IF_ERROR(ValidateNewUser(user));
  TAFKIK_ASSIGN_OR_RETURN(std::string hash, access::HashPassword(user.password));
  std::string secret;
  if (user.second_factor) {
    TAFKIK_ASSIGN_OR_RETURN(secret, access::NewTotpSecret());
  }
  model::Record record{kUserKind, user.name, "", "",
                       Json{{"role", user.role},
                            {"agency", user.agency},
                            {"agency_kind", user.agency_kind},
                            {"password_hash", hash},
                            {"totp_secret", secret},
                            {"disabled", false}}};
  Status status = CommitOne(store, actor, record, false,
                            {"access.user.create", "user:" + user.name, store::AuditOutcome::kOk,
                             Json{{"role", user.role}, {"agency", user.agency},
                                  {"second_factor", user.second_factor}}});
  if (status.code() == StatusCode::kAlreadyExists) {
    return AlreadyExistsError("user " + user.name + " exists already");
  }
  TAFKIK_RETURN_IF_ERROR(status);
  return secret;
}

Result<std::vector<UserView>> ListUsers(store::Store& store) {
  TAFKIK_ASSIGN_OR_RETURN(auto records, store.ListRecords({.kind = kUserKind, .limit = 100000}));
  std::vector<UserView> users;
  for (const model::Record& record : records) users.push_back(ViewOf(record));
  return users;
}

Status SetUserDisabled(store::Store& store, const store::Actor& actor, const std::string& name,
                       bool disabled) {
  TAFKIK_ASSIGN_OR_RETURN(model::Record record, FindUser(store, name));
  record.body["disabled"] = disabled;
  return CommitOne(store, actor, record, true,
                   {disabled ? "access.user.disable" : "access.user.enable", "user:" + name});
}

Status AddCaseMembership(store::Store& store, const store::Actor& actor, const std::string& user,
                         const std::string& case_reference) {
  TAFKIK_RETURN_IF_ERROR(FindUser(store, user).status());
  TAFKIK_RETURN_IF_ERROR(store.GetCase(case_reference).status());
  model::Record record{kMembershipKind, PairId(user, case_reference), case_reference, "",
                       Json{{"user", user}}};
  return CommitOne(store, actor, record, true,
                   {"access.membership", "case:" + case_reference, store::AuditOutcome::kOk,
                    Json{{"user", user}}});
}

Status GrantVictimIdentities(store::Store& store, const store::Actor& actor,
                             const std::string& user, const std::string& case_reference,
                             const std::string& purpose) {
  if (purpose.empty()) return InvalidArgumentError("a grant of identities needs a purpose");
  TAFKIK_RETURN_IF_ERROR(FindUser(store, user).status());
  TAFKIK_RETURN_IF_ERROR(store.GetCase(case_reference).status());
  model::Record record{kGrantKind, PairId(user, case_reference), case_reference, "",
                       Json{{"user", user}, {"purpose", purpose}}};
  return CommitOne(store, actor, record, true,
                   {"access.grant", "case:" + case_reference, store::AuditOutcome::kOk,
                    Json{{"user", user}, {"purpose", purpose}}});
}

Result<access::Principal> LoadPrincipal(store::Store& store, const std::string& user) {
  TAFKIK_ASSIGN_OR_RETURN(model::Record record, FindUser(store, user));
  UserView view = ViewOf(record);
  if (view.disabled) return NotFoundError("user " + user + " is disabled");
  access::Principal principal;
  principal.user = user;
  TAFKIK_ASSIGN_OR_RETURN(principal.role, access::ParseRole(view.role));
  TAFKIK_ASSIGN_OR_RETURN(principal.agency_kind, access::ParseAgencyKind(view.agency_kind));
  principal.agency = view.agency;
  for (const char* kind : {kMembershipKind, kGrantKind}) {
    TAFKIK_ASSIGN_OR_RETURN(auto records, store.ListRecords({.kind = kind, .limit = 1000000}));
    for (const model::Record& entry : records) {
      if (entry.body.value("user", "") != user) continue;
      (kind == kMembershipKind ? principal.cases : principal.identity_grants)
          .insert(entry.case_reference);
    }
  }
  return principal;
}

Result<LoginOutcome> CheckLogin(store::Store& store, access::LoginThrottle& throttle,
                                const std::string& name, const std::string& password) {
  const Timestamp now = Timestamp::Now();
  const std::string key = IsLoginName(name) ? name : "invalid-name";
  if (throttle.IsLocked(key, now)) {
    TAFKIK_RETURN_IF_ERROR(RecordLogin(store, key, store::AuditOutcome::kDenied, "locked"));
    return UnauthenticatedError("too many failed attempts; try again later");
  }
  Result<model::Record> record = IsLoginName(name) ? FindUser(store, name)
                                                   : NotFoundError("invalid name");
  const std::string stored =
      record.ok() ? record->body.value("password_hash", "") : access::DecoyPasswordHash();
  const bool password_ok = access::VerifyPassword(password, stored);
  const bool usable = record.ok() && password_ok && !record->body.value("disabled", false);
  if (!usable) {
    throttle.RecordFailure(key, now);
    TAFKIK_RETURN_IF_ERROR(RecordLogin(store, key, store::AuditOutcome::kDenied, "invalid"));
    return UnauthenticatedError(kInvalidLogin);
  }
  throttle.RecordSuccess(key);
  TAFKIK_ASSIGN_OR_RETURN(access::Principal principal, LoadPrincipal(store, name));
  TAFKIK_RETURN_IF_ERROR(RecordLogin(store, name, store::AuditOutcome::kOk, "password"));
  LoginOutcome outcome{std::move(principal), false, record->body.value("totp_secret", "")};
  outcome.second_factor_required = !outcome.totp_secret.empty();
  return outcome;
}

}  // namespace tafkik::app
