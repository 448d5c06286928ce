#include "cli/cli.h"

namespace tafkik::cli {

// Registered by cli.cc; the finance capability adds its subcommands here.
void AddMoneyCommands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace tafkik::cli
