// The `tafkik` command line: global options, the context a command runs in, and the
// registration of every command group. Single-threaded.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace tafkik::cli {

struct GlobalOptions {
  std::string workspace;  // --workspace/-w; default $TAFKIK_WORKSPACE, else "."
  std::string actor;      // --actor; default $TAFKIK_ACTOR, else the OS user name
  bool json = false;      // --json: machine-readable output on stdout
};

// What one invocation runs: the global options, and the action the chosen subcommand set
// while parsing (so that nothing touches the workspace before the whole line parsed).
struct Context {
  GlobalOptions global;
  std::function<Status()> run;

  store::Actor actor() const { return store::Actor{global.actor}; }
  // Opens the workspace named by --workspace (app::OpenWorkspace).
  Result<std::unique_ptr<store::Store>> OpenStore() const;
};

// Makes `command`, when chosen, run `action(context, *options)` once parsing is done.
template <typename Options>
void SetAction(CLI::App* command, Context& context, std::shared_ptr<Options> options,
               Status (*action)(const Context&, const Options&)) {
  command->callback([&context, options, action] {
    context.run = [&context, options, action] { return action(context, *options); };
  });
}

// Each group registers its subcommands on `app` (cmd_*.cc).
void AddInitCommand(CLI::App& app, Context& context);
void AddEntityCommands(CLI::App& app, Context& context);
void AddRelationCommands(CLI::App& app, Context& context);
void AddCaseCommands(CLI::App& app, Context& context);
void AddAuditCommands(CLI::App& app, Context& context);
void AddGenerateCommand(CLI::App& app, Context& context);
void AddTourCommand(CLI::App& app, Context& context);
void AddExportCommand(CLI::App& app, Context& context);
void AddImportCommand(CLI::App& app, Context& context);
void AddProfileCommands(CLI::App& app, Context& context);
void AddNetworkCommands(CLI::App& app, Context& context);   // cmd_network.cc (graph)
void AddResolveCommands(CLI::App& app, Context& context);   // cmd_resolve.cc (resolve)
void AddMoneyCommands(CLI::App& app, Context& context);     // cmd_money.cc (finance)
void AddScreenCommands(CLI::App& app, Context& context);    // cmd_screen.cc (screening)
void AddCasefileCommands(CLI::App& app, Context& context);  // cmd_casefile.cc (casefile)
void AddUserCommands(CLI::App& app, Context& context);      // cmd_user.cc (access)
void AddServeCommand(CLI::App& app, Context& context);      // cmd_serve.cc (server)

// Parses the command line, runs the command, prints any error; returns the exit code.
int Main(int argc, char** argv);

}  // namespace tafkik::cli
