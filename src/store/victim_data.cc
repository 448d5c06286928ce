#include "store/victim_data.h"

#include <string>

namespace tafkik::store {
namespace {

// Rule 1 (the victim role in a case) or rule 4 (the subject of a victim screening).
Result<bool> HasVictimRole(Store& store, const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<CaseRole> roles, store.RolesOf(id));
  if (HasVictimRole(roles)) return true;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> screenings,
                          store.ListRecords({.kind = std::string(kScreeningKind),
                                             .subject = id.value(),
                                             .limit = 1}));
  return !screenings.empty();
}

// Rules 2 and 3 for `entity` (rule 1 is checked by the caller); `entity` may be null.
Result<bool> LinkedToVictim(Store& store, const EntityId& id, const model::Entity* entity) {
  if (entity != nullptr) {
    for (const char* property : {"holder", "owner"}) {
      for (const std::string& linked : entity->All(property)) {
        if (linked.empty() || linked == id.value()) continue;
        TAFKIK_ASSIGN_OR_RETURN(bool victim, HasVictimRole(store, EntityId(linked)));
        if (victim) return true;
      }
    }
  }
  RelationQuery query;
  query.schema = "Ownership";
  query.either_end = id;
  query.limit = kOwnershipLimit;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> ownerships, store.ListRelations(query));
  for (const model::Relation& ownership : ownerships) {
    const EntityId& other = ownership.source == id ? ownership.target : ownership.source;
    if (other == id) continue;
    TAFKIK_ASSIGN_OR_RETURN(bool victim, HasVictimRole(store, other));
    if (victim) return true;
  }
  return false;
}

}  // namespace

bool HasVictimRole(const std::vector<CaseRole>& roles) {
  for (const CaseRole& role : roles) {
    if (role.role == model::Role::kVictim) return true;
  }
  return false;
}

Result<bool> IsVictimData(Store& store, const model::Entity& entity) {
  TAFKIK_ASSIGN_OR_RETURN(bool victim, HasVictimRole(store, entity.id));
  if (victim) return true;
  return LinkedToVictim(store, entity.id, &entity);
}

Result<bool> IsVictimData(Store& store, const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(bool victim, HasVictimRole(store, id));
  if (victim) return true;
  Result<model::Entity> entity = store.GetEntity(id);
  if (!entity.ok() && entity.status().code() != StatusCode::kNotFound) return entity.status();
  return LinkedToVictim(store, id, entity.ok() ? &*entity : nullptr);
}

Result<std::vector<EntityId>> VictimDataAmong(Store& store, const std::vector<EntityId>& ids) {
  std::vector<EntityId> out;
  for (const EntityId& id : ids) {
    TAFKIK_ASSIGN_OR_RETURN(bool victim, IsVictimData(store, id));
    if (victim) out.push_back(id);
  }
  return out;
}

}  // namespace tafkik::store
