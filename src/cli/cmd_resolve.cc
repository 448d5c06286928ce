#include "cli/cli.h"

namespace tafkik::cli {

// Registered by cli.cc; the resolve capability adds its subcommands here.
void AddResolveCommands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace tafkik::cli
