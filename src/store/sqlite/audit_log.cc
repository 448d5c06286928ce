// Appending to and verifying the audit log of the SQLite backend. There is deliberately no
// statement here (or anywhere in the program) that updates or deletes an audit row.
#include "store/sqlite/sqlite_store_impl.h"

namespace tafkik::store::sqlite {
namespace {

Result<std::optional<AuditEvent>> LastEvent(Database& db) {
  TAFKIK_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(
      "SELECT idx, hash FROM audit_events ORDER BY idx DESC LIMIT 1"));
  TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
  if (!has_row) return std::optional<AuditEvent>();
  AuditEvent last;
  last.index = stmt.Int(0);
  last.hash = stmt.Text(1);
  return std::optional<AuditEvent>(std::move(last));
}

AuditEvent ReadEvent(const Statement& row) {
  AuditEvent event;
  event.index = row.Int(0);
  event.time = Timestamp::FromMicros(row.Int(1));
  event.actor = row.Text(2);
  event.action = row.Text(3);
  event.object = row.Text(4);
  event.outcome = row.Text(5);
  event.details = row.Text(6);
  event.details_sha256 = row.Text(7);
  event.prev_hash = row.Text(8);
  event.hash = row.Text(9);
  return event;
}

AuditCheckpoint ReadCheckpoint(const Statement& row) {
  AuditCheckpoint checkpoint;
  checkpoint.index = row.Int(0);
  checkpoint.hash = row.Text(1);
  checkpoint.time = Timestamp::FromMicros(row.Int(2));
  checkpoint.public_key = row.Text(3);
  checkpoint.signature = row.Text(4);
  return checkpoint;
}

constexpr char kSelectEvents[] =
    "SELECT idx, time_us, actor, action, object, outcome, details, details_sha256, prev_hash, "
    "hash FROM audit_events";

}  // namespace

Status AppendAuditEvent(Database& db, const SigningKey& key, const std::string& actor,
                        const AuditRecord& record) {
  TAFKIK_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, LastEvent(db));
  AuditEvent event = MakeEvent(last ? &*last : nullptr, Timestamp::Now(), actor, record);
  TAFKIK_ASSIGN_OR_RETURN(Statement insert, db.Prepare(
      "INSERT INTO audit_events(idx, time_us, actor, action, object, outcome, details, "
      "details_sha256, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  TAFKIK_RETURN_IF_ERROR(insert.Bind(1, event.index)
                             .Bind(2, event.time.micros())
                             .Bind(3, event.actor)
                             .Bind(4, event.action)
                             .Bind(5, event.object)
                             .Bind(6, event.outcome)
                             .Bind(7, event.details)
                             .Bind(8, event.details_sha256)
                             .Bind(9, event.prev_hash)
                             .Bind(10, event.hash)
                             .Run());
  TAFKIK_ASSIGN_OR_RETURN(Statement checkpoint, db.Prepare(
      "INSERT INTO audit_checkpoints(idx, hash, time_us, public_key, signature) "
      "VALUES (?, ?, ?, ?, ?)"));
  return checkpoint.Bind(1, event.index)
      .Bind(2, event.hash)
      .Bind(3, event.time.micros())
      .Bind(4, key.PublicKeyHex())
      .Bind(5, key.SignHex(CheckpointMessage(event.index, event.hash)))
      .Run();
}

Result<AuditVerifyReport> VerifyAuditLog(Database& db, const std::string& public_key_hex) {
  // A read transaction gives one consistent snapshot of both tables; it ends on every path.
  TAFKIK_RETURN_IF_ERROR(db.Execute("BEGIN"));
  struct EndRead {
    Database& db;
    ~EndRead() { (void)db.Execute("COMMIT"); }
  } end_read{db};
  TAFKIK_ASSIGN_OR_RETURN(Statement events,
                          db.Prepare(std::string(kSelectEvents) + " ORDER BY rowid"));
  TAFKIK_ASSIGN_OR_RETURN(Statement checkpoints, db.Prepare(
      "SELECT idx, hash, time_us, public_key, signature FROM audit_checkpoints ORDER BY idx"));
  AuditChainVerifier verifier(public_key_hex);
  TAFKIK_ASSIGN_OR_RETURN(bool checkpoint_row, checkpoints.Step());
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool event_row, events.Step());
    if (!event_row) break;
    AuditEvent event = ReadEvent(events);
    while (checkpoint_row && checkpoints.Int(0) < event.index) {
      verifier.AddCheckpoint(ReadCheckpoint(checkpoints));
      TAFKIK_ASSIGN_OR_RETURN(checkpoint_row, checkpoints.Step());
    }
    if (!verifier.AddEvent(event)) break;
  }
  while (checkpoint_row) {
    verifier.AddCheckpoint(ReadCheckpoint(checkpoints));
    TAFKIK_ASSIGN_OR_RETURN(checkpoint_row, checkpoints.Step());
  }
  return verifier.Finish();
}

Result<std::vector<AuditEvent>> SqliteStore::ListAuditEvents(int64_t from, int64_t limit) {
  TAFKIK_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(
      std::string(kSelectEvents) + " WHERE idx >= ? ORDER BY idx LIMIT ?"));
  stmt.Bind(1, from).Bind(2, limit);
  std::vector<AuditEvent> out;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) break;
    out.push_back(ReadEvent(stmt));
  }
  return out;
}

Result<AuditVerifyReport> SqliteStore::VerifyAudit() {
  if (write_open) return FailedPreconditionError("a write transaction is open");
  return VerifyAuditLog(*db_, key_.PublicKeyHex());
}

Status SqliteStore::RecordEvent(const Actor& actor, const AuditRecord& record) {
  if (write_open) return FailedPreconditionError("a write transaction is open");
  TAFKIK_RETURN_IF_ERROR(db_->Execute("BEGIN IMMEDIATE"));
  Status status = AppendAuditEvent(*db_, key_, actor.name, record);
  if (status.ok()) status = db_->Execute("COMMIT");
  if (!status.ok()) (void)db_->Execute("ROLLBACK");
  return status;
}

}  // namespace tafkik::store::sqlite
