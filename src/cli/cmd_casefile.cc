// tafkik evidence add|list|show|custody|verify, action add|list, task add|list|set,
// timeline, elements, report case, package export|verify (the casefile capability).
#include <iostream>
#include <memory>
#include <optional>

#include "app/casefile.h"
#include "app/casefile_log.h"
#include "app/casefile_report.h"
#include "casefile/package.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/text.h"
#include "core/time.h"
#include "store/blob_store.h"
#include "store/workspace.h"

namespace tafkik::cli {
namespace {

struct IdOptions {
  std::string id;
};

struct CustodyOptions {
  app::AddCustodyRequest request;
  bool seal_broken = false;
};

struct TaskSetOptions {
  std::string id;
  std::string status;
};

Result<store::BlobStore> OpenBlobs(const Context& context) {
  return store::BlobStore::Open(store::PathsOf(context.global.workspace).blobs);
}

std::string Day(Timestamp time) { return FormatTimestamp(time).substr(0, 16); }

std::string Short(const std::string& hash) { return hash.size() > 16 ? hash.substr(0, 16) : hash; }

// ---- evidence ----

void PrintCustody(const std::vector<casefile::CustodyEvent>& events) {
  Table table({"#", "TIME", "FROM", "TO", "PURPOSE", "PLACE", "SEAL", "HASH"}, 2);
  for (const casefile::CustodyEvent& event : events) {
    std::string hash = !event.hash_verified ? "n/a" : (*event.hash_verified ? "verified" : "FAILED");
    table.AddRow({std::to_string(event.sequence), Day(event.time),
                  event.from.empty() ? "(intake)" : event.from, event.to, event.purpose,
                  event.place, event.seal_intact ? "intact" : "BROKEN", hash});
  }
  table.Print(std::cout);
}

void PrintReview(const casefile::CustodyReview& review) {
  std::cout << "Current custodian: " << review.current_custodian << " (" << review.current_place
            << ")\n";
  if (review.ok()) {
    std::cout << "Chain of custody: unbroken\n";
    return;
  }
  std::cout << "Chain of custody: " << review.issues.size() << " issue(s)\n";
  for (const casefile::CustodyIssue& issue : review.issues) {
    std::cout << "  event " << issue.sequence << ": " << issue.problem << "\n";
  }
}

void PrintEvidence(const app::EvidenceView& view) {
  const casefile::EvidenceItem& item = view.item;
  std::cout << "Evidence " << item.number << "  " << item.id << "\n";
  Table fields({}, 2);
  fields.AddRow({"Type", std::string(casefile::EvidenceTypeName(item.type))});
  fields.AddRow({"Description", item.description});
  fields.AddRow({"Collected", FormatTimestamp(item.collected_at) + " by " + item.collected_by});
  fields.AddRow({"Place", item.place});
  fields.AddRow({"Legal basis", std::string(casefile::LegalBasisName(item.legal_basis)) + " " +
                                    item.legal_reference});
  if (!item.seal.empty()) fields.AddRow({"Seal", item.seal});
  if (item.type == casefile::EvidenceType::kDigital) {
    fields.AddRow({"File", item.file_name + " (" + Thousands(item.metadata.size) + " bytes, " +
                               item.metadata.mime_type + ")"});
    fields.AddRow({"SHA-256", item.sha256});
    fields.AddRow({"File check", std::string(app::FileCheckName(view.file))});
    const casefile::FileMetadata& meta = item.metadata;
    if (!meta.exif_time.empty()) fields.AddRow({"EXIF time", meta.exif_time});
    if (!meta.gps_latitude.empty()) {
      fields.AddRow({"GPS", meta.gps_latitude + ", " + meta.gps_longitude});
    }
    if (!meta.pdf_title.empty()) fields.AddRow({"PDF title", meta.pdf_title});
    if (meta.pdf_pages > 0) fields.AddRow({"PDF pages", std::to_string(meta.pdf_pages)});
  }
  if (item.integrity) {
    fields.AddRow({"INTEGRITY", "ALTERED (found " + item.integrity->detected + "; now hashes to " +
                                    Short(item.integrity->actual_sha256) + "...)"});
  }
  if (!item.entities.empty()) fields.AddRow({"Entities", Join(item.entities, ", ")});
  if (!item.elements.empty()) fields.AddRow({"Supports", Join(item.elements, ", ")});
  fields.Print(std::cout);
  std::cout << "Custody (" << view.custody.size() << ")\n";
  PrintCustody(view.custody);
  PrintReview(view.review);
}

Status RunEvidenceAdd(const Context& context, const app::AddEvidenceRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  TAFKIK_ASSIGN_OR_RETURN(casefile::EvidenceItem item,
                          app::AddEvidence(*opened, blobs, context.actor(), request));
  if (context.global.json) {
    PrintJson(casefile::ToJson(item));
  } else {
    std::cout << item.id << "\n";
    if (!item.sha256.empty()) std::cerr << "sha256 " << item.sha256 << "\n";
  }
  return Status::Ok();
}

Status RunEvidenceShow(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  TAFKIK_ASSIGN_OR_RETURN(app::EvidenceView view,
                          app::ShowEvidence(*opened, blobs, context.actor(), options.id));
  if (context.global.json) {
    PrintJson(app::ToJson(view));
  } else {
    PrintEvidence(view);
  }
  return Status::Ok();
}

void PrintEvidenceTable(const std::vector<app::EvidenceView>& views) {
  Table table({"NO", "TYPE", "COLLECTED", "BY", "DESCRIPTION", "SHA-256", "FILE", "CUSTODIAN",
               "CHAIN"});
  for (const app::EvidenceView& view : views) {
    const casefile::EvidenceItem& item = view.item;
    table.AddRow({item.number, std::string(casefile::EvidenceTypeName(item.type)),
                  Day(item.collected_at), item.collected_by, item.description, Short(item.sha256),
                  std::string(app::FileCheckName(view.file)), view.review.current_custodian,
                  view.review.ok() ? "ok" : std::to_string(view.review.issues.size()) +
                                                " issue(s)"});
  }
  table.Print(std::cout);
}

Status RunEvidenceList(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  TAFKIK_ASSIGN_OR_RETURN(auto views,
                          app::ListEvidence(*opened, blobs, context.actor(), options.id));
  if (context.global.json) {
    Json array = Json::array();
    for (const app::EvidenceView& view : views) array.push_back(app::ToJson(view));
    PrintJson(array);
  } else if (views.empty()) {
    std::cerr << "no evidence in " << options.id << " yet; add some with 'tafkik evidence add'\n";
  } else {
    PrintEvidenceTable(views);
  }
  return Status::Ok();
}

Status RunCustody(const Context& context, const CustodyOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  bool adding = !options.request.to.empty() || !options.request.from.empty() ||
                !options.request.purpose.empty() || !options.request.place.empty() ||
                !options.request.time.empty();
  if (adding) {
    app::AddCustodyRequest request = options.request;
    request.seal_intact = !options.seal_broken;
    TAFKIK_RETURN_IF_ERROR(app::AddCustody(*opened, blobs, context.actor(), request).status());
  }
  TAFKIK_ASSIGN_OR_RETURN(app::EvidenceView view,
                          app::ShowEvidence(*opened, blobs, context.actor(), options.request.evidence_id));
  if (context.global.json) {
    Json body = app::ToJson(view);
    PrintJson(Json{{"evidence", view.item.id},
                   {"custody", body["custody"]},
                   {"current_custodian", body["current_custodian"]},
                   {"chain_ok", body["chain_ok"]},
                   {"chain_issues", body["chain_issues"]}});
  } else {
    PrintCustody(view.custody);
    PrintReview(view.review);
  }
  return Status::Ok();
}

// Verifies one item (an id with ":E") or every item of a case.
Status RunEvidenceVerify(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  std::vector<app::EvidenceView> views;
  if (options.id.find(":E") != std::string::npos) {
    TAFKIK_ASSIGN_OR_RETURN(app::EvidenceView view,
                            app::ShowEvidence(*opened, blobs, context.actor(), options.id));
    views.push_back(std::move(view));
  } else {
    TAFKIK_ASSIGN_OR_RETURN(views, app::ListEvidence(*opened, blobs, context.actor(), options.id));
  }
  int altered = 0, broken = 0;
  Json results = Json::array();
  for (const app::EvidenceView& view : views) {
    bool file_bad = view.file == app::FileCheck::kAltered || view.file == app::FileCheck::kMissing ||
                    view.item.integrity.has_value();
    altered += file_bad ? 1 : 0;
    broken += view.review.ok() ? 0 : 1;
    results.push_back(Json{{"evidence", view.item.id},
                           {"file_check", app::FileCheckName(view.file)},
                           {"flagged", view.item.integrity.has_value()},
                           {"chain_ok", view.review.ok()}});
    if (!context.global.json) {
      std::cout << view.item.number << "  file " << app::FileCheckName(view.file)
                << (view.item.integrity ? " (FLAGGED ALTERED)" : "") << "  chain "
                << (view.review.ok() ? "ok" : "BROKEN") << "\n";
    }
  }
  if (context.global.json) {
    PrintJson(Json{{"items", results}, {"altered", altered}, {"broken_chains", broken}});
  }
  if (altered > 0) {
    return DataLossError(std::to_string(altered) + " evidence file(s) no longer match their hash");
  }
  if (broken > 0) {
    return FailedPreconditionError(std::to_string(broken) + " chain(s) of custody with issues");
  }
  return Status::Ok();
}

void AddEvidenceAdd(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("add", "Register an evidence item; prints its id");
  auto request = std::make_shared<app::AddEvidenceRequest>();
  command->add_option("CASE", request->case_reference, "Case reference")->required();
  command->add_option("--type", request->type, "physical, documentary or digital")->required();
  command->add_option("--description", request->description, "What it is")->required();
  command->add_option("--collected-by", request->collected_by, "Officer who collected it")
      ->required();
  command->add_option("--collected-at", request->collected_at,
                      "When, ISO 8601 with zone: 2026-03-02T10:30+01:00")->required();
  command->add_option("--place", request->place, "Where it was collected")->required();
  command->add_option("--legal-basis", request->legal_basis,
                      "warrant, prosecutor, consent, flagrante or court_order")->required();
  command->add_option("--legal-ref", request->legal_reference,
                      "Number of the warrant or authorisation");
  command->add_option("--seal", request->seal, "Seal number (required for physical items)");
  command->add_option("--file", request->file, "The file of a digital item (hashed at intake)");
  command->add_option("--entity", request->entities, "Linked entity id; repeatable");
  command->add_option("--supports", request->elements,
                      "Legal element it supports (tip.act, tip.means, tip.purpose, "
                      "som.illegal_entry, som.material_benefit, som.aggravating); repeatable");
  SetAction(command, context, request, &RunEvidenceAdd);
}

void AddEvidenceCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "evidence", "Evidence register: items, their files (hashed, verified) and custody");
  group->require_subcommand(1);
  AddEvidenceAdd(*group, context);
  auto show_options = std::make_shared<IdOptions>();
  CLI::App* show = group->add_subcommand(
      "show", "Show an item, verify its file and review its chain of custody");
  show->add_option("ID", show_options->id, "Evidence id, e.g. MA-2026-0001:E3")->required();
  SetAction(show, context, show_options, &RunEvidenceShow);
  auto list_options = std::make_shared<IdOptions>();
  CLI::App* list = group->add_subcommand("list", "The register of a case (every file verified)");
  list->add_option("CASE", list_options->id, "Case reference")->required();
  SetAction(list, context, list_options, &RunEvidenceList);
  auto custody = std::make_shared<CustodyOptions>();
  CLI::App* chain = group->add_subcommand(
      "custody", "Show the chain of custody; with --to ..., record a hand-over first");
  chain->add_option("ID", custody->request.evidence_id, "Evidence id")->required();
  chain->add_option("--from", custody->request.from, "Who hands it over (the current custodian)");
  chain->add_option("--to", custody->request.to, "Who receives it");
  chain->add_option("--purpose", custody->request.purpose, "Why");
  chain->add_option("--place", custody->request.place, "Where");
  chain->add_option("--time", custody->request.time, "When, ISO 8601 with zone");
  chain->add_flag("--seal-broken", custody->seal_broken, "The seal was found broken");
  chain->add_option("--note", custody->request.note, "A remark");
  SetAction(chain, context, custody, &RunCustody);
  auto verify_options = std::make_shared<IdOptions>();
  CLI::App* verify = group->add_subcommand(
      "verify", "Re-hash files and review custody of one item or a whole case (exit 8 if altered)");
  verify->add_option("CASE_OR_ID", verify_options->id, "Case reference or evidence id")
      ->required();
  SetAction(verify, context, verify_options, &RunEvidenceVerify);
}

// ---- action, task ----

Status RunActionAdd(const Context& context, const app::AddActionRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(casefile::Action action,
                          app::AddAction(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(casefile::ToJson(action));
  } else {
    std::cout << action.id << "\n";
  }
  return Status::Ok();
}

Status RunActionList(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto actions, app::ListActions(*opened, options.id));
  if (context.global.json) {
    Json array = Json::array();
    for (const casefile::Action& action : actions) array.push_back(casefile::ToJson(action));
    PrintJson(array);
    return Status::Ok();
  }
  Table table({"NO", "DATE", "TYPE", "OFFICER", "LEGAL BASIS", "OUTCOME", "EVIDENCE"});
  for (const casefile::Action& action : actions) {
    table.AddRow({action.number, Day(action.date), std::string(casefile::ActionTypeName(action.type)),
                  action.officer, action.legal_basis, action.outcome, Join(action.evidence, ", ")});
  }
  if (actions.empty()) std::cerr << "no actions in " << options.id << " yet\n";
  table.Print(std::cout);
  return Status::Ok();
}

void AddActionCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand("action", "Investigation log: investigative actions");
  group->require_subcommand(1);
  CLI::App* add = group->add_subcommand("add", "Record an investigative action; prints its id");
  auto request = std::make_shared<app::AddActionRequest>();
  add->add_option("CASE", request->case_reference, "Case reference")->required();
  add->add_option("--type", request->type,
                  "inspection, search, hearing, arrest, financial_inquiry, telecom_request or "
                  "cooperation_request")->required();
  add->add_option("--date", request->date, "When, ISO 8601 with zone")->required();
  add->add_option("--officer", request->officer, "Officer in charge")->required();
  add->add_option("--legal-basis", request->legal_basis, "Article, warrant or requisition")
      ->required();
  add->add_option("--place", request->place, "Where");
  add->add_option("--outcome", request->outcome, "What it established or produced")->required();
  add->add_option("--entity", request->entities, "Linked entity id; repeatable");
  add->add_option("--evidence", request->evidence, "Linked evidence id; repeatable");
  add->add_option("--supports", request->elements, "Legal element it supports; repeatable");
  SetAction(add, context, request, &RunActionAdd);
  auto list_options = std::make_shared<IdOptions>();
  CLI::App* list = group->add_subcommand("list", "Actions of a case by date");
  list->add_option("CASE", list_options->id, "Case reference")->required();
  SetAction(list, context, list_options, &RunActionList);
}

void PrintTask(const casefile::Task& task) {
  std::cout << task.id << "  " << casefile::TaskStatusName(task.status) << "\n";
}

Status RunTaskAdd(const Context& context, const app::AddTaskRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(casefile::Task task, app::AddTask(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(casefile::ToJson(task));
  } else {
    std::cout << task.id << "\n";
  }
  return Status::Ok();
}

Status RunTaskSet(const Context& context, const TaskSetOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(casefile::Task task,
                          app::UpdateTask(*opened, context.actor(), options.id, options.status));
  if (context.global.json) {
    PrintJson(casefile::ToJson(task));
  } else {
    PrintTask(task);
  }
  return Status::Ok();
}

Status RunTaskList(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto tasks, app::ListTasks(*opened, options.id));
  Timestamp now = Timestamp::Now();
  if (context.global.json) {
    Json array = Json::array();
    for (const casefile::Task& task : tasks) {
      Json body = casefile::ToJson(task);
      body["overdue"] = casefile::IsOverdue(task, now);
      array.push_back(body);
    }
    PrintJson(array);
    return Status::Ok();
  }
  Table table({"NO", "DUE", "STATUS", "ASSIGNEE", "TITLE"});
  for (const casefile::Task& task : tasks) {
    std::string status(casefile::TaskStatusName(task.status));
    if (casefile::IsOverdue(task, now)) status += " (OVERDUE)";
    table.AddRow({task.number, Day(task.due), status, task.assignee, task.title});
  }
  if (tasks.empty()) std::cerr << "no tasks in " << options.id << " yet\n";
  table.Print(std::cout);
  return Status::Ok();
}

void AddTaskCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand("task", "Investigation log: tasks with assignee and due date");
  group->require_subcommand(1);
  CLI::App* add = group->add_subcommand("add", "Add a task; prints its id");
  auto request = std::make_shared<app::AddTaskRequest>();
  add->add_option("CASE", request->case_reference, "Case reference")->required();
  add->add_option("--title", request->title, "What to do")->required();
  add->add_option("--assignee", request->assignee, "Who does it")->required();
  add->add_option("--due", request->due, "Due date, ISO 8601: 2026-03-20")->required();
  add->add_option("--note", request->note, "A remark");
  SetAction(add, context, request, &RunTaskAdd);
  auto list_options = std::make_shared<IdOptions>();
  CLI::App* list = group->add_subcommand("list", "Tasks of a case by due date");
  list->add_option("CASE", list_options->id, "Case reference")->required();
  SetAction(list, context, list_options, &RunTaskList);
  auto set_options = std::make_shared<TaskSetOptions>();
  CLI::App* set = group->add_subcommand("set", "Set a task's status");
  set->add_option("ID", set_options->id, "Task id, e.g. MA-2026-0001:T2")->required();
  set->add_option("--status", set_options->status, "open, done or cancelled")->required();
  SetAction(set, context, set_options, &RunTaskSet);
}

// ---- timeline, elements ----

Status RunTimeline(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto entries, app::CaseTimeline(*opened, context.actor(), options.id));
  if (context.global.json) {
    Json array = Json::array();
    for (const casefile::TimelineEntry& entry : entries) array.push_back(casefile::ToJson(entry));
    PrintJson(array);
    return Status::Ok();
  }
  Table table({"TIME", "KIND", "WHAT", "SUMMARY"});
  for (const casefile::TimelineEntry& entry : entries) {
    table.AddRow({Day(entry.time), entry.kind, entry.label, entry.summary});
  }
  if (entries.empty()) std::cerr << "nothing dated in " << options.id << " yet\n";
  table.Print(std::cout);
  return Status::Ok();
}

Status RunElements(const Context& context, const IdOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto matrices, app::LegalMatrix(*opened, context.actor(), options.id));
  if (context.global.json) {
    Json array = Json::array();
    for (const casefile::SuspectMatrix& matrix : matrices) array.push_back(casefile::ToJson(matrix));
    PrintJson(array);
    return Status::Ok();
  }
  if (matrices.empty()) std::cerr << "no suspect in " << options.id << "\n";
  for (const casefile::SuspectMatrix& matrix : matrices) {
    std::cout << matrix.caption << "  " << matrix.suspect << "\n";
    Table table({"ELEMENT", "SUPPORT"}, 2);
    for (const casefile::ElementRow& row : matrix.rows) {
      std::vector<std::string> labels;
      for (const casefile::ElementSupport& support : row.support) {
        labels.push_back(support.kind + ": " + support.label);
      }
      std::string cell = labels.empty() ? (row.element.required ? "MISSING" : "none") : Join(labels, "; ");
      table.AddRow({std::string(row.element.key), cell});
    }
    table.Print(std::cout);
  }
  return Status::Ok();
}

void AddTimelineAndElements(CLI::App& app, Context& context) {
  auto timeline_options = std::make_shared<IdOptions>();
  CLI::App* timeline = app.add_subcommand(
      "timeline", "The case timeline: actions, evidence and the members' relations in time order");
  timeline->add_option("CASE", timeline_options->id, "Case reference")->required();
  SetAction(timeline, context, timeline_options, &RunTimeline);
  auto elements_options = std::make_shared<IdOptions>();
  CLI::App* elements = app.add_subcommand(
      "elements", "Legal elements matrix: per suspect, what supports each element and what is missing");
  elements->add_option("CASE", elements_options->id, "Case reference")->required();
  SetAction(elements, context, elements_options, &RunElements);
}

// ---- report, package ----

struct ReportOptions {
  std::string noun;  // "case"
  app::ReportRequest request;
};

struct PackageVerifyOptions {
  std::string path;
  std::string key;
};

Status RunReport(const Context& context, const ReportOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  TAFKIK_ASSIGN_OR_RETURN(app::ReportResult result,
                          app::GenerateReport(*opened, blobs, context.actor(), options.request));
  if (context.global.json) {
    PrintJson(Json{{"path", result.path}, {"sha256", result.sha256}, {"bytes", result.bytes}});
  } else {
    std::cout << result.path << "\n";
    std::cerr << "sha256 " << result.sha256 << " (recorded in the audit log)\n";
  }
  return Status::Ok();
}

Status RunPackageExport(const Context& context, const app::PackageRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs, OpenBlobs(context));
  TAFKIK_ASSIGN_OR_RETURN(app::PackageResult result,
                          app::ExportPackage(*opened, blobs, context.global.workspace,
                                             context.actor(), request));
  if (context.global.json) {
    PrintJson(Json{{"path", result.path}, {"sha256", result.sha256}, {"files", result.files},
                   {"withheld", result.withheld}});
  } else {
    std::cout << result.path << "\n";
    std::cerr << result.files << " file(s), " << result.withheld << " withheld; sha256 "
              << result.sha256 << "\n";
  }
  return Status::Ok();
}

Status RunPackageVerify(const Context& context, const PackageVerifyOptions& options) {
  std::optional<std::string> key;
  if (!options.key.empty()) key = options.key;
  TAFKIK_ASSIGN_OR_RETURN(casefile::PackageReport report, casefile::VerifyPackage(options.path, key));
  if (context.global.json) {
    PrintJson(casefile::ToJson(report));
  } else if (report.ok) {
    std::cout << "Package verified: case " << report.case_reference << ", "
              << report.files_checked << " members match the signed manifest\n"
              << "Signed by key " << report.public_key
              << "\n(compare this key with the one the sender gave you)\n";
  } else {
    std::cout << "Package NOT verified (" << report.problems.size() << " problem(s)):\n";
    for (const std::string& problem : report.problems) std::cout << "  " << problem << "\n";
  }
  if (!report.ok) {
    return DataLossError(options.path + ": " + report.problems.front());
  }
  return Status::Ok();
}

void AddReportAndPackage(CLI::App& app, Context& context) {
  CLI::App* report_group = app.add_subcommand("report", "Case file reports");
  report_group->require_subcommand(1);
  auto report = std::make_shared<ReportOptions>();
  CLI::App* report_case = report_group->add_subcommand(
      "case", "Draft the case file for the prosecutor (PDF, HTML or Markdown; its SHA-256 is "
              "recorded in the audit log)");
  report_case->add_option("CASE", report->request.case_reference, "Case reference")->required();
  report_case->add_option("--lang", report->request.lang, "ar, fr or en")->capture_default_str();
  report_case->add_option("--format", report->request.format, "pdf, html or md")
      ->capture_default_str();
  report_case->add_option("-o,--output", report->request.output,
                          "File to write (default <case>-<lang>.<format>)");
  report_case->add_flag("--reveal-victims", report->request.reveal_victims,
                        "Name victims instead of V1, V2, ... (restricted copy; recorded)");
  SetAction(report_case, context, report, &RunReport);

  CLI::App* package_group = app.add_subcommand(
      "package", "Signed evidence packages for the prosecutor or a foreign partner");
  package_group->require_subcommand(1);
  auto export_request = std::make_shared<app::PackageRequest>();
  CLI::App* export_command = package_group->add_subcommand(
      "export", "Write a zip of the evidence files, manifest, custody log, audit events and an "
                "Ed25519 signature");
  export_command->add_option("CASE", export_request->case_reference, "Case reference")
      ->required();
  export_command->add_option("-o,--output", export_request->output,
                             "Zip to write (default <case>-package.zip)");
  export_command->add_flag("--redact-victims", export_request->redact_victims,
                           "Withhold files linked to victims and pseudonymise victims' ids");
  export_command->add_flag("--redact-sources", export_request->redact_sources,
                           "Withhold files linked to informants and pseudonymise their ids");
  SetAction(export_command, context, export_request, &RunPackageExport);
  auto verify = std::make_shared<PackageVerifyOptions>();
  CLI::App* verify_command = package_group->add_subcommand(
      "verify", "Check a package with nothing else (no workspace needed); exit 8 if tampered");
  verify_command->add_option("FILE", verify->path, "The package zip")->required();
  verify_command->add_option("--key", verify->key,
                             "The sender's public key (hex): refuse any other signer");
  SetAction(verify_command, context, verify, &RunPackageVerify);
}

}  // namespace

// Registered by cli.cc.
void AddCasefileCommands(CLI::App& app, Context& context) {
  AddEvidenceCommands(app, context);
  AddActionCommands(app, context);
  AddTaskCommands(app, context);
  AddTimelineAndElements(app, context);
  AddReportAndPackage(app, context);
}

}  // namespace tafkik::cli
