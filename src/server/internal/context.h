// What every route of the server shares: the server's state (sessions, login throttle,
// options) and, for a signed-in request, the session, the principal and this thread's
// Store. Private to server/.
#pragma once

#include <functional>
#include <string>

#include "access/policy.h"
#include "access/sessions.h"
#include "access/throttle.h"
#include "server/internal/http.h"
#include "server/server.h"
#include "store/store.h"

namespace tafkik::server::internal {

struct ServerState {
  ServerOptions options;
  bool tls = false;
  access::SessionStore sessions;
  access::LoginThrottle throttle;
};

// This thread's Store on the workspace (one per worker thread, opened on first use).
Result<store::Store*> StoreForThisThread(const std::string& workspace);

struct RequestContext {
  ServerState& state;
  store::Store& store;
  access::Session session;
  access::Principal principal;

  store::Actor actor() const { return {principal.user}; }
  // OK when the policy allows; otherwise records an "access.denied" audit event naming the
  // capability, the object and the reason, and returns PermissionDenied with the reason.
  Status Authorize(access::Capability capability, const access::Resource& resource,
                   const std::string& object);
  // As Authorize, but the denial answers NotFound "<object> not found", so that walking
  // ids cannot tell what exists from what is forbidden. The audit event is the same.
  Status AuthorizeOrHide(access::Capability capability, const access::Resource& resource,
                         const std::string& object);
};

// A route: its method, its path as a regular expression and as OpenAPI writes it, what it
// does, and whether it needs a signed-in session.
struct Route {
  std::string method;
  std::string pattern;       // e.g. R"(/api/cases/([^/]+))"
  std::string openapi_path;  // e.g. "/api/cases/{reference}"
  std::string summary;
  bool authenticated = true;
  // For authenticated routes.
  std::function<Status(const httplib::Request&, httplib::Response&, RequestContext&)> handler;
  // For open routes (login, health, the API description).
  std::function<Status(const httplib::Request&, httplib::Response&, ServerState&)> open_handler;
};

// The route tables, one per area (routes_*.cc).
std::vector<Route> AuthRoutes();
std::vector<Route> CaseRoutes();
std::vector<Route> AdminRoutes();
std::vector<Route> AllRoutes();

// The OpenAPI 3.0 description of `routes`.
Json OpenApiDocument(const std::vector<Route>& routes);

}  // namespace tafkik::server::internal
