#include "server/internal/http.h"

#include <cctype>

namespace tafkik::server::internal {
namespace {

std::string CodeName(StatusCode code) {
  std::string name(StatusCodeName(code));
  std::string out;
  for (size_t index = 0; index < name.size(); ++index) {
    const char c = name[index];
    if (index > 0 && std::isupper(static_cast<unsigned char>(c))) out += '_';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

void SendJson(httplib::Response& response, int http_status, const Json& body) {
  response.status = http_status;
  response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, const Status& status) {
  SendJson(response, HttpStatusFor(status.code()),
           Json{{"error", {{"code", CodeName(status.code())}, {"message", status.message()}}}});
}

void SetSecurityHeaders(httplib::Response& response, bool tls) {
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
                      "'unsafe-inline'; object-src 'none'; base-uri 'none'; "
                      "frame-ancestors 'none'; form-action 'self'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
  response.set_header("Cross-Origin-Resource-Policy", "same-origin");
  response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.set_header("Cache-Control", "no-store");
  if (tls) response.set_header("Strict-Transport-Security", "max-age=31536000");
}

std::optional<std::string> CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  size_t position = 0;
  while (position < header.size()) {
    size_t end = header.find(';', position);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + position, end - position);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    position = end + 1;
  }
  return std::nullopt;
}

std::string SessionCookie(const std::string& session_id, bool tls) {
  return std::string(kSessionCookie) + "=" + session_id + "; Path=/; HttpOnly; SameSite=Strict" +
         (tls ? "; Secure" : "");
}

std::string ExpiredSessionCookie(bool tls) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (tls ? "; Secure" : "");
}

Result<Json> JsonBody(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    return InvalidArgumentError("the request body must be application/json");
  }
  TAFKIK_ASSIGN_OR_RETURN(Json body, ParseJson(request.body));
  if (!body.is_object()) return InvalidArgumentError("the request body must be a JSON object");
  return body;
}

bool ChangesState(const httplib::Request& request) {
  return request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
         request.method == "DELETE";
}

}  // namespace tafkik::server::internal
