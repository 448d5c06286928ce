// Side-by-side network kernels: generates scale-free (Barabasi-Albert) and R-MAT edge lists,
// and times Tafkik's kernels on one; bench/graph_peers.py times python3-igraph and
// python3-graph-tool on the same file, and bench/graph_bench.sh prints both with ratios.
//   graph_benchmark generate ba|rmat NODES EDGES SEED OUT
//   graph_benchmark run EDGES_FILE ALGORITHM[,ALGORITHM...] REPETITIONS
// Algorithms: load pagerank components bfs khop betweenness sampled leiden leiden2. Each
// prints "algorithm wall_ms cpu_ms check" (check: a figure that must agree with the peers), then
// "peak_kib N" (getrusage max RSS of the whole run).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "graph/betweenness.h"
#include "graph/centrality.h"
#include "graph/components.h"
#include "graph/leiden.h"
#include "graph/paths.h"

namespace tafkik::graph {
namespace {

std::vector<Edge> BarabasiAlbert(NodeIndex nodes, int64_t edges, std::mt19937_64& random) {
  int per_node = static_cast<int>(std::max<int64_t>(1, edges / nodes));
  std::vector<NodeIndex> ends;  // each node once per tie: preferential attachment
  std::vector<Edge> out;
  for (NodeIndex node = 1; node < nodes; ++node) {
    for (int tie = 0; tie < per_node; ++tie) {
      NodeIndex target = ends.empty() ? 0 : ends[random() % ends.size()];
      if (target == node) continue;
      out.push_back({node, target, 1});
      ends.push_back(node);
      ends.push_back(target);
    }
  }
  return out;
}

std::vector<Edge> Rmat(NodeIndex nodes, int64_t edges, std::mt19937_64& random) {
  int scale = 0;
  while ((NodeIndex{1} << scale) < nodes) ++scale;
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<Edge> out;
  out.reserve(edges);
  while (static_cast<int64_t>(out.size()) < edges) {
    NodeIndex source = 0, target = 0;
    for (int bit = 0; bit < scale; ++bit) {
      double roll = uniform(random);
      int quadrant = roll < 0.57 ? 0 : roll < 0.76 ? 1 : roll < 0.95 ? 2 : 3;
      source = (source << 1) | (quadrant >> 1);
      target = (target << 1) | (quadrant & 1);
    }
    if (source < nodes && target < nodes && source != target) out.push_back({source, target, 1});
  }
  return out;
}

int Generate(const std::string& kind, NodeIndex nodes, int64_t edges, uint64_t seed,
             const std::string& path) {
  std::mt19937_64 random(seed);
  std::vector<Edge> list = kind == "ba" ? BarabasiAlbert(nodes, edges, random)
                                        : Rmat(nodes, edges, random);
  std::ofstream out(path);
  out << nodes << "\n";
  for (const Edge& edge : list) out << edge.source << " " << edge.target << "\n";
  return 0;
}

Graph Load(const std::string& path) {
  std::ifstream in(path);
  NodeIndex nodes = 0;
  in >> nodes;
  std::vector<Edge> edges;
  NodeIndex source, target;
  while (in >> source >> target) edges.push_back({source, target, 1});
  Result<Graph> graph = Graph::FromEdges(nodes, edges, GraphOptions{.directed = false});
  TAFKIK_CHECK(graph.ok(), graph.status().ToString());
  return std::move(graph).value();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Times `body` `repetitions` times; prints the median wall and CPU (all threads) times in ms
// and the check figure. CPU time is the fairer figure on a machine shared with other work.
void Report(const std::string& name, int repetitions, const std::function<double()>& body) {
  std::vector<double> wall, cpu;
  double check = 0;
  for (int rep = 0; rep < repetitions; ++rep) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    check = body();
    cpu.push_back(1000.0 * (std::clock() - cpu_start) / CLOCKS_PER_SEC);
    wall.push_back(
        1000 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%s %.3f %.3f %.10g\n", name.c_str(), Median(wall), Median(cpu), check);
  std::fflush(stdout);
}

double Max(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

void RunAlgorithm(const std::string& name, const Graph& graph, int repetitions) {
  if (name == "pagerank") {
    Report(name, repetitions, [&] {
      PageRank pagerank(graph, {.weighted = false, .tolerance = 1e-10});
      (void)pagerank.Run();
      return Max(pagerank.scores());
    });
  } else if (name == "components") {
    Report(name, repetitions, [&] {
      WeakComponents components(graph);
      (void)components.Run();
      return static_cast<double>(components.count());
    });
  } else if (name == "bfs") {
    Report(name, repetitions, [&] {
      std::vector<int32_t> distance = BfsDistances(graph, 0);
      return static_cast<double>(std::count_if(distance.begin(), distance.end(),
                                                [](int32_t d) { return d >= 0; }));
    });
  } else if (name == "khop") {
    Report(name, repetitions, [&] {
      Neighbourhood around(graph, {0}, {.hops = 2});
      (void)around.Run();
      return static_cast<double>(around.nodes().size());
    });
  } else if (name == "betweenness") {
    Report(name, repetitions, [&] {
      Betweenness betweenness(graph, {.threads = 2});
      (void)betweenness.Run();
      return Max(betweenness.scores());
    });
  } else if (name == "sampled") {
    Report(name, repetitions, [&] {
      Betweenness betweenness(graph, {.threads = 2, .epsilon = 0.1, .delta = 0.1});
      (void)betweenness.Run();
      return static_cast<double>(betweenness.sources());
    });
  } else if (name == "leiden" || name == "leiden2") {
    // leiden: until an iteration gains < 1e-6; leiden2: two iterations, igraph's default.
    Report(name, repetitions, [&] {
      Leiden leiden(graph, {.weighted = false, .iterations = name == "leiden2" ? 2 : 0});
      (void)leiden.Run();
      return leiden.modularity();
    });
  }
}

int Run(const std::string& path, const std::string& algorithms, int repetitions) {
  Graph graph;
  Report("load", 1, [&] {
    graph = Load(path);
    return static_cast<double>(graph.edge_count());
  });
  std::stringstream names(algorithms);
  for (std::string name; std::getline(names, name, ',');) RunAlgorithm(name, graph, repetitions);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_kib %ld\n", usage.ru_maxrss);
  return 0;
}

}  // namespace
}  // namespace tafkik::graph

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 6 && args[0] == "generate") {
    return tafkik::graph::Generate(args[1], std::stoi(args[2]), std::stoll(args[3]),
                                   std::stoull(args[4]), args[5]);
  }
  if (args.size() == 4 && args[0] == "run") {
    return tafkik::graph::Run(args[1], args[2], std::stoi(args[3]));
  }
  std::cerr << "usage: graph_benchmark generate ba|rmat NODES EDGES SEED OUT\n"
               "       graph_benchmark run EDGES_FILE ALGORITHMS REPETITIONS\n";
  return 2;
}
