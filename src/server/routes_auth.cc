// Open routes (health, the API description, login) and the session's own routes.
#include "access/totp.h"
#include "app/access.h"
#include "server/internal/context.h"

namespace tafkik::server::internal {
namespace {

Json SessionJson(const access::Principal& principal, const access::Session& session) {
  return Json{{"user", principal.user},
              {"role", access::RoleName(principal.role)},
              {"agency", principal.agency},
              {"cases", principal.cases},
              {"csrf_token", session.csrf_token},
              {"second_factor_required", session.second_factor_pending}};
}

Status Login(const httplib::Request& request, httplib::Response& response, ServerState& state) {
  TAFKIK_ASSIGN_OR_RETURN(Json body, JsonBody(request));
  const std::string user = body.value("user", "");
  const std::string password = body.value("password", "");
  TAFKIK_ASSIGN_OR_RETURN(store::Store * store, StoreForThisThread(state.options.workspace));
  TAFKIK_ASSIGN_OR_RETURN(app::LoginOutcome outcome,
                          app::CheckLogin(*store, state.throttle, user, password));
  // A new session id at every login (no fixation); the old cookie's session ends.
  if (auto old = CookieValue(request, kSessionCookie)) state.sessions.Destroy(*old);
  access::Session session =
      state.sessions.Create(user, outcome.second_factor_required, Timestamp::Now());
  response.set_header("Set-Cookie", SessionCookie(session.id, state.tls));
  SendJson(response, 200, SessionJson(outcome.principal, session));
  return Status::Ok();
}

Status SecondFactor(const httplib::Request& request, httplib::Response& response,
                    RequestContext& context) {
  TAFKIK_ASSIGN_OR_RETURN(Json body, JsonBody(request));
  TAFKIK_ASSIGN_OR_RETURN(model::Record user,
                          context.store.GetRecord("access.user", context.principal.user));
  const std::string code = body.value("code", "");
  const Timestamp now = Timestamp::Now();
  if (!access::VerifyTotp(user.body.value("totp_secret", ""), code, now)) {
    context.state.throttle.RecordFailure(context.principal.user, now);
    context.state.sessions.Destroy(context.session.id);
    TAFKIK_RETURN_IF_ERROR(context.store.RecordEvent(
        context.actor(), {"access.login", "user:" + context.principal.user,
                          store::AuditOutcome::kDenied, Json{{"reason", "second factor"}}}));
    return UnauthenticatedError("invalid code; sign in again");
  }
  std::optional<access::Session> done =
      context.state.sessions.CompleteSecondFactor(context.session.id, now);
  if (!done) return UnauthenticatedError("sign in first");
  TAFKIK_RETURN_IF_ERROR(context.store.RecordEvent(
      context.actor(), {"access.login", "user:" + context.principal.user,
                        store::AuditOutcome::kOk, Json{{"reason", "second factor"}}}));
  response.set_header("Set-Cookie", SessionCookie(done->id, context.state.tls));
  SendJson(response, 200, SessionJson(context.principal, *done));
  return Status::Ok();
}

Status Logout(const httplib::Request&, httplib::Response& response, RequestContext& context) {
  context.state.sessions.Destroy(context.session.id);
  response.set_header("Set-Cookie", ExpiredSessionCookie(context.state.tls));
  SendJson(response, 200, Json{{"signed_out", true}});
  return Status::Ok();
}

Status Me(const httplib::Request&, httplib::Response& response, RequestContext& context) {
  SendJson(response, 200, SessionJson(context.principal, context.session));
  return Status::Ok();
}

}  // namespace

std::vector<Route> AuthRoutes() {
  std::vector<Route> routes;
  Route health{"GET", "/api/health", "/api/health", "Liveness: the server answers", false};
  health.open_handler = [](const httplib::Request&, httplib::Response& response, ServerState&) {
    SendJson(response, 200, Json{{"status", "ok"}});
    return Status::Ok();
  };
  routes.push_back(health);
  Route description{"GET", "/api/openapi.json", "/api/openapi.json",
                    "This API's OpenAPI 3.0 description", false};
  description.open_handler = [](const httplib::Request&, httplib::Response& response,
                                ServerState&) {
    SendJson(response, 200, OpenApiDocument(AllRoutes()));
    return Status::Ok();
  };
  routes.push_back(description);
  Route login{"POST", "/api/login", "/api/login",
              "Sign in with {user, password}; sets the session cookie", false};
  login.open_handler = Login;
  routes.push_back(login);
  routes.push_back({"POST", "/api/login/second-factor", "/api/login/second-factor",
                    "Complete the sign-in with {code} (TOTP)", true, SecondFactor, {}});
  routes.push_back({"POST", "/api/logout", "/api/logout", "Sign out", true, Logout, {}});
  routes.push_back({"GET", "/api/me", "/api/me", "Who is signed in: role, agency, cases, CSRF "
                    "token", true, Me, {}});
  return routes;
}

}  // namespace tafkik::server::internal
