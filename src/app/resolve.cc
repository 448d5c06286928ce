#include "app/resolve.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <utility>

#include "app/internal/victim_reads.h"
#include "core/ids.h"
#include "core/time.h"
#include "model/caption.h"
#include "model/schema.h"

namespace tafkik::app {
namespace {

constexpr char kRunKind[] = "resolve.run";
constexpr char kModelKind[] = "resolve.model";
constexpr char kCandidateKind[] = "resolve.candidate";
constexpr char kDecisionKind[] = "resolve.decision";
constexpr int64_t kPage = 5000;

std::string Decimal(double value, const char* format = "%.6f") {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

double ReadDecimal(const Json& value) {
  return value.is_string() ? std::strtod(value.get_ref<const std::string&>().c_str(), nullptr)
                           : 0.0;
}

std::pair<std::string, std::string> Ordered(const std::string& first, const std::string& second) {
  return first < second ? std::make_pair(first, second) : std::make_pair(second, first);
}

std::string PairId(const std::string& left, const std::string& right) {
  return MakeEntityId("resolve.pair", {left, right}).value();
}

Result<std::vector<model::Record>> AllRecords(store::Store& store, store::RecordQuery query) {
  std::vector<model::Record> all;
  query.limit = kPage;
  for (query.offset = 0;; query.offset += kPage) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> page, store.ListRecords(query));
    const bool last = static_cast<int64_t>(page.size()) < kPage;
    for (model::Record& record : page) all.push_back(std::move(record));
    if (last) return all;
  }
}

// The state of a pair after replaying its decisions: each decision pushes, each undo pops.
struct PairState {
  std::string status = "pending";
  std::vector<const model::Record*> in_force;
};

PairState Replay(const std::vector<const model::Record*>& decisions) {
  PairState state;
  for (const model::Record* decision : decisions) {
    if (decision->body.value("decision", "") == "undo") {
      if (!state.in_force.empty()) state.in_force.pop_back();
    } else {
      state.in_force.push_back(decision);
    }
  }
  if (!state.in_force.empty()) state.status = state.in_force.back()->body.value("decision", "");
  return state;
}

// Every pair's decisions in the order they were made, keyed by pair id.
Result<std::map<std::string, std::vector<model::Record>>> DecisionsByPair(
    store::Store& store, std::optional<std::string> subject) {
  store::RecordQuery query;
  query.kind = kDecisionKind;
  query.subject = std::move(subject);
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> all, AllRecords(store, query));
  std::map<std::string, std::vector<model::Record>> by_pair;
  for (model::Record& record : all) {
    by_pair[record.body.value("pair", "")].push_back(std::move(record));
  }
  return by_pair;
}

std::string StatusOf(const std::vector<model::Record>& decisions) {
  std::vector<const model::Record*> pointers;
  for (const model::Record& record : decisions) pointers.push_back(&record);
  return Replay(pointers).status;
}

Json RunBody(const ResolveRunReport& report, const ResolveRunRequest& request) {
  Json passes = Json::array();
  for (const resolve::PassReport& pass : report.passes) {
    passes.push_back({{"name", pass.name},
                      {"ran", pass.ran},
                      {"seconds", Decimal(pass.seconds, "%.3f")},
                      {"items", pass.items}});
  }
  Json skip = Json::array();
  for (const std::string& pass : request.skip) skip.push_back(pass);
  return Json{{"records", report.records},
              {"compared_pairs", report.compared_pairs},
              {"candidates", report.candidates},
              {"likely", report.likely},
              {"clusters", report.clusters},
              {"refused_merges", report.refused_merges},
              {"passes", passes},
              {"skip", skip},
              {"case", request.case_reference},
              {"review_threshold", Decimal(request.review_threshold, "%.3f")},
              {"link_threshold", Decimal(request.link_threshold, "%.3f")}};
}

model::Record CandidateRecord(const resolve::PersonRecord& left, const resolve::PersonRecord& right,
                              const resolve::Explanation& explanation, const std::string& run_id,
                              const std::string& case_reference) {
  auto [low, high] = Ordered(left.id, right.id);
  model::Record record;
  record.kind = kCandidateKind;
  record.id = PairId(low, high);
  record.subject = low;
  record.case_reference = case_reference;
  record.body = Json{{"left", low},
                     {"right", high},
                     {"run", run_id},
                     {"probability", Decimal(explanation.probability)},
                     {"summary", explanation.Summary()},
                     {"explanation", explanation.ToJson()}};
  return record;
}

Status CheckThreshold(double value, const std::string& name) {
  if (value >= 0 && value <= 1) return Status::Ok();
  return InvalidArgumentError(name + " must be between 0 and 1, not " + Decimal(value, "%g"));
}

Result<resolve::Model> CurrentModel(store::Store& store) {
  Result<model::Record> stored = store.GetRecord(kModelKind, "current");
  if (!stored.ok()) {
    if (stored.status().code() == StatusCode::kNotFound) return resolve::Model::Defaults();
    return stored.status();
  }
  Result<resolve::Model> parsed = resolve::Model::FromJson(stored->body);
  if (!parsed.ok()) {
    return DataLossError("stored resolution model is unreadable: " + parsed.status().message());
  }
  return parsed;
}

// Loads one entity as a resolution record with its linked phones, documents and accounts.
Result<resolve::PersonRecord> LoadOne(store::Store& store, const std::string& id) {
  if (!IsValidEntityId(id)) return InvalidArgumentError("'" + id + "' is not an entity id");
  TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, store.GetEntity(EntityId(id)));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<resolve::PersonRecord> all, LoadPersonRecords(store, ""));
  for (resolve::PersonRecord& record : all) {
    if (record.id == id) return std::move(record);
  }
  return InvalidArgumentError("entity " + id + " is a " + entity.schema +
                              "; resolution compares Person entities");
}

Result<std::pair<std::string, std::string>> Captions(store::Store& store, const std::string& left,
                                                     const std::string& right) {
  TAFKIK_ASSIGN_OR_RETURN(model::Entity left_entity, store.GetEntity(EntityId(left)));
  TAFKIK_ASSIGN_OR_RETURN(model::Entity right_entity, store.GetEntity(EntityId(right)));
  return std::make_pair(model::Caption(left_entity), model::Caption(right_entity));
}

// The pair's view: stored candidate when there is one, else a fresh explanation.
Result<PairView> BuildView(store::Store& store, const std::string& left, const std::string& right,
                           const std::vector<model::Record>& decisions) {
  PairView view;
  view.left = left;
  view.right = right;
  TAFKIK_ASSIGN_OR_RETURN(std::tie(view.left_caption, view.right_caption),
                          Captions(store, left, right));
  Result<model::Record> candidate = store.GetRecord(kCandidateKind, PairId(left, right));
  if (candidate.ok()) {
    view.probability = ReadDecimal(candidate->body.value("probability", Json()));
    view.summary = candidate->body.value("summary", "");
    view.explanation = candidate->body.value("explanation", Json::object());
  } else if (candidate.status().code() == StatusCode::kNotFound) {
    TAFKIK_ASSIGN_OR_RETURN(resolve::PersonRecord left_record, LoadOne(store, left));
    TAFKIK_ASSIGN_OR_RETURN(resolve::PersonRecord right_record, LoadOne(store, right));
    TAFKIK_ASSIGN_OR_RETURN(resolve::Model model, CurrentModel(store));
    resolve::Explanation explanation = resolve::Explain(
        resolve::Prepare(left_record), resolve::Prepare(right_record), model, nullptr);
    view.probability = explanation.probability;
    view.summary = explanation.Summary();
    view.explanation = explanation.ToJson();
  } else {
    return candidate.status();
  }
  view.status = StatusOf(decisions);
  view.history = Json::array();
  for (const model::Record& decision : decisions) {
    Json entry = decision.body;
    entry["id"] = decision.id;
    entry["actor"] = decision.actor;
    entry["time"] = FormatTimestamp(decision.created);
    view.history.push_back(std::move(entry));
  }
  return view;
}

Result<std::pair<std::string, std::string>> CheckPair(store::Store& store, const std::string& first,
                                                      const std::string& second) {
  for (const std::string& id : {first, second}) {
    if (!IsValidEntityId(id)) return InvalidArgumentError("'" + id + "' is not an entity id");
    TAFKIK_RETURN_IF_ERROR(store.GetEntity(EntityId(id)).status());
  }
  if (first == second) return InvalidArgumentError("an entity is always the same as itself");
  return Ordered(first, second);
}

std::string SameAsDecision(const std::string& status) {
  return status == "confirmed" || status == "rejected" ? status : "pending";
}

// Writes one decision record and its SameAs relation in one audited transaction.
Status WriteDecision(store::Store& store, const store::Actor& actor, const PairView& view,
                     Json body, size_t sequence, const std::string& new_status,
                     const std::string& action) {
  const std::string pair = PairId(view.left, view.right);
  char suffix[16];
  std::snprintf(suffix, sizeof(suffix), ":%04zu", sequence);
  model::Record record;
  record.kind = kDecisionKind;
  record.id = pair + suffix;
  record.subject = view.left;
  body["pair"] = pair;
  body["left"] = view.left;
  body["right"] = view.right;
  body["status_after"] = new_status;
  body["probability"] = Decimal(view.probability);
  body["summary"] = view.summary;
  record.body = std::move(body);

  model::Relation same_as;
  same_as.id = MakeEntityId("resolve.sameas", {record.id});
  same_as.schema = "SameAs";
  same_as.source = EntityId(view.left);
  same_as.target = EntityId(view.right);
  same_as.start = Timestamp::Now();
  model::Provenance provenance{"resolve", "", -1, "", actor.name};
  same_as.Add("score", Decimal(std::clamp(view.probability, 0.0, 1.0), "%.4f"), provenance);
  same_as.Add("decision", SameAsDecision(new_status), provenance);
  same_as.Add("explanation", view.summary, provenance);
  TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(same_as));

  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(record));
  TAFKIK_RETURN_IF_ERROR(write->PutRelation(same_as));
  store::AuditRecord audit{action, "entity:" + view.left};
  audit.details = Json{{"right", view.right},
                       {"pair", pair},
                       {"decision", record.body.value("decision", "")},
                       {"status_after", new_status},
                       {"same_as", same_as.id.value()}};
  return write->Commit(audit);
}

}  // namespace

Json ResolveRunReport::ToJson() const {
  Json passes_json = Json::array();
  for (const resolve::PassReport& pass : passes) {
    passes_json.push_back({{"name", pass.name},
                           {"ran", pass.ran},
                           {"seconds", Decimal(pass.seconds, "%.3f")},
                           {"items", pass.items}});
  }
  return Json{{"run", run_id},
              {"records", records},
              {"compared_pairs", compared_pairs},
              {"candidates", candidates},
              {"likely", likely},
              {"clusters", clusters},
              {"refused_merges", refused_merges},
              {"passes", passes_json},
              {"model", model.ToJson()}};
}

Json PairView::ToJson() const {
  Json json = {{"left", left},
               {"right", right},
               {"left_caption", left_caption},
               {"right_caption", right_caption},
               {"probability", Decimal(probability)},
               {"status", status},
               {"summary", summary},
               {"explanation", explanation}};
  if (!history.is_null()) json["history"] = history;
  return json;
}

Result<ResolveRunReport> RunResolution(store::Store& store, const store::Actor& actor,
                                       const ResolveRunRequest& request) {
  TAFKIK_RETURN_IF_ERROR(CheckThreshold(request.review_threshold, "review threshold"));
  TAFKIK_RETURN_IF_ERROR(CheckThreshold(request.link_threshold, "link threshold"));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<resolve::PersonRecord> records,
                          LoadPersonRecords(store, request.case_reference));
  resolve::PipelineOptions options;
  options.skip = {request.skip.begin(), request.skip.end()};
  options.review_threshold = request.review_threshold;
  options.clustering.link_threshold = request.link_threshold;
  resolve::Pipeline pipeline(records, options);
  TAFKIK_ASSIGN_OR_RETURN(resolve::PipelineResult result, pipeline.Run());

  ResolveRunReport report;
  report.run_id = "run-" + std::to_string(Timestamp::Now().micros());
  report.records = static_cast<int64_t>(records.size());
  report.compared_pairs = result.compared_pairs;
  report.candidates = static_cast<int64_t>(result.candidates.size());
  report.clusters = static_cast<int64_t>(result.clusters.clusters.size());
  report.refused_merges = static_cast<int64_t>(result.clusters.refused.size());
  report.passes = result.passes;
  report.model = result.model;

  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  for (const resolve::CandidatePair& pair : result.candidates) {
    report.likely += pair.probability >= request.link_threshold;
    resolve::Explanation explanation = pipeline.ExplainPair(pair.left, pair.right, result.model);
    TAFKIK_RETURN_IF_ERROR(
        write->UpsertRecord(CandidateRecord(records[pair.left], records[pair.right], explanation,
                                            report.run_id, request.case_reference)));
  }
  model::Record run{kRunKind, report.run_id, request.case_reference, "", RunBody(report, request)};
  run.body["model"] = result.model.ToJson();
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(run));
  TAFKIK_RETURN_IF_ERROR(
      write->UpsertRecord(model::Record{kModelKind, "current", "", "", result.model.ToJson()}));
  store::AuditRecord audit{"resolve.run", "resolve:" + report.run_id};
  audit.details = Json{{"records", report.records},
                       {"compared_pairs", report.compared_pairs},
                       {"candidates", report.candidates},
                       {"clusters", report.clusters},
                       {"case", request.case_reference}};
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
  return report;
}

Result<std::vector<PairView>> ReviewCandidates(store::Store& store, const store::Actor& actor,
                                               const ReviewRequest& request) {
  static const std::vector<std::string> kStatuses = {"pending", "confirmed", "rejected", "unsure",
                                                     "all"};
  if (std::find(kStatuses.begin(), kStatuses.end(), request.status) == kStatuses.end()) {
    return InvalidArgumentError(
        "status must be pending, confirmed, rejected, unsure or all, not '" + request.status + "'");
  }
  if (request.limit < 1) return InvalidArgumentError("limit must be at least 1");
  TAFKIK_ASSIGN_OR_RETURN(auto decisions, DecisionsByPair(store, std::nullopt));
  store::RecordQuery query;
  query.kind = kCandidateKind;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> candidates, AllRecords(store, query));
  std::vector<std::pair<double, const model::Record*>> chosen;
  for (const model::Record& candidate : candidates) {
    auto found = decisions.find(candidate.id);
    const std::string status = found == decisions.end() ? "pending" : StatusOf(found->second);
    if (request.status != "all" && status != request.status) continue;
    chosen.emplace_back(ReadDecimal(candidate.body.value("probability", Json())), &candidate);
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (static_cast<int64_t>(chosen.size()) > request.limit) chosen.resize(request.limit);
  std::vector<PairView> views;
  std::vector<EntityId> shown;
  for (const auto& [probability, candidate] : chosen) {
    const std::string left = candidate->body.value("left", ""),
                      right = candidate->body.value("right", "");
    auto found = decisions.find(candidate->id);
    TAFKIK_ASSIGN_OR_RETURN(
        PairView view,
        BuildView(store, left, right,
                  found == decisions.end() ? std::vector<model::Record>() : found->second));
    view.history = Json();  // review lists; explain shows the history
    views.push_back(std::move(view));
    shown.emplace_back(left);
    shown.emplace_back(right);
  }
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, shown, "resolve:review", "resolve.review"));
  return views;
}

Result<PairView> ExplainPair(store::Store& store, const store::Actor& actor,
                             const std::string& first, const std::string& second) {
  TAFKIK_ASSIGN_OR_RETURN(auto ordered, CheckPair(store, first, second));
  const auto& [left, right] = ordered;
  TAFKIK_ASSIGN_OR_RETURN(auto decisions, DecisionsByPair(store, left));
  TAFKIK_ASSIGN_OR_RETURN(PairView view,
                          BuildView(store, left, right, decisions[PairId(left, right)]));
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(
      store, actor, {EntityId(left), EntityId(right)}, "entity:" + left, "resolve.explain"));
  return view;
}

Result<PairView> DecidePair(store::Store& store, const store::Actor& actor,
                            const std::string& first, const std::string& second,
                            const std::string& decision, const std::string& note) {
  if (decision != "confirmed" && decision != "rejected" && decision != "unsure") {
    return InvalidArgumentError("decision must be confirmed, rejected or unsure, not '" + decision +
                                "'");
  }
  TAFKIK_ASSIGN_OR_RETURN(auto ordered, CheckPair(store, first, second));
  const auto& [left, right] = ordered;
  TAFKIK_ASSIGN_OR_RETURN(auto decisions, DecisionsByPair(store, left));
  std::vector<model::Record>& history = decisions[PairId(left, right)];
  TAFKIK_ASSIGN_OR_RETURN(PairView view, BuildView(store, left, right, history));
  Json body = {{"decision", decision}, {"status_before", view.status}, {"note", note}};
  TAFKIK_RETURN_IF_ERROR(WriteDecision(store, actor, view, std::move(body), history.size() + 1,
                                       decision, "resolve.decide"));
  return ExplainPair(store, actor, left, right);
}

Result<PairView> UndoDecision(store::Store& store, const store::Actor& actor,
                              const std::string& first, const std::string& second) {
  TAFKIK_ASSIGN_OR_RETURN(auto ordered, CheckPair(store, first, second));
  const auto& [left, right] = ordered;
  TAFKIK_ASSIGN_OR_RETURN(auto decisions, DecisionsByPair(store, left));
  std::vector<model::Record>& history = decisions[PairId(left, right)];
  std::vector<const model::Record*> pointers;
  for (const model::Record& record : history) pointers.push_back(&record);
  PairState state = Replay(pointers);
  if (state.in_force.empty()) {
    return FailedPreconditionError("no decision on " + left + " and " + right + " to undo");
  }
  const std::string undone = state.in_force.back()->id;
  state.in_force.pop_back();
  const std::string after =
      state.in_force.empty() ? "pending" : state.in_force.back()->body.value("decision", "");
  TAFKIK_ASSIGN_OR_RETURN(PairView view, BuildView(store, left, right, history));
  Json body = {{"decision", "undo"}, {"undoes", undone}, {"status_before", view.status}};
  TAFKIK_RETURN_IF_ERROR(WriteDecision(store, actor, view, std::move(body), history.size() + 1,
                                       after, "resolve.undo"));
  return ExplainPair(store, actor, left, right);
}

}  // namespace tafkik::app
