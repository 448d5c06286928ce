#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "app/casefile.h"
#include "app/casefile_facts.h"
#include "app/casefile_records.h"
#include "app/casefile_report.h"
#include "store/workspace.h"

namespace tafkik::app {
namespace {

struct Redaction {
  std::map<std::string, std::string> pseudonyms;  // entity id -> "V1" / "S1"
  std::set<std::string> victims;                  // victim side
  std::set<std::string> sources;                  // informants and their holdings
};

Redaction PlanRedaction(const casefile_facts::CaseFacts& facts, const PackageRequest& request) {
  Redaction plan;
  auto pseudonymise = [&](model::Role role, const char* prefix, bool enabled,
                          std::set<std::string>& side) {
    int number = 0;
    for (const std::string& member : casefile_facts::MembersWithRole(facts, role)) {
      std::string pseudonym = prefix + std::to_string(++number);
      auto held = facts.holdings.find(member);
      std::set<std::string> ids = held == facts.holdings.end() ? std::set<std::string>{member}
                                                               : held->second;
      for (const std::string& id : ids) {
        side.insert(id);
        if (enabled) plan.pseudonyms.emplace(id, pseudonym);
      }
    }
  };
  pseudonymise(model::Role::kVictim, "V", request.redact_victims, plan.victims);
  pseudonymise(model::Role::kInformant, "S", request.redact_sources, plan.sources);
  return plan;
}

bool Touches(const std::vector<std::string>& ids, const std::set<std::string>& side) {
  return std::any_of(ids.begin(), ids.end(), [&side](const std::string& id) { return side.count(id); });
}

std::string MemberName(const casefile::EvidenceItem& item) {
  std::string extension = std::filesystem::path(item.file_name).extension().string();
  bool plain = extension.size() <= 6 &&
               std::all_of(extension.begin() + (extension.empty() ? 0 : 1), extension.end(),
                           [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  return "evidence/" + item.number + "-" + item.sha256 + (plain ? extension : "");
}

// Replaces every pseudonymised id inside `text`.
std::string Redact(std::string text, const Redaction& plan) {
  for (const auto& [id, pseudonym] : plan.pseudonyms) {
    for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) {
      text.replace(at, id.size(), pseudonym);
    }
  }
  return text;
}

Result<Json> CaseAudit(store::Store& store, const std::string& reference, const Redaction& plan) {
  Json events = Json::array();
  std::string case_field = "\"case\":\"" + reference + "\"";
  for (int64_t from = 1;; from += 1000) {
    TAFKIK_ASSIGN_OR_RETURN(auto page, store.ListAuditEvents(from, 1000));
    for (const store::AuditEvent& event : page) {
      bool ours = event.object.find(reference) != std::string::npos ||
                  event.details.find(case_field) != std::string::npos;
      if (!ours) continue;
      Json body = store::ToJson(event);
      std::string redacted = Redact(event.details, plan);
      if (redacted != event.details) {
        body["details"] = redacted;
        body["redacted"] = true;  // details_sha256 still names the original
      }
      body["object"] = Redact(event.object, plan);
      events.push_back(body);
    }
    if (page.size() < 1000) break;
  }
  return events;
}

Json CaseJson(const model::Case& record) {
  Json offences = Json::array();
  for (model::Offence offence : record.offences) offences.push_back(model::OffenceName(offence));
  return Json{{"reference", record.reference},
              {"country", record.jurisdiction.country},
              {"region", record.jurisdiction.region},
              {"offences", offences},
              {"lead_unit", record.lead_unit}};
}

}  // namespace

Result<PackageResult> ExportPackage(store::Store& store, store::BlobStore& blobs,
                                    const std::string& workspace_root, const store::Actor& actor,
                                    const PackageRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(
      casefile_facts::CaseFacts facts,
      casefile_facts::LoadCaseFacts(store, actor, request.case_reference, "package.export", 1));
  Redaction plan = PlanRedaction(facts, request);
  TAFKIK_ASSIGN_OR_RETURN(auto views, ListEvidence(store, blobs, actor, request.case_reference));
  casefile::PackageContents contents;
  PackageResult result;
  Json evidence = Json::array();
  std::set<std::string> exported_victims;
  for (const EvidenceView& view : views) {
    const casefile::EvidenceItem& item = view.item;
    if (item.integrity || view.file == FileCheck::kAltered || view.file == FileCheck::kMissing) {
      return DataLossError("evidence " + item.id + " does not match its SHA-256 (" +
                           std::string(FileCheckName(view.file)) +
                           "): the package is not written");
    }
    Json body = casefile::ToJson(item);
    body.erase("file_name");  // a file name can name a person
    if (body.contains("metadata")) body["metadata"].erase("pdf_text");
    body["entities"] = Json::array();
    for (const std::string& id : item.entities) {
      auto pseudonym = plan.pseudonyms.find(id);
      body["entities"].push_back(pseudonym == plan.pseudonyms.end() ? id : pseudonym->second);
      if (plan.victims.count(id) && !request.redact_victims) exported_victims.insert(id);
    }
    std::string withheld;
    if (request.redact_victims && Touches(item.entities, plan.victims)) withheld = "victim identity";
    if (request.redact_sources && Touches(item.entities, plan.sources)) withheld = "intelligence source";
    if (item.type == casefile::EvidenceType::kDigital && withheld.empty()) {
      TAFKIK_ASSIGN_OR_RETURN(std::string path, blobs.PathOf(item.sha256));
      contents.files.push_back({MemberName(item), path, item.sha256});
      body["member"] = MemberName(item);
      ++result.files;
    } else if (!withheld.empty()) {
      body["withheld"] = withheld;
      ++result.withheld;
    }
    evidence.push_back(Json::parse(Redact(body.dump(), plan)));
    for (const casefile::CustodyEvent& event : view.custody) {
      contents.custody.push_back(casefile::ToJson(event));
    }
  }
  TAFKIK_ASSIGN_OR_RETURN(contents.audit, CaseAudit(store, request.case_reference, plan));
  contents.manifest = Json{{"case", CaseJson(facts.record)},
                           {"created", FormatTimestamp(Timestamp::Now())},
                           {"created_by", actor.name},
                           {"redaction", {{"victims", request.redact_victims},
                                          {"sources", request.redact_sources}}},
                           {"evidence", evidence},
                           {"audit_events", contents.audit.size()}};
  store::WorkspacePaths paths = store::PathsOf(workspace_root);
  TAFKIK_ASSIGN_OR_RETURN(SigningKey key, store::LoadOrCreateSigningKey(paths, false));
  contents.manifest["workspace_public_key"] = key.PublicKeyHex();
  result.path = request.output;
  if (result.path.empty()) {
    result.path = request.case_reference + "-package.zip";
    std::replace(result.path.begin(), result.path.end(), '/', '_');
  }
  TAFKIK_ASSIGN_OR_RETURN(result.sha256, casefile::WritePackage(result.path, contents, key));
  Json victims = Json::array();
  for (const std::string& id : exported_victims) victims.push_back(id);
  store::AuditRecord audit{"package.export", "case:" + request.case_reference};
  audit.details = Json{{"case", request.case_reference}, {"sha256", result.sha256},
                       {"files", result.files},          {"withheld", result.withheld},
                       {"redact_victims", request.redact_victims},
                       {"redact_sources", request.redact_sources}, {"victims", victims}};
  Status recorded = store.RecordEvent(actor, audit);
  if (!recorded.ok()) {
    std::filesystem::remove(result.path);  // an export that is not on the record does not leave
    return recorded;
  }
  return result;
}

}  // namespace tafkik::app
