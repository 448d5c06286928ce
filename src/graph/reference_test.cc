// Every centrality and structural measure against networkx (and igraph's PRPACK PageRank) on
// the published criminal networks of ../shared/data/networks and on random graphs, to 1e-9
// (relative to the value's magnitude when it exceeds 1). The reference values are computed
// at test time by testdata/reference.py under /usr/bin/python3.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <variant>

#include "graph/betweenness.h"
#include "graph/centrality.h"
#include "graph/components.h"
#include "graph/internal/reference.h"

namespace tafkik::graph {
namespace {

constexpr double kTolerance = 1e-9;

struct FileCase {
  const char* path;
  exchange::InFormat format;
  bool directed;
};
struct RandomCase {
  NodeIndex nodes;
  int64_t edges;
  bool directed;
  uint64_t seed;
};
using Case = std::variant<FileCase, RandomCase>;

std::string Name(const Case& c) {
  if (const auto* file = std::get_if<FileCase>(&c)) return file->path;
  const auto& random = std::get<RandomCase>(c);
  return "random n=" + std::to_string(random.nodes) + " m=" + std::to_string(random.edges) +
         (random.directed ? " directed" : " undirected");
}

Graph Load(const Case& c) {
  if (const auto* file = std::get_if<FileCase>(&c)) {
    Result<Snapshot> snapshot = testing::LoadNetwork(file->path, file->format, file->directed);
    TAFKIK_CHECK(snapshot.ok(), snapshot.status().ToString());
    return snapshot->graph();
  }
  const auto& random = std::get<RandomCase>(c);
  return testing::RandomGraph(random.nodes, random.edges, random.directed, random.seed);
}

void ExpectClose(const std::vector<double>& actual, const Json& expected, const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t node = 0; node < actual.size(); ++node) {
    double want = expected[node].get<double>();
    EXPECT_NEAR(actual[node], want, kTolerance * std::max(1.0, std::abs(want)))
        << what << " of node " << node;
  }
}

// Partitions are equal when they group the same nodes (labels may differ).
void ExpectSamePartition(const std::vector<int32_t>& actual, const Json& expected,
                         const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  std::map<int32_t, int64_t> forward;
  std::map<int64_t, int32_t> backward;
  for (size_t node = 0; node < actual.size(); ++node) {
    int64_t want = expected[node].get<int64_t>();
    auto [slot, added] = forward.try_emplace(actual[node], want);
    auto [back, back_added] = backward.try_emplace(want, actual[node]);
    EXPECT_EQ(slot->second, want) << what << ": node " << node;
    EXPECT_EQ(back->second, actual[node]) << what << ": node " << node;
  }
}

class ReferenceTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    graph_ = Load(GetParam());
    double radius = SpectralRadius(graph_, /*weighted=*/true);
    katz_alpha_ = radius > 0 ? 0.5 / radius : 0.1;
    Result<Json> reference = testing::Reference(graph_, katz_alpha_);
    ASSERT_TRUE(reference.ok()) << reference.status().ToString();
    reference_ = std::move(reference).value();
  }
  Graph graph_;
  double katz_alpha_ = 0.1;
  Json reference_;
};

void PageRankMatchesNetworkxAndIgraph(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  PageRank weighted(graph);
  ASSERT_TRUE(weighted.Run().ok());
  ExpectClose(weighted.scores(), reference["pagerank_nx"], "networkx PageRank");
  ExpectClose(weighted.scores(), reference["pagerank_igraph"], "igraph PageRank");
  PageRank unweighted(graph, PageRankOptions{.weighted = false});
  ASSERT_TRUE(unweighted.Run().ok());
  ExpectClose(unweighted.scores(), reference["pagerank_nx_unweighted"], "unweighted PageRank");
}

void BetweennessMatchesNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  Betweenness normalized(graph, BetweennessOptions{.threads = 2});
  ASSERT_TRUE(normalized.Run().ok());
  ExpectClose(normalized.scores(), reference["betweenness"], "betweenness");
  Betweenness raw(graph, BetweennessOptions{.normalized = false, .threads = 1});
  ASSERT_TRUE(raw.Run().ok());
  ExpectClose(raw.scores(), reference["betweenness_raw"], "raw betweenness");
  Betweenness weighted(graph, BetweennessOptions{.weights = WeightUse::kDistance, .threads = 2});
  ASSERT_TRUE(weighted.Run().ok());
  ExpectClose(weighted.scores(), reference["betweenness_weighted"], "weighted betweenness");
}

void EdgeBetweennessMatchesNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  Betweenness betweenness(graph, BetweennessOptions{.edges = true, .threads = 2});
  ASSERT_TRUE(betweenness.Run().ok());
  const Json& expected = reference["edge_betweenness"];
  ASSERT_EQ(static_cast<int64_t>(expected.size()), graph.edge_count());
  for (const Json& row : expected) {
    NodeIndex source = row[0].get<NodeIndex>(), target = row[1].get<NodeIndex>();
    auto targets = graph.OutNeighbours(source);
    auto at = std::lower_bound(targets.begin(), targets.end(), target);
    ASSERT_TRUE(at != targets.end() && *at == target) << source << "->" << target;
    int64_t arc = graph.ArcBegin(source) + (at - targets.begin());
    double want = row[2].get<double>();
    EXPECT_NEAR(betweenness.edge_scores()[arc], want, kTolerance) << source << "->" << target;
  }
}

void ClosenessAndHarmonicMatchNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  Closeness hops(graph, ClosenessOptions{.threads = 2});
  ASSERT_TRUE(hops.Run().ok());
  ExpectClose(hops.closeness(), reference["closeness"], "closeness");
  ExpectClose(hops.harmonic(), reference["harmonic"], "harmonic");
  Closeness weighted(graph, ClosenessOptions{.weights = WeightUse::kDistance});
  ASSERT_TRUE(weighted.Run().ok());
  ExpectClose(weighted.closeness(), reference["closeness_weighted"], "weighted closeness");
}

void DegreeMatchesNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  DegreeCentrality degree(graph);
  ASSERT_TRUE(degree.Run().ok());
  ExpectClose(degree.normalized(), reference["degree_centrality"], "degree centrality");
}

void EigenvectorOnLargestStrongComponentMatchesNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  if (!reference.contains("eigenvector_core")) return;
  StrongComponents components(graph);
  ASSERT_TRUE(components.Run().ok());
  std::vector<NodeIndex> local(graph.node_count(), -1);
  NodeIndex count = 0;
  for (NodeIndex node = 0; node < graph.node_count(); ++node) {
    if (components.component()[node] == 0) local[node] = count++;
  }
  std::vector<Edge> edges;
  for (const Edge& edge : graph.Edges()) {
    if (local[edge.source] >= 0 && local[edge.target] >= 0) edges.push_back({local[edge.source], local[edge.target], edge.weight});
  }
  Result<Graph> core = Graph::FromEdges(count, edges, GraphOptions{.directed = graph.directed()});
  ASSERT_TRUE(core.ok());
  EigenvectorCentrality eigenvector(*core);
  ASSERT_TRUE(eigenvector.Run().ok());
  const Json& expected = reference["eigenvector_core"];
  ASSERT_EQ(static_cast<NodeIndex>(expected.size()), count);
  for (const Json& row : expected) {
    NodeIndex node = row[0].get<NodeIndex>();
    ASSERT_GE(local[node], 0) << "networkx's largest component differs at node " << node;
    EXPECT_NEAR(eigenvector.scores()[local[node]], row[1].get<double>(), kTolerance)
        << "eigenvector of node " << node;
  }
}

void KatzMatchesNetworkx(const Graph& graph, const Json& reference,
    double katz_alpha) {
  if (graph.arc_count() == 0) return;
  KatzCentrality katz(graph, KatzOptions{.alpha = katz_alpha});
  ASSERT_TRUE(katz.Run().ok());
  ExpectClose(katz.scores(), reference["katz"], "Katz");
}

void StructureMatchesNetworkx(const Graph& graph, const Json& reference,
    double /*katz_alpha*/) {
  CoreDecomposition cores(graph);
  ASSERT_TRUE(cores.Run().ok());
  std::vector<double> core(cores.core().begin(), cores.core().end());
  ExpectClose(core, reference["core_number"], "core number");
  CutPoints cuts(graph);
  ASSERT_TRUE(cuts.Run().ok());
  std::vector<NodeIndex> expected_points = reference["articulation_points"];
  EXPECT_EQ(cuts.articulation_points(), expected_points);
  std::vector<std::vector<NodeIndex>> bridges;
  for (const Edge& bridge : cuts.bridges()) bridges.push_back({bridge.source, bridge.target});
  std::vector<std::vector<NodeIndex>> expected_bridges = reference["bridges"];
  EXPECT_EQ(bridges, expected_bridges);
  WeakComponents weak(graph);
  ASSERT_TRUE(weak.Run().ok());
  ExpectSamePartition(weak.component(), reference["wcc"], "weak components");
  if (graph.directed()) {
    StrongComponents strong(graph);
    ASSERT_TRUE(strong.Run().ok());
    ExpectSamePartition(strong.component(), reference["scc"], "strong components");
  }
}

// One test per network: one Python run computes every reference value.
TEST_P(ReferenceTest, EveryMeasureMatches) {
  SCOPED_TRACE(Name(GetParam()));
  using Check = void (*)(const Graph&, const Json&, double);
  const std::pair<const char*, Check> checks[] = {
      {"PageRank", &PageRankMatchesNetworkxAndIgraph},
      {"betweenness", &BetweennessMatchesNetworkx},
      {"edge betweenness", &EdgeBetweennessMatchesNetworkx},
      {"closeness", &ClosenessAndHarmonicMatchNetworkx},
      {"degree", &DegreeMatchesNetworkx},
      {"eigenvector", &EigenvectorOnLargestStrongComponentMatchesNetworkx},
      {"Katz", &KatzMatchesNetworkx},
      {"structure", &StructureMatchesNetworkx}};
  for (const auto& [name, check] : checks) {
    SCOPED_TRACE(name);
    check(graph_, reference_, katz_alpha_);
  }
}

using exchange::InFormat;
constexpr InFormat kMatrix = InFormat::kAdjacencyMatrix;
constexpr InFormat kJsonl = InFormat::kJsonLinesNetwork;

INSTANTIATE_TEST_SUITE_P(
    Networks, ReferenceTest,
    ::testing::Values(
        Case{FileCase{"caviar/aggregated/CAVIAR_FULL_directed_weighted.csv", kMatrix, true}},
        Case{FileCase{"caviar/aggregated/CAVIAR_FULL_Undirected_anastasiadis2024.csv", kMatrix,
                      false}},
        Case{FileCase{"caviar/phases/phase6.csv", kMatrix, true}},
        Case{FileCase{"ucinet-covert/morselli_siren.csv", kMatrix, false}},
        Case{FileCase{"ucinet-covert/natajaran_cocaine.csv", kMatrix, true}},
        Case{FileCase{"ucinet-covert/MONTREALGANG.csv", kMatrix, false}},
        Case{FileCase{"roxanne/noordintop.json", kJsonl, false}},
        Case{FileCase{"roxanne/madoff.json", kJsonl, true}},
        Case{FileCase{"roxanne/israel_lea_case1_speakers.json", kJsonl, true}}));

INSTANTIATE_TEST_SUITE_P(
    Random, ReferenceTest,
    ::testing::Values(Case{RandomCase{200, 700, true, 7}}, Case{RandomCase{300, 900, false, 8}},
                      Case{RandomCase{150, 110, false, 9}}, Case{RandomCase{120, 150, true, 10}}));

}  // namespace
}  // namespace tafkik::graph
