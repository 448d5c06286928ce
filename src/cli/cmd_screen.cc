#include "cli/cli.h"

namespace tafkik::cli {

// Registered by cli.cc; the screening capability adds its subcommands here.
void AddScreenCommands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace tafkik::cli
