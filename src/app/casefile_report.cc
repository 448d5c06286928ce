#include "app/casefile_report.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/casefile.h"
#include "app/casefile_facts.h"
#include "app/casefile_log.h"
#include "app/casefile_records.h"
#include "core/hash.h"
#include "model/caption.h"

namespace tafkik::app {
namespace {

using casefile_facts::CaseFacts;

// Names entities in the report: victims and their holdings by pseudonym unless revealed.
class Namer {
 public:
  Namer(const CaseFacts& facts, bool reveal) : facts_(facts), reveal_(reveal) {
    int number = 0;
    for (const std::string& victim : casefile_facts::MembersWithRole(facts, model::Role::kVictim)) {
      std::string pseudonym = "V" + std::to_string(++number);
      pseudonyms_[victim] = pseudonym;
      auto held = facts.holdings.find(victim);
      if (held == facts.holdings.end()) continue;
      for (const std::string& asset : held->second) {
        if (asset == victim) continue;
        auto entity = facts.entities.find(asset);
        pseudonyms_.emplace(asset, pseudonym + " (" +
                                       (entity == facts.entities.end() ? "" : entity->second.schema) +
                                       ")");
      }
    }
  }

  std::string operator()(const std::string& id) const {
    auto pseudonym = pseudonyms_.find(id);
    if (!reveal_ && pseudonym != pseudonyms_.end()) return pseudonym->second;
    return casefile_facts::CaptionOf(facts_, id);
  }

 private:
  const CaseFacts& facts_;
  bool reveal_;
  std::map<std::string, std::string> pseudonyms_;
};

casefile::LinkChart BuildChart(const CaseFacts& facts, const Namer& name) {
  casefile::LinkChart chart;
  std::map<std::string, std::string> role;
  for (const model::CaseMember& member : facts.record.members) {
    role[member.entity.value()] = std::string(model::RoleName(member.role));
  }
  for (const auto& [member, held] : facts.holdings) {
    for (const std::string& id : held) role.emplace(id, "holding");
  }
  for (const auto& [id, node_role] : role) chart.nodes.push_back({id, name(id), node_role});
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> pairs;
  for (const model::Relation& relation : facts.relations) {
    std::string source = relation.source.value(), target = relation.target.value();
    if (!role.count(source) || !role.count(target) || source == target) continue;
    pairs[std::minmax(source, target)][relation.schema]++;
  }
  for (const auto& [ends, schemata] : pairs) {
    casefile::ChartEdge edge{ends.first, ends.second, "", 0};
    for (const auto& [schema, count] : schemata) {
      edge.label += (edge.label.empty() ? "" : ", ") + schema + " x" + std::to_string(count);
      edge.count += count;
    }
    chart.edges.push_back(edge);
  }
  return chart;
}

std::vector<casefile::MoneyFlow> Flows(const CaseFacts& facts, const Namer& name) {
  std::vector<casefile::MoneyFlow> flows;
  for (const model::Relation& relation : facts.relations) {
    if (relation.schema != "Payment") continue;
    flows.push_back({relation.start.value_or(Timestamp()), name(relation.source.value()),
                     name(relation.target.value()), relation.First("amount"),
                     relation.First("currency"), relation.First("channel")});
  }
  return flows;
}

// Records of another capability with body.summary {"en","fr","ar"}.
Result<std::vector<casefile::ReportFinding>> Findings(store::Store& store, const std::string& kind,
                                                      const std::string& case_reference,
                                                      const std::string& lang, const Namer& name) {
  TAFKIK_ASSIGN_OR_RETURN(auto records, casefile_records::ListAll(store, kind, case_reference));
  std::vector<casefile::ReportFinding> findings;
  for (const model::Record& record : records) {
    const Json& summary = record.body.contains("summary") ? record.body["summary"] : Json();
    std::string text;
    if (summary.is_object()) {
      text = summary.value(lang, summary.value("en", ""));
    } else if (summary.is_string()) {
      text = summary.get<std::string>();
    }
    if (text.empty()) continue;
    findings.push_back({record.subject.empty() ? "" : name(record.subject), text,
                        FormatTimestamp(record.created).substr(0, 10)});
  }
  return findings;
}

std::vector<casefile::ReportSource> Sources(const CaseFacts& facts,
                                            const std::vector<casefile::ReportEvidence>& evidence) {
  std::map<std::string, int64_t> counts;
  for (const model::CaseMember& member : facts.record.members) {
    auto entity = facts.entities.find(member.entity.value());
    if (entity == facts.entities.end()) continue;
    for (const auto& [property, values] : entity->second.properties) {
      for (const model::Value& value : values) {
        const model::Provenance& from = value.provenance;
        std::string label = "dataset " + from.dataset;
        if (!from.source_sha256.empty()) label += ", file SHA-256 " + from.source_sha256;
        if (!from.evidence_id.empty()) label += ", evidence " + from.evidence_id;
        if (from.source_sha256.empty() && !from.user.empty()) label += ", entered by " + from.user;
        counts[label]++;
      }
    }
  }
  std::vector<casefile::ReportSource> sources;
  for (const auto& [label, count] : counts) sources.push_back({label, count});
  for (const casefile::ReportEvidence& item : evidence) {
    if (item.item.sha256.empty()) continue;
    sources.push_back({"evidence " + item.item.number + " SHA-256 " + item.item.sha256, 0});
  }
  return sources;
}

Result<std::string> AuditHead(store::Store& store) {
  TAFKIK_ASSIGN_OR_RETURN(store::Counts counts, store.Count());
  TAFKIK_ASSIGN_OR_RETURN(auto events, store.ListAuditEvents(counts.audit_events, 1));
  return events.empty() ? std::string() : events.back().hash;
}

Status WriteAtomically(const std::string& path, const std::string& bytes) {
  std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) return UnavailableError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return UnavailableError("cannot write " + path + ": " + error.message());
  return Status::Ok();
}

}  // namespace

Result<casefile::ReportInput> LoadReportInput(store::Store& store, store::BlobStore& blobs,
                                              const store::Actor& actor,
                                              const std::string& case_reference,
                                              const std::string& lang, bool reveal_victims) {
  TAFKIK_ASSIGN_OR_RETURN(CaseFacts facts,
                          casefile_facts::LoadCaseFacts(store, actor, case_reference, "report",
                                                        kRelationsPerMember));
  Namer name(facts, reveal_victims);
  casefile::ReportInput input;
  input.record = facts.record;
  input.generated_at = FormatTimestamp(Timestamp::Now());
  input.generated_by = actor.name;
  input.victims_revealed = reveal_victims;
  for (const model::CaseMember& member : facts.record.members) {
    auto entity = facts.entities.find(member.entity.value());
    input.persons.push_back({member.entity.value(), member.role,
                             entity == facts.entities.end() ? "" : entity->second.schema,
                             name(member.entity.value())});
  }
  TAFKIK_ASSIGN_OR_RETURN(auto views, ListEvidence(store, blobs, actor, case_reference));
  std::vector<casefile::EvidenceItem> items;
  for (const EvidenceView& view : views) {
    input.evidence.push_back({view.item, view.custody, view.review.current_custodian,
                              view.review.ok(), std::string(FileCheckName(view.file))});
    items.push_back(view.item);
  }
  TAFKIK_ASSIGN_OR_RETURN(input.actions, ListActions(store, case_reference));
  std::vector<model::Relation> dated;
  for (const model::Relation& relation : facts.relations) {
    if (relation.schema != "Ownership") dated.push_back(relation);
  }
  input.timeline = casefile::BuildTimeline(input.actions, items, dated, std::cref(name));
  input.chart = BuildChart(facts, name);
  input.flows = Flows(facts, name);
  input.relation_count = static_cast<int64_t>(dated.size());
  input.truncated = facts.truncated;
  TAFKIK_ASSIGN_OR_RETURN(input.matrix, casefile_facts::MatrixFromFacts(store, facts));
  TAFKIK_ASSIGN_OR_RETURN(input.screenings,
                          Findings(store, "screening", case_reference, lang, name));
  TAFKIK_ASSIGN_OR_RETURN(input.alerts, Findings(store, "money.alert", case_reference, lang, name));
  input.sources = Sources(facts, input.evidence);
  TAFKIK_ASSIGN_OR_RETURN(input.audit_head, AuditHead(store));
  return input;
}

Result<ReportResult> GenerateReport(store::Store& store, store::BlobStore& blobs,
                                    const store::Actor& actor, const ReportRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(casefile::Labels labels, casefile::Labels::ForLanguage(request.lang));
  if (request.format != "pdf" && request.format != "html" && request.format != "md") {
    return InvalidArgumentError("report format '" + request.format + "' is not one of: pdf, html, md");
  }
  TAFKIK_ASSIGN_OR_RETURN(casefile::ReportInput input,
                          LoadReportInput(store, blobs, actor, request.case_reference,
                                          request.lang, request.reveal_victims));
  casefile::ReportDocument document = casefile::BuildReport(input, labels);
  std::string bytes;
  if (request.format == "pdf") {
    TAFKIK_ASSIGN_OR_RETURN(bytes, casefile::RenderPdf(document));
  } else if (request.format == "html") {
    TAFKIK_ASSIGN_OR_RETURN(bytes, casefile::RenderHtml(document));
  } else {
    bytes = casefile::RenderMarkdown(document);
  }
  ReportResult result;
  result.path = request.output;
  if (result.path.empty()) {
    std::string base = request.case_reference;
    std::replace(base.begin(), base.end(), '/', '_');
    result.path = base + "-" + request.lang + "." + request.format;
  }
  result.sha256 = Sha256Hex(bytes);
  result.bytes = static_cast<int64_t>(bytes.size());
  store::AuditRecord audit{"report.generate", "case:" + request.case_reference};
  audit.details = Json{{"case", request.case_reference}, {"lang", request.lang},
                       {"format", request.format},       {"sha256", result.sha256},
                       {"bytes", result.bytes},          {"victims_revealed", request.reveal_victims}};
  TAFKIK_RETURN_IF_ERROR(store.RecordEvent(actor, audit));
  TAFKIK_RETURN_IF_ERROR(WriteAtomically(result.path, bytes));
  return result;
}

}  // namespace tafkik::app
