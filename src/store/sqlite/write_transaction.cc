#include "core/text.h"
#include "store/sqlite/lookup_keys.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace tafkik::store::sqlite {
namespace {

std::optional<int64_t> MicrosOf(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->micros();
}

std::string JoinOffences(const std::vector<model::Offence>& offences) {
  std::vector<std::string> names;
  for (model::Offence offence : offences) names.emplace_back(model::OffenceName(offence));
  return Join(names, ",");
}

}  // namespace

Result<Statement*> CachedStatement::Get(Database& db) {
  if (!statement_) {
    TAFKIK_ASSIGN_OR_RETURN(Statement prepared, db.Prepare(sql_));
    statement_.emplace(std::move(prepared));
  }
  statement_->Reset();
  return &*statement_;
}

SqliteWriteTransaction::~SqliteWriteTransaction() {
  if (!finished_) (void)db_.Execute("ROLLBACK");
  store_.write_open = false;
}

Result<int64_t> SqliteWriteTransaction::UpsertEntityRow(const EntityId& id,
                                                        const std::string& schema,
                                                        bool relation) {
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, upsert_entity_.Get(db_));
  stmt->Bind(1, id.value()).Bind(2, schema).Bind(3, int64_t{relation});
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return InternalError("upsert of entity " + id.value() + " returned no row");
  const int64_t rowid = stmt->Int(0);
  const std::string stored_schema = stmt->Text(1);
  stmt->Reset();
  if (stored_schema != schema) {
    return FailedPreconditionError("entity " + id.value() + " exists as " + stored_schema +
                                   ", not " + schema);
  }
  if (!relation) entity_rowids_[id.value()] = rowid;
  return rowid;
}

Result<int64_t> SqliteWriteTransaction::PropertyId(const std::string& name) {
  auto cached = property_ids_.find(name);
  if (cached != property_ids_.end()) return cached->second;
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, upsert_property_.Get(db_));
  stmt->Bind(1, name);
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return InternalError("upsert of property " + name + " returned no row");
  const int64_t id = stmt->Int(0);
  stmt->Reset();
  property_ids_.emplace(name, id);
  return id;
}

Result<int64_t> SqliteWriteTransaction::SourceId(const model::Provenance& provenance) {
  SourceKey key{provenance.dataset, provenance.source_sha256, provenance.evidence_id,
                provenance.user};
  auto cached = source_ids_.find(key);
  if (cached != source_ids_.end()) return cached->second;
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, upsert_source_.Get(db_));
  stmt->Bind(1, provenance.dataset)
      .Bind(2, provenance.source_sha256)
      .Bind(3, provenance.evidence_id)
      .Bind(4, provenance.user);
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return InternalError("upsert of source " + provenance.dataset + " failed");
  const int64_t id = stmt->Int(0);
  stmt->Reset();
  source_ids_.emplace(std::move(key), id);
  return id;
}

Status SqliteWriteTransaction::PutValues(int64_t rowid, const model::Schema& schema,
                                         const model::PropertyMap& properties) {
  for (const auto& [name, values] : properties) {
    const model::Property& property = schema.properties.at(name);  // validated before
    TAFKIK_ASSIGN_OR_RETURN(int64_t property_id, PropertyId(name));
    for (const model::Value& value : values) {
      TAFKIK_ASSIGN_OR_RETURN(int64_t source_id, SourceId(value.provenance));
      TAFKIK_ASSIGN_OR_RETURN(Statement * insert, insert_value_.Get(db_));
      TAFKIK_RETURN_IF_ERROR(insert->Bind(1, rowid)
                                 .Bind(2, property_id)
                                 .Bind(3, value.value)
                                 .Bind(4, source_id)
                                 .Bind(5, value.provenance.row)
                                 .Run());
      for (const std::string& key : LookupKeys(property, value.value)) {
        TAFKIK_ASSIGN_OR_RETURN(Statement * lookup, insert_lookup_.Get(db_));
        TAFKIK_RETURN_IF_ERROR(lookup->Bind(1, key).Bind(2, rowid).Run());
      }
    }
  }
  return Status::Ok();
}

Status SqliteWriteTransaction::PutEntity(const model::Entity& entity) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  TAFKIK_RETURN_IF_ERROR(registry.Validate(entity));
  TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema, registry.Find(entity.schema));
  TAFKIK_ASSIGN_OR_RETURN(int64_t rowid, UpsertEntityRow(entity.id, entity.schema, false));
  return PutValues(rowid, *schema, entity.properties);
}

Result<int64_t> SqliteWriteTransaction::EndRowId(const std::string& context,
                                                 const EntityId& id) {
  auto cached = entity_rowids_.find(id.value());
  if (cached != entity_rowids_.end()) return cached->second;
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, find_thing_.Get(db_));
  stmt->Bind(1, id.value());
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) {
    return NotFoundError(context + " entity " + id.value() + " does not exist");
  }
  const int64_t rowid = stmt->Int(0);
  stmt->Reset();
  entity_rowids_.emplace(id.value(), rowid);
  return rowid;
}

Status SqliteWriteTransaction::CheckSameEnds(const model::Relation& relation, int64_t rowid,
                                             int64_t source, int64_t target) {
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, relation_ends_.Get(db_));
  stmt->Bind(1, rowid);
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  const bool same = has_row && stmt->Int(0) == source && stmt->Int(1) == target;
  stmt->Reset();
  if (same) return Status::Ok();
  return FailedPreconditionError("relation " + relation.id.value() +
                                 " exists already between other entities");
}

Status SqliteWriteTransaction::PutRelation(const model::Relation& relation) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  TAFKIK_RETURN_IF_ERROR(registry.Validate(relation));
  TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema, registry.Find(relation.schema));
  TAFKIK_ASSIGN_OR_RETURN(int64_t source, EndRowId("relation " + relation.id.value() + ": source", relation.source));
  TAFKIK_ASSIGN_OR_RETURN(int64_t target, EndRowId("relation " + relation.id.value() + ": target", relation.target));
  TAFKIK_ASSIGN_OR_RETURN(int64_t rowid, UpsertEntityRow(relation.id, relation.schema, true));
  TAFKIK_ASSIGN_OR_RETURN(Statement * insert, insert_relation_.Get(db_));
  TAFKIK_RETURN_IF_ERROR(insert->Bind(1, rowid)
                             .Bind(2, source)
                             .Bind(3, target)
                             .Bind(4, MicrosOf(relation.start))
                             .Bind(5, MicrosOf(relation.end))
                             .Run());
  if (db_.Changes() == 0) TAFKIK_RETURN_IF_ERROR(CheckSameEnds(relation, rowid, source, target));
  return PutValues(rowid, *schema, relation.properties);
}

Result<CaseId> SqliteWriteTransaction::CreateCase(const model::Case& c) {
  TAFKIK_RETURN_IF_ERROR(model::ValidateCase(c));
  TAFKIK_ASSIGN_OR_RETURN(Statement exists,
                          db_.Prepare("SELECT 1 FROM cases WHERE reference = ?"));
  exists.Bind(1, c.reference);
  TAFKIK_ASSIGN_OR_RETURN(bool taken, exists.Step());
  if (taken) return AlreadyExistsError("case " + c.reference + " exists already");
  TAFKIK_ASSIGN_OR_RETURN(Statement insert, db_.Prepare(
      "INSERT INTO cases(reference, title, country, region, offences, status, lead_unit, "
      "opened_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  TAFKIK_RETURN_IF_ERROR(insert.Bind(1, c.reference)
                             .Bind(2, c.title)
                             .Bind(3, c.jurisdiction.country)
                             .Bind(4, c.jurisdiction.region)
                             .Bind(5, JoinOffences(c.offences))
                             .Bind(6, model::CaseStatusName(c.status))
                             .Bind(7, c.lead_unit)
                             .Bind(8, c.opened.micros())
                             .Run());
  const CaseId id(db_.LastInsertRowId());
  for (const model::CaseMember& member : c.members) {
    TAFKIK_RETURN_IF_ERROR(AddCaseMember(c.reference, member));
  }
  return id;
}

Status SqliteWriteTransaction::AddCaseMember(const std::string& case_reference,
                                             const model::CaseMember& member) {
  TAFKIK_ASSIGN_OR_RETURN(Statement find_case,
                          db_.Prepare("SELECT id FROM cases WHERE reference = ?"));
  find_case.Bind(1, case_reference);
  TAFKIK_ASSIGN_OR_RETURN(bool case_found, find_case.Step());
  if (!case_found) return NotFoundError("case " + case_reference + " does not exist");
  const int64_t case_id = find_case.Int(0);
  TAFKIK_ASSIGN_OR_RETURN(int64_t entity, EndRowId("case " + case_reference + ": member", member.entity));
  TAFKIK_ASSIGN_OR_RETURN(Statement insert, db_.Prepare(
      "INSERT OR IGNORE INTO case_members(case_id, entity, role) VALUES (?, ?, ?)"));
  return insert.Bind(1, case_id).Bind(2, entity).Bind(3, model::RoleName(member.role)).Run();
}

Status SqliteWriteTransaction::Commit(const AuditRecord& record) {
  if (finished_) return FailedPreconditionError("transaction already finished");
  Status status = AppendAuditEvent(db_, store_.key(), actor_.name, record);
  if (status.ok()) status = db_.Execute("COMMIT");
  if (!status.ok()) {
    (void)db_.Execute("ROLLBACK");
    finished_ = true;
    return status.WithContext("commit failed, nothing was written");
  }
  finished_ = true;
  return Status::Ok();
}

}  // namespace tafkik::store::sqlite
