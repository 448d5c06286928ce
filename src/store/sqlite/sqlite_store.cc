// Opening a workspace and the read side of the SQLite backend.
#include "store/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/json.h"
#include "core/text.h"
#include "store/sqlite/lookup_keys.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace tafkik::store {
namespace sqlite {
namespace {

constexpr char kSelectRelations[] =
    "SELECT r.id, r.eid, r.schema, s.eid, t.eid, r.start_us, r.end_us, r.properties "
    "FROM relations r JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target";

std::optional<Timestamp> TimestampOf(const std::optional<int64_t>& micros) {
  if (!micros) return std::nullopt;
  return Timestamp::FromMicros(*micros);
}

Result<std::vector<model::Offence>> ParseOffences(const std::string& text) {
  std::vector<model::Offence> offences;
  for (const std::string& name : Split(text, ',')) {
    if (name.empty()) continue;
    TAFKIK_ASSIGN_OR_RETURN(model::Offence offence, model::ParseOffence(name));
    offences.push_back(offence);
  }
  return offences;
}

Result<model::Case> ReadCaseRow(const Statement& row) {  // columns as kSelectCases
  model::Case c;
  c.id = CaseId(row.Int(0));
  c.reference = row.Text(1);
  c.title = row.Text(2);
  c.jurisdiction = {row.Text(3), row.Text(4)};
  TAFKIK_ASSIGN_OR_RETURN(c.offences, ParseOffences(row.Text(5)));
  TAFKIK_ASSIGN_OR_RETURN(c.status, model::ParseCaseStatus(row.Text(6)));
  c.lead_unit = row.Text(7);
  c.opened = Timestamp::FromMicros(row.Int(8));
  return c;
}

constexpr char kSelectCases[] =
    "SELECT id, reference, title, country, region, offences, status, lead_unit, opened_us "
    "FROM cases";

}  // namespace

Result<std::unique_ptr<WriteTransaction>> SqliteStore::BeginWrite(const Actor& actor) {
  if (write_open) return FailedPreconditionError("a write transaction is already open");
  if (actor.name.empty()) return InvalidArgumentError("a write needs an actor");
  TAFKIK_RETURN_IF_ERROR(db_->Execute("BEGIN IMMEDIATE"));
  write_open = true;
  return std::unique_ptr<WriteTransaction>(new SqliteWriteTransaction(*this, actor));
}

Result<model::PropertyMap> SqliteStore::LoadValues(int64_t rowid) {
  TAFKIK_ASSIGN_OR_RETURN(Statement * stmt, load_values_.Get(*db_));
  stmt->Bind(1, rowid);
  model::PropertyMap properties;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) break;
    model::Provenance provenance{stmt->Text(2), stmt->Text(3), stmt->Int(4), stmt->Text(5),
                                 stmt->Text(6)};
    properties[stmt->Text(0)].push_back({stmt->Text(1), std::move(provenance)});
  }
  stmt->Reset();
  return properties;
}

Result<model::Entity> SqliteStore::LoadEntityRow(Statement& row) {
  model::Entity entity;
  entity.id = EntityId(row.Text(1));
  entity.schema = row.Text(2);
  TAFKIK_ASSIGN_OR_RETURN(entity.properties, LoadValues(row.Int(0)));
  return entity;
}

void SqliteStore::ForgetInterned() {
  property_names_.clear();
  sources_.clear();
}

Result<std::string> SqliteStore::PropertyName(int64_t id) {
  auto cached = property_names_.find(id);
  if (cached != property_names_.end()) return cached->second;
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare("SELECT name FROM properties WHERE id = ?"));
  row.Bind(1, id);
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return DataLossError("property id " + std::to_string(id) + " is missing");
  return property_names_.emplace(id, row.Text(0)).first->second;
}

Result<model::Provenance> SqliteStore::SourceOf(int64_t id) {
  auto cached = sources_.find(id);
  if (cached != sources_.end()) return cached->second;
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(
      "SELECT dataset, source_sha256, evidence_id, user FROM sources WHERE id = ?"));
  row.Bind(1, id);
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return DataLossError("source id " + std::to_string(id) + " is missing");
  model::Provenance provenance{row.Text(0), row.Text(1), -1, row.Text(2), row.Text(3)};
  return sources_.emplace(id, std::move(provenance)).first->second;
}

Result<model::Relation> SqliteStore::LoadRelationRow(Statement& row) {
  model::Relation relation;
  relation.id = EntityId(row.Text(1));
  relation.schema = row.Text(2);
  relation.source = EntityId(row.Text(3));
  relation.target = EntityId(row.Text(4));
  relation.start = TimestampOf(row.OptionalInt(5));
  relation.end = TimestampOf(row.OptionalInt(6));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<PackedValue> values, UnpackValues(row.Blob(7)));
  for (PackedValue& value : values) {
    TAFKIK_ASSIGN_OR_RETURN(std::string name, PropertyName(value.property));
    TAFKIK_ASSIGN_OR_RETURN(model::Provenance provenance, SourceOf(value.source));
    provenance.row = value.row;
    relation.properties[name].push_back({std::move(value.value), std::move(provenance)});
  }
  return relation;
}

Result<model::Entity> SqliteStore::GetEntity(const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row,
                          db_->Prepare("SELECT id, eid, schema FROM entities WHERE eid = ?"));
  row.Bind(1, id.value());
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (found) return LoadEntityRow(row);
  Result<model::Relation> relation = GetRelation(id);
  if (relation.ok()) {
    return InvalidArgumentError(id.value() + " is a " + relation->schema +
                                " relation, not an entity");
  }
  return NotFoundError("entity " + id.value() + " does not exist");
}

Result<model::Relation> SqliteStore::GetRelation(const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row,
                          db_->Prepare(std::string(kSelectRelations) + " WHERE r.eid = ?"));
  row.Bind(1, id.value());
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return NotFoundError("relation " + id.value() + " does not exist");
  return LoadRelationRow(row);
}

Result<std::vector<model::Entity>> SqliteStore::ListEntities(const EntityQuery& query) {
  std::string sql = "SELECT e.id, e.eid, e.schema FROM entities e WHERE 1";
  if (!query.schema.empty()) sql += " AND e.schema = ?1";
  if (query.case_id) {
    sql += " AND e.id IN (SELECT entity FROM case_members WHERE case_id = ?2)";
  }
  sql += " ORDER BY e.eid LIMIT ?3 OFFSET ?4";
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(sql));
  if (!query.schema.empty()) row.Bind(1, query.schema);
  if (query.case_id) row.Bind(2, query.case_id->value());
  row.Bind(3, query.limit).Bind(4, query.offset);
  std::vector<model::Entity> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, LoadEntityRow(row));
    out.push_back(std::move(entity));
  }
  return out;
}

Result<std::optional<int64_t>> SqliteStore::RowIdOf(const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare("SELECT id FROM entities WHERE eid = ?"));
  row.Bind(1, id.value());
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return std::optional<int64_t>();
  return std::optional<int64_t>(row.Int(0));
}

Result<std::vector<model::Relation>> SqliteStore::ListRelations(const RelationQuery& query) {
  std::string sql = std::string(kSelectRelations) + " WHERE 1";
  std::optional<int64_t> end;
  if (query.either_end) {
    TAFKIK_ASSIGN_OR_RETURN(end, RowIdOf(*query.either_end));
    if (!end) return NotFoundError("entity " + query.either_end->value() + " does not exist");
    sql += " AND (r.source = ?1 OR r.target = ?1)";
  }
  if (!query.schema.empty()) sql += " AND r.schema = ?2";
  if (query.from) sql += " AND r.start_us >= ?3";
  if (query.to) sql += " AND r.start_us < ?4";
  sql += " ORDER BY r.start_us, r.eid LIMIT ?5 OFFSET ?6";
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(sql));
  if (end) row.Bind(1, *end);
  if (!query.schema.empty()) row.Bind(2, query.schema);
  if (query.from) row.Bind(3, query.from->micros());
  if (query.to) row.Bind(4, query.to->micros());
  row.Bind(5, query.limit).Bind(6, query.offset);
  std::vector<model::Relation> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Relation relation, LoadRelationRow(row));
    out.push_back(std::move(relation));
  }
  return out;
}

Result<std::vector<int64_t>> SqliteStore::EntitiesWithKey(const std::string& key,
                                                          int64_t limit) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row,
                          db_->Prepare("SELECT entity FROM lookup WHERE key = ? LIMIT ?"));
  row.Bind(1, key).Bind(2, limit);
  std::vector<int64_t> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    out.push_back(row.Int(0));
  }
  return out;
}

Result<std::vector<int64_t>> SqliteStore::EntitiesWithKeyPrefix(const std::string& prefix,
                                                                int64_t limit) {
  // Keys are UTF-8, so every key that starts with `prefix` sorts below prefix + U+10FFFF's
  // first byte 0xF4 ... using 0xFF, which no UTF-8 text contains, bounds the range exactly.
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(
      "SELECT DISTINCT entity FROM lookup WHERE key >= ? AND key < ? LIMIT ?"));
  row.Bind(1, prefix).Bind(2, prefix + "\xff").Bind(3, limit);
  std::vector<int64_t> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    out.push_back(row.Int(0));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<model::Entity>> SqliteStore::SearchEntities(const SearchQuery& query) {
  const SearchKeys keys = SearchKeysFor(query.text);
  // Exact keys (the whole name, the phone, the identifier) rank before token matches.
  std::vector<int64_t> ranked;
  std::set<int64_t> seen;
  auto add_all = [&](const std::vector<int64_t>& ids) {
    for (int64_t id : ids) {
      if (seen.insert(id).second) ranked.push_back(id);
    }
  };
  for (const std::string& exact : {keys.name_key, keys.phone_key, keys.identifier_key}) {
    if (exact.empty() || exact == "i:") continue;
    TAFKIK_ASSIGN_OR_RETURN(std::vector<int64_t> ids, EntitiesWithKey(exact, 1000));
    add_all(ids);
  }
  std::vector<int64_t> all_tokens;
  for (size_t token_idx = 0; token_idx < keys.token_keys.size(); ++token_idx) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                            EntitiesWithKeyPrefix(keys.token_keys[token_idx], 10000));
    if (token_idx == 0) {
      all_tokens = std::move(ids);
      continue;
    }
    std::vector<int64_t> both;
    std::set_intersection(all_tokens.begin(), all_tokens.end(), ids.begin(), ids.end(),
                          std::back_inserter(both));
    all_tokens = std::move(both);
  }
  add_all(all_tokens);

  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(
      "SELECT id, eid, schema FROM entities WHERE id = ?"));
  std::vector<model::Entity> out;
  for (int64_t id : ranked) {
    if (static_cast<int64_t>(out.size()) >= query.limit) break;
    row.Reset();
    row.Bind(1, id);
    TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
    if (!found || (!query.schema.empty() && row.Text(2) != query.schema)) continue;
    TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, LoadEntityRow(row));
    out.push_back(std::move(entity));
  }
  return out;
}

Result<model::Case> SqliteStore::GetCase(const std::string& reference) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row,
                          db_->Prepare(std::string(kSelectCases) + " WHERE reference = ?"));
  row.Bind(1, reference);
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return NotFoundError("case " + reference + " does not exist");
  TAFKIK_ASSIGN_OR_RETURN(model::Case c, ReadCaseRow(row));
  TAFKIK_ASSIGN_OR_RETURN(Statement members, db_->Prepare(
      "SELECT e.eid, m.role FROM case_members m JOIN entities e ON e.id = m.entity "
      "WHERE m.case_id = ? ORDER BY m.role, e.eid"));
  members.Bind(1, c.id.value());
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, members.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Role role, model::ParseRole(members.Text(1)));
    c.members.push_back({EntityId(members.Text(0)), role});
  }
  return c;
}

Result<std::vector<model::Case>> SqliteStore::ListCases() {
  TAFKIK_ASSIGN_OR_RETURN(Statement row,
                          db_->Prepare(std::string(kSelectCases) + " ORDER BY reference"));
  std::vector<model::Case> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Case c, ReadCaseRow(row));
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<CaseRole>> SqliteStore::RolesOf(const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(
      "SELECT c.reference, m.role FROM case_members m JOIN cases c ON c.id = m.case_id "
      "JOIN entities e ON e.id = m.entity WHERE e.eid = ? ORDER BY c.reference, m.role"));
  row.Bind(1, id.value());
  std::vector<CaseRole> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Role role, model::ParseRole(row.Text(1)));
    out.push_back({row.Text(0), role});
  }
  return out;
}

Result<Counts> SqliteStore::Count() {
  Counts counts;
  for (auto [table, bucket] : {std::pair{"entities", &counts.entities_by_schema},
                                std::pair{"relations", &counts.relations_by_schema}}) {
    TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(std::string("SELECT schema, count(*) FROM ") +
                                                        table + " GROUP BY schema"));
    while (true) {
      TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
      if (!has_row) break;
      (*bucket)[row.Text(0)] = row.Int(1);
    }
  }
  TAFKIK_ASSIGN_OR_RETURN(counts.values, QueryInt(*db_, "SELECT count(*) FROM entity_values"));
  TAFKIK_ASSIGN_OR_RETURN(counts.cases, QueryInt(*db_, "SELECT count(*) FROM cases"));
  TAFKIK_ASSIGN_OR_RETURN(counts.audit_events,
                          QueryInt(*db_, "SELECT count(*) FROM audit_events"));
  return counts;
}

}  // namespace sqlite

namespace {

bool FileExists(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0;
}

// A folder that exists, is not empty and has no database is somebody else's folder.
Status CheckCanCreateAt(const WorkspacePaths& paths) {
  std::error_code error;
  if (!std::filesystem::exists(paths.root, error)) return Status::Ok();
  if (!std::filesystem::is_directory(paths.root, error)) {
    return FailedPreconditionError(paths.root + " exists and is not a folder");
  }
  const bool empty = std::filesystem::is_empty(paths.root, error);
  const bool has_keys = FileExists(paths.signing_key);
  if (!empty && !has_keys) {
    return FailedPreconditionError(paths.root +
                                   " exists, is not empty and is not a Tafkik workspace");
  }
  return Status::Ok();
}

// REQUIRES: inside the transaction that applied the migrations of `outcome`.
Status RecordOpening(sqlite::Database& db, const SigningKey& key, const std::string& actor,
                     const sqlite::MigrationOutcome& outcome) {
  if (outcome.from_version == outcome.to_version) return Status::Ok();
  Status status;
  AuditRecord record;
  if (outcome.from_version == 0) {
    TAFKIK_ASSIGN_OR_RETURN(sqlite::Statement info, db.Prepare(
        "INSERT INTO workspace_info(key, value) VALUES ('public_key', ?), ('created', ?)"));
    status = info.Bind(1, key.PublicKeyHex()).Bind(2, FormatTimestamp(Timestamp::Now())).Run();
    record = {"workspace.create", "workspace", AuditOutcome::kOk,
              Json{{"public_key", key.PublicKeyHex()}}};
  } else {
    record = {"workspace.migrate", "workspace", AuditOutcome::kOk, Json::object()};
  }
  record.details["schema_version_from"] = outcome.from_version;
  record.details["schema_version_to"] = outcome.to_version;
  if (status.ok()) status = sqlite::AppendAuditEvent(db, key, actor, record);
  return status;
}

// The key in keys/ must be the one the workspace was created with; another key means the
// folder was tampered with (or mixed up with another workspace's keys).
Status CheckWorkspaceKey(sqlite::Database& db, const SigningKey& key, const std::string& root) {
  TAFKIK_ASSIGN_OR_RETURN(sqlite::Statement row, db.Prepare(
      "SELECT value FROM workspace_info WHERE key = 'public_key'"));
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return DataLossError(root + ": the workspace's public key record is missing");
  if (row.Text(0) != key.PublicKeyHex()) {
    return DataLossError(root + ": keys/workspace.ed25519 is not this workspace's key");
  }
  return Status::Ok();
}

// Creates or upgrades the schema and records it in one transaction. The key is checked before
// anything is migrated or signed, so a foreign key cannot upgrade (and sign) a workspace.
Status Upgrade(sqlite::Database& db, const SigningKey& key, const OpenOptions& options,
               const std::string& root) {
  TAFKIK_RETURN_IF_ERROR(db.Execute("BEGIN IMMEDIATE"));
  Status status;
  // Re-read under the write lock: another process may have upgraded it meanwhile.
  Result<int64_t> current = sqlite::QueryInt(db, "PRAGMA user_version");
  if (!current.ok()) status = current.status();
  if (status.ok() && *current > 0) status = CheckWorkspaceKey(db, key, root);
  Result<sqlite::MigrationOutcome> outcome = sqlite::MigrationOutcome{};
  if (status.ok()) outcome = sqlite::ApplyMigrations(db, options.max_schema_version);
  if (status.ok()) status = outcome.status();
  if (status.ok()) status = RecordOpening(db, key, options.actor, *outcome);
  if (status.ok()) status = db.Execute("COMMIT");
  if (!status.ok()) (void)db.Execute("ROLLBACK");
  return status;
}

// SQLite creates the file under the process umask; create it private first.
Status CreatePrivateFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return UnavailableError("cannot create " + path + ": " + std::strerror(errno));
  ::close(fd);
  return Status::Ok();
}

}  // namespace

int SqliteSchemaVersion() { return sqlite::AllMigrations().back().version; }

Result<std::unique_ptr<Store>> OpenSqliteWorkspace(const std::string& root,
                                                   const OpenOptions& options) {
  const WorkspacePaths paths = PathsOf(root);
  const bool exists = FileExists(paths.database);
  if (!exists && !options.create) {
    return NotFoundError("no Tafkik workspace at " + root + " (create one with: tafkik init)");
  }
  if (!exists) TAFKIK_RETURN_IF_ERROR(CheckCanCreateAt(paths));
  TAFKIK_ASSIGN_OR_RETURN(SigningKey key, LoadOrCreateSigningKey(paths, !exists));
  if (!exists) {
    if (::chmod(paths.root.c_str(), 0700) != 0) {
      return UnavailableError("cannot make " + paths.root + " private: " + std::strerror(errno));
    }
    TAFKIK_RETURN_IF_ERROR(CreatePrivateFile(paths.database));
  }
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                          sqlite::Database::Open(paths.database, /*create=*/false));
  TAFKIK_ASSIGN_OR_RETURN(int64_t current, sqlite::QueryInt(*db, "PRAGMA user_version"));
  TAFKIK_RETURN_IF_ERROR(sqlite::CheckNotNewer(*db, current));
  // Opening an up-to-date workspace writes nothing (and takes no write lock, so it works
  // beside a long import).
  if (current < sqlite::TargetVersion(options.max_schema_version)) {
    TAFKIK_RETURN_IF_ERROR(Upgrade(*db, key, options, root));
  }
  TAFKIK_RETURN_IF_ERROR(CheckWorkspaceKey(*db, key, root));
  return std::unique_ptr<Store>(
      new sqlite::SqliteStore(std::move(db), std::move(key), paths));
}

}  // namespace tafkik::store

namespace tafkik::store::sqlite {
namespace {

constexpr char kSelectRecords[] =
    "SELECT r.kind, r.id, c.reference, r.subject, r.body, r.created_us, r.actor "
    "FROM records r LEFT JOIN cases c ON c.id = r.case_id";

Result<model::Record> ReadRecordRow(Statement& row) {
  model::Record record;
  record.kind = row.Text(0);
  record.id = row.Text(1);
  if (!row.IsNull(2)) record.case_reference = row.Text(2);
  if (!row.IsNull(3)) record.subject = row.Text(3);
  Result<Json> body = ParseJson(row.Text(4));
  if (!body.ok()) {
    return DataLossError("record " + record.kind + "/" + record.id +
                         ": stored body is not JSON: " + body.status().message());
  }
  record.body = std::move(*body);
  record.created = Timestamp::FromMicros(row.Int(5));
  record.actor = row.Text(6);
  return record;
}

}  // namespace

Result<model::Record> SqliteStore::GetRecord(const std::string& kind, const std::string& id) {
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(std::string(kSelectRecords) +
                                                      " WHERE r.kind = ? AND r.id = ?"));
  row.Bind(1, kind).Bind(2, id);
  TAFKIK_ASSIGN_OR_RETURN(bool found, row.Step());
  if (!found) return NotFoundError("record " + kind + "/" + id + " does not exist");
  return ReadRecordRow(row);
}

Result<std::vector<model::Record>> SqliteStore::ListRecords(const RecordQuery& query) {
  if (query.kind.empty()) return InvalidArgumentError("a record query needs a kind");
  if (query.limit < 0 || query.offset < 0) {
    return InvalidArgumentError("record query limit and offset must not be negative");
  }
  // Only fixed fragments are appended; every value is bound.
  std::string sql = std::string(kSelectRecords) + " WHERE r.kind = ?";
  if (query.case_reference) sql += " AND c.reference = ?";
  if (query.subject) sql += " AND r.subject = ?";
  sql += " ORDER BY r.created_us, r.id LIMIT ? OFFSET ?";
  TAFKIK_ASSIGN_OR_RETURN(Statement row, db_->Prepare(sql));
  int index = 1;
  row.Bind(index++, query.kind);
  if (query.case_reference) row.Bind(index++, *query.case_reference);
  if (query.subject) row.Bind(index++, *query.subject);
  row.Bind(index, query.limit);
  row.Bind(index + 1, query.offset);
  std::vector<model::Record> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, row.Step());
    if (!has_row) break;
    TAFKIK_ASSIGN_OR_RETURN(model::Record record, ReadRecordRow(row));
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace tafkik::store::sqlite
