#include "app/casefile_facts.h"

#include <algorithm>

#include "app/internal/victim_reads.h"
#include "model/caption.h"

namespace tafkik::app::casefile_facts {
namespace {

Status LoadHoldings(store::Store& store, CaseFacts& facts) {
  for (const model::CaseMember& member : facts.record.members) {
    std::set<std::string>& held = facts.holdings[member.entity.value()];
    held.insert(member.entity.value());
    store::RelationQuery query;
    query.schema = "Ownership";
    query.either_end = member.entity;
    query.limit = 500;
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> owned, store.ListRelations(query));
    for (const model::Relation& ownership : owned) {
      if (ownership.source == member.entity) held.insert(ownership.target.value());
    }
    if (member.role == model::Role::kVictim) facts.victim_side.insert(held.begin(), held.end());
  }
  return Status::Ok();
}

Status LoadRelations(store::Store& store, CaseFacts& facts, int64_t per_entity) {
  std::set<std::string> seen_entities, seen_relations;
  for (const auto& [member, held] : facts.holdings) {
    for (const std::string& id : held) {
      if (!seen_entities.insert(id).second) continue;
      store::RelationQuery query;
      query.either_end = EntityId(id);
      query.limit = per_entity;
      TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> found, store.ListRelations(query));
      if (static_cast<int64_t>(found.size()) >= per_entity) facts.truncated = true;
      for (model::Relation& relation : found) {
        if (seen_relations.insert(relation.id.value()).second) {
          facts.relations.push_back(std::move(relation));
        }
      }
    }
  }
  std::sort(facts.relations.begin(), facts.relations.end(), [](const auto& left, const auto& right) {
    if (left.start != right.start) return left.start < right.start;
    return left.id < right.id;
  });
  return Status::Ok();
}

Status LoadEntities(store::Store& store, CaseFacts& facts) {
  std::set<std::string> wanted;
  for (const auto& [member, held] : facts.holdings) wanted.insert(held.begin(), held.end());
  for (const model::Relation& relation : facts.relations) {
    wanted.insert(relation.source.value());
    wanted.insert(relation.target.value());
  }
  for (const std::string& id : wanted) {
    Result<model::Entity> entity = store.GetEntity(EntityId(id));
    if (entity.ok()) facts.entities.emplace(id, std::move(entity).value());
  }
  return Status::Ok();
}

}  // namespace

Result<CaseFacts> LoadCaseFacts(store::Store& store, const store::Actor& actor,
                                const std::string& case_reference, const std::string& via,
                                int64_t relations_per_entity) {
  CaseFacts facts;
  TAFKIK_ASSIGN_OR_RETURN(facts.record, store.GetCase(case_reference));
  TAFKIK_RETURN_IF_ERROR(LoadHoldings(store, facts));
  TAFKIK_RETURN_IF_ERROR(LoadRelations(store, facts, relations_per_entity));
  TAFKIK_RETURN_IF_ERROR(LoadEntities(store, facts));
  std::vector<EntityId> read;
  for (const auto& [id, entity] : facts.entities) read.emplace_back(id);
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, read, "case:" + case_reference, via));
  return facts;
}

std::string CaptionOf(const CaseFacts& facts, const std::string& id) {
  auto found = facts.entities.find(id);
  return found == facts.entities.end() ? id : model::Caption(found->second);
}

std::vector<std::string> MembersWithRole(const CaseFacts& facts, model::Role role) {
  std::vector<std::string> ids;
  for (const model::CaseMember& member : facts.record.members) {
    if (member.role == role) ids.push_back(member.entity.value());
  }
  return ids;
}

}  // namespace tafkik::app::casefile_facts
