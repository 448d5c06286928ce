#include "cli/cli.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/workspace.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

// CLI11's own exit codes (100+) would collide with nothing, but core/status.h keeps 1 for
// command-line usage errors so that scripts see one small range.
constexpr int kUsageExitCode = 1;

constexpr char kDescription[] =
    "Tafkik: one workspace for an investigation of human trafficking (TiP) or migrant\n"
    "smuggling (SoM): people, phones, accounts, calls, payments and cases, every fact\n"
    "traced to its source and every change and every read of victims' data on a\n"
    "tamper-evident audit record.";

constexpr char kFooter[] =
    "Examples:\n"
    "  tafkik -w ws init\n"
    "  tafkik -w ws entity add --schema Person --prop name=\"Mohamed Ben Ali\" --prop "
    "nationality=ma\n"
    "  tafkik -w ws case create --reference MA-2026-0001 --country ma --offence som "
    "--lead-unit \"BNPJ Tanger\"\n"
    "  tafkik -w ws case assign MA-2026-0001 ENTITY_ID --role victim\n"
    "  tafkik -w ws audit verify\n"
    "Exit codes: 0 ok, 1 usage, 2 invalid argument, 3 not found, 4 already exists,\n"
    "5 failed precondition, 6 aborted (retry), 7 unavailable, 8 data loss (audit chain\n"
    "broken), 9 permission denied, 10 unauthenticated, 11 unimplemented, 12 internal error.";

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::move(fallback);
}

std::string OsUserName() {
  const passwd* entry = ::getpwuid(::geteuid());
  if (entry != nullptr && entry->pw_name != nullptr) return entry->pw_name;
  return "uid:" + std::to_string(::geteuid());
}

void AddGlobalOptions(CLI::App& app, GlobalOptions& global) {
  global.workspace = EnvOr("TAFKIK_WORKSPACE", ".");
  global.actor = EnvOr("TAFKIK_ACTOR", OsUserName());
  app.add_option("-w,--workspace", global.workspace,
                 "Workspace folder (default: $TAFKIK_WORKSPACE, else the current folder)");
  app.add_option("--actor", global.actor,
                 "Name recorded as the actor in the audit log (default: $TAFKIK_ACTOR, else "
                 "your login name)");
  app.add_flag("--json", global.json, "Print machine-readable JSON on stdout");
}

std::string UsageMessage(const CLI::App*, const CLI::Error& error) {
  return std::string("tafkik: usage: ") + error.what() +
         "\nRun with --help for more information.\n";
}

void BuildApp(CLI::App& app, Context& context) {
  app.footer(kFooter);
  app.require_subcommand(1);
  app.failure_message(UsageMessage);
  // Global options are also accepted after the subcommand: `tafkik case list --json`.
  app.fallthrough();
  AddGlobalOptions(app, context.global);
  AddInitCommand(app, context);
  AddEntityCommands(app, context);
  AddRelationCommands(app, context);
  AddCaseCommands(app, context);
  AddAuditCommands(app, context);
  AddGenerateCommand(app, context);
  AddTourCommand(app, context);
  AddExportCommand(app, context);
  AddImportCommand(app, context);
  AddProfileCommands(app, context);
  AddNetworkCommands(app, context);
  AddResolveCommands(app, context);
  AddMoneyCommands(app, context);
  AddScreenCommands(app, context);
  AddCasefileCommands(app, context);
  AddUserCommands(app, context);
  AddServeCommand(app, context);
}

// CLI11 reports a mistyped command ("tafkik bogus", "tafkik case bogus") as "A subcommand is
// required"; this names the word instead. True when it printed.
bool PrintUnknownCommand(CLI::App& app, const CLI::ParseError& error) {
  CLI::App* deepest = &app;
  std::string command = "tafkik";
  while (!deepest->get_subcommands().empty()) {
    deepest = deepest->get_subcommands().front();
    command += " " + deepest->get_name();
  }
  const std::vector<std::string> unknown = app.remaining(/*recurse=*/true);
  if (error.get_name() != "RequiredError" || deepest->get_require_subcommand_min() == 0 ||
      unknown.empty()) {
    return false;
  }
  std::cerr << "tafkik: usage: unknown command '" << unknown.front() << "'\nRun " << command
            << " --help for the list of commands.\n";
  return true;
}

// Adapters catch third-party exceptions where they call the library; this is the last line,
// so that a missed one still ends as "tafkik: Internal: ..." rather than a core dump.
Status RunGuarded(const std::function<Status()>& run) {
  try {
    return run();
  } catch (const std::exception& error) {
    return InternalError(std::string("unexpected exception: ") + error.what());
  }
}

}  // namespace

Result<std::unique_ptr<store::Store>> Context::OpenStore() const {
  return app::OpenWorkspace(global.workspace);
}

int Main(int argc, char** argv) {
  CLI::App app(kDescription, "tafkik");
  Context context;
  BuildApp(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (PrintUnknownCommand(app, error)) return kUsageExitCode;
    return app.exit(error) == 0 ? 0 : kUsageExitCode;
  }
  if (!context.run) return kUsageExitCode;  // unreachable: a subcommand is required
  Status status = RunGuarded(context.run);
  if (!status.ok()) PrintError(status);
  return ExitCodeFor(status.code());
}

}  // namespace tafkik::cli
