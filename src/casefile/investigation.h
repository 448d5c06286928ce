// The investigation log: investigative actions (inspection, search, hearing, arrest, requests
// for financial, telecom and international cooperation data) with date, officer, legal basis,
// outcome and what they link; tasks with assignee and due date; and the case timeline that
// merges actions, evidence and the relations of the case's members in time order.
// Plain values and pure functions. Thread-compatible.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casefile/evidence.h"
#include "core/json.h"
#include "core/status.h"
#include "core/time.h"
#include "model/entity.h"

namespace tafkik::casefile {

inline constexpr char kActionKind[] = "action";
inline constexpr char kTaskKind[] = "task";

enum class ActionType {
  kInspection,
  kSearch,
  kHearing,
  kArrest,
  kFinancialInquiry,
  kTelecomRequest,
  kCooperationRequest,
};
// "inspection", "search", "hearing", "arrest", "financial_inquiry", "telecom_request",
// "cooperation_request". Parse returns InvalidArgument listing them.
std::string_view ActionTypeName(ActionType type);
Result<ActionType> ParseActionType(std::string_view name);

struct Action {
  std::string id;               // "<case>:A<n>"
  std::string number;           // "A<n>"
  std::string case_reference;
  ActionType type = ActionType::kInspection;
  Timestamp date;
  std::string officer;
  std::string legal_basis;      // "Réquisition du procureur du Roi n° 2026/118"
  std::string place;            // "" when not relevant (a request)
  std::string outcome;          // what it established or produced
  std::vector<std::string> entities;  // linked entity ids
  std::vector<std::string> evidence;  // linked evidence record ids
  std::vector<std::string> elements;  // legal elements it supports
};

// InvalidArgument naming the field: date, officer, legal_basis, outcome (each required), an
// entity id that is not valid, an unknown element.
Status ValidateAction(const Action& action);
Json ToJson(const Action& action);
Result<Action> ActionFromJson(const Json& body);

enum class TaskStatus { kOpen, kDone, kCancelled };
std::string_view TaskStatusName(TaskStatus status);  // "open", "done", "cancelled"
Result<TaskStatus> ParseTaskStatus(std::string_view name);

struct Task {
  std::string id;        // "<case>:T<n>"
  std::string number;    // "T<n>"
  std::string case_reference;
  std::string title;
  std::string assignee;
  Timestamp due;
  TaskStatus status = TaskStatus::kOpen;
  std::string note;
};

// InvalidArgument naming the field: title, assignee, due (each required).
Status ValidateTask(const Task& task);
Json ToJson(const Task& task);
Result<Task> TaskFromJson(const Json& body);
// True when the task is open and its due time is before `now`.
bool IsOverdue(const Task& task, Timestamp now);

// "<case with '/' as '_'>:<letter><n>".
std::string CaseItemId(std::string_view case_reference, char letter, int number);

struct TimelineEntry {
  Timestamp time;
  std::string kind;      // "action", "evidence", "relation"
  std::string id;        // record or relation id
  std::string label;     // "hearing", "digital", "Payment", ...
  std::string summary;   // one line
  std::vector<std::string> entities;
};

// Entity id -> a label for it (a caption, or a pseudonym for victims).
using CaptionFn = std::function<std::string(const std::string& entity_id)>;

// Every action (by date), evidence item (by collection time) and relation (by start; those
// without one are left out) in time order, ties by kind then id. `caption` names entities in
// relation summaries.
std::vector<TimelineEntry> BuildTimeline(const std::vector<Action>& actions,
                                         const std::vector<EvidenceItem>& evidence,
                                         const std::vector<model::Relation>& relations,
                                         const CaptionFn& caption);

Json ToJson(const TimelineEntry& entry);

}  // namespace tafkik::casefile
