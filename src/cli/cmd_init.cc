// tafkik init [DIR]
#include <iostream>

#include "app/workspace.h"
#include "cli/cli.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

struct InitOptions {
  std::string folder;  // default "": --workspace
};

Status RunInit(const Context& context, const InitOptions& options) {
  std::string root = options.folder.empty() ? context.global.workspace : options.folder;
  TAFKIK_ASSIGN_OR_RETURN(auto created, app::InitWorkspace(root, context.actor()));
  if (context.global.json) {
    PrintJson(Json{{"workspace", root}, {"created", true}});
  } else {
    std::cout << "Created workspace " << root << " (tafkik.db, blobs/, keys/)\n";
  }
  return Status::Ok();
}

}  // namespace

void AddInitCommand(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "init", "Create a workspace: case database, evidence files, audit log signing key");
  auto options = std::make_shared<InitOptions>();
  command->add_option("DIR", options->folder, "Folder to create it in (default: --workspace)");
  SetAction(command, context, options, &RunInit);
}

}  // namespace tafkik::cli
