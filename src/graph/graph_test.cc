// Graph building, snapshots, components, paths and neighbourhoods on small graphs whose
// answers are worked out by hand, and approximate betweenness against its stated bound.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/status_matchers.h"
#include "graph/betweenness.h"
#include "graph/centrality.h"
#include "graph/components.h"
#include "graph/graph.h"
#include "graph/internal/reference.h"
#include "graph/paths.h"
#include "graph/snapshot.h"

namespace tafkik::graph {
namespace {

// "0->1:2 1->2:1 ..." for each distinct arc (undirected: each edge once).
std::string Render(const Graph& graph) {
  std::ostringstream out;
  for (const Edge& edge : graph.Edges()) {
    out << edge.source << (graph.directed() ? "->" : "-") << edge.target << ":" << edge.weight
        << " ";
  }
  return out.str();
}

Graph Build(NodeIndex n, std::vector<Edge> edges, bool directed = false) {
  Result<Graph> graph = Graph::FromEdges(n, edges, GraphOptions{.directed = directed});
  TAFKIK_CHECK(graph.ok(), graph.status().ToString());
  return std::move(graph).value();
}

TEST(GraphTest, SelfLoopsDropAndParallelEdgesMergeWithSummedWeights) {
  BuildReport report;
  Result<Graph> graph = Graph::FromEdges(
      3, {{0, 1, 2}, {0, 1, 3}, {1, 1, 4}, {1, 2, 1}, {2, 1, 1}}, GraphOptions{.directed = true},
      &report);
  ASSERT_THAT(graph, IsOk());
  EXPECT_EQ(Render(*graph), "0->1:5 1->2:1 2->1:1 ");
  EXPECT_EQ(report.self_loops_dropped, 1);
  EXPECT_EQ(report.parallel_edges_merged, 1);
  EXPECT_EQ(graph->edge_count(), 3);
  EXPECT_TRUE(graph->weighted());
  // Undirected: 1-2 and 2-1 are the same edge.
  Result<Graph> undirected = Graph::FromEdges(
      3, {{0, 1, 2}, {1, 2, 1}, {2, 1, 1}}, GraphOptions{.directed = false}, &report);
  ASSERT_THAT(undirected, IsOk());
  EXPECT_EQ(Render(*undirected), "0-1:2 1-2:2 ");
  EXPECT_EQ(report.parallel_edges_merged, 1);
  EXPECT_EQ(Render(graph->Undirected()), "0-1:5 1-2:2 ");
}

TEST(GraphTest, BadEndsAndWeightsAreRefusedNamingTheEdge) {
  EXPECT_THAT(Graph::FromEdges(2, {{0, 1, 1}, {0, 2, 1}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("edge 1")));
  EXPECT_THAT(Graph::FromEdges(2, {{0, 1, -1}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("weight")));
  EXPECT_THAT(Graph::FromEdges(2, {{0, 1, NAN}}), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(Graph::FromEdges(2, {{0, 1, 0}}), StatusIs(StatusCode::kInvalidArgument));
  Result<Graph> empty = Graph::FromEdges(0, {});
  ASSERT_THAT(empty, IsOk());
  EXPECT_EQ(empty->node_count(), 0);
}

TEST(SnapshotTest, MapsEntityIdsBothWays) {
  SnapshotBuilder builder(GraphOptions{.directed = true});
  builder.AddEdge("phone-a", "phone-b", 3);
  builder.AddNode("phone-c");
  builder.AddEdge("phone-b", "phone-a");
  Result<Snapshot> snapshot = builder.Build();
  ASSERT_THAT(snapshot, IsOk());
  EXPECT_EQ(snapshot->node_count(), 3);
  EXPECT_EQ(snapshot->id(2), "phone-c");
  EXPECT_EQ(snapshot->Find("phone-b"), 1);
  EXPECT_EQ(snapshot->Find("nobody"), std::nullopt);
  EXPECT_THAT(snapshot->Require("nobody"),
              StatusIs(StatusCode::kNotFound, ::testing::HasSubstr("nobody")));
}

TEST(SnapshotTest, NegativeWeightNamesBothEntities) {
  SnapshotBuilder builder;
  builder.AddEdge("acct-1", "acct-2", -50);
  EXPECT_THAT(builder.Build(), StatusIs(StatusCode::kInvalidArgument,
                                        ::testing::HasSubstr("acct-1 -> acct-2")));
}

TEST(ComponentsTest, WeakStrongCoresCutPoints) {
  // 0->1->2->0 cycle, 2->3, 3->4, 4->3; 5 alone.
  Graph graph = Build(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}}, true);
  WeakComponents weak(graph);
  ASSERT_THAT(weak.Run(), IsOk());
  EXPECT_EQ(weak.sizes(), (std::vector<int64_t>{5, 1}));
  StrongComponents strong(graph);
  ASSERT_THAT(strong.Run(), IsOk());
  EXPECT_EQ(strong.sizes(), (std::vector<int64_t>{3, 2, 1}));
  EXPECT_EQ(strong.component(), (std::vector<int32_t>{0, 0, 0, 1, 1, 2}));
  CoreDecomposition cores(graph);
  ASSERT_THAT(cores.Run(), IsOk());
  EXPECT_EQ(cores.core(), (std::vector<int32_t>{2, 2, 2, 1, 1, 0}));
  CutPoints cuts(graph);
  ASSERT_THAT(cuts.Run(), IsOk());
  EXPECT_EQ(cuts.articulation_points(), (std::vector<NodeIndex>{2, 3}));
  ASSERT_EQ(cuts.bridges().size(), 2u);
  EXPECT_EQ(cuts.bridges()[0].source, 2);
  EXPECT_EQ(cuts.bridges()[0].target, 3);
  EXPECT_EQ(cuts.bridges()[1].source, 3);
  EXPECT_EQ(cuts.bridges()[1].target, 4);
}

TEST(PathsTest, AllShortestPathsInOrder) {
  // Two routes of length 2 from 0 to 3, and a longer one.
  Graph graph = Build(6, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 4}, {4, 5}, {5, 3}}, true);
  ShortestPaths paths(graph, 0, 3);
  ASSERT_THAT(paths.Run(), IsOk());
  EXPECT_EQ(paths.distance(), 2);
  EXPECT_EQ(paths.path_count(), 2);
  EXPECT_EQ(paths.paths(), (std::vector<std::vector<NodeIndex>>{{0, 1, 3}, {0, 2, 3}}));
  ShortestPaths back(graph, 3, 0);
  ASSERT_THAT(back.Run(), IsOk());
  EXPECT_FALSE(back.reachable());
  ShortestPaths either_way(graph, 3, 0, PathOptions{.follow_direction = false});
  ASSERT_THAT(either_way.Run(), IsOk());
  EXPECT_EQ(either_way.paths().size(), 2u);
  ShortestPaths capped(graph, 0, 3, PathOptions{.max_paths = 1});
  ASSERT_THAT(capped.Run(), IsOk());
  EXPECT_EQ(capped.paths().size(), 1u);
  EXPECT_TRUE(capped.truncated());
  Graph triangle = Build(3, {{0, 1, 1}, {1, 2, 1}, {0, 2, 5}}, true);
  ShortestPaths weighted(triangle, 0, 2, PathOptions{.weights = WeightUse::kDistance});
  ASSERT_THAT(weighted.Run(), IsOk());
  EXPECT_EQ(weighted.paths(), (std::vector<std::vector<NodeIndex>>{{0, 1, 2}}));
  ShortestPaths outside(graph, 0, 9);
  EXPECT_THAT(outside.Run(), StatusIs(StatusCode::kInvalidArgument));
}

TEST(PathsTest, NeighbourhoodStopsAtHubs) {
  // 0 - 1 (a hub with 4 more contacts) - 2..5; 0 - 6 - 7.
  Graph graph = Build(8, {{0, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {0, 6}, {6, 7}});
  Neighbourhood all(graph, {0}, NeighbourhoodOptions{.hops = 2});
  ASSERT_THAT(all.Run(), IsOk());
  EXPECT_EQ(all.nodes(), (std::vector<NodeIndex>{0, 1, 6, 2, 3, 4, 5, 7}));
  EXPECT_EQ(all.hops(), (std::vector<int>{0, 1, 1, 2, 2, 2, 2, 2}));
  Neighbourhood capped(graph, {0}, NeighbourhoodOptions{.hops = 2, .max_fan_out = 3});
  ASSERT_THAT(capped.Run(), IsOk());
  EXPECT_EQ(capped.nodes(), (std::vector<NodeIndex>{0, 1, 6, 7}));
  EXPECT_EQ(capped.capped(), (std::vector<NodeIndex>{1}));
  Neighbourhood one(graph, {0}, NeighbourhoodOptions{.hops = 1});
  ASSERT_THAT(one.Run(), IsOk());
  EXPECT_EQ(one.nodes(), (std::vector<NodeIndex>{0, 1, 6}));
  Neighbourhood bad(graph, {0}, NeighbourhoodOptions{.hops = -1});
  EXPECT_THAT(bad.Run(), StatusIs(StatusCode::kInvalidArgument));
}

TEST(BetweennessTest, SampledEstimateIsWithinItsStatedBound) {
  const NodeIndex n = 5000;
  Graph graph = testing::RandomGraph(n, 15000, /*directed=*/false, 3);
  Betweenness exact(graph, BetweennessOptions{.normalized = false, .threads = 2});
  ASSERT_THAT(exact.Run(), IsOk());
  const double epsilon = 0.1, delta = 0.1;
  Betweenness sampled(graph, BetweennessOptions{.normalized = false, .threads = 2,
                                                .epsilon = epsilon, .delta = delta, .seed = 5});
  ASSERT_THAT(sampled.Run(), IsOk());
  EXPECT_EQ(sampled.sources(),
            static_cast<int64_t>(std::ceil(std::log(2.0 * n / delta) / (2 * epsilon * epsilon))));
  EXPECT_LT(sampled.sources(), n / 5);
  // The bound is on sum_s delta_s(v) / (n (n - 2)); undirected raw scores are half the sum.
  double worst = 0;
  for (NodeIndex node = 0; node < n; ++node) {
    double error = 2 * std::abs(sampled.scores()[node] - exact.scores()[node]) / (n * (n - 2.0));
    worst = std::max(worst, error);
  }
  EXPECT_LT(worst, epsilon);
  // And the estimate is informative: the top node by the sample is in the exact top 10.
  auto top = [](const std::vector<double>& scores) {
    return std::max_element(scores.begin(), scores.end()) - scores.begin();
  };
  std::vector<double> ranked = exact.scores();
  std::sort(ranked.rbegin(), ranked.rend());
  EXPECT_GE(exact.scores()[top(sampled.scores())], ranked[9]);
}

TEST(BetweennessTest, ThreadCountDoesNotChangeTheResult) {
  Graph graph = testing::RandomGraph(300, 1200, /*directed=*/true, 4);
  Betweenness one(graph, BetweennessOptions{.edges = true, .threads = 1});
  Betweenness four(graph, BetweennessOptions{.edges = true, .threads = 4});
  ASSERT_THAT(one.Run(), IsOk());
  ASSERT_THAT(four.Run(), IsOk());
  for (NodeIndex node = 0; node < 300; ++node) {
    EXPECT_NEAR(one.scores()[node], four.scores()[node], 1e-12);
  }
  for (size_t arc = 0; arc < one.edge_scores().size(); ++arc) {
    EXPECT_NEAR(one.edge_scores()[arc], four.edge_scores()[arc], 1e-12);
  }
}

TEST(CentralityTest, KatzRefusesAnAlphaTooLargeNamingTheLimit) {
  Graph graph = Build(3, {{0, 1}, {1, 2}, {2, 0}}, true);
  KatzCentrality katz(graph, KatzOptions{.alpha = 2});
  EXPECT_THAT(katz.Run(), StatusIs(StatusCode::kFailedPrecondition,
                                   ::testing::HasSubstr("alpha below")));
  Graph no_ties = Build(3, {});
  EigenvectorCentrality empty(no_ties);
  EXPECT_THAT(empty.Run(), StatusIs(StatusCode::kFailedPrecondition));
  PageRank bad(graph, PageRankOptions{.damping = 1});
  EXPECT_THAT(bad.Run(), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::graph
