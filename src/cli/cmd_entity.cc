// tafkik entity add|show|list|search
#include <iostream>

#include "model/caption.h"
#include "app/entities.h"
#include "app/json_view.h"
#include "cli/cli.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

struct ShowOptions {
  std::string id;
};

struct SearchOptions {
  std::string text;
  std::string schema;
  int64_t limit = 50;
};

void PrintEntityTable(const std::vector<model::Entity>& entities) {
  Table table({"ID", "SCHEMA", "NAME"});
  for (const model::Entity& entity : entities) {
    table.AddRow({entity.id.value(), entity.schema, model::Caption(entity)});
  }
  table.Print(std::cout);
}

void PrintEntities(const Context& context, const std::vector<model::Entity>& entities) {
  if (context.global.json) {
    PrintJson(app::ToJsonArray(entities));
  } else if (entities.empty()) {
    std::cerr << "no entities match\n";
  } else {
    PrintEntityTable(entities);
  }
}

void PrintEntityView(const app::EntityView& view) {
  std::cout << view.entity.schema << " " << view.entity.id.value() << "\n";
  Table values({}, 2);
  for (const auto& [name, list] : view.entity.properties) {
    for (const model::Value& value : list) {
      values.AddRow({name, value.value, "(" + ProvenanceLabel(value.provenance) + ")"});
    }
  }
  values.Print(std::cout);
  if (view.roles.empty()) return;
  std::cout << "Cases\n";
  Table roles({}, 2);
  for (const store::CaseRole& role : view.roles) {
    roles.AddRow({role.case_reference, std::string(model::RoleName(role.role))});
  }
  roles.Print(std::cout);
}

Status RunAdd(const Context& context, const app::AddEntityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, app::AddEntity(*opened, context.actor(), request));
  // The bare id on stdout so that scripts can capture it: ID=$(tafkik entity add ...).
  if (context.global.json) {
    PrintJson(app::ToJson(entity));
  } else {
    std::cout << entity.id.value() << "\n";
  }
  return Status::Ok();
}

Status RunShow(const Context& context, const ShowOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::EntityView view,
                          app::ShowEntity(*opened, context.actor(), EntityId(options.id)));
  if (context.global.json) {
    PrintJson(app::ToJson(view));
  } else {
    PrintEntityView(view);
  }
  return Status::Ok();
}

Status RunList(const Context& context, const app::ListEntitiesRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto entities, app::ListEntities(*opened, context.actor(), request));
  PrintEntities(context, entities);
  return Status::Ok();
}

Status RunSearch(const Context& context, const SearchOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  store::SearchQuery query{options.text, options.schema, options.limit};
  TAFKIK_ASSIGN_OR_RETURN(auto entities, app::SearchEntities(*opened, context.actor(), query));
  PrintEntities(context, entities);
  return Status::Ok();
}

void AddAdd(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "add",
      "Record a person, phone, account, ... typed in by you (provenance: manual, you); "
      "prints the new entity's id");
  auto request = std::make_shared<app::AddEntityRequest>();
  command
      ->add_option("-s,--schema", request->schema,
                   "Kind of entity: Person, Organization, Phone, BankAccount, Address, ...")
      ->required();
  command->add_option("-p,--prop", request->assignments,
                      "A property value as name=value, repeatable: --prop name=\"محمد\" "
                      "--prop birthDate=1990-04-02 --prop nationality=ma");
  command->add_option("--phone-region", request->phone_region,
                      "Country whose national format phone numbers without + are in "
                      "(ma: 0612345678 -> +212612345678)");
  command->add_option("--id", request->id, "Use this id instead of a fresh one");
  SetAction(command, context, request, &RunAdd);
}

void AddShow(CLI::App& group, Context& context) {
  CLI::App* command =
      group.add_subcommand("show",
                           "Show every value of an entity with its source, and the cases it is in "
                           "(reading a victim's entity is recorded in the audit log)");
  auto options = std::make_shared<ShowOptions>();
  command->add_option("ID", options->id, "Entity id")->required();
  SetAction(command, context, options, &RunShow);
}

void AddList(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("list", "List entities, ordered by id");
  auto request = std::make_shared<app::ListEntitiesRequest>();
  command->add_option("-s,--schema", request->schema, "Only this kind (Person, Phone, ...)");
  command->add_option("-c,--case", request->case_reference, "Only members of this case");
  command->add_option("--limit", request->limit, "At most this many (1 or more)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--offset", request->offset, "Skip this many first")->capture_default_str();
  SetAction(command, context, request, &RunList);
}

void AddSearch(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "search",
      "Find entities by name (any script, accents and case ignored), phone number "
      "or identifier (document, IBAN, IMEI)");
  auto options = std::make_shared<SearchOptions>();
  command->add_option("TEXT", options->text, "What to look for")->required();
  command->add_option("-s,--schema", options->schema, "Only this kind (Person, Phone, ...)");
  command->add_option("--limit", options->limit, "At most this many (1 or more)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  SetAction(command, context, options, &RunSearch);
}

}  // namespace

void AddEntityCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "entity", "People, organisations, phones, accounts, addresses, vehicles, documents, ...");
  group->require_subcommand(1);
  AddAdd(*group, context);
  AddShow(*group, context);
  AddList(*group, context);
  AddSearch(*group, context);
}

}  // namespace tafkik::cli
