// tafkik relation add|list
#include <iostream>

#include "app/json_view.h"
#include "app/relations.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/time.h"

namespace tafkik::cli {
namespace {

std::string StartOf(const model::Relation& relation) {
  return relation.start ? FormatTimestamp(*relation.start) : "-";
}

void PrintRelationTable(const std::vector<model::Relation>& relations) {
  Table table({"START", "SCHEMA", "SOURCE", "TARGET", "ID"});
  for (const model::Relation& relation : relations) {
    table.AddRow({StartOf(relation), relation.schema, relation.source.value(),
                  relation.target.value(), relation.id.value()});
  }
  table.Print(std::cout);
}

Status RunAdd(const Context& context, const app::AddRelationRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(model::Relation relation,
                          app::AddRelation(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(app::ToJson(relation));
  } else {
    std::cout << relation.id.value() << "\n";
  }
  return Status::Ok();
}

Status RunList(const Context& context, const app::ListRelationsRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto relations, app::ListRelations(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(app::ToJsonArray(relations));
  } else if (relations.empty()) {
    std::cerr << "no relations match\n";
  } else {
    PrintRelationTable(relations);
  }
  return Status::Ok();
}

void AddAdd(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "add",
      "Record a link between two entities: a call, payment, meeting, journey, family "
      "tie, recruitment, ...; prints the new relation's id");
  auto request = std::make_shared<app::AddRelationRequest>();
  command
      ->add_option("-s,--schema", request->schema,
                   "Kind of link: Call, Message, Payment, Meeting, Travel, Family, Associate, "
                   "Recruitment, Exploitation, ...")
      ->required();
  command
      ->add_option("--source", request->source,
                   "Entity id of the first end (the caller, the payer, the recruiter)")
      ->required();
  command
      ->add_option("--target", request->target,
                   "Entity id of the second end (the receiver, the beneficiary, the recruit)")
      ->required();
  command->add_option(
      "--start", request->start,
      "When it started: 2025-07-01T10:20:30Z, 2025-07-01T12:20+02:00 or 2025-07-01");
  command->add_option("--end", request->end, "When it ended (same formats)");
  command->add_option("-p,--prop", request->assignments,
                      "Another property as name=value, repeatable: --prop amount=1500 "
                      "--prop currency=MAD");
  command->add_option("--phone-region", request->phone_region,
                      "Country whose national format phone numbers without + are in");
  command->add_option("--id", request->id, "Use this id instead of a fresh one");
  SetAction(command, context, request, &RunAdd);
}

void AddList(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("list", "List relations, ordered by start time");
  auto request = std::make_shared<app::ListRelationsRequest>();
  command->add_option("-s,--schema", request->schema, "Only this kind (Call, Payment, ...)");
  command->add_option("-e,--entity", request->entity, "Only those with this entity at one end");
  command->add_option("--since", request->since, "Only those starting at or after this time");
  command->add_option("--until", request->until, "Only those starting before this time");
  command->add_option("--limit", request->limit, "At most this many (1 or more)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--offset", request->offset, "Skip this many first")->capture_default_str();
  SetAction(command, context, request, &RunList);
}

}  // namespace

void AddRelationCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "relation", "Links between entities: calls, messages, payments, meetings, journeys, ...");
  group->require_subcommand(1);
  AddAdd(*group, context);
  AddList(*group, context);
}

}  // namespace tafkik::cli
