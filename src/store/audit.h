// The audit log: an append-only chain of events in which each event carries the SHA-256 of
// the previous one, and every committed transaction ends with a checkpoint of the chain head
// signed by the workspace's Ed25519 key. This header is backend-neutral: the hashing and the
// verification are pure functions over events that any Store backend reads back.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::store {

// How the recorded action ended. An enum, not a string, so that a Json (which converts to
// almost anything) can never slip into this field of an aggregate initialiser.
enum class AuditOutcome { kOk, kDenied, kFailed };
std::string_view AuditOutcomeName(AuditOutcome outcome);  // "ok", "denied", "failed"

// What a caller asks to have recorded. `details` is kept with the event and hashed: put
// counts, ids and hashes there, never personal data (the log can never be erased).
struct AuditRecord {
  std::string action;         // "entity.put", "case.create", "entity.read", "access.denied"
  std::string object;         // "case:MA-2026-0001", "entity:3f2a...", "import:cdr.csv"
  AuditOutcome outcome = AuditOutcome::kOk;
  Json details = Json::object();
};

struct AuditEvent {
  int64_t index = 0;           // 1-based, consecutive
  Timestamp time;              // UTC
  std::string actor;
  std::string action;
  std::string object;
  std::string outcome;
  std::string details;         // canonical JSON text
  std::string details_sha256;  // SHA-256 hex of `details`
  std::string prev_hash;       // hash of event index-1; 64 zeros for the first event
  std::string hash;            // EventHash(*this)
};

struct AuditCheckpoint {
  int64_t index = 0;        // the last event it covers
  std::string hash;         // that event's hash
  Timestamp time;
  std::string public_key;   // hex Ed25519 public key
  std::string signature;    // hex signature of CheckpointMessage(index, hash)
};

inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 hex of the canonical JSON of every field except `hash`.
std::string EventHash(const AuditEvent& event);
// "tafkik-audit-checkpoint\n<index>\n<hash>": what a checkpoint signs.
std::string CheckpointMessage(int64_t index, const std::string& hash);

// Builds the next event after `previous` (nullptr for the first).
AuditEvent MakeEvent(const AuditEvent* previous, Timestamp time, const std::string& actor,
                     const AuditRecord& record);

struct AuditVerifyReport {
  bool ok = false;
  int64_t events = 0;               // events read
  int64_t checkpoints = 0;          // checkpoints read
  std::optional<int64_t> first_bad_index;  // the first event index that fails, if any
  std::string reason;               // why it fails; "" when ok
  std::string head_hash;            // hash of the last good event
};

// Checks a chain event by event, so that a store can stream a log of any length through it.
// Feed events in stored order; before each event, feed the checkpoints whose index is below
// it; after the last event, the remaining checkpoints. Each Add returns false once a fault is
// found (further input is ignored). Not thread-safe.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(std::string public_key_hex);
  bool AddEvent(const AuditEvent& event);
  bool AddCheckpoint(const AuditCheckpoint& checkpoint);
  AuditVerifyReport Finish();

 private:
  bool Fail(int64_t index, std::string reason);

  std::string public_key_hex_;
  AuditVerifyReport report_;
  int64_t last_index_ = 0;
  std::string last_hash_ = kGenesisHash;
  int64_t last_checkpoint_index_ = 0;
  bool failed_ = false;
};

// Re-computes the chain over `events` (in stored order) and checks every checkpoint
// against the chain and `public_key_hex`. Detects an edited event (its hash or details hash
// no longer match), a deleted or reordered one (index or prev_hash break), a truncated tail
// (a checkpoint beyond the last event) and unsigned events after the last checkpoint.
AuditVerifyReport VerifyAuditChain(const std::vector<AuditEvent>& events,
                                   const std::vector<AuditCheckpoint>& checkpoints,
                                   const std::string& public_key_hex);

Json ToJson(const AuditEvent& event);
Json ToJson(const AuditVerifyReport& report);

}  // namespace tafkik::store
