// HTTP helpers private to server/: JSON responses and errors, security headers, cookies,
// request bodies. The only place besides server.cc that includes httplib.h.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/status.h"

namespace tafkik::server::internal {

inline constexpr char kSessionCookie[] = "tafkik_session";
inline constexpr char kCsrfHeader[] = "X-CSRF-Token";

void SendJson(httplib::Response& response, int http_status, const Json& body);
// {"error": {"code": "NOT_FOUND", "message": "..."}} with the status HttpStatusFor(code).
void SendError(httplib::Response& response, const Status& status);

// On every response: CSP (self only; nothing loads from the internet), nosniff, frame
// denial, no referrer, no caching of API answers, HSTS under TLS.
void SetSecurityHeaders(httplib::Response& response, bool tls);

std::optional<std::string> CookieValue(const httplib::Request& request, std::string_view name);
// The Set-Cookie value for a session id: HttpOnly, SameSite=Strict, Path=/, Secure under TLS.
std::string SessionCookie(const std::string& session_id, bool tls);
std::string ExpiredSessionCookie(bool tls);

// The body as a JSON object. InvalidArgument when the content type is not JSON (which
// also keeps cross-site forms out: they cannot send application/json without a preflight)
// or the body is not an object.
Result<Json> JsonBody(const httplib::Request& request);

// True for methods that change state (POST, PUT, PATCH, DELETE).
bool ChangesState(const httplib::Request& request);

}  // namespace tafkik::server::internal
