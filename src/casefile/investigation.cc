#include "casefile/investigation.h"

#include <algorithm>
#include <array>
#include <utility>

#include "casefile/elements.h"
#include "casefile/internal/enum_names.h"
#include "casefile/internal/json_fields.h"
#include "core/ids.h"
#include "core/text.h"

namespace tafkik::casefile {
namespace {

using internal::NameOf;
using internal::NameTable;
using internal::OptionalString;
using internal::ParseName;
using internal::RequiredString;
using internal::StringArray;
using internal::StringList;

constexpr NameTable<ActionType, 7> kActionNames = {{
    {ActionType::kInspection, "inspection"},
    {ActionType::kSearch, "search"},
    {ActionType::kHearing, "hearing"},
    {ActionType::kArrest, "arrest"},
    {ActionType::kFinancialInquiry, "financial_inquiry"},
    {ActionType::kTelecomRequest, "telecom_request"},
    {ActionType::kCooperationRequest, "cooperation_request"},
}};

constexpr NameTable<TaskStatus, 3> kTaskStatusNames = {{
    {TaskStatus::kOpen, "open"},
    {TaskStatus::kDone, "done"},
    {TaskStatus::kCancelled, "cancelled"},
}};

Status Required(std::string_view owner, const std::string& value, std::string_view field) {
  if (Trim(value).empty()) {
    return InvalidArgumentError(std::string(owner) + ": " + std::string(field) + " is missing");
  }
  if (!IsValidUtf8(value)) {
    return InvalidArgumentError(std::string(owner) + ": " + std::string(field) +
                                " is not UTF-8");
  }
  return Status::Ok();
}

std::string RelationSummary(const model::Relation& relation, const CaptionFn& caption) {
  std::string summary = caption(relation.source.value()) + " -> " +
                        caption(relation.target.value());
  std::string amount = relation.First("amount");
  if (!amount.empty()) summary += ", " + amount + " " + relation.First("currency");
  for (const char* detail : {"channel", "method", "form", "mode", "relationship", "callType"}) {
    std::string value = relation.First(detail);
    if (!value.empty()) summary += ", " + value;
  }
  return summary;
}

}  // namespace

std::string_view ActionTypeName(ActionType type) { return NameOf(kActionNames, type); }
Result<ActionType> ParseActionType(std::string_view name) {
  return ParseName(kActionNames, name, "action type");
}
std::string_view TaskStatusName(TaskStatus status) { return NameOf(kTaskStatusNames, status); }
Result<TaskStatus> ParseTaskStatus(std::string_view name) {
  return ParseName(kTaskStatusNames, name, "task status");
}

std::string CaseItemId(std::string_view case_reference, char letter, int number) {
  std::string id(case_reference);
  std::replace(id.begin(), id.end(), '/', '_');
  return id + ":" + letter + std::to_string(number);
}

Status ValidateAction(const Action& action) {
  std::string owner = "action" + (action.number.empty() ? "" : " " + action.number);
  if (action.date.micros() == 0) return InvalidArgumentError(owner + ": date is missing");
  TAFKIK_RETURN_IF_ERROR(Required(owner, action.officer, "officer"));
  TAFKIK_RETURN_IF_ERROR(Required(owner, action.legal_basis, "legal_basis"));
  TAFKIK_RETURN_IF_ERROR(Required(owner, action.outcome, "outcome"));
  if (!IsValidUtf8(action.place)) return InvalidArgumentError(owner + ": place is not UTF-8");
  for (const std::string& entity : action.entities) {
    if (!IsValidEntityId(entity)) {
      return InvalidArgumentError(owner + ": '" + entity + "' is not an entity id");
    }
  }
  for (const std::string& element : action.elements) {
    if (!IsKnownElement(element)) {
      return InvalidArgumentError(owner + ": element '" + element +
                                  "' is not one of: " + KnownElementList());
    }
  }
  return Status::Ok();
}

Json ToJson(const Action& action) {
  return Json{{"id", action.id},
              {"number", action.number},
              {"case", action.case_reference},
              {"type", ActionTypeName(action.type)},
              {"date", FormatTimestamp(action.date)},
              {"officer", action.officer},
              {"legal_basis", action.legal_basis},
              {"place", action.place},
              {"outcome", action.outcome},
              {"entities", StringArray(action.entities)},
              {"evidence", StringArray(action.evidence)},
              {"elements", StringArray(action.elements)}};
}

Result<Action> ActionFromJson(const Json& body) {
  if (!body.is_object()) return DataLossError("action body is not a JSON object");
  Action action;
  TAFKIK_ASSIGN_OR_RETURN(action.id, RequiredString(body, "id"));
  TAFKIK_ASSIGN_OR_RETURN(action.number, RequiredString(body, "number"));
  TAFKIK_ASSIGN_OR_RETURN(action.case_reference, OptionalString(body, "case"));
  TAFKIK_ASSIGN_OR_RETURN(std::string type, RequiredString(body, "type"));
  Result<ActionType> parsed = ParseActionType(type);
  if (!parsed.ok()) return DataLossError("action " + action.id + ": " + parsed.status().message());
  action.type = *parsed;
  TAFKIK_ASSIGN_OR_RETURN(action.date, internal::RequiredTime(body, "date"));
  TAFKIK_ASSIGN_OR_RETURN(action.officer, RequiredString(body, "officer"));
  TAFKIK_ASSIGN_OR_RETURN(action.legal_basis, RequiredString(body, "legal_basis"));
  TAFKIK_ASSIGN_OR_RETURN(action.place, OptionalString(body, "place"));
  TAFKIK_ASSIGN_OR_RETURN(action.outcome, RequiredString(body, "outcome"));
  TAFKIK_ASSIGN_OR_RETURN(action.entities, StringList(body, "entities"));
  TAFKIK_ASSIGN_OR_RETURN(action.evidence, StringList(body, "evidence"));
  TAFKIK_ASSIGN_OR_RETURN(action.elements, StringList(body, "elements"));
  return action;
}

Status ValidateTask(const Task& task) {
  std::string owner = "task" + (task.number.empty() ? "" : " " + task.number);
  TAFKIK_RETURN_IF_ERROR(Required(owner, task.title, "title"));
  TAFKIK_RETURN_IF_ERROR(Required(owner, task.assignee, "assignee"));
  if (task.due.micros() == 0) return InvalidArgumentError(owner + ": due is missing");
  if (!IsValidUtf8(task.note)) return InvalidArgumentError(owner + ": note is not UTF-8");
  return Status::Ok();
}

Json ToJson(const Task& task) {
  return Json{{"id", task.id},           {"number", task.number},
              {"case", task.case_reference}, {"title", task.title},
              {"assignee", task.assignee},   {"due", FormatTimestamp(task.due)},
              {"status", TaskStatusName(task.status)}, {"note", task.note}};
}

Result<Task> TaskFromJson(const Json& body) {
  if (!body.is_object()) return DataLossError("task body is not a JSON object");
  Task task;
  TAFKIK_ASSIGN_OR_RETURN(task.id, RequiredString(body, "id"));
  TAFKIK_ASSIGN_OR_RETURN(task.number, RequiredString(body, "number"));
  TAFKIK_ASSIGN_OR_RETURN(task.case_reference, OptionalString(body, "case"));
  TAFKIK_ASSIGN_OR_RETURN(task.title, RequiredString(body, "title"));
  TAFKIK_ASSIGN_OR_RETURN(task.assignee, RequiredString(body, "assignee"));
  TAFKIK_ASSIGN_OR_RETURN(task.due, internal::RequiredTime(body, "due"));
  TAFKIK_ASSIGN_OR_RETURN(std::string status, RequiredString(body, "status"));
  Result<TaskStatus> parsed = ParseTaskStatus(status);
  if (!parsed.ok()) return DataLossError("task " + task.id + ": " + parsed.status().message());
  task.status = *parsed;
  TAFKIK_ASSIGN_OR_RETURN(task.note, OptionalString(body, "note"));
  return task;
}

bool IsOverdue(const Task& task, Timestamp now) {
  return task.status == TaskStatus::kOpen && task.due < now;
}

std::vector<TimelineEntry> BuildTimeline(const std::vector<Action>& actions,
                                         const std::vector<EvidenceItem>& evidence,
                                         const std::vector<model::Relation>& relations,
                                         const CaptionFn& caption) {
  std::vector<TimelineEntry> entries;
  for (const Action& action : actions) {
    entries.push_back({action.date, "action", action.id, std::string(ActionTypeName(action.type)),
                       action.number + " " + action.outcome, action.entities});
  }
  for (const EvidenceItem& item : evidence) {
    entries.push_back({item.collected_at, "evidence", item.id,
                       std::string(EvidenceTypeName(item.type)),
                       item.number + " " + item.description + " (" + item.place + ")",
                       item.entities});
  }
  for (const model::Relation& relation : relations) {
    if (!relation.start) continue;
    entries.push_back({*relation.start, "relation", relation.id.value(), relation.schema,
                       RelationSummary(relation, caption),
                       {relation.source.value(), relation.target.value()}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& left, const auto& right) {
    if (left.time != right.time) return left.time < right.time;
    if (left.kind != right.kind) return left.kind < right.kind;
    return left.id < right.id;
  });
  return entries;
}

Json ToJson(const TimelineEntry& entry) {
  return Json{{"time", FormatTimestamp(entry.time)}, {"kind", entry.kind},
              {"id", entry.id},                      {"label", entry.label},
              {"summary", entry.summary},            {"entities", StringArray(entry.entities)}};
}

}  // namespace tafkik::casefile
