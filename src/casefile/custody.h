// The chain of custody of an evidence item: append-only events, each saying who handed the
// item to whom (who), which item (what), when, where and why, whether the seal was intact and
// (for digital items) whether the file's hash was verified. ReviewChain reads a whole chain
// and names every break in it; the current custodian is the receiver of the last event.
// Plain values and pure functions. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "casefile/evidence.h"
#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::casefile {

// Record kind of custody events (append-only: InsertRecord).
inline constexpr char kCustodyKind[] = "custody";

struct CustodyEvent {
  std::string evidence_id;  // what: the evidence record id
  int sequence = 0;         // 1 for the intake event, then 2, 3, ...
  std::string from;         // who handed it over ("" only for the intake event)
  std::string to;           // who received it: the custodian from now on
  std::string purpose;      // why: "seizure", "transfer to forensic lab", "court exhibit"
  std::string place;        // where
  Timestamp time;           // when
  bool seal_intact = true;  // the seal was found intact at this hand-over
  std::optional<bool> hash_verified;  // digital items: the file re-hashed to its SHA-256
  std::string note;         // free text; "" when none
};

// InvalidArgument naming the missing field as who/what/when/where/why: "custody event 3 of
// MA-1:E2: 'where' (place) is missing". `from` may be empty only for sequence 1.
Status ValidateCustodyEvent(const CustodyEvent& event);

// "<evidence id>:C<sequence>".
std::string CustodyRecordId(const CustodyEvent& event);

Json ToJson(const CustodyEvent& event);
Result<CustodyEvent> CustodyFromJson(const Json& body);

struct CustodyIssue {
  int sequence = 0;      // the event it is about; 0 for the chain as a whole
  std::string problem;   // "handed over by 'B' but the custodian was 'A'"
};

struct CustodyReview {
  std::string current_custodian;  // "" when the chain is empty
  std::string current_place;
  bool seal_broken = false;       // some event found the seal not intact
  bool hash_failed = false;       // some event found the hash not verified
  std::vector<CustodyIssue> issues;  // empty: an unbroken chain
  bool ok() const { return issues.empty(); }
};

// Checks `events` (any order; sorted by sequence here) of `item`: sequences 1..n without
// gaps, the first event an intake (no `from`) received by whoever collected the item, each
// later event handed over by the custodian of the one before, times never going back and
// never before collection, seals intact and hashes verified.
CustodyReview ReviewChain(const EvidenceItem& item, std::vector<CustodyEvent> events);

}  // namespace tafkik::casefile
