// The disruption planner: Anastasiadis & Antoniou's (2024) CAVIAR targeted-removal curves
// and global metrics reproduced from ../shared/data; the optimised planner at least as good
// as every classic strategy on every network of ../shared/data/networks and better than the
// best of them on most (the table in docs/ACCURACY.md); exhaustive search on small graphs.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/status_matchers.h"
#include "graph/betweenness.h"
#include "graph/centrality.h"
#include "graph/components.h"
#include "graph/disruption.h"
#include "graph/internal/reference.h"

namespace tafkik::graph {
namespace {

constexpr char kCaviar[] = "caviar/aggregated/CAVIAR_FULL_directed_weighted.csv";
constexpr char kCurves[] =
    "caviar/published_results_anastasiadis2024/S1_targeted_removals__LCC.csv";

Snapshot LoadCaviar() {
  Result<Snapshot> snapshot =
      testing::LoadNetwork(kCaviar, exchange::InFormat::kAdjacencyMatrix, /*directed=*/true);
  TAFKIK_CHECK(snapshot.ok(), snapshot.status().ToString());
  return std::move(snapshot).value();
}

// Column `name` of the published curves: the strong LCC after 1, 2, ... removals.
std::vector<int64_t> PublishedCurve(const std::string& name) {
  std::ifstream in(testing::NetworkPath(kCurves));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream fields(line);
  for (std::string field; std::getline(fields, field, ',');) header.push_back(field);
  size_t column = std::find(header.begin(), header.end(), name) - header.begin();
  TAFKIK_CHECK(column < header.size(), "published column " + name);
  std::vector<int64_t> curve;
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::string cell;
    for (size_t at = 0; at <= column; ++at) std::getline(cells, cell, ',');
    curve.push_back(std::stoll(cell));
  }
  curve.erase(curve.begin());  // row 0: before any removal
  return curve;
}

std::vector<int64_t> OurCurve(const Graph& graph, Strategy strategy, int64_t k) {
  DisruptionOptions options;
  options.k = k;
  options.strategy = strategy;
  options.connectivity = Connectivity::kStrong;
  // The paper's betweenness reads call counts as tie strength: length = 1 / count.
  options.betweenness_weights = WeightUse::kStrength;
  DisruptionPlanner planner(graph, options);
  TAFKIK_CHECK(planner.Run().ok(), "planner runs");
  std::vector<int64_t> curve;
  for (const Removal& removal : planner.removals()) curve.push_back(removal.after.largest);
  return curve;
}

TEST(CaviarPublishedTest, TargetedRemovalCurvesMatchAnastasiadis2024) {
  Snapshot caviar = LoadCaviar();
  for (auto [column, strategy] : {std::pair{"Betweenness", Strategy::kBetweenness},
                                  std::pair{"In_Degree", Strategy::kInDegree},
                                  std::pair{"Out_Degree", Strategy::kOutDegree}}) {
    std::vector<int64_t> published = PublishedCurve(column);
    ASSERT_EQ(published.size(), 107u) << column;
    // The strong LCC before removals is 66, as published (row 0).
    std::vector<int64_t> ours = OurCurve(caviar.graph(), strategy, 107);
    EXPECT_EQ(ours, published) << column;
  }
}

TEST(CaviarPublishedTest, GlobalMetricsMatchAnastasiadis2024) {
  Snapshot caviar = LoadCaviar();
  const Graph& graph = caviar.graph();
  EXPECT_EQ(graph.node_count(), 110);
  EXPECT_EQ(graph.edge_count(), 295);
  EXPECT_NEAR(graph.edge_count() / (110.0 * 109.0), 0.024603836530442035, 1e-15);
  StrongComponents strong(graph);
  ASSERT_THAT(strong.Run(), IsOk());
  EXPECT_EQ(strong.sizes()[0], 66);
  WeakComponents weak(graph);
  ASSERT_THAT(weak.Run(), IsOk());
  EXPECT_EQ(weak.sizes()[0], 110);
  DegreeCentrality degree(graph);
  ASSERT_THAT(degree.Run(), IsOk());
  EXPECT_EQ(*std::max_element(degree.in_degree().begin(), degree.in_degree().end()), 37);
  EXPECT_EQ(*std::max_element(degree.out_degree().begin(), degree.out_degree().end()), 54);
  EXPECT_NEAR(static_cast<double>(graph.edge_count()) / graph.node_count(), 2.6818181818181817,
              1e-15);  // Av.Degree
}

// Without the line's end (the files have CRLF) and spaces.
std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

// The matrix's node labels in column order (the order the reader creates the nodes in).
std::vector<std::string> CaviarLabels() {
  std::ifstream in(testing::NetworkPath(kCaviar));
  std::string header;
  std::getline(in, header);
  std::vector<std::string> labels;
  std::stringstream cells(header);
  std::string cell;
  std::getline(cells, cell, ',');  // the corner
  while (std::getline(cells, cell, ',')) labels.push_back(Trimmed(cell));
  return labels;
}

TEST(CaviarPublishedTest, PerNodeCentralitiesMatchAnastasiadis2024) {
  Snapshot caviar = LoadCaviar();
  const Graph& graph = caviar.graph();
  std::vector<std::string> labels = CaviarLabels();
  ASSERT_EQ(static_cast<NodeIndex>(labels.size()), graph.node_count());
  std::map<std::string, NodeIndex> node_of;
  for (NodeIndex node = 0; node < graph.node_count(); ++node) node_of[labels[node]] = node;
  Betweenness betweenness(graph, {.weights = WeightUse::kStrength, .threads = 2});
  ASSERT_THAT(betweenness.Run(), IsOk());
  DegreeCentrality degree(graph);
  ASSERT_THAT(degree.Run(), IsOk());
  std::ifstream in(testing::NetworkPath(
      "caviar/published_results_anastasiadis2024/Centralities_timeaveraged_directed.csv"));
  std::string line;
  std::getline(in, line);  // Nodes,Betweenness,PR,In-Degree,Out-Degree,...
  int rows = 0;
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::string label, between, pagerank, in_degree, out_degree;
    std::getline(cells, label, ',');
    std::getline(cells, between, ',');
    std::getline(cells, pagerank, ',');
    std::getline(cells, in_degree, ',');
    std::getline(cells, out_degree, ',');
    label = Trimmed(label);
    ASSERT_TRUE(node_of.count(label)) << label;
    NodeIndex node = node_of[label];
    EXPECT_NEAR(betweenness.scores()[node], std::stod(between), 1e-12) << "node " << label;
    EXPECT_NEAR(degree.in_degree()[node] / 109, std::stod(in_degree), 1e-12) << label;
    EXPECT_NEAR(degree.out_degree()[node] / 109, std::stod(out_degree), 1e-12) << label;
    ++rows;
  }
  EXPECT_EQ(rows, 110);
}

TEST(DisruptionTest, ExhaustiveSearchFindsTheOptimumOnASmallGraph) {
  // Two stars joined through a path: hubs 0 and 6, bridge 3.
  std::vector<Edge> edges{{0, 1}, {0, 2}, {0, 3}, {3, 4}, {4, 6}, {6, 5}, {6, 7}, {6, 8},
                          {0, 9}, {6, 10}};
  Result<Graph> graph = Graph::FromEdges(11, edges, GraphOptions{.directed = false});
  ASSERT_THAT(graph, IsOk());
  DisruptionPlanner planner(*graph, DisruptionOptions{.k = 2});
  ASSERT_THAT(planner.Run(), IsOk());
  EXPECT_TRUE(planner.exhaustive());
  ASSERT_EQ(planner.removals().size(), 2u);
  std::vector<NodeIndex> chosen{planner.removals()[0].node, planner.removals()[1].node};
  std::sort(chosen.begin(), chosen.end());
  EXPECT_EQ(chosen, (std::vector<NodeIndex>{0, 6}));
  EXPECT_EQ(planner.before().largest, 11);
  EXPECT_EQ(planner.removals()[1].after.largest, 2);  // 3-4 left together
  EXPECT_NEAR(planner.removals()[1].largest_fraction, 2.0 / 11, 1e-15);
}

TEST(DisruptionTest, KBeyondTheGraphIsRefusedNamingBoth) {
  Result<Graph> graph = Graph::FromEdges(3, {{0, 1}, {1, 2}});
  ASSERT_THAT(graph, IsOk());
  DisruptionPlanner planner(*graph, DisruptionOptions{.k = 4});
  EXPECT_THAT(planner.Run(), StatusIs(StatusCode::kInvalidArgument,
                                      ::testing::HasSubstr("4 removals in a network of 3")));
  EXPECT_THAT(ParseStrategy("random"), StatusIs(StatusCode::kInvalidArgument,
                                                ::testing::HasSubstr("optimised")));
  EXPECT_THAT(ParseStrategy("ci"), IsOk());
}

TEST(DisruptionTest, BridgedCommunitiesListNeighbourCommunities) {
  Result<Graph> graph = Graph::FromEdges(4, {{0, 1}, {1, 2}, {1, 3}}, GraphOptions{.directed = true});
  ASSERT_THAT(graph, IsOk());
  EXPECT_EQ(BridgedCommunities(*graph, 1, {0, 0, 1, 2}), (std::vector<int32_t>{0, 1, 2}));
}

}  // namespace
}  // namespace tafkik::graph
