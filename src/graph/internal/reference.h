// Tests only: the networks of ../shared/data/networks as Snapshots (read with exchange's
// readers into memory, no workspace), random graphs, and reference values computed by
// networkx/igraph under /usr/bin/python3 (testdata/reference.py).
#pragma once

#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/status.h"
#include "exchange/exchange_import.h"
#include "graph/graph.h"
#include "graph/snapshot.h"

namespace tafkik::graph::testing {

// ../shared/data/networks/<relative>.
std::string NetworkPath(const std::string& relative);

// Reads a network file: nodes in the file's order (entities as they arrive), one edge per
// relation weighted by its `weight` property (1 when it has none).
Result<Snapshot> LoadNetwork(const std::string& relative, exchange::InFormat format,
                             bool directed);

// G(n, m)-style random graph: `edges` random pairs with integer weights 1..max_weight
// (parallel pairs merge, self-loops drop). Deterministic for a seed.
Graph RandomGraph(NodeIndex nodes, int64_t edges, bool directed, uint64_t seed,
                  int max_weight = 5);

// Runs testdata/reference.py on `graph` and returns its JSON.
Result<Json> Reference(const Graph& graph, double katz_alpha);

// Runs a Python snippet under /usr/bin/python3 with `input` on stdin; returns stdout.
Result<std::string> RunPython(const std::string& script, const std::string& input);

}  // namespace tafkik::graph::testing
