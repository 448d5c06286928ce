#include "cli/cli.h"

namespace tafkik::cli {

// Registered by cli.cc; the graph capability adds its subcommands here.
void AddNetworkCommands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace tafkik::cli
