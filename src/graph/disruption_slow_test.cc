// The optimised disruption planner against every classic strategy on every network of
// ../shared/data/networks (K = 5, weak connectivity): never worse, better than each classic
// strategy on most networks. Prints the table of docs/ACCURACY.md. About 20 s: label slow.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "core/status_matchers.h"
#include "graph/components.h"
#include "graph/disruption.h"
#include "graph/internal/reference.h"

namespace tafkik::graph {
namespace {

struct Network {
  std::string path;
  exchange::InFormat format;
};

std::vector<Network> AllNetworks() {
  std::vector<Network> networks;
  for (const char* folder : {"caviar/phases", "caviar/phases_anastasiadis2024",
                             "caviar/aggregated", "ucinet-covert", "roxanne"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::NetworkPath(folder))) {
      std::string name = entry.path().filename().string();
      bool json = entry.path().extension() == ".json";
      networks.push_back({std::string(folder) + "/" + name,
                          json ? exchange::InFormat::kJsonLinesNetwork
                               : exchange::InFormat::kAdjacencyMatrix});
    }
  }
  std::sort(networks.begin(), networks.end(),
            [](const Network& a, const Network& b) { return a.path < b.path; });
  return networks;
}

int64_t LargestAfter(const Graph& graph, Strategy strategy, int64_t k) {
  DisruptionOptions options;
  options.k = k;
  options.strategy = strategy;
  DisruptionPlanner planner(graph, options);
  Status status = planner.Run();
  TAFKIK_CHECK(status.ok(), status.ToString());
  return planner.removals().back().after.largest;
}

// K = 5 arrests, weak connectivity (who can still reach whom, either direction).
TEST(DisruptionAccuracyTest, OptimisedBeatsOrEqualsEveryClassicStrategyOnEveryNetwork) {
  const int64_t k = 5;
  const std::vector<Strategy> classic{Strategy::kDegree, Strategy::kBetweenness,
                                      Strategy::kCollectiveInfluence, Strategy::kKatz};
  int64_t networks = 0, strictly_better = 0;
  std::vector<int64_t> better_than(classic.size(), 0);
  std::cout << "| network | nodes | LCC | degree | betweenness | CI | Katz | optimised |\n";
  for (const Network& network : AllNetworks()) {
    Result<Snapshot> snapshot = testing::LoadNetwork(network.path, network.format, true);
    ASSERT_THAT(snapshot, IsOk()) << network.path;
    const Graph& graph = snapshot->graph();
    if (graph.node_count() <= k) continue;  // the burglary files carry no ties
    ++networks;
    std::vector<int64_t> classic_results;
    for (Strategy strategy : classic) classic_results.push_back(LargestAfter(graph, strategy, k));
    int64_t optimised = LargestAfter(graph, Strategy::kOptimised, k);
    int64_t best_classic = *std::min_element(classic_results.begin(), classic_results.end());
    EXPECT_LE(optimised, best_classic) << network.path;
    if (optimised < best_classic) ++strictly_better;
    for (size_t slot = 0; slot < classic.size(); ++slot) {
      if (optimised < classic_results[slot]) ++better_than[slot];
    }
    WeakComponents weak(graph);
    ASSERT_THAT(weak.Run(), IsOk());
    std::cout << "| " << network.path << " | " << graph.node_count() << " | "
              << weak.sizes()[0];
    for (int64_t result : classic_results) std::cout << " | " << result;
    std::cout << " | " << optimised << " |\n";
  }
  std::cout << "optimised strictly better than the best classic strategy on " << strictly_better
            << " of " << networks << " networks\n";
  EXPECT_EQ(networks, 49);
  // Figures reported in docs/ACCURACY.md.
  EXPECT_GE(strictly_better, 21);
  for (size_t slot = 0; slot < classic.size(); ++slot) {
    EXPECT_GT(2 * better_than[slot], networks) << "better than " << StrategyName(classic[slot])
                                               << " on most networks";
    std::cout << "better than " << StrategyName(classic[slot]) << " on " << better_than[slot]
              << " of " << networks << "\n";
  }
}

}  // namespace
}  // namespace tafkik::graph
