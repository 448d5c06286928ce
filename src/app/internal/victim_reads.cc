#include "app/internal/victim_reads.h"

#include "store/victim_data.h"

namespace tafkik::app::internal {

bool IsVictim(const std::vector<store::CaseRole>& roles) { return store::HasVictimRole(roles); }

Status RecordVictimReads(store::Store& store, const store::Actor& actor,
                         const std::vector<EntityId>& entities, const std::string& object,
                         const std::string& via) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<EntityId> found, store::VictimDataAmong(store, entities));
  if (found.empty()) return Status::Ok();
  Json victims = Json::array();
  for (const EntityId& id : found) victims.push_back(id.value());
  store::AuditRecord record{"entity.read", object};
  record.details = Json{{"via", via}, {"victims", std::move(victims)}};
  return store.RecordEvent(actor, record);
}

}  // namespace tafkik::app::internal
