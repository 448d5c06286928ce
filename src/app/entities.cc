#include "app/entities.h"

#include "app/internal/properties.h"
#include "app/internal/victim_reads.h"
#include "core/text.h"
#include "model/schema.h"

namespace tafkik::app {
namespace {

std::vector<EntityId> IdsOf(const std::vector<model::Entity>& entities) {
  std::vector<EntityId> ids;
  ids.reserve(entities.size());
  for (const model::Entity& entity : entities) ids.push_back(entity.id);
  return ids;
}

Result<model::Entity> BuildEntity(const store::Actor& actor, const AddEntityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                          internal::FindSchema(request.schema, /*relation=*/false));
  model::Entity entity;
  entity.schema = schema->name;
  TAFKIK_ASSIGN_OR_RETURN(entity.id, internal::ManualId(request.id, actor));
  TAFKIK_RETURN_IF_ERROR(
      internal::AddAssignments(*schema, request.assignments, request.phone_region,
                               internal::ManualProvenance(actor), entity.properties));
  TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(entity));
  return entity;
}

Result<store::EntityQuery> ToQuery(store::Store& store, const ListEntitiesRequest& request) {
  store::EntityQuery query;
  query.limit = request.limit;
  query.offset = request.offset;
  if (!request.schema.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                            internal::FindSchema(request.schema, /*relation=*/false));
    query.schema = schema->name;
  }
  if (!request.case_reference.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(model::Case found, store.GetCase(request.case_reference));
    query.case_id = found.id;
  }
  return query;
}

}  // namespace

Result<model::Entity> AddEntity(store::Store& store, const store::Actor& actor,
                                const AddEntityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, BuildEntity(actor, request));
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->PutEntity(entity));
  store::AuditRecord record{"entity.add", "entity:" + entity.id.value()};
  record.details = internal::WriteDetails(entity.schema, entity.properties);
  TAFKIK_RETURN_IF_ERROR(write->Commit(record));
  return entity;
}

Result<EntityView> ShowEntity(store::Store& store, const store::Actor& actor, const EntityId& id) {
  EntityView view;
  TAFKIK_ASSIGN_OR_RETURN(view.entity, store.GetEntity(id));
  TAFKIK_ASSIGN_OR_RETURN(view.roles, store.RolesOf(id));
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, {id}, "entity:" + id.value(), "entity.show"));
  return view;
}

Result<std::vector<model::Entity>> ListEntities(store::Store& store, const store::Actor& actor,
                                                const ListEntitiesRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(store::EntityQuery query, ToQuery(store, request));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> entities, store.ListEntities(query));
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, IdsOf(entities), "entities", "entity.list"));
  return entities;
}

Result<std::vector<model::Entity>> SearchEntities(store::Store& store, const store::Actor& actor,
                                                  const store::SearchQuery& query) {
  if (Trim(query.text).empty()) return InvalidArgumentError("search text is empty");
  store::SearchQuery checked = query;
  if (!query.schema.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                            internal::FindSchema(query.schema, /*relation=*/false));
    checked.schema = schema->name;
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> entities, store.SearchEntities(checked));
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, IdsOf(entities), "entities", "entity.search"));
  return entities;
}

}  // namespace tafkik::app
