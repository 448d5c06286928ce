#include "store/audit.h"

#include <utility>

#include "core/hash.h"
#include "core/signing.h"
#include "core/text.h"

namespace tafkik::store {
namespace {

Json HashedFields(const AuditEvent& event) {
  return Json{{"index", event.index},
              {"time", event.time.micros()},
              {"actor", event.actor},
              {"action", event.action},
              {"object", event.object},
              {"outcome", event.outcome},
              {"details_sha256", event.details_sha256},
              {"prev_hash", event.prev_hash}};
}

}  // namespace

std::string_view AuditOutcomeName(AuditOutcome outcome) {
  switch (outcome) {
    case AuditOutcome::kOk: return "ok";
    case AuditOutcome::kDenied: return "denied";
    case AuditOutcome::kFailed: return "failed";
  }
  return "failed";
}

namespace {

// Text that is not valid UTF-8 (an actor name from a misconfigured terminal, a file name in a
// legacy encoding) would make the event impossible to canonicalise and so to hash: each
// invalid byte is written as \xNN instead, visibly and deterministically.
std::string ValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      out.push_back(text[at]);
      continue;
    }
    // Keep a whole valid multi-byte character; escape a byte that starts none.
    size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (length > 1 && at + length <= text.size() && IsValidUtf8(text.substr(at, length))) {
      out.append(text.substr(at, length));
      at += length - 1;
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

}  // namespace

std::string EventHash(const AuditEvent& event) {
  // MakeEvent keeps every field valid UTF-8, so canonicalisation succeeds for every event it
  // made; an event whose hash cannot be computed (edited into invalid UTF-8) hashes to "",
  // which the verifier treats as a fault, never as a match.
  Result<std::string> hash = CanonicalJsonSha256(HashedFields(event));
  return hash.ok() ? *hash : std::string();
}

std::string CheckpointMessage(int64_t index, const std::string& hash) {
  return "tafkik-audit-checkpoint\n" + std::to_string(index) + "\n" + hash;
}

AuditEvent MakeEvent(const AuditEvent* previous, Timestamp time, const std::string& actor,
                     const AuditRecord& record) {
  AuditEvent event;
  event.index = previous ? previous->index + 1 : 1;
  event.time = time;
  event.actor = ValidUtf8(actor);
  event.action = ValidUtf8(record.action);
  event.object = ValidUtf8(record.object);
  event.outcome = std::string(AuditOutcomeName(record.outcome));
  Result<std::string> details = CanonicalJson(record.details);
  // Details that cannot be canonicalised (floats, bad UTF-8) are recorded as their dump with
  // invalid bytes replaced, so the event is still written and still hashed; callers are
  // expected to pass plain data.
  event.details = details.ok() ? *details
                               : record.details.dump(-1, ' ', false,
                                                     Json::error_handler_t::replace);
  event.details_sha256 = Sha256Hex(event.details);
  event.prev_hash = previous ? previous->hash : kGenesisHash;
  event.hash = EventHash(event);
  return event;
}

AuditChainVerifier::AuditChainVerifier(std::string public_key_hex)
    : public_key_hex_(std::move(public_key_hex)) {}

bool AuditChainVerifier::Fail(int64_t index, std::string reason) {
  failed_ = true;
  report_.first_bad_index = index;
  report_.reason = std::move(reason);
  return false;
}

bool AuditChainVerifier::AddEvent(const AuditEvent& event) {
  if (failed_) return false;
  const int64_t expected = last_index_ + 1;
  if (event.index != expected) {
    return Fail(expected, "expected event " + std::to_string(expected) + " but found event " +
                              std::to_string(event.index) + " (deleted or reordered)");
  }
  if (Sha256Hex(event.details) != event.details_sha256) {
    return Fail(event.index, "details do not match their hash (edited)");
  }
  if (event.prev_hash != last_hash_) {
    return Fail(event.index, "previous-hash link broken (edited, deleted or reordered)");
  }
  const std::string recomputed = EventHash(event);
  if (recomputed.empty() || recomputed != event.hash) {
    return Fail(event.index, "event content does not match its hash (edited)");
  }
  last_index_ = event.index;
  last_hash_ = event.hash;
  report_.events++;
  report_.head_hash = event.hash;
  return true;
}

bool AuditChainVerifier::AddCheckpoint(const AuditCheckpoint& checkpoint) {
  if (failed_) return false;
  report_.checkpoints++;
  if (checkpoint.index > last_index_) {
    return Fail(last_index_ + 1, "checkpoint at event " + std::to_string(checkpoint.index) +
                                     " but the log ends at event " +
                                     std::to_string(last_index_) + " (truncated)");
  }
  if (checkpoint.index != last_index_ || checkpoint.hash != last_hash_) {
    return Fail(checkpoint.index, "checkpoint hash differs from the chain at event " +
                                      std::to_string(checkpoint.index));
  }
  if (checkpoint.public_key != public_key_hex_) {
    return Fail(checkpoint.index, "checkpoint signed by another key");
  }
  if (!VerifySignatureHex(public_key_hex_, CheckpointMessage(checkpoint.index, checkpoint.hash),
                          checkpoint.signature)) {
    return Fail(checkpoint.index, "checkpoint signature is not valid");
  }
  last_checkpoint_index_ = checkpoint.index;
  return true;
}

AuditVerifyReport AuditChainVerifier::Finish() {
  // Every commit ends with a checkpoint, so events past the last one were never signed.
  if (!failed_ && last_checkpoint_index_ != last_index_) {
    Fail(last_checkpoint_index_ + 1, "events after " + std::to_string(last_checkpoint_index_) +
                                         " are not covered by a signed checkpoint");
  }
  report_.ok = !failed_;
  return report_;
}

AuditVerifyReport VerifyAuditChain(const std::vector<AuditEvent>& events,
                                   const std::vector<AuditCheckpoint>& checkpoints,
                                   const std::string& public_key_hex) {
  AuditChainVerifier verifier(public_key_hex);
  size_t next_checkpoint = 0;
  for (const AuditEvent& event : events) {
    while (next_checkpoint < checkpoints.size() &&
           checkpoints[next_checkpoint].index < event.index) {
      verifier.AddCheckpoint(checkpoints[next_checkpoint++]);
    }
    verifier.AddEvent(event);
  }
  while (next_checkpoint < checkpoints.size()) verifier.AddCheckpoint(checkpoints[next_checkpoint++]);
  return verifier.Finish();
}

Json ToJson(const AuditEvent& event) {
  Result<Json> details = ParseJson(event.details);
  return Json{{"index", event.index},
              {"time", FormatTimestamp(event.time)},
              {"actor", event.actor},
              {"action", event.action},
              {"object", event.object},
              {"outcome", event.outcome},
              {"details", details.ok() ? *details : Json(event.details)},
              {"details_sha256", event.details_sha256},
              {"prev_hash", event.prev_hash},
              {"hash", event.hash}};
}

Json ToJson(const AuditVerifyReport& report) {
  Json out{{"ok", report.ok},
           {"events", report.events},
           {"checkpoints", report.checkpoints},
           {"head_hash", report.head_hash}};
  if (report.first_bad_index) out["first_bad_index"] = *report.first_bad_index;
  if (!report.reason.empty()) out["reason"] = report.reason;
  return out;
}

}  // namespace tafkik::store
