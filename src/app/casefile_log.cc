#include "app/casefile_log.h"

#include <algorithm>

#include "app/casefile.h"
#include "app/casefile_facts.h"
#include "app/casefile_records.h"
#include "core/text.h"

namespace tafkik::app {
namespace {

using casefile::Action;
using casefile::Task;

Status RequireEvidenceOfCase(store::Store& store, const std::string& case_reference,
                             const std::vector<std::string>& evidence_ids) {
  for (const std::string& id : evidence_ids) {
    Result<model::Record> record = store.GetRecord(casefile::kEvidenceKind, id);
    if (!record.ok() && record.status().code() == StatusCode::kNotFound) {
      return NotFoundError("evidence item " + id + " does not exist");
    }
    TAFKIK_RETURN_IF_ERROR(record.status());
    if (record->case_reference != case_reference) {
      return NotFoundError("evidence item " + id + " is not in case " + case_reference);
    }
  }
  return Status::Ok();
}

Result<Action> BuildAction(const AddActionRequest& request) {
  Action action;
  action.case_reference = request.case_reference;
  TAFKIK_ASSIGN_OR_RETURN(action.type, casefile::ParseActionType(AsciiLower(request.type)));
  TAFKIK_ASSIGN_OR_RETURN(action.date, casefile_records::ParseField(request.date, "date"));
  action.officer = std::string(Trim(request.officer));
  action.legal_basis = std::string(Trim(request.legal_basis));
  action.place = std::string(Trim(request.place));
  action.outcome = std::string(Trim(request.outcome));
  action.entities = request.entities;
  action.evidence = request.evidence;
  action.elements = request.elements;
  TAFKIK_RETURN_IF_ERROR(casefile::ValidateAction(action));
  return action;
}

Status WriteRecord(store::Store& store, const store::Actor& actor, model::Record record,
                   bool insert, const std::string& action, Json details) {
  TAFKIK_ASSIGN_OR_RETURN(auto write, store.BeginWrite(actor));
  std::string object = record.kind + ":" + record.id;
  TAFKIK_RETURN_IF_ERROR(insert ? write->InsertRecord(record) : write->UpsertRecord(record));
  store::AuditRecord audit{action, object};
  audit.details = std::move(details);
  return write->Commit(audit);
}

template <typename T>
Result<std::vector<T>> LoadAll(store::Store& store, const char* kind,
                               const std::string& case_reference,
                               Result<T> (*from_json)(const Json&)) {
  TAFKIK_RETURN_IF_ERROR(store.GetCase(case_reference).status());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records,
                          casefile_records::ListAll(store, kind, case_reference));
  std::vector<T> values;
  for (const model::Record& record : records) {
    TAFKIK_ASSIGN_OR_RETURN(T value, from_json(record.body));
    values.push_back(std::move(value));
  }
  return values;
}

}  // namespace

Result<Action> AddAction(store::Store& store, const store::Actor& actor,
                         const AddActionRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(Action action, BuildAction(request));
  TAFKIK_RETURN_IF_ERROR(store.GetCase(request.case_reference).status());
  TAFKIK_RETURN_IF_ERROR(casefile_records::RequireEntities(store, action.entities));
  TAFKIK_RETURN_IF_ERROR(RequireEvidenceOfCase(store, request.case_reference, action.evidence));
  TAFKIK_ASSIGN_OR_RETURN(int number, casefile_records::NextNumber(store, casefile::kActionKind,
                                                                   request.case_reference));
  action.number = "A" + std::to_string(number);
  action.id = casefile::CaseItemId(request.case_reference, 'A', number);
  model::Record record{casefile::kActionKind, action.id, action.case_reference, "",
                       casefile::ToJson(action)};
  TAFKIK_RETURN_IF_ERROR(WriteRecord(
      store, actor, record, true, "action.add",
      Json{{"case", action.case_reference}, {"type", casefile::ActionTypeName(action.type)}}));
  return action;
}

Result<std::vector<Action>> ListActions(store::Store& store, const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Action> actions,
                          LoadAll<Action>(store, casefile::kActionKind, case_reference,
                                          &casefile::ActionFromJson));
  std::stable_sort(actions.begin(), actions.end(),
                   [](const auto& left, const auto& right) { return left.date < right.date; });
  return actions;
}

Result<Task> AddTask(store::Store& store, const store::Actor& actor,
                     const AddTaskRequest& request) {
  Task task;
  task.case_reference = request.case_reference;
  task.title = std::string(Trim(request.title));
  task.assignee = std::string(Trim(request.assignee));
  task.note = request.note;
  TAFKIK_ASSIGN_OR_RETURN(task.due, casefile_records::ParseField(request.due, "due"));
  TAFKIK_RETURN_IF_ERROR(casefile::ValidateTask(task));
  TAFKIK_RETURN_IF_ERROR(store.GetCase(request.case_reference).status());
  TAFKIK_ASSIGN_OR_RETURN(int number, casefile_records::NextNumber(store, casefile::kTaskKind,
                                                                   request.case_reference));
  task.number = "T" + std::to_string(number);
  task.id = casefile::CaseItemId(request.case_reference, 'T', number);
  model::Record record{casefile::kTaskKind, task.id, task.case_reference, "",
                       casefile::ToJson(task)};
  TAFKIK_RETURN_IF_ERROR(
      WriteRecord(store, actor, record, true, "task.add", Json{{"case", task.case_reference}}));
  return task;
}

Result<Task> UpdateTask(store::Store& store, const store::Actor& actor,
                        const std::string& task_id, const std::string& status) {
  TAFKIK_ASSIGN_OR_RETURN(casefile::TaskStatus parsed, casefile::ParseTaskStatus(status));
  Result<model::Record> record = store.GetRecord(casefile::kTaskKind, task_id);
  if (!record.ok() && record.status().code() == StatusCode::kNotFound) {
    return NotFoundError("task " + task_id + " does not exist");
  }
  TAFKIK_RETURN_IF_ERROR(record.status());
  TAFKIK_ASSIGN_OR_RETURN(Task task, casefile::TaskFromJson(record->body));
  task.status = parsed;
  record->body = casefile::ToJson(task);
  TAFKIK_RETURN_IF_ERROR(WriteRecord(
      store, actor, *record, false, "task.update",
      Json{{"case", task.case_reference}, {"status", casefile::TaskStatusName(parsed)}}));
  return task;
}

Result<std::vector<Task>> ListTasks(store::Store& store, const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(
      std::vector<Task> tasks,
      LoadAll<Task>(store, casefile::kTaskKind, case_reference, &casefile::TaskFromJson));
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const auto& left, const auto& right) { return left.due < right.due; });
  return tasks;
}

Result<std::vector<casefile::TimelineEntry>> CaseTimeline(store::Store& store,
                                                          const store::Actor& actor,
                                                          const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(casefile_facts::CaseFacts facts,
                          casefile_facts::LoadCaseFacts(store, actor, case_reference, "timeline",
                                                        kRelationsPerMember));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Action> actions, ListActions(store, case_reference));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<casefile::EvidenceItem> evidence,
                          LoadEvidence(store, case_reference));
  std::vector<model::Relation> relations;
  for (const model::Relation& relation : facts.relations) {
    if (relation.schema != "Ownership") relations.push_back(relation);
  }
  auto caption = [&facts](const std::string& id) { return casefile_facts::CaptionOf(facts, id); };
  return casefile::BuildTimeline(actions, evidence, relations, caption);
}

Result<std::vector<casefile::SuspectMatrix>> LegalMatrix(store::Store& store,
                                                         const store::Actor& actor,
                                                         const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(casefile_facts::CaseFacts facts,
                          casefile_facts::LoadCaseFacts(store, actor, case_reference,
                                                        "legal_matrix", kRelationsPerMember));
  return casefile_facts::MatrixFromFacts(store, facts);
}

namespace casefile_facts {

Result<std::vector<casefile::SuspectMatrix>> MatrixFromFacts(store::Store& store,
                                                             const CaseFacts& facts) {
  casefile::MatrixInput input;
  input.offences = facts.record.offences;
  for (const std::string& suspect : MembersWithRole(facts, model::Role::kSuspect)) {
    auto held = facts.holdings.find(suspect);
    input.suspects.push_back({suspect, CaptionOf(facts, suspect),
                              held == facts.holdings.end() ? std::set<std::string>{suspect}
                                                           : held->second});
  }
  TAFKIK_ASSIGN_OR_RETURN(input.actions, ListActions(store, facts.record.reference));
  TAFKIK_ASSIGN_OR_RETURN(input.evidence, LoadEvidence(store, facts.record.reference));
  input.relations = facts.relations;
  input.victim_side = facts.victim_side;
  return casefile::BuildLegalMatrix(input);
}

}  // namespace casefile_facts

}  // namespace tafkik::app
