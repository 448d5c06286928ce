// Private to the SQLite backend: the Store and WriteTransaction implementations.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <map>

#include "core/signing.h"
#include "model/schema.h"
#include "store/sqlite/database.h"
#include "store/sqlite/packed_values.h"
#include "store/store.h"
#include "store/workspace.h"

namespace tafkik::store::sqlite {

// A statement prepared on first use and reused for the life of its owner.
class CachedStatement {
 public:
  explicit CachedStatement(const char* sql) : sql_(sql) {}
  // The prepared statement, reset and ready to bind.
  Result<Statement*> Get(Database& db);

 private:
  const char* sql_;
  std::optional<Statement> statement_;
};

// Appends one audit event and a checkpoint signed with `key`. REQUIRES: inside a write
// transaction on `db`.
Status AppendAuditEvent(Database& db, const SigningKey& key, const std::string& actor,
                        const AuditRecord& record);

// Streams the whole log through an AuditChainVerifier.
Result<AuditVerifyReport> VerifyAuditLog(Database& db, const std::string& public_key_hex);

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Database> db, SigningKey key, WorkspacePaths paths)
      : db_(std::move(db)), key_(std::move(key)), paths_(std::move(paths)) {}

  Result<std::unique_ptr<WriteTransaction>> BeginWrite(const Actor& actor) override;
  Result<model::Entity> GetEntity(const EntityId& id) override;
  Result<model::Relation> GetRelation(const EntityId& id) override;
  Result<std::vector<model::Entity>> ListEntities(const EntityQuery& query) override;
  Result<std::vector<model::Entity>> SearchEntities(const SearchQuery& query) override;
  Result<std::vector<model::Relation>> ListRelations(const RelationQuery& query) override;
  Result<model::Case> GetCase(const std::string& reference) override;
  Result<std::vector<model::Case>> ListCases() override;
  Result<std::vector<CaseRole>> RolesOf(const EntityId& id) override;
  Result<model::Record> GetRecord(const std::string& kind, const std::string& id) override;
  Result<std::vector<model::Record>> ListRecords(const RecordQuery& query) override;
  Result<Counts> Count() override;
  Status RecordEvent(const Actor& actor, const AuditRecord& record) override;
  Result<std::vector<AuditEvent>> ListAuditEvents(int64_t from, int64_t limit) override;
  Result<AuditVerifyReport> VerifyAudit() override;

  Database& db() { return *db_; }
  const SigningKey& key() const { return key_; }
  // Forgets interned names and sources read so far: a rolled-back write may have shown this
  // connection rows that never existed.
  void ForgetInterned();
  // Set while a WriteTransaction is open: SQLite has one writer per connection.
  bool write_open = false;

 private:
  Result<model::PropertyMap> LoadValues(int64_t rowid);
  Result<model::Entity> LoadEntityRow(Statement& row);      // columns: id, eid, schema
  Result<model::Relation> LoadRelationRow(Statement& row);  // columns as kSelectRelations
  Result<std::string> PropertyName(int64_t id);
  Result<model::Provenance> SourceOf(int64_t id);
  Result<std::optional<int64_t>> RowIdOf(const EntityId& id);
  Result<std::vector<int64_t>> EntitiesWithKey(const std::string& key, int64_t limit);
  Result<std::vector<int64_t>> EntitiesWithKeyPrefix(const std::string& prefix, int64_t limit);

  std::unique_ptr<Database> db_;
  SigningKey key_;
  WorkspacePaths paths_;
  std::unordered_map<int64_t, std::string> property_names_;
  std::unordered_map<int64_t, model::Provenance> sources_;
  CachedStatement load_values_{
      "SELECT p.name, v.value, s.dataset, s.source_sha256, v.row, s.evidence_id, s.user "
      "FROM entity_values v JOIN properties p ON p.id = v.property "
      "JOIN sources s ON s.id = v.source WHERE v.entity = ? ORDER BY v.rowid"};
};

class SqliteWriteTransaction final : public WriteTransaction {
 public:
  SqliteWriteTransaction(SqliteStore& store, Actor actor)
      : store_(store), db_(store.db()), actor_(std::move(actor)) {}
  ~SqliteWriteTransaction() override;

  Status PutEntity(const model::Entity& entity) override;
  Status PutRelation(const model::Relation& relation) override;
  Result<CaseId> CreateCase(const model::Case& c) override;
  Status AddCaseMember(const std::string& case_reference,
                       const model::CaseMember& member) override;
  Status InsertRecord(const model::Record& record) override;
  Status UpsertRecord(const model::Record& record) override;
  Status Commit(const AuditRecord& record) override;

 private:
  using SourceKey = std::tuple<std::string, std::string, std::string, std::string>;

  Status Poison(Status status);  // marks the transaction uncommittable when `status` failed
  Status PutEntityRows(const model::Entity& entity);
  Status PutRelationRow(const model::Relation& relation, int64_t source, int64_t target);
  Result<CaseId> CreateCaseRows(const model::Case& c);
  Status AddCaseMemberRow(int64_t case_id, int64_t entity, model::Role role);
  Status WriteRecord(const model::Record& record, bool replace);
  Result<std::optional<int64_t>> CaseRowId(const std::string& reference);
  Result<int64_t> UpsertEntityRow(const EntityId& id, const std::string& schema);
  Result<std::vector<PackedValue>> Pack(const model::PropertyMap& properties);
  Status MergeIntoStoredRelation(const model::Relation& relation, int64_t source, int64_t target,
                                 const std::vector<PackedValue>& values);
  Status PutValues(int64_t rowid, const model::Schema& schema,
                   const model::PropertyMap& properties);
  Result<int64_t> PropertyId(const std::string& name);
  Result<int64_t> SourceId(const model::Provenance& provenance);
  Result<int64_t> EndRowId(const std::string& context, const EntityId& id);

  SqliteStore& store_;
  Database& db_;
  const Actor actor_;
  bool finished_ = false;
  bool committed_ = false;
  bool poisoned_ = false;
  // Caches valid for this transaction only (rolled-back ids must not leak into the next).
  std::unordered_map<std::string, int64_t> property_ids_;
  std::map<SourceKey, int64_t> source_ids_;
  std::unordered_map<std::string, int64_t> entity_rowids_;

  CachedStatement upsert_entity_{
      "INSERT INTO entities(eid, schema) VALUES (?, ?) "
      "ON CONFLICT(eid) DO UPDATE SET eid = excluded.eid RETURNING id, schema"};
  CachedStatement upsert_property_{
      "INSERT INTO properties(name) VALUES (?) "
      "ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id"};
  CachedStatement upsert_source_{
      "INSERT INTO sources(dataset, source_sha256, evidence_id, user) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET user = excluded.user RETURNING id"};
  CachedStatement insert_value_{
      "INSERT OR IGNORE INTO entity_values(entity, property, value, source, row) "
      "VALUES (?, ?, ?, ?, ?)"};
  CachedStatement insert_lookup_{"INSERT OR IGNORE INTO lookup(key, entity) VALUES (?, ?)"};
  CachedStatement insert_relation_{
      "INSERT INTO relations(eid, schema, source, target, start_us, end_us, properties) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(eid) DO NOTHING"};
  CachedStatement stored_relation_{
      "SELECT id, schema, source, target, properties FROM relations WHERE eid = ?"};
  CachedStatement update_relation_values_{"UPDATE relations SET properties = ? WHERE id = ?"};
  CachedStatement find_thing_{"SELECT id FROM entities WHERE eid = ?"};
};

}  // namespace tafkik::store::sqlite
