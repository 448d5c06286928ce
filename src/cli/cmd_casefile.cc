#include "cli/cli.h"

namespace tafkik::cli {

// Registered by cli.cc; the casefile capability adds its subcommands here.
void AddCasefileCommands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace tafkik::cli
