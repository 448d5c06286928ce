// Leiden on the networks of ../shared/data/networks and random graphs: the modularity it
// reports equals networkx's for the same partition (1e-9), it is at least igraph's Leiden
// modularity (community_leiden, objective modularity, run to convergence) on each, and every
// community is connected (the Leiden guarantee Louvain lacks).
#include <gtest/gtest.h>

#include <sstream>
#include <variant>

#include "core/status_matchers.h"
#include "graph/components.h"
#include "graph/internal/reference.h"
#include "graph/leiden.h"

namespace tafkik::graph {
namespace {

// Reads "n" then "u v w" lines, then one line of labels; prints networkx's modularity of the
// labels and igraph's best Leiden modularity over 10 seeds.
constexpr char kScript[] = R"(
import sys, random
import networkx as nx, igraph
lines = sys.stdin.read().rstrip("\n").split("\n")
n = int(lines[0])
edges = [l.split() for l in lines[1:-1]]
labels = [int(x) for x in lines[-1].split()]
g = nx.Graph(); g.add_nodes_from(range(n))
for u, v, w in edges: g.add_edge(int(u), int(v), weight=float(w))
groups = {}
for node, label in enumerate(labels): groups.setdefault(label, set()).add(node)
print(repr(nx.community.modularity(g, groups.values(), weight="weight")))
ig = igraph.Graph(n=n, edges=[(int(u), int(v)) for u, v, w in edges])
ig.es["weight"] = [float(w) for u, v, w in edges]
best = -1
for seed in range(10):
    random.seed(seed)
    part = ig.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    best = max(best, ig.modularity(part.membership, weights="weight"))
print(repr(best))
)";

struct Peer {
  double networkx_modularity;
  double igraph_leiden;
};

Peer AskPeers(const Graph& graph, const std::vector<int32_t>& labels) {
  Graph undirected = graph.Undirected();
  std::ostringstream input;
  input.precision(17);
  input << undirected.node_count() << "\n";
  for (const Edge& edge : undirected.Edges()) {
    input << edge.source << " " << edge.target << " " << edge.weight << "\n";
  }
  for (int32_t label : labels) input << label << " ";
  input << "\n";
  Result<std::string> output = testing::RunPython(kScript, input.str());
  TAFKIK_CHECK(output.ok(), output.status().ToString());
  std::istringstream lines(*output);
  Peer peer{};
  lines >> peer.networkx_modularity >> peer.igraph_leiden;
  return peer;
}

// True when every community induces a connected subgraph.
bool CommunitiesConnected(const Graph& graph, const std::vector<int32_t>& community) {
  Graph undirected = graph.Undirected();
  std::vector<Edge> inside;
  for (const Edge& edge : undirected.Edges()) {
    if (community[edge.source] == community[edge.target]) inside.push_back(edge);
  }
  Result<Graph> split = Graph::FromEdges(graph.node_count(), inside, GraphOptions{.directed = false});
  WeakComponents pieces(*split);
  (void)pieces.Run();
  int32_t communities = 0;
  for (int32_t label : community) communities = std::max(communities, label + 1);
  return pieces.count() == communities;
}

struct NetworkCase {
  const char* path;
  exchange::InFormat format;
};

class LeidenNetworkTest : public ::testing::TestWithParam<NetworkCase> {};

void CheckAgainstPeers(const Graph& graph) {
  Leiden leiden(graph);
  ASSERT_THAT(leiden.Run(), IsOk());
  EXPECT_TRUE(CommunitiesConnected(graph, leiden.community()));
  EXPECT_NEAR(leiden.modularity(), Modularity(graph, leiden.community()), 1e-12);
  Peer peer = AskPeers(graph, leiden.community());
  EXPECT_NEAR(leiden.modularity(), peer.networkx_modularity, 1e-9);
  EXPECT_GE(leiden.modularity(), peer.igraph_leiden - 1e-9)
      << "igraph's Leiden found a better partition";
  int64_t total = 0;
  for (int64_t size : leiden.sizes()) total += size;
  EXPECT_EQ(total, graph.node_count());
}

TEST_P(LeidenNetworkTest, ModularityAtLeastIgraphsAndCommunitiesConnected) {
  Result<Snapshot> snapshot =
      testing::LoadNetwork(GetParam().path, GetParam().format, /*directed=*/false);
  ASSERT_THAT(snapshot, IsOk());
  CheckAgainstPeers(snapshot->graph());
}

using exchange::InFormat;
INSTANTIATE_TEST_SUITE_P(
    Networks, LeidenNetworkTest,
    ::testing::Values(
        NetworkCase{"caviar/aggregated/CAVIAR_FULL_directed_weighted.csv",
                    InFormat::kAdjacencyMatrix},
        NetworkCase{"ucinet-covert/morselli_siren.csv", InFormat::kAdjacencyMatrix},
        NetworkCase{"ucinet-covert/LONDON_GANG.csv", InFormat::kAdjacencyMatrix},
        NetworkCase{"ucinet-covert/berlusconietal_oversize.csv", InFormat::kAdjacencyMatrix},
        NetworkCase{"roxanne/noordintop.json", InFormat::kJsonLinesNetwork},
        NetworkCase{"roxanne/israel_lea_case2_speakers.json", InFormat::kJsonLinesNetwork}));

TEST(LeidenTest, RandomGraphs) {
  CheckAgainstPeers(testing::RandomGraph(2000, 8000, /*directed=*/false, 21));
  CheckAgainstPeers(testing::RandomGraph(500, 600, /*directed=*/true, 22));
}

TEST(LeidenTest, TwoCliquesJoinedByOneTieSplitInTwo) {
  std::vector<Edge> edges;
  for (NodeIndex a = 0; a < 5; ++a) {
    for (NodeIndex b = a + 1; b < 5; ++b) {
      edges.push_back({a, b});
      edges.push_back({a + 5, b + 5});
    }
  }
  edges.push_back({4, 5});
  Result<Graph> graph = Graph::FromEdges(10, edges, GraphOptions{.directed = false});
  ASSERT_THAT(graph, IsOk());
  Leiden leiden(*graph);
  ASSERT_THAT(leiden.Run(), IsOk());
  EXPECT_EQ(leiden.community(), (std::vector<int32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
  // Two communities of 10 internal ties each out of 21: 2 * (10/21 - (21/42)^2).
  EXPECT_NEAR(leiden.modularity(), 2 * (10.0 / 21 - 0.25), 1e-12);
}

TEST(LeidenTest, EmptyGraphAndBadResolution) {
  Result<Graph> isolated = Graph::FromEdges(3, {});
  ASSERT_THAT(isolated, IsOk());
  Leiden leiden(*isolated);
  ASSERT_THAT(leiden.Run(), IsOk());
  EXPECT_EQ(leiden.count(), 3);
  EXPECT_EQ(leiden.modularity(), 0);
  Leiden bad(*isolated, LeidenOptions{.resolution = 0});
  EXPECT_THAT(bad.Run(), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::graph
