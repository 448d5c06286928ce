#include "server/server.h"

#include <chrono>
#include <cstdio>

#include "app/access.h"
#include "server/internal/context.h"
#include "server/internal/http.h"

namespace tafkik::server {

using internal::RequestContext;
using internal::Route;
using internal::ServerState;

class ServerImpl {
 public:
  explicit ServerImpl(ServerOptions options) { state_.options = std::move(options); }

  Status Start();
  int port() const { return port_; }
  bool tls() const { return state_.tls; }
  void Wait() {
    if (thread_.joinable()) thread_.join();
  }
  void Stop() {
    if (http_) http_->stop();
    Wait();
  }

 private:
  Status MakeHttpServer();
  void Install(const Route& route);
  void HandleOpen(const Route& route, const httplib::Request& request,
                  httplib::Response& response);
  void HandleAuthenticated(const Route& route, const httplib::Request& request,
                           httplib::Response& response);
  Result<RequestContext> Authenticate(const Route& route, const httplib::Request& request,
                                      store::Store& store);

  ServerState state_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

namespace {

void LogRequest(const httplib::Request& request, const httplib::Response& response) {
  // The path only: query strings can hold searched names, which are personal data. One
  // write per line, so that worker threads do not interleave.
  const std::string line = "tafkik serve: " + request.method + " " + request.path + " " +
                           std::to_string(response.status) + "\n";
  std::fputs(line.c_str(), stderr);
}

Status GuardedCall(const std::function<Status()>& call) {
  try {
    return call();
  } catch (const std::exception& error) {
    return InternalError(std::string("unexpected exception: ") + error.what());
  }
}

}  // namespace

Status ServerImpl::MakeHttpServer() {
  const ServerOptions& options = state_.options;
  if (options.certificate_file.empty() != options.key_file.empty()) {
    return InvalidArgumentError("TLS needs both --certificate and --key");
  }
  if (options.certificate_file.empty()) {
    http_ = std::make_unique<httplib::Server>();
    return Status::Ok();
  }
  auto tls_server = std::make_unique<httplib::SSLServer>(options.certificate_file.c_str(),
                                                         options.key_file.c_str());
  if (!tls_server->is_valid()) {
    return InvalidArgumentError("cannot load the TLS certificate " + options.certificate_file +
                                " with key " + options.key_file);
  }
  state_.tls = true;
  http_ = std::move(tls_server);
  return Status::Ok();
}

Result<RequestContext> ServerImpl::Authenticate(const Route& route,
                                                const httplib::Request& request,
                                                store::Store& store) {
  std::optional<std::string> id = internal::CookieValue(request, internal::kSessionCookie);
  std::optional<access::Session> session =
      id ? state_.sessions.Touch(*id, Timestamp::Now()) : std::nullopt;
  if (!session) return UnauthenticatedError("sign in first");
  const bool second_factor_route = route.openapi_path == "/api/login/second-factor";
  if (session->second_factor_pending && !second_factor_route) {
    return UnauthenticatedError("the second factor is still owed");
  }
  if (internal::ChangesState(request) &&
      !access::ConstantTimeEquals(request.get_header_value(internal::kCsrfHeader),
                                  session->csrf_token)) {
    TAFKIK_RETURN_IF_ERROR(store.RecordEvent(
        {session->user}, {"access.denied", "route:" + route.openapi_path,
                          store::AuditOutcome::kDenied, Json{{"reason", "CSRF token"}}}));
    return PermissionDeniedError("missing or wrong " + std::string(internal::kCsrfHeader));
  }
  Result<access::Principal> principal = app::LoadPrincipal(store, session->user);
  if (!principal.ok()) {
    state_.sessions.Destroy(session->id);
    return UnauthenticatedError("sign in first");
  }
  return RequestContext{state_, store, *session, std::move(*principal)};
}

void ServerImpl::HandleAuthenticated(const Route& route, const httplib::Request& request,
                                     httplib::Response& response) {
  Status status = GuardedCall([&]() -> Status {
    TAFKIK_ASSIGN_OR_RETURN(store::Store * store,
                            internal::StoreForThisThread(state_.options.workspace));
    TAFKIK_ASSIGN_OR_RETURN(RequestContext context, Authenticate(route, request, *store));
    return route.handler(request, response, context);
  });
  if (!status.ok()) internal::SendError(response, status);
}

void ServerImpl::HandleOpen(const Route& route, const httplib::Request& request,
                            httplib::Response& response) {
  Status status = GuardedCall([&] { return route.open_handler(request, response, state_); });
  if (!status.ok()) internal::SendError(response, status);
}

void ServerImpl::Install(const Route& route) {
  auto handler = [this, route](const httplib::Request& request, httplib::Response& response) {
    if (route.authenticated) {
      HandleAuthenticated(route, request, response);
    } else {
      HandleOpen(route, request, response);
    }
  };
  if (route.method == "GET") http_->Get(route.pattern, handler);
  if (route.method == "POST") http_->Post(route.pattern, handler);
  if (route.method == "DELETE") http_->Delete(route.pattern, handler);
}

Status ServerImpl::Start() {
  // Fails here, not on the first request, for a missing or newer workspace.
  TAFKIK_RETURN_IF_ERROR(internal::StoreForThisThread(state_.options.workspace).status());
  TAFKIK_RETURN_IF_ERROR(MakeHttpServer());
  const bool tls = state_.tls;
  http_->set_payload_max_length(state_.options.max_request_bytes);
  http_->set_pre_routing_handler([tls](const httplib::Request&, httplib::Response& response) {
    internal::SetSecurityHeaders(response, tls);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    const StatusCode code = response.status == 413   ? StatusCode::kInvalidArgument
                            : response.status == 404 ? StatusCode::kNotFound
                                                     : StatusCode::kInvalidArgument;
    const int http_status = response.status;
    internal::SendError(response, Status(code, "HTTP " + std::to_string(http_status)));
    response.status = http_status;
  });
  if (state_.options.access_log) http_->set_logger(LogRequest);
  for (const Route& route : internal::AllRoutes()) Install(route);
  if (!state_.options.web_root.empty() &&
      !http_->set_mount_point("/", state_.options.web_root)) {
    return NotFoundError("web application folder " + state_.options.web_root + " not found");
  }
  if (state_.options.port == 0) {
    port_ = http_->bind_to_any_port(state_.options.host);
  } else {
    port_ = http_->bind_to_port(state_.options.host, state_.options.port)
                ? state_.options.port
                : -1;
  }
  if (port_ <= 0) {
    return UnavailableError("cannot listen on " + state_.options.host + ":" +
                            std::to_string(state_.options.port));
  }
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  return Status::Ok();
}

Server::Server(ServerOptions options) : impl_(std::make_unique<ServerImpl>(std::move(options))) {}
Server::~Server() { impl_->Stop(); }
Status Server::Start() { return impl_->Start(); }
int Server::port() const { return impl_->port(); }
bool Server::tls() const { return impl_->tls(); }
void Server::Wait() { impl_->Wait(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace tafkik::server
