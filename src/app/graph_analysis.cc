#include "app/graph_analysis.h"

#include <algorithm>
#include <numeric>

#include "core/time.h"
#include "graph/activity.h"
#include "graph/betweenness.h"
#include "graph/centrality.h"
#include "graph/components.h"
#include "graph/disruption.h"
#include "graph/leiden.h"
#include "graph/paths.h"

namespace tafkik::app {
namespace {

using graph::NodeIndex;

Json EntityJson(const NamedNode& named) {
  return Json{{"id", named.id}, {"schema", named.schema}, {"caption", named.caption}};
}

// Names `nodes` (victims' reads recorded) and returns their JSON in the same order.
Result<std::vector<Json>> Entities(store::Store& store, const store::Actor& actor,
                                   const graph::Snapshot& snapshot,
                                   const std::vector<NodeIndex>& nodes, const std::string& via) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<NamedNode> named,
                          NameNodes(store, actor, snapshot, nodes, via));
  std::vector<Json> out;
  for (const NamedNode& node : named) out.push_back(EntityJson(node));
  return out;
}

Result<graph::WeightUse> ParseLengths(const std::string& lengths) {
  if (lengths == "hops") return graph::WeightUse::kIgnore;
  if (lengths == "strength") return graph::WeightUse::kStrength;
  if (lengths == "distance") return graph::WeightUse::kDistance;
  return InvalidArgumentError("lengths '" + lengths + "': use hops, strength or distance");
}

Result<std::vector<double>> Scores(const graph::Graph& graph, const CentralityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(graph::WeightUse lengths, ParseLengths(request.lengths));
  const std::string& measure = request.measure;
  if (measure == "degree" || measure == "strength") {
    graph::DegreeCentrality degree(graph);
    TAFKIK_RETURN_IF_ERROR(degree.Run());
    std::vector<double> scores(graph.node_count());
    for (NodeIndex node = 0; node < graph.node_count(); ++node) {
      scores[node] = measure == "degree"
                         ? degree.out_degree()[node] + (graph.directed() ? degree.in_degree()[node] : 0)
                         : degree.out_strength()[node] + (graph.directed() ? degree.in_strength()[node] : 0);
    }
    return scores;
  }
  if (measure == "pagerank") {
    graph::PageRank pagerank(graph);
    TAFKIK_RETURN_IF_ERROR(pagerank.Run());
    return pagerank.scores();
  }
  if (measure == "betweenness") {
    graph::Betweenness betweenness(graph, {.weights = lengths, .epsilon = request.epsilon});
    TAFKIK_RETURN_IF_ERROR(betweenness.Run());
    return betweenness.scores();
  }
  if (measure == "closeness" || measure == "harmonic") {
    graph::Closeness closeness(graph, {.weights = lengths});
    TAFKIK_RETURN_IF_ERROR(closeness.Run());
    return measure == "closeness" ? closeness.closeness() : closeness.harmonic();
  }
  if (measure == "eigenvector") {
    graph::EigenvectorCentrality eigenvector(graph);
    TAFKIK_RETURN_IF_ERROR(eigenvector.Run());
    return eigenvector.scores();
  }
  if (measure == "katz") {
    double radius = graph::SpectralRadius(graph, /*weighted=*/true);
    graph::KatzCentrality katz(graph, {.alpha = radius > 0 ? std::min(0.1, 0.9 / radius) : 0.1});
    TAFKIK_RETURN_IF_ERROR(katz.Run());
    return katz.scores();
  }
  if (measure == "core") {
    graph::CoreDecomposition cores(graph);
    TAFKIK_RETURN_IF_ERROR(cores.Run());
    return std::vector<double>(cores.core().begin(), cores.core().end());
  }
  return InvalidArgumentError("unknown measure '" + measure +
                              "': use degree, strength, pagerank, betweenness, closeness, "
                              "harmonic, eigenvector, katz or core");
}

// Node indexes by descending score (ties: snapshot order), at most `count`.
std::vector<NodeIndex> Ranked(const std::vector<double>& scores, int64_t count) {
  std::vector<NodeIndex> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  count = std::min<int64_t>(count, static_cast<int64_t>(order.size()));
  std::partial_sort(order.begin(), order.begin() + count, order.end(), [&](NodeIndex a, NodeIndex b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  });
  order.resize(count);
  return order;
}

Json ReportJson(const NetworkReport& report) {
  return Json{{"relations_read", report.relations_read},
              {"relations_without_weight", report.relations_without_weight},
              {"relations_with_zero_weight", report.relations_with_zero_weight},
              {"ties_below_min_weight", report.ties_below_min_weight},
              {"self_loops_dropped", report.build.self_loops_dropped},
              {"parallel_ties_merged", report.build.parallel_edges_merged}};
}

Json FragmentationJson(const graph::Fragmentation& state) {
  return Json{{"largest", state.largest}, {"components", state.components},
              {"pairwise", state.pairwise}};
}

}  // namespace

Result<Json> NetworkStats(store::Store& store, const store::Actor& /*actor*/,
                          const NetworkFilter& filter) {
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  const graph::Graph& graph = network.snapshot.graph();
  double n = graph.node_count();
  double pairs = graph.directed() ? n * (n - 1) : n * (n - 1) / 2;
  graph::WeakComponents weak(graph);
  graph::StrongComponents strong(graph);
  graph::CoreDecomposition cores(graph);
  graph::CutPoints cuts(graph);
  graph::Leiden leiden(graph);
  for (Status status : {weak.Run(), strong.Run(), cores.Run(), cuts.Run(), leiden.Run()}) {
    TAFKIK_RETURN_IF_ERROR(status);
  }
  return Json{
      {"network", {{"nodes", graph.node_count()}, {"edges", graph.edge_count()},
                   {"directed", graph.directed()}, {"weighted", graph.weighted()},
                   {"density", pairs > 0 ? graph.edge_count() / pairs : 0.0}}},
      {"components", {{"weak", weak.count()}, {"largest_weak", weak.sizes()[0]},
                      {"strong", strong.count()}, {"largest_strong", strong.sizes()[0]}}},
      {"structure", {{"max_core", cores.max_core()},
                     {"articulation_points", cuts.articulation_points().size()},
                     {"bridges", cuts.bridges().size()}}},
      {"communities", {{"count", leiden.count()}, {"modularity", leiden.modularity()}}},
      {"report", ReportJson(network.report)}};
}

Result<Json> NetworkCentrality(store::Store& store, const store::Actor& actor,
                               const NetworkFilter& filter, const CentralityRequest& request) {
  if (request.top < 1) return InvalidArgumentError("top must be at least 1");
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<double> scores, Scores(network.snapshot.graph(), request));
  std::vector<NodeIndex> top = Ranked(scores, request.top);
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Json> entities,
                          Entities(store, actor, network.snapshot, top, "network.centrality"));
  Json rows = Json::array();
  for (size_t rank = 0; rank < top.size(); ++rank) {
    rows.push_back({{"rank", rank + 1}, {"entity", entities[rank]}, {"score", scores[top[rank]]}});
  }
  return Json{{"measure", request.measure}, {"lengths", request.lengths},
              {"nodes", network.snapshot.node_count()}, {"scores", rows}};
}

Result<Json> NetworkCommunities(store::Store& store, const store::Actor& actor,
                                const NetworkFilter& filter, const CommunitiesRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  const graph::Graph& graph = network.snapshot.graph();
  graph::Leiden leiden(graph, {.resolution = request.resolution, .seed = request.seed});
  TAFKIK_RETURN_IF_ERROR(leiden.Run());
  graph::DegreeCentrality degree(graph);
  TAFKIK_RETURN_IF_ERROR(degree.Run());
  // Members of each community by degree, highest first.
  std::vector<std::vector<NodeIndex>> members(leiden.count());
  for (NodeIndex node : Ranked(degree.out_degree(), graph.node_count())) {
    auto& list = members[leiden.community()[node]];
    if (static_cast<int64_t>(list.size()) < request.members) list.push_back(node);
  }
  Json communities = Json::array();
  for (int64_t community = 0; community < leiden.count(); ++community) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<Json> named,
                            Entities(store, actor, network.snapshot, members[community],
                                     "network.communities"));
    communities.push_back({{"community", community},
                           {"size", leiden.sizes()[community]},
                           {"members", named}});
  }
  return Json{{"modularity", leiden.modularity()}, {"resolution", request.resolution},
              {"communities", communities}};
}

Result<Json> NetworkPath(store::Store& store, const store::Actor& actor,
                         const NetworkFilter& filter, const PathRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(graph::WeightUse lengths, ParseLengths(request.lengths));
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  TAFKIK_ASSIGN_OR_RETURN(NodeIndex from, network.snapshot.Require(request.from));
  TAFKIK_ASSIGN_OR_RETURN(NodeIndex to, network.snapshot.Require(request.to));
  graph::ShortestPaths paths(network.snapshot.graph(), from, to,
                             {.weights = lengths, .max_paths = request.all ? request.max_paths : 1});
  TAFKIK_RETURN_IF_ERROR(paths.Run());
  Json list = Json::array();
  for (const std::vector<NodeIndex>& path : paths.paths()) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<Json> named,
                            Entities(store, actor, network.snapshot, path, "network.path"));
    list.push_back(named);
  }
  Json out{{"reachable", paths.reachable()}, {"path_count", paths.path_count()},
           {"paths", list}, {"truncated", paths.truncated()}};
  if (paths.reachable()) out["distance"] = paths.distance();
  return out;
}

Result<Json> NetworkNeighbours(store::Store& store, const store::Actor& actor,
                               const NetworkFilter& filter, const NeighboursRequest& request) {
  if (request.entities.empty()) return InvalidArgumentError("name at least one entity");
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  std::vector<NodeIndex> seeds;
  for (const std::string& id : request.entities) {
    TAFKIK_ASSIGN_OR_RETURN(NodeIndex seed, network.snapshot.Require(id));
    seeds.push_back(seed);
  }
  const graph::Graph& graph = network.snapshot.graph();
  graph::Neighbourhood around(graph, seeds,
                              {.hops = request.hops, .max_fan_out = request.max_fan_out,
                               .max_nodes = request.max_nodes});
  TAFKIK_RETURN_IF_ERROR(around.Run());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Json> named, Entities(store, actor, network.snapshot,
                                                            around.nodes(), "network.neighbours"));
  Json nodes = Json::array();
  for (size_t at = 0; at < named.size(); ++at) {
    NodeIndex node = around.nodes()[at];
    int64_t degree = graph.OutDegree(node) + (graph.directed() ? graph.InDegree(node) : 0);
    nodes.push_back({{"entity", named[at]}, {"hops", around.hops()[at]}, {"degree", degree}});
  }
  Json capped = Json::array();
  for (NodeIndex node : around.capped()) capped.push_back(network.snapshot.id(node));
  return Json{{"nodes", nodes}, {"capped", capped}, {"truncated", around.truncated()}};
}

Result<Json> NetworkActivity(store::Store& store, const store::Actor& actor,
                             const ActivityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Timestamp> times,
                          ActivityTimes(store, actor, request.entities, request.schemata,
                                        request.since, request.until));
  Timestamp reference = times.empty() ? Timestamp::Now() : times.front();
  TAFKIK_ASSIGN_OR_RETURN(int offset, UtcOffsetSeconds(reference, request.zone));
  TAFKIK_ASSIGN_OR_RETURN(graph::ActivityMatrix matrix, graph::BuildActivityMatrix(times, offset));
  Json counts = Json::array();
  for (const auto& day : matrix.counts) counts.push_back(day);
  Json out{{"zone", request.zone}, {"utc_offset_seconds", offset}, {"total", matrix.total},
           {"counts", counts}};
  if (matrix.total > 0) out["peak"] = {{"weekday", matrix.peak_weekday}, {"hour", matrix.peak_hour}};
  return out;
}

Result<Json> NetworkDisrupt(store::Store& store, const store::Actor& actor,
                            const NetworkFilter& filter, const DisruptRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(graph::Strategy strategy, graph::ParseStrategy(request.strategy));
  if (request.connectivity != "weak" && request.connectivity != "strong") {
    return InvalidArgumentError("connectivity '" + request.connectivity + "': use weak or strong");
  }
  TAFKIK_ASSIGN_OR_RETURN(Network network, LoadNetwork(store, filter));
  const graph::Graph& graph = network.snapshot.graph();
  graph::DisruptionPlanner planner(
      graph, {.k = request.k, .strategy = strategy,
              .connectivity = request.connectivity == "strong" ? graph::Connectivity::kStrong
                                                               : graph::Connectivity::kWeak,
              .block = request.block});
  TAFKIK_RETURN_IF_ERROR(planner.Run());
  graph::Leiden leiden(graph);
  TAFKIK_RETURN_IF_ERROR(leiden.Run());
  std::vector<NodeIndex> chosen;
  for (const graph::Removal& removal : planner.removals()) chosen.push_back(removal.node);
  TAFKIK_ASSIGN_OR_RETURN(std::vector<Json> named,
                          Entities(store, actor, network.snapshot, chosen, "network.disrupt"));
  Json removals = Json::array();
  for (size_t at = 0; at < chosen.size(); ++at) {
    const graph::Removal& removal = planner.removals()[at];
    std::vector<int32_t> bridged = graph::BridgedCommunities(graph, removal.node, leiden.community());
    Json row = FragmentationJson(removal.after);
    row["entity"] = named[at];
    row["largest_fraction"] = removal.largest_fraction;
    row["bridges"] = bridged;
    removals.push_back(row);
  }
  Json out{{"strategy", graph::StrategyName(strategy)}, {"connectivity", request.connectivity},
           {"before", FragmentationJson(planner.before())}, {"removals", removals},
           {"communities", leiden.count()}};
  if (strategy == graph::Strategy::kOptimised) {
    out["seeded_from"] = graph::StrategyName(planner.seeded_from());
    out["exhaustive"] = planner.exhaustive();
  }
  return out;
}

}  // namespace tafkik::app
