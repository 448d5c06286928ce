// tafkik case create|show|list|assign
#include <algorithm>
#include <iostream>

#include "app/cases.h"
#include "app/json_view.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/text.h"
#include "core/time.h"

namespace tafkik::cli {
namespace {

struct ShowOptions {
  std::string reference;
};

struct ListOptions {};

struct AssignOptions {
  std::string reference;
  std::string entity;
  std::string role;
};

std::string OffencesText(const model::Case& record) {
  std::vector<std::string> names;
  for (model::Offence offence : record.offences) names.emplace_back(model::OffenceName(offence));
  return Join(names, ", ");
}

void PrintCaseHeader(const model::Case& record) {
  std::cout << "Case " << record.reference;
  if (!record.title.empty()) std::cout << "  " << record.title;
  std::cout << "\n";
  Table fields({}, 2);
  fields.AddRow({"Country", record.jurisdiction.country});
  if (!record.jurisdiction.region.empty()) fields.AddRow({"Region", record.jurisdiction.region});
  fields.AddRow({"Offences", OffencesText(record)});
  fields.AddRow({"Status", std::string(model::CaseStatusName(record.status))});
  fields.AddRow({"Lead unit", record.lead_unit});
  fields.AddRow({"Opened", FormatTimestamp(record.opened)});
  fields.Print(std::cout);
}

// Members grouped by role (suspects first), in the store's order within a role.
void PrintMembers(std::vector<app::MemberView> members) {
  std::cout << "Members (" << members.size() << ")\n";
  std::stable_sort(members.begin(), members.end(), [](const auto& left, const auto& right) {
    return left.member.role < right.member.role;
  });
  Table table({"ROLE", "SCHEMA", "NAME", "ID"}, 2);
  for (const app::MemberView& member : members) {
    table.AddRow({std::string(model::RoleName(member.member.role)), member.schema, member.caption,
                  member.member.entity.value()});
  }
  table.Print(std::cout);
}

Status RunCreate(const Context& context, const app::CreateCaseRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(model::Case created, app::CreateCase(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(app::ToJson(created));
  } else {
    std::cout << created.reference << "\n";
  }
  return Status::Ok();
}

Status RunShow(const Context& context, const ShowOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::CaseView view,
                          app::ShowCase(*opened, context.actor(), options.reference));
  if (context.global.json) {
    PrintJson(app::ToJson(view));
  } else {
    PrintCaseHeader(view.record);
    PrintMembers(view.members);
  }
  return Status::Ok();
}

void PrintCaseTable(const std::vector<model::Case>& cases) {
  if (cases.empty()) {
    std::cerr << "no cases yet; create one with 'tafkik case create'\n";
    return;
  }
  Table table({"REFERENCE", "STATUS", "OFFENCES", "COUNTRY", "REGION", "LEAD UNIT", "OPENED"});
  for (const model::Case& record : cases) {
    table.AddRow({record.reference, std::string(model::CaseStatusName(record.status)),
                  OffencesText(record), record.jurisdiction.country, record.jurisdiction.region,
                  record.lead_unit, FormatTimestamp(record.opened)});
  }
  table.Print(std::cout);
}

Status RunList(const Context& context, const ListOptions&) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Case> cases, app::ListCases(*opened));
  if (context.global.json) {
    PrintJson(app::ToJsonArray(cases));
  } else {
    PrintCaseTable(cases);
  }
  return Status::Ok();
}

Status RunAssign(const Context& context, const AssignOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_RETURN_IF_ERROR(
      app::AssignToCase(*opened, context.actor(), options.reference, options.entity, options.role));
  if (context.global.json) {
    PrintJson(
        Json{{"case", options.reference}, {"entity", options.entity}, {"role", options.role}});
  } else {
    std::cout << options.entity << " is now " << options.role << " in " << options.reference
              << "\n";
  }
  return Status::Ok();
}

void AddCreate(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("create", "Open a new case; prints its reference");
  auto request = std::make_shared<app::CreateCaseRequest>();
  command
      ->add_option("-r,--reference", request->reference, "Unique case reference, e.g. MA-2026-0001")
      ->required();
  command->add_option("--title", request->title, "A short title");
  command
      ->add_option("--country", request->country,
                   "Country of jurisdiction, ISO 3166 code: ma, dz, tn, ly, eg, ...")
      ->required();
  command->add_option("--region", request->region, "Region, e.g. \"Tanger-Tétouan-Al Hoceïma\"");
  command
      ->add_option("--offence", request->offences,
                   "tip (trafficking in persons), som (smuggling of migrants) or other; "
                   "repeatable")
      ->required();
  command->add_option("--status", request->status, "open, investigation, prosecution or closed")
      ->capture_default_str();
  command->add_option("--lead-unit", request->lead_unit, "Unit leading the investigation")
      ->required();
  SetAction(command, context, request, &RunCreate);
}

void AddShowAndList(CLI::App& group, Context& context) {
  CLI::App* show = group.add_subcommand(
      "show",
      "Show a case and its members by role (reading victims' names is recorded in "
      "the audit log)");
  auto options = std::make_shared<ShowOptions>();
  show->add_option("REFERENCE", options->reference, "Case reference")->required();
  SetAction(show, context, options, &RunShow);
  CLI::App* list = group.add_subcommand("list", "List every case");
  SetAction(list, context, std::make_shared<ListOptions>(), &RunList);
}

void AddAssign(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("assign", "Put an entity in a case in a role");
  auto options = std::make_shared<AssignOptions>();
  command->add_option("REFERENCE", options->reference, "Case reference")->required();
  command->add_option("ENTITY_ID", options->entity, "Entity id")->required();
  command->add_option("--role", options->role, "suspect, victim, witness, informant or other")
      ->required();
  SetAction(command, context, options, &RunAssign);
}

}  // namespace

void AddCaseCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "case", "Cases: jurisdiction, offences, lead unit, and who is in them in what role");
  group->require_subcommand(1);
  AddCreate(*group, context);
  AddShowAndList(*group, context);
  AddAssign(*group, context);
}

}  // namespace tafkik::cli
