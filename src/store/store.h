// The Store: where a workspace's entities, relations, cases and audit log live. An abstract
// interface so that the embedded SQLite backend and a PostgreSQL backend serve the same
// callers; one conformance suite (store_conformance_test.cc) runs against every backend.
//
// Every write goes through a WriteTransaction, which commits atomically together with one
// audit event and a signed checkpoint, or not at all. A Store is used from one thread at a
// time; open one Store per thread (SQLite in WAL mode lets readers run beside one writer).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/time.h"
#include "model/case.h"
#include "model/entity.h"
#include "model/record.h"
#include "store/audit.h"

namespace tafkik::store {

// Who does it. For the CLI, the operating-system user; for the server, the signed-in user.
struct Actor {
  std::string name;
};

struct EntityQuery {
  std::string schema;              // "" for all schemata (relations are never listed here)
  std::optional<CaseId> case_id;   // only members of this case
  int64_t limit = 100;             // at most this many, ordered by id
  int64_t offset = 0;
};

struct RelationQuery {
  std::string schema;                // "" for all relation schemata
  std::optional<EntityId> either_end;  // relations whose source or target is this entity
  std::optional<Timestamp> from;     // start >= from
  std::optional<Timestamp> to;       // start < to
  int64_t limit = 100;               // ordered by start, then id
  int64_t offset = 0;
};

// Finds entities by an indexed property value. Names match on NameKey (core/text.h), as a
// whole key or by prefix of a token; phones match on E.164; identifiers match exactly.
struct SearchQuery {
  std::string text;
  std::string schema;   // "" for any
  int64_t limit = 50;
};

// Records of one kind (model/record.h), ordered by creation time, then id.
struct RecordQuery {
  std::string kind;                            // required
  std::optional<std::string> case_reference;   // only records tied to this case
  std::optional<std::string> subject;          // only records about this entity
  int64_t limit = 1000;
  int64_t offset = 0;
};

struct Counts {
  std::map<std::string, int64_t> entities_by_schema;   // things only
  std::map<std::string, int64_t> relations_by_schema;
  int64_t values = 0;  // values of entities (relation values are packed with each relation)
  int64_t cases = 0;
  int64_t audit_events = 0;
};

struct CaseRole {
  std::string case_reference;
  model::Role role;
};

class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;  // rolls back unless committed

  // Inserts the entity, or merges its values into the stored one (a value already stored
  // with the same provenance is not duplicated). REQUIRES: validated against the schema
  // registry (the store checks it again and returns InvalidArgument). FailedPrecondition
  // when the id exists with another schema.
  virtual Status PutEntity(const model::Entity& entity) = 0;
  // As PutEntity; both ends must exist (NotFound naming the missing end).
  virtual Status PutRelation(const model::Relation& relation) = 0;

  // AlreadyExists when the reference is taken.
  virtual Result<CaseId> CreateCase(const model::Case& c) = 0;
  // NotFound for an unknown case or entity; an existing (entity, role) pair is kept once.
  virtual Status AddCaseMember(const std::string& case_reference,
                               const model::CaseMember& member) = 0;

  // Writes a record (model/record.h); `created` and `actor` are set from the transaction.
  // InsertRecord is for append-only kinds (custody events, decisions): AlreadyExists when
  // (kind, id) is taken. UpsertRecord replaces the body of an existing record (its first
  // `created` is kept). NotFound for a case reference that does not exist.
  virtual Status InsertRecord(const model::Record& record) = 0;
  virtual Status UpsertRecord(const model::Record& record) = 0;

  // Commits all writes together with one audit event for `record` and a signed checkpoint.
  // After a failed Commit nothing was written. FailedPrecondition (and nothing written) when
  // any write of this transaction failed: a failed write may have left part of its rows.
  virtual Status Commit(const AuditRecord& record) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::unique_ptr<WriteTransaction>> BeginWrite(const Actor& actor) = 0;

  // NotFound when absent. Reads of victims' data are recorded by app/, not here.
  virtual Result<model::Entity> GetEntity(const EntityId& id) = 0;
  virtual Result<model::Relation> GetRelation(const EntityId& id) = 0;
  virtual Result<std::vector<model::Entity>> ListEntities(const EntityQuery& query) = 0;
  virtual Result<std::vector<model::Entity>> SearchEntities(const SearchQuery& query) = 0;
  virtual Result<std::vector<model::Relation>> ListRelations(const RelationQuery& query) = 0;

  virtual Result<model::Case> GetCase(const std::string& reference) = 0;
  virtual Result<std::vector<model::Case>> ListCases() = 0;  // members not filled in
  virtual Result<std::vector<CaseRole>> RolesOf(const EntityId& id) = 0;

  // NotFound when (kind, id) is absent.
  virtual Result<model::Record> GetRecord(const std::string& kind, const std::string& id) = 0;
  virtual Result<std::vector<model::Record>> ListRecords(const RecordQuery& query) = 0;

  virtual Result<Counts> Count() = 0;

  // Records a single event in its own transaction (reads of victims' data, denied access).
  virtual Status RecordEvent(const Actor& actor, const AuditRecord& record) = 0;
  // Events with index >= from, ascending, at most `limit`.
  virtual Result<std::vector<AuditEvent>> ListAuditEvents(int64_t from, int64_t limit) = 0;
  // Re-reads the whole log and checks it (see audit.h VerifyAuditChain).
  virtual Result<AuditVerifyReport> VerifyAudit() = 0;
};

}  // namespace tafkik::store
