#include "app/internal/victim_reads.h"

namespace tafkik::app::internal {

bool IsVictim(const std::vector<store::CaseRole>& roles) {
  for (const store::CaseRole& role : roles) {
    if (role.role == model::Role::kVictim) return true;
  }
  return false;
}

Status RecordVictimReads(store::Store& store, const store::Actor& actor,
                         const std::vector<EntityId>& entities, const std::string& object,
                         const std::string& via) {
  Json victims = Json::array();
  for (const EntityId& id : entities) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<store::CaseRole> roles, store.RolesOf(id));
    if (IsVictim(roles)) victims.push_back(id.value());
  }
  if (victims.empty()) return Status::Ok();
  store::AuditRecord record{"entity.read", object};
  record.details = Json{{"via", via}, {"victims", std::move(victims)}};
  return store.RecordEvent(actor, record);
}

}  // namespace tafkik::app::internal
