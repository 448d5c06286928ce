#include "app/relations.h"

#include <optional>
#include <set>

#include "app/internal/properties.h"
#include "app/internal/victim_reads.h"
#include "core/time.h"
#include "model/schema.h"

namespace tafkik::app {
namespace {

// "" -> nullopt; otherwise the parsed instant, or InvalidArgument naming the field.
using internal::OptionalTime;

Status CheckEnd(const std::string& field, const std::string& id) {
  if (IsValidEntityId(id)) return Status::Ok();
  return InvalidArgumentError(field + ": '" + id + "' is not an entity id");
}

Result<model::Relation> BuildRelation(const store::Actor& actor,
                                      const AddRelationRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                          internal::FindSchema(request.schema, /*relation=*/true));
  TAFKIK_RETURN_IF_ERROR(CheckEnd("source", request.source));
  TAFKIK_RETURN_IF_ERROR(CheckEnd("target", request.target));
  model::Relation relation;
  relation.schema = schema->name;
  relation.source = EntityId(request.source);
  relation.target = EntityId(request.target);
  TAFKIK_ASSIGN_OR_RETURN(relation.id, internal::ManualId(request.id, actor));
  TAFKIK_ASSIGN_OR_RETURN(relation.start, OptionalTime("start", request.start));
  TAFKIK_ASSIGN_OR_RETURN(relation.end, OptionalTime("end", request.end));
  if (relation.start && relation.end && *relation.end < *relation.start) {
    return InvalidArgumentError("end " + request.end + " is before start " + request.start);
  }
  TAFKIK_RETURN_IF_ERROR(
      internal::AddAssignments(*schema, request.assignments, request.phone_region,
                               internal::ManualProvenance(actor), relation.properties));
  TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(relation));
  return relation;
}

}  // namespace

Result<model::Relation> AddRelation(store::Store& store, const store::Actor& actor,
                                    const AddRelationRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(model::Relation relation, BuildRelation(actor, request));
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->PutRelation(relation));
  store::AuditRecord record{"relation.add", "relation:" + relation.id.value()};
  record.details = internal::WriteDetails(relation.schema, relation.properties);
  record.details["source"] = relation.source.value();
  record.details["target"] = relation.target.value();
  TAFKIK_RETURN_IF_ERROR(write->Commit(record));
  return relation;
}

Result<std::vector<model::Relation>> ListRelations(store::Store& store, const store::Actor& actor,
                                                   const ListRelationsRequest& request) {
  store::RelationQuery query;
  query.limit = request.limit;
  query.offset = request.offset;
  if (!request.schema.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                            internal::FindSchema(request.schema, /*relation=*/true));
    query.schema = schema->name;
  }
  if (!request.entity.empty()) query.either_end = EntityId(request.entity);
  TAFKIK_ASSIGN_OR_RETURN(query.from, OptionalTime("since", request.since));
  TAFKIK_ASSIGN_OR_RETURN(query.to, OptionalTime("until", request.until));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> relations, store.ListRelations(query));
  std::set<EntityId> ends;
  for (const model::Relation& relation : relations) {
    ends.insert(relation.source);
    ends.insert(relation.target);
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(
      store, actor, {ends.begin(), ends.end()}, "relations", "relation.list"));
  return relations;
}

}  // namespace tafkik::app
