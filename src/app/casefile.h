// Use cases of the evidence register and the chain of custody: add an item (a digital one's
// file is hashed at intake into the blob store and its metadata extracted), show it (its
// file re-verified on every read), hand it over (a custody event, append-only), verify every
// item of a case. A stored file whose bytes changed is flagged on its evidence record and on
// the audit log, never repaired. The Store and BlobStore are borrowed. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "casefile/custody.h"
#include "casefile/evidence.h"
#include "core/status.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace tafkik::app {

struct AddEvidenceRequest {
  std::string case_reference;
  std::string type;             // "physical", "documentary", "digital"
  std::string description;
  std::string collected_by;
  std::string collected_at;     // ISO 8601 with zone: "2026-03-02T09:30:00+01:00"
  std::string place;
  std::string legal_basis;      // "warrant", "prosecutor", "consent", "flagrante", "court_order"
  std::string legal_reference;  // default "": required unless consent or flagrante
  std::string seal;             // default "": required for physical items
  std::string file;             // digital items: the path of the file to take in
  std::vector<std::string> entities;  // linked entity ids (each must exist)
  std::vector<std::string> elements;  // legal elements supported ("tip.means")
};

// Validates, takes a digital item's file into the blob store (SHA-256 computed while
// copying, then re-verified from the stored copy), extracts its metadata, and writes the item
// as evidence "<case>:E<n>" with its intake custody event (sequence 1, received by the
// collector) in one transaction audited as "evidence.add" (details: case, type, sha256,
// size). InvalidArgument naming the field; NotFound for an unknown case, entity or file.
Result<casefile::EvidenceItem> AddEvidence(store::Store& store, store::BlobStore& blobs,
                                           const store::Actor& actor,
                                           const AddEvidenceRequest& request);

// How a digital item's stored file stands now.
enum class FileCheck { kNotApplicable, kIntact, kAltered, kMissing };
std::string_view FileCheckName(FileCheck check);  // "n/a", "intact", "altered", "missing"

struct EvidenceView {
  casefile::EvidenceItem item;
  std::vector<casefile::CustodyEvent> custody;  // by sequence
  casefile::CustodyReview review;
  FileCheck file = FileCheck::kNotApplicable;
  std::string file_problem;  // the verification message when altered or missing
};

// The item, its custody and the review of the chain. A digital item's file is re-hashed
// first; when it does not match, the item is flagged (its record gains `integrity`, once)
// and an "evidence.integrity" event with outcome failed is recorded — the view is still
// returned, with `file` saying what was found. Reads of linked victims are recorded.
// NotFound for an unknown id.
Result<EvidenceView> ShowEvidence(store::Store& store, store::BlobStore& blobs,
                                  const store::Actor& actor, const std::string& evidence_id);

// Every item of the case (ShowEvidence each, so every file is verified), in number order.
// NotFound for an unknown case.
Result<std::vector<EvidenceView>> ListEvidence(store::Store& store, store::BlobStore& blobs,
                                               const store::Actor& actor,
                                               const std::string& case_reference);

struct AddCustodyRequest {
  std::string evidence_id;
  std::string from;          // who hands it over: must be the current custodian
  std::string to;            // who receives it
  std::string purpose;       // why
  std::string place;         // where
  std::string time;          // when, ISO 8601 with zone
  bool seal_intact = true;   // default true: the seal was found intact
  std::string note;          // default ""
};

// Appends a custody event (InsertRecord; never replaced). A digital item's file is re-hashed
// at the hand-over and the result stored in the event (a failure also flags the item). Every
// event missing who, what, when, where or why is InvalidArgument naming it; a hand-over from
// someone who is not the current custodian is FailedPrecondition naming the custodian; a
// time before the previous event is InvalidArgument. Audited as "custody.add".
Result<casefile::CustodyEvent> AddCustody(store::Store& store, store::BlobStore& blobs,
                                          const store::Actor& actor,
                                          const AddCustodyRequest& request);

// Loaders shared by the report and the package: evidence items of a case by number, custody
// events of one item by sequence. DataLoss for a stored body that does not read back.
Result<std::vector<casefile::EvidenceItem>> LoadEvidence(store::Store& store,
                                                         const std::string& case_reference);
Result<std::vector<casefile::CustodyEvent>> LoadCustody(store::Store& store,
                                                        const std::string& case_reference,
                                                        const std::string& evidence_id);

Json ToJson(const EvidenceView& view);

}  // namespace tafkik::app
