#include "server/internal/context.h"

#include <map>
#include <memory>

#include "app/workspace.h"

namespace tafkik::server::internal {

Result<store::Store*> StoreForThisThread(const std::string& workspace) {
  thread_local std::map<std::string, std::unique_ptr<store::Store>> stores;
  auto found = stores.find(workspace);
  if (found != stores.end()) return found->second.get();
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> opened, app::OpenWorkspace(workspace));
  store::Store* store = opened.get();
  stores.emplace(workspace, std::move(opened));
  return store;
}

Status RequestContext::Authorize(access::Capability capability,
                                 const access::Resource& resource, const std::string& object) {
  access::Decision decision = access::Decide(principal, capability, resource);
  if (decision.allowed) return Status::Ok();
  TAFKIK_RETURN_IF_ERROR(store.RecordEvent(
      actor(), {"access.denied", object, store::AuditOutcome::kDenied,
                Json{{"capability", access::CapabilityName(capability)},
                     {"reason", decision.reason}}}));
  return PermissionDeniedError(decision.reason);
}

Status RequestContext::AuthorizeOrHide(access::Capability capability,
                                       const access::Resource& resource,
                                       const std::string& object) {
  Status status = Authorize(capability, resource, object);
  if (status.code() == StatusCode::kPermissionDenied) {
    return NotFoundError(object + " not found");
  }
  return status;
}

std::vector<Route> AllRoutes() {
  std::vector<Route> all;
  for (auto area : {AuthRoutes, CaseRoutes, AdminRoutes}) {
    for (Route& route : area()) all.push_back(std::move(route));
  }
  return all;
}

}  // namespace tafkik::server::internal
