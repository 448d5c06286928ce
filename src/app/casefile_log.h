// Use cases of the investigation log: add and list investigative actions and tasks, update a
// task, the case timeline (actions, evidence, and the relations of the case's members) and
// the legal elements matrix per suspect. The Store is borrowed. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "casefile/investigation.h"
#include "casefile/legal_matrix.h"
#include "core/status.h"
#include "store/store.h"

namespace tafkik::app {

struct AddActionRequest {
  std::string case_reference;
  std::string type;         // "inspection", "search", "hearing", "arrest", "financial_inquiry",
                            // "telecom_request", "cooperation_request"
  std::string date;         // ISO 8601 with zone
  std::string officer;
  std::string legal_basis;
  std::string place;        // default ""
  std::string outcome;
  std::vector<std::string> entities;  // each must exist
  std::vector<std::string> evidence;  // evidence ids of this case
  std::vector<std::string> elements;  // legal elements it supports
};

// Writes action "<case>:A<n>" audited as "action.add". InvalidArgument naming the field;
// NotFound for an unknown case, entity or evidence item (or one of another case).
Result<casefile::Action> AddAction(store::Store& store, const store::Actor& actor,
                                   const AddActionRequest& request);
// Actions of the case by date. NotFound for an unknown case.
Result<std::vector<casefile::Action>> ListActions(store::Store& store,
                                                  const std::string& case_reference);

struct AddTaskRequest {
  std::string case_reference;
  std::string title;
  std::string assignee;
  std::string due;   // ISO 8601 date or time
  std::string note;  // default ""
};

// Writes task "<case>:T<n>" (open) audited as "task.add".
Result<casefile::Task> AddTask(store::Store& store, const store::Actor& actor,
                               const AddTaskRequest& request);
// Sets a task's status ("open", "done", "cancelled"), audited as "task.update".
// NotFound for an unknown task id.
Result<casefile::Task> UpdateTask(store::Store& store, const store::Actor& actor,
                                  const std::string& task_id, const std::string& status);
// Tasks of the case by due date.
Result<std::vector<casefile::Task>> ListTasks(store::Store& store,
                                              const std::string& case_reference);

// Relations read per member for the timeline and the matrix.
inline constexpr int64_t kRelationsPerMember = 2000;

// The case timeline. Relations whose either end is a member (or a member's holding through
// Ownership) are read, at most kRelationsPerMember per entity. Victims' data read is
// recorded ("entity.read", via "timeline"). NotFound for an unknown case.
Result<std::vector<casefile::TimelineEntry>> CaseTimeline(store::Store& store,
                                                          const store::Actor& actor,
                                                          const std::string& case_reference);

// The legal elements matrix of every suspect of the case. Reads are recorded as above.
Result<std::vector<casefile::SuspectMatrix>> LegalMatrix(store::Store& store,
                                                         const store::Actor& actor,
                                                         const std::string& case_reference);

}  // namespace tafkik::app
