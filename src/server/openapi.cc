#include "server/internal/context.h"

namespace tafkik::server::internal {
namespace {

Json ParametersOf(const std::string& path) {
  Json parameters = Json::array();
  size_t open = path.find('{');
  while (open != std::string::npos) {
    const size_t close = path.find('}', open);
    parameters.push_back({{"name", path.substr(open + 1, close - open - 1)},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
    open = path.find('{', close);
  }
  return parameters;
}

Json OperationOf(const Route& route) {
  Json error_content = {
      {"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}};
  Json responses = {{"200", {{"description", "OK (JSON)"}}},
                    {"default", {{"description", "Error"}, {"content", error_content}}}};
  Json operation = {{"summary", route.summary},
                    {"parameters", ParametersOf(route.openapi_path)},
                    {"responses", responses}};
  if (route.authenticated) {
    Json security = Json::array();
    security.push_back({{"session", Json::array()}});
    operation["security"] = security;
  } else {
    operation["security"] = Json::array();
  }
  return operation;
}

Json Components() {
  Json error_fields = {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}};
  Json error = {{"type", "object"},
                {"properties", {{"error", {{"type", "object"}, {"properties", error_fields}}}}}};
  Json session = {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}};
  return {{"securitySchemes", {{"session", session}}}, {"schemas", {{"Error", error}}}};
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

Json OpenApiDocument(const std::vector<Route>& routes) {
  Json paths = Json::object();
  for (const Route& route : routes) {
    paths[route.openapi_path][Lower(route.method)] = OperationOf(route);
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Tafkik API"},
            {"version", "0.1.0"},
            {"description",
             "Cases, entities, screening, evidence and analysis of a Tafkik workspace. State "
             "changes need the X-CSRF-Token header from /api/login or /api/me."}}},
          {"paths", paths},
          {"components", Components()}};
}

}  // namespace tafkik::server::internal
