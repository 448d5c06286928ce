#include "core/json.h"
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
  if (!committed_) store_.ForgetInterned();
  store_.write_open = false;
}

Result<int64_t> SqliteWriteTransaction::UpsertEntityRow(const EntityId& id,
                                                        const std::string& schema) {
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, upsert_entity_.Get(db_));
  stmt->Bind(1, id.value()).Bind(2, schema);
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return InternalError("upsert of entity " + id.value() + " returned no row");
  const int64_t rowid = stmt->Int(0);
  const std::string stored_schema = stmt->Text(1);
  stmt->Reset();
  if (stored_schema != schema) {
    return FailedPreconditionError("entity " + id.value() + " exists as " + stored_schema +
                                   ", not " + schema);
  }
  entity_rowids_[id.value()] = rowid;
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

Status SqliteWriteTransaction::Poison(Status status) {
  if (!status.ok()) poisoned_ = true;
  return status;
}

// Checks that fail before anything is written (validation, missing ends, a taken reference)
// leave the transaction usable; a failure after the first row was written poisons it.
Status SqliteWriteTransaction::PutEntity(const model::Entity& entity) {
  TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(entity));
  return Poison(PutEntityRows(entity));
}

Status SqliteWriteTransaction::PutRelation(const model::Relation& relation) {
  TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(relation));
  TAFKIK_ASSIGN_OR_RETURN(int64_t source, EndRowId("relation " + relation.id.value() + ": source",
                                                   relation.source));
  TAFKIK_ASSIGN_OR_RETURN(int64_t target, EndRowId("relation " + relation.id.value() + ": target",
                                                   relation.target));
  return Poison(PutRelationRow(relation, source, target));
}

Result<CaseId> SqliteWriteTransaction::CreateCase(const model::Case& c) {
  TAFKIK_RETURN_IF_ERROR(model::ValidateCase(c));
  TAFKIK_ASSIGN_OR_RETURN(Statement exists,
                          db_.Prepare("SELECT 1 FROM cases WHERE reference = ?"));
  exists.Bind(1, c.reference);
  TAFKIK_ASSIGN_OR_RETURN(bool taken, exists.Step());
  if (taken) return AlreadyExistsError("case " + c.reference + " exists already");
  Result<CaseId> created = CreateCaseRows(c);
  (void)Poison(created.status());
  return created;
}

Status SqliteWriteTransaction::AddCaseMember(const std::string& case_reference,
                                             const model::CaseMember& member) {
  TAFKIK_ASSIGN_OR_RETURN(Statement find_case,
                          db_.Prepare("SELECT id FROM cases WHERE reference = ?"));
  find_case.Bind(1, case_reference);
  TAFKIK_ASSIGN_OR_RETURN(bool case_found, find_case.Step());
  if (!case_found) return NotFoundError("case " + case_reference + " does not exist");
  TAFKIK_ASSIGN_OR_RETURN(int64_t entity,
                          EndRowId("case " + case_reference + ": member", member.entity));
  return Poison(AddCaseMemberRow(find_case.Int(0), entity, member.role));
}

Status SqliteWriteTransaction::PutEntityRows(const model::Entity& entity) {
  TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                          model::SchemaRegistry::Default().Find(entity.schema));
  TAFKIK_ASSIGN_OR_RETURN(int64_t rowid, UpsertEntityRow(entity.id, entity.schema));
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

Result<std::vector<PackedValue>> SqliteWriteTransaction::Pack(
    const model::PropertyMap& properties) {
  std::vector<PackedValue> packed;
  for (const auto& [name, values] : properties) {
    TAFKIK_ASSIGN_OR_RETURN(int64_t property_id, PropertyId(name));
    for (const model::Value& value : values) {
      TAFKIK_ASSIGN_OR_RETURN(int64_t source_id, SourceId(value.provenance));
      packed.push_back({property_id, source_id, value.provenance.row, value.value});
    }
  }
  return packed;
}

// The relation exists (a re-import, or another source adding values): its schema and ends
// must agree; new values are merged in, the interval stays as first recorded.
Status SqliteWriteTransaction::MergeIntoStoredRelation(const model::Relation& relation,
                                                       int64_t source, int64_t target,
                                                       const std::vector<PackedValue>& values) {
  TAFKIK_ASSIGN_OR_RETURN(Statement * stored, stored_relation_.Get(db_));
  stored->Bind(1, relation.id.value());
  TAFKIK_ASSIGN_OR_RETURN(bool found, stored->Step());
  if (!found) return InternalError("relation " + relation.id.value() + " vanished");
  if (stored->Text(1) != relation.schema) {
    return FailedPreconditionError("relation " + relation.id.value() + " exists as " +
                                   stored->Text(1) + ", not " + relation.schema);
  }
  if (stored->Int(2) != source || stored->Int(3) != target) {
    return FailedPreconditionError("relation " + relation.id.value() +
                                   " exists already between other entities");
  }
  const int64_t rowid = stored->Int(0);
  TAFKIK_ASSIGN_OR_RETURN(std::vector<PackedValue> merged, UnpackValues(stored->Blob(4)));
  stored->Reset();
  if (!MergeValues(merged, values)) return Status::Ok();
  TAFKIK_ASSIGN_OR_RETURN(Statement * update, update_relation_values_.Get(db_));
  return update->BindBlob(1, PackValues(merged)).Bind(2, rowid).Run();
}

Status SqliteWriteTransaction::PutRelationRow(const model::Relation& relation, int64_t source,
                                              int64_t target) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<PackedValue> values, Pack(relation.properties));
  TAFKIK_ASSIGN_OR_RETURN(Statement * insert, insert_relation_.Get(db_));
  TAFKIK_RETURN_IF_ERROR(insert->Bind(1, relation.id.value())
                             .Bind(2, relation.schema)
                             .Bind(3, source)
                             .Bind(4, target)
                             .Bind(5, MicrosOf(relation.start))
                             .Bind(6, MicrosOf(relation.end))
                             .BindBlob(7, PackValues(values))
                             .Run());
  if (db_.Changes() == 1) return Status::Ok();
  return MergeIntoStoredRelation(relation, source, target, values);
}

Result<CaseId> SqliteWriteTransaction::CreateCaseRows(const model::Case& c) {
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
    TAFKIK_ASSIGN_OR_RETURN(int64_t entity,
                            EndRowId("case " + c.reference + ": member", member.entity));
    TAFKIK_RETURN_IF_ERROR(AddCaseMemberRow(id.value(), entity, member.role));
  }
  return id;
}

Status SqliteWriteTransaction::AddCaseMemberRow(int64_t case_id, int64_t entity,
                                                model::Role role) {
  TAFKIK_ASSIGN_OR_RETURN(Statement insert, db_.Prepare(
      "INSERT OR IGNORE INTO case_members(case_id, entity, role) VALUES (?, ?, ?)"));
  return insert.Bind(1, case_id).Bind(2, entity).Bind(3, model::RoleName(role)).Run();
}

Status SqliteWriteTransaction::Commit(const AuditRecord& record) {
  if (finished_) return FailedPreconditionError("transaction already finished");
  if (poisoned_) {
    // A write in it failed half way (some of its rows may be in the transaction): committing
    // would land part of a write. The caller rolls back and starts again.
    return FailedPreconditionError("a write in this transaction failed; nothing was committed");
  }
  Status status = AppendAuditEvent(db_, store_.key(), actor_.name, record);
  if (status.ok()) status = db_.Execute("COMMIT");
  if (!status.ok()) {
    (void)db_.Execute("ROLLBACK");
    finished_ = true;
    return status.WithContext("commit failed, nothing was written");
  }
  finished_ = true;
  committed_ = true;
  return Status::Ok();
}

}  // namespace tafkik::store::sqlite

namespace tafkik::store::sqlite {

Result<std::optional<int64_t>> SqliteWriteTransaction::CaseRowId(const std::string& reference) {
  if (reference.empty()) return std::optional<int64_t>();
  TAFKIK_ASSIGN_OR_RETURN(Statement find_case,
                          db_.Prepare("SELECT id FROM cases WHERE reference = ?"));
  find_case.Bind(1, reference);
  TAFKIK_ASSIGN_OR_RETURN(bool found, find_case.Step());
  if (!found) return NotFoundError("case " + reference + " does not exist");
  return std::optional<int64_t>(find_case.Int(0));
}

Status SqliteWriteTransaction::WriteRecord(const model::Record& record, bool replace) {
  TAFKIK_RETURN_IF_ERROR(model::ValidateRecord(record));
  TAFKIK_ASSIGN_OR_RETURN(std::optional<int64_t> case_id, CaseRowId(record.case_reference));
  TAFKIK_ASSIGN_OR_RETURN(std::string body, CanonicalJson(record.body));
  TAFKIK_ASSIGN_OR_RETURN(Statement exists,
                          db_.Prepare("SELECT 1 FROM records WHERE kind = ? AND id = ?"));
  exists.Bind(1, record.kind).Bind(2, record.id);
  TAFKIK_ASSIGN_OR_RETURN(bool taken, exists.Step());
  if (taken && !replace) {
    return AlreadyExistsError("record " + record.kind + "/" + record.id + " exists already");
  }
  const char* sql = taken ? "UPDATE records SET case_id = ?, subject = ?, body = ?, actor = ? "
                            "WHERE kind = ? AND id = ?"
                          : "INSERT INTO records(case_id, subject, body, actor, kind, id, "
                            "created_us) VALUES (?, ?, ?, ?, ?, ?, ?)";
  TAFKIK_ASSIGN_OR_RETURN(Statement write, db_.Prepare(sql));
  write.Bind(1, case_id);
  if (record.subject.empty()) {
    write.BindNull(2);
  } else {
    write.Bind(2, record.subject);
  }
  write.Bind(3, body).Bind(4, actor_.name).Bind(5, record.kind).Bind(6, record.id);
  if (!taken) write.Bind(7, Timestamp::Now().micros());
  return Poison(write.Run());
}

Status SqliteWriteTransaction::InsertRecord(const model::Record& record) {
  return WriteRecord(record, /*replace=*/false);
}

Status SqliteWriteTransaction::UpsertRecord(const model::Record& record) {
  return WriteRecord(record, /*replace=*/true);
}

}  // namespace tafkik::store::sqlite
