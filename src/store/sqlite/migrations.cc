#include "store/sqlite/migrations.h"

#include "model/schema.h"
#include "store/sqlite/lookup_keys.h"

namespace tafkik::store::sqlite {
namespace {

// Version 1: entities, their values with provenance, relations (whose values are packed into
// one blob per relation, see packed_values.h), and the audit log. The audit
// tables refuse UPDATE and DELETE at the database level too (defence in depth: the program
// has no such statement anyway).
constexpr char kBaseTables[] = R"sql(
CREATE TABLE workspace_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL, source_sha256 TEXT NOT NULL, evidence_id TEXT NOT NULL,
  user TEXT NOT NULL,
  UNIQUE (dataset, source_sha256, evidence_id, user));
CREATE TABLE properties (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  eid TEXT NOT NULL UNIQUE,
  schema TEXT NOT NULL);
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  eid TEXT NOT NULL UNIQUE,
  schema TEXT NOT NULL,
  source INTEGER NOT NULL REFERENCES entities(id),
  target INTEGER NOT NULL REFERENCES entities(id),
  start_us INTEGER, end_us INTEGER,
  properties BLOB NOT NULL);
CREATE TABLE entity_values (
  entity INTEGER NOT NULL REFERENCES entities(id),
  property INTEGER NOT NULL REFERENCES properties(id),
  value TEXT NOT NULL,
  source INTEGER NOT NULL REFERENCES sources(id),
  row INTEGER NOT NULL,
  UNIQUE (entity, property, value, source, row));
CREATE TABLE audit_events (
  idx INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, object TEXT NOT NULL, outcome TEXT NOT NULL, details TEXT NOT NULL,
  details_sha256 TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE audit_checkpoints (
  idx INTEGER PRIMARY KEY, hash TEXT NOT NULL, time_us INTEGER NOT NULL,
  public_key TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_checkpoints_append_only_update BEFORE UPDATE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER audit_checkpoints_append_only_delete BEFORE DELETE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
)sql";

// Version 2: lookups by property value (phones, identifiers, name keys and their tokens) and
// relations by either end and time. Back-fills the lookup table from existing values.
constexpr char kLookupTables[] = R"sql(
CREATE TABLE lookup (key TEXT NOT NULL, entity INTEGER NOT NULL REFERENCES entities(id),
                     PRIMARY KEY (key, entity)) WITHOUT ROWID;
CREATE INDEX relations_by_source ON relations(source, start_us);
CREATE INDEX relations_by_target ON relations(target, start_us);
CREATE INDEX relations_by_start ON relations(start_us);
CREATE INDEX entities_by_schema ON entities(schema, eid);
)sql";

// Version 3: cases and their members in roles.
constexpr char kCaseTables[] = R"sql(
CREATE TABLE cases (
  id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  country TEXT NOT NULL, region TEXT NOT NULL, offences TEXT NOT NULL, status TEXT NOT NULL,
  lead_unit TEXT NOT NULL, opened_us INTEGER NOT NULL);
CREATE TABLE case_members (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  entity INTEGER NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL,
  PRIMARY KEY (case_id, entity, role)) WITHOUT ROWID;
CREATE INDEX case_members_by_entity ON case_members(entity);
)sql";

// Version 4: records, the capability documents (model/record.h) kept as canonical JSON.
constexpr char kRecordTables[] = R"sql(
CREATE TABLE records (
  kind TEXT NOT NULL, id TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  subject TEXT,
  body TEXT NOT NULL,
  created_us INTEGER NOT NULL, actor TEXT NOT NULL,
  PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE INDEX records_by_case ON records(kind, case_id, created_us);
CREATE INDEX records_by_subject ON records(kind, subject, created_us);
CREATE INDEX records_by_time ON records(kind, created_us, id);
)sql";

Status BackfillLookup(Database& db) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  TAFKIK_ASSIGN_OR_RETURN(Statement values, db.Prepare(
      "SELECT v.entity, e.schema, p.name, v.value FROM entity_values v "
      "JOIN entities e ON e.id = v.entity JOIN properties p ON p.id = v.property"));
  TAFKIK_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare("INSERT OR IGNORE INTO lookup(key, entity) VALUES (?, ?)"));
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, values.Step());
    if (!has_row) break;
    Result<const model::Schema*> schema = registry.Find(values.Text(1));
    if (!schema.ok()) continue;  // a schema this program no longer knows is not indexed
    auto property = (*schema)->properties.find(values.Text(2));
    if (property == (*schema)->properties.end()) continue;
    for (const std::string& key : LookupKeys(property->second, values.Text(3))) {
      TAFKIK_RETURN_IF_ERROR(insert.Bind(1, key).Bind(2, values.Int(0)).Run());
    }
  }
  return Status::Ok();
}

Status ApplyOne(Database& db, const Migration& migration) {
  Status status = migration.apply(db);
  if (status.ok()) {
    status = db.Execute("PRAGMA user_version = " + std::to_string(migration.version));
  }
  return status.WithContext("migration to version " + std::to_string(migration.version));
}

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "entities, values with provenance, relations, audit log",
       [](Database& db) { return db.Execute(kBaseTables); }},
      {2, "lookup by property value; relation indexes",
       [](Database& db) {
         TAFKIK_RETURN_IF_ERROR(db.Execute(kLookupTables));
         return BackfillLookup(db);
       }},
      {3, "cases and members in roles", [](Database& db) { return db.Execute(kCaseTables); }},
      {4, "records: screenings, evidence, custody, actions, decisions, alerts",
       [](Database& db) { return db.Execute(kRecordTables); }},
  };
  return migrations;
}

int TargetVersion(int max_version) {
  const int newest = AllMigrations().back().version;
  return max_version < 0 ? newest : std::min(max_version, newest);
}

Status CheckNotNewer(const Database& db, int64_t current) {
  const int newest = AllMigrations().back().version;
  if (current <= newest) return Status::Ok();
  return FailedPreconditionError(db.path() + " has schema version " + std::to_string(current) +
                                 ", newer than this program's " + std::to_string(newest) +
                                 "; upgrade tafkik");
}

Result<MigrationOutcome> ApplyMigrations(Database& db, int max_version) {
  const int target = TargetVersion(max_version);
  TAFKIK_ASSIGN_OR_RETURN(int64_t current, QueryInt(db, "PRAGMA user_version"));
  TAFKIK_RETURN_IF_ERROR(CheckNotNewer(db, current));
  MigrationOutcome outcome{static_cast<int>(current), static_cast<int>(current)};
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= current || migration.version > target) continue;
    TAFKIK_RETURN_IF_ERROR(ApplyOne(db, migration));
    outcome.to_version = migration.version;
  }
  return outcome;
}

}  // namespace tafkik::store::sqlite
