// Administration: users, case memberships, identity grants, the audit log.
#include "app/access.h"
#include "server/internal/context.h"

namespace tafkik::server::internal {
namespace {

using access::Capability;

Status ListUsers(const httplib::Request&, httplib::Response& response, RequestContext& context) {
  TAFKIK_RETURN_IF_ERROR(context.Authorize(Capability::kManageUsers, {}, "users"));
  TAFKIK_ASSIGN_OR_RETURN(auto users, app::ListUsers(context.store));
  Json out = Json::array();
  for (const app::UserView& user : users) {
    out.push_back({{"name", user.name}, {"role", user.role}, {"agency", user.agency},
                   {"agency_kind", user.agency_kind}, {"second_factor", user.second_factor},
                   {"disabled", user.disabled}});
  }
  SendJson(response, 200, Json{{"users", out}});
  return Status::Ok();
}

Status CreateUser(const httplib::Request& request, httplib::Response& response,
                  RequestContext& context) {
  TAFKIK_RETURN_IF_ERROR(context.Authorize(Capability::kManageUsers, {}, "users"));
  TAFKIK_ASSIGN_OR_RETURN(Json body, JsonBody(request));
  app::NewUser user{body.value("name", ""),        body.value("role", ""),
                    body.value("agency", ""),      body.value("agency_kind", "other"),
                    body.value("password", ""),    body.value("second_factor", false)};
  TAFKIK_ASSIGN_OR_RETURN(std::string secret, app::CreateUser(context.store, context.actor(), user));
  Json out = {{"name", user.name}};
  // Shown once, to the administrator who sets up the user's authenticator.
  if (!secret.empty()) out["totp_secret"] = secret;
  SendJson(response, 201, out);
  return Status::Ok();
}

Status AddMember(const httplib::Request& request, httplib::Response& response,
                 RequestContext& context) {
  const std::string reference = request.matches[1];
  TAFKIK_RETURN_IF_ERROR(
      context.Authorize(Capability::kManageUsers, {reference}, "case " + reference));
  TAFKIK_ASSIGN_OR_RETURN(Json body, JsonBody(request));
  TAFKIK_RETURN_IF_ERROR(app::AddCaseMembership(context.store, context.actor(),
                                                body.value("user", ""), reference));
  SendJson(response, 200, Json{{"case", reference}, {"user", body.value("user", "")}});
  return Status::Ok();
}

Status Grant(const httplib::Request& request, httplib::Response& response,
             RequestContext& context) {
  const std::string reference = request.matches[1];
  TAFKIK_RETURN_IF_ERROR(
      context.Authorize(Capability::kManageUsers, {reference}, "case " + reference));
  TAFKIK_ASSIGN_OR_RETURN(Json body, JsonBody(request));
  TAFKIK_RETURN_IF_ERROR(app::GrantVictimIdentities(context.store, context.actor(),
                                                    body.value("user", ""), reference,
                                                    body.value("purpose", "")));
  SendJson(response, 200, Json{{"case", reference}, {"user", body.value("user", "")}});
  return Status::Ok();
}

Status VerifyAudit(const httplib::Request&, httplib::Response& response,
                   RequestContext& context) {
  TAFKIK_RETURN_IF_ERROR(context.Authorize(Capability::kVerifyAudit, {}, "audit"));
  TAFKIK_ASSIGN_OR_RETURN(store::AuditVerifyReport report, context.store.VerifyAudit());
  SendJson(response, report.ok ? 200 : 409,
           Json{{"ok", report.ok}, {"events", report.events}, {"checkpoints", report.checkpoints},
                {"first_bad_index", report.first_bad_index ? Json(*report.first_bad_index)
                                                           : Json(nullptr)},
                {"head_sha256", report.head_hash}, {"reason", report.reason}});
  return Status::Ok();
}

}  // namespace

std::vector<Route> AdminRoutes() {
  return {
      {"GET", "/api/users", "/api/users", "Users (administrators)", true, ListUsers, {}},
      {"POST", "/api/users", "/api/users",
       "Create a user {name, role, agency, agency_kind, password, second_factor}", true,
       CreateUser, {}},
      {"POST", R"(/api/cases/(.+)/members)", "/api/cases/{reference}/members",
       "Make {user} a member of the case (need-to-know)", true, AddMember, {}},
      {"POST", R"(/api/cases/(.+)/grants)", "/api/cases/{reference}/grants",
       "Grant {user} the victims' identities of the case for {purpose}", true, Grant, {}},
      {"GET", "/api/audit/verify", "/api/audit/verify",
       "Verify the audit chain and its signatures (administrators)", true, VerifyAudit, {}},
  };
}

}  // namespace tafkik::server::internal
