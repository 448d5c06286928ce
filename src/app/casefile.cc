#include "app/casefile.h"

#include <algorithm>
#include <filesystem>

#include "app/casefile_records.h"
#include "app/internal/victim_reads.h"
#include "casefile/metadata.h"
#include "core/hash.h"
#include "core/text.h"

namespace tafkik::app {
namespace {

using casefile::CustodyEvent;
using casefile::EvidenceItem;
using casefile::EvidenceType;

Result<EvidenceItem> BuildItem(const AddEvidenceRequest& request) {
  EvidenceItem item;
  item.case_reference = request.case_reference;
  TAFKIK_ASSIGN_OR_RETURN(item.type, casefile::ParseEvidenceType(AsciiLower(request.type)));
  TAFKIK_ASSIGN_OR_RETURN(item.legal_basis,
                          casefile::ParseLegalBasis(AsciiLower(request.legal_basis)));
  TAFKIK_ASSIGN_OR_RETURN(item.collected_at,
                          casefile_records::ParseField(request.collected_at, "collected_at"));
  item.description = std::string(Trim(request.description));
  item.collected_by = std::string(Trim(request.collected_by));
  item.place = std::string(Trim(request.place));
  item.legal_reference = std::string(Trim(request.legal_reference));
  item.seal = std::string(Trim(request.seal));
  item.entities = request.entities;
  item.elements = request.elements;
  if (item.type == EvidenceType::kDigital && request.file.empty()) {
    return InvalidArgumentError("digital evidence item: file is missing (the file to take in)");
  }
  if (item.type != EvidenceType::kDigital && !request.file.empty()) {
    return InvalidArgumentError("evidence item: only digital items take a file; this one is " +
                                std::string(casefile::EvidenceTypeName(item.type)));
  }
  return item;
}

// Copies the file into the blob store, then re-hashes the stored copy: what the register
// holds is what was read at intake, and what is stored matches it.
Status TakeInFile(store::BlobStore& blobs, const std::string& path, EvidenceItem& item) {
  TAFKIK_ASSIGN_OR_RETURN(item.metadata, casefile::ExtractMetadata(path));
  TAFKIK_ASSIGN_OR_RETURN(item.sha256, blobs.PutFile(path));
  TAFKIK_RETURN_IF_ERROR(blobs.Verify(item.sha256));
  item.file_name = std::filesystem::path(path).filename().string();
  if (!IsValidUtf8(item.file_name)) item.file_name = "file";
  return Status::Ok();
}

model::Record EvidenceRecord(const EvidenceItem& item) {
  return model::Record{casefile::kEvidenceKind, item.id, item.case_reference, "", ToJson(item)};
}

model::Record CustodyRecord(const std::string& case_reference, const CustodyEvent& event) {
  return model::Record{casefile::kCustodyKind, casefile::CustodyRecordId(event), case_reference,
                       "", ToJson(event)};
}

CustodyEvent IntakeEvent(const EvidenceItem& item) {
  CustodyEvent event;
  event.evidence_id = item.id;
  event.sequence = 1;
  event.to = item.collected_by;
  event.purpose = "seizure (" + std::string(casefile::LegalBasisName(item.legal_basis)) +
                  (item.legal_reference.empty() ? "" : " " + item.legal_reference) + ")";
  event.place = item.place;
  event.time = item.collected_at;
  if (item.type == EvidenceType::kDigital) event.hash_verified = true;
  return event;
}

Result<EvidenceItem> LoadItem(store::Store& store, const std::string& evidence_id) {
  Result<model::Record> record = store.GetRecord(casefile::kEvidenceKind, evidence_id);
  if (!record.ok() && record.status().code() == StatusCode::kNotFound) {
    return NotFoundError("evidence item " + evidence_id + " does not exist");
  }
  TAFKIK_RETURN_IF_ERROR(record.status());
  return casefile::EvidenceFromJson(record->body);
}

// Re-hashes a digital item's file: intact, altered or missing, with the message.
std::pair<FileCheck, std::string> CheckFile(store::BlobStore& blobs, const EvidenceItem& item) {
  if (item.type != EvidenceType::kDigital) return {FileCheck::kNotApplicable, ""};
  Status verified = blobs.Verify(item.sha256);
  if (verified.ok()) return {FileCheck::kIntact, ""};
  if (verified.code() == StatusCode::kNotFound) return {FileCheck::kMissing, verified.message()};
  return {FileCheck::kAltered, verified.message()};
}

casefile::IntegrityFlag MakeFlag(store::BlobStore& blobs, const EvidenceItem& item,
                                 const std::string& problem) {
  casefile::IntegrityFlag flag{FormatTimestamp(Timestamp::Now()), "", problem};
  Result<std::string> path = blobs.PathOf(item.sha256);
  if (path.ok()) {
    Result<std::string> actual = Sha256FileHex(*path);
    if (actual.ok()) flag.actual_sha256 = *actual;
  }
  return flag;
}

// Flags the item on its record (once) with an "evidence.integrity" event, outcome failed.
Status FlagItem(store::Store& store, store::BlobStore& blobs, const store::Actor& actor,
                EvidenceItem& item, const std::string& problem) {
  if (item.integrity) return Status::Ok();
  item.integrity = MakeFlag(blobs, item, problem);
  TAFKIK_ASSIGN_OR_RETURN(auto write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->UpsertRecord(EvidenceRecord(item)));
  store::AuditRecord audit{"evidence.integrity", "evidence:" + item.id,
                           store::AuditOutcome::kFailed};
  audit.details = Json{{"case", item.case_reference},
                       {"sha256", item.sha256},
                       {"actual_sha256", item.integrity->actual_sha256}};
  return write->Commit(audit);
}

Result<EvidenceView> ViewItem(store::Store& store, store::BlobStore& blobs,
                              const store::Actor& actor, EvidenceItem item) {
  EvidenceView view;
  auto [check, problem] = CheckFile(blobs, item);
  if (check == FileCheck::kAltered || check == FileCheck::kMissing) {
    TAFKIK_RETURN_IF_ERROR(FlagItem(store, blobs, actor, item, problem));
  }
  view.file = check;
  view.file_problem = problem;
  TAFKIK_ASSIGN_OR_RETURN(view.custody, LoadCustody(store, item.case_reference, item.id));
  view.review = casefile::ReviewChain(item, view.custody);
  view.item = std::move(item);
  return view;
}

std::vector<EntityId> AsIds(const std::vector<std::string>& ids) {
  std::vector<EntityId> out;
  for (const std::string& id : ids) out.emplace_back(id);
  return out;
}

}  // namespace

std::string_view FileCheckName(FileCheck check) {
  switch (check) {
    case FileCheck::kIntact: return "intact";
    case FileCheck::kAltered: return "altered";
    case FileCheck::kMissing: return "missing";
    case FileCheck::kNotApplicable: break;
  }
  return "n/a";
}

Result<EvidenceItem> AddEvidence(store::Store& store, store::BlobStore& blobs,
                                 const store::Actor& actor, const AddEvidenceRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(EvidenceItem item, BuildItem(request));
  TAFKIK_RETURN_IF_ERROR(store.GetCase(request.case_reference).status());
  TAFKIK_RETURN_IF_ERROR(casefile_records::RequireEntities(store, item.entities));
  TAFKIK_ASSIGN_OR_RETURN(int number, casefile_records::NextNumber(store, casefile::kEvidenceKind,
                                                                   request.case_reference));
  item.number = "E" + std::to_string(number);
  item.id = casefile::EvidenceRecordId(request.case_reference, number);
  if (item.type == EvidenceType::kDigital) {
    // Validate what the user typed before copying a possibly large file.
    item.sha256 = std::string(64, '0');
    TAFKIK_RETURN_IF_ERROR(casefile::ValidateEvidence(item));
    TAFKIK_RETURN_IF_ERROR(TakeInFile(blobs, request.file, item));
  }
  TAFKIK_RETURN_IF_ERROR(casefile::ValidateEvidence(item));
  TAFKIK_ASSIGN_OR_RETURN(auto write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(EvidenceRecord(item)));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(CustodyRecord(item.case_reference, IntakeEvent(item))));
  store::AuditRecord audit{"evidence.add", "evidence:" + item.id};
  audit.details = Json{{"case", item.case_reference},
                       {"type", casefile::EvidenceTypeName(item.type)},
                       {"sha256", item.sha256},
                       {"size", item.metadata.size}};
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
  return item;
}

Result<EvidenceView> ShowEvidence(store::Store& store, store::BlobStore& blobs,
                                  const store::Actor& actor, const std::string& evidence_id) {
  TAFKIK_ASSIGN_OR_RETURN(EvidenceItem item, LoadItem(store, evidence_id));
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(store, actor, AsIds(item.entities),
                                                     "evidence:" + item.id, "evidence.show"));
  return ViewItem(store, blobs, actor, std::move(item));
}

Result<std::vector<EvidenceView>> ListEvidence(store::Store& store, store::BlobStore& blobs,
                                               const store::Actor& actor,
                                               const std::string& case_reference) {
  TAFKIK_RETURN_IF_ERROR(store.GetCase(case_reference).status());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<EvidenceItem> items, LoadEvidence(store, case_reference));
  std::vector<EntityId> linked;
  for (const EvidenceItem& item : items) {
    for (const std::string& id : item.entities) linked.emplace_back(id);
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(store, actor, linked,
                                                     "case:" + case_reference, "evidence.list"));
  std::vector<EvidenceView> views;
  for (EvidenceItem& item : items) {
    TAFKIK_ASSIGN_OR_RETURN(EvidenceView view, ViewItem(store, blobs, actor, std::move(item)));
    views.push_back(std::move(view));
  }
  return views;
}

Result<CustodyEvent> AddCustody(store::Store& store, store::BlobStore& blobs,
                                const store::Actor& actor, const AddCustodyRequest& request) {
  CustodyEvent event;
  event.evidence_id = std::string(Trim(request.evidence_id));
  event.from = std::string(Trim(request.from));
  event.to = std::string(Trim(request.to));
  event.purpose = std::string(Trim(request.purpose));
  event.place = std::string(Trim(request.place));
  event.seal_intact = request.seal_intact;
  event.note = request.note;
  TAFKIK_ASSIGN_OR_RETURN(event.time, casefile_records::ParseField(request.time, "time"));
  event.sequence = 2;  // any hand-over: `from` is required
  TAFKIK_RETURN_IF_ERROR(casefile::ValidateCustodyEvent(event));
  TAFKIK_ASSIGN_OR_RETURN(EvidenceItem item, LoadItem(store, event.evidence_id));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<CustodyEvent> chain,
                          LoadCustody(store, item.case_reference, item.id));
  casefile::CustodyReview review = casefile::ReviewChain(item, chain);
  if (!chain.empty() && event.from != review.current_custodian) {
    return FailedPreconditionError("evidence " + item.id + " is held by '" +
                                   review.current_custodian + "', not by '" + event.from + "'");
  }
  if (!chain.empty() && event.time < chain.back().time) {
    return InvalidArgumentError("custody event of " + item.id + ": time " +
                                FormatTimestamp(event.time) + " is before the previous event (" +
                                FormatTimestamp(chain.back().time) + ")");
  }
  event.sequence = static_cast<int>(chain.size()) + 1;
  auto [check, problem] = CheckFile(blobs, item);
  if (check != FileCheck::kNotApplicable) event.hash_verified = check == FileCheck::kIntact;
  bool newly_flagged = false;
  if (event.hash_verified == false && !item.integrity) {
    item.integrity = MakeFlag(blobs, item, problem);
    newly_flagged = true;
  }
  TAFKIK_ASSIGN_OR_RETURN(auto write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(CustodyRecord(item.case_reference, event)));
  if (newly_flagged) TAFKIK_RETURN_IF_ERROR(write->UpsertRecord(EvidenceRecord(item)));
  store::AuditRecord audit{"custody.add", "evidence:" + item.id};
  audit.details = Json{{"case", item.case_reference},
                       {"sequence", event.sequence},
                       {"seal_intact", event.seal_intact},
                       {"hash_verified", event.hash_verified ? Json(*event.hash_verified)
                                                             : Json(nullptr)}};
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
  return event;
}

Result<std::vector<EvidenceItem>> LoadEvidence(store::Store& store,
                                               const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(
      std::vector<model::Record> records,
      casefile_records::ListAll(store, casefile::kEvidenceKind, case_reference));
  std::vector<EvidenceItem> items;
  for (const model::Record& record : records) {
    TAFKIK_ASSIGN_OR_RETURN(EvidenceItem item, casefile::EvidenceFromJson(record.body));
    items.push_back(std::move(item));
  }
  auto number = [](const EvidenceItem& item) { return std::atoi(item.number.c_str() + 1); };
  std::sort(items.begin(), items.end(),
            [&](const auto& left, const auto& right) { return number(left) < number(right); });
  return items;
}

Result<std::vector<CustodyEvent>> LoadCustody(store::Store& store,
                                              const std::string& case_reference,
                                              const std::string& evidence_id) {
  TAFKIK_ASSIGN_OR_RETURN(
      std::vector<model::Record> records,
      casefile_records::ListAll(store, casefile::kCustodyKind, case_reference));
  std::vector<CustodyEvent> events;
  for (const model::Record& record : records) {
    if (record.body.value("evidence", "") != evidence_id) continue;
    TAFKIK_ASSIGN_OR_RETURN(CustodyEvent event, casefile::CustodyFromJson(record.body));
    events.push_back(std::move(event));
  }
  std::sort(events.begin(), events.end(),
            [](const auto& left, const auto& right) { return left.sequence < right.sequence; });
  return events;
}

Json ToJson(const EvidenceView& view) {
  Json custody = Json::array();
  for (const CustodyEvent& event : view.custody) custody.push_back(casefile::ToJson(event));
  Json issues = Json::array();
  for (const casefile::CustodyIssue& issue : view.review.issues) {
    issues.push_back(Json{{"sequence", issue.sequence}, {"problem", issue.problem}});
  }
  Json body = casefile::ToJson(view.item);
  body["file_check"] = FileCheckName(view.file);
  if (!view.file_problem.empty()) body["file_problem"] = view.file_problem;
  body["custody"] = custody;
  body["current_custodian"] = view.review.current_custodian;
  body["chain_ok"] = view.review.ok();
  body["chain_issues"] = issues;
  return body;
}

}  // namespace tafkik::app
