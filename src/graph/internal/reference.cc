#include "graph/internal/reference.h"

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "core/temp_dir.h"
#include "model/record_sink.h"

namespace tafkik::graph::testing {
namespace {

class SnapshotSink : public model::RecordSink {
 public:
  explicit SnapshotSink(SnapshotBuilder& builder) : builder_(builder) {}
  Status OnEntity(const model::Entity& entity) override {
    builder_.AddNode(entity.id.value());
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    std::string weight = relation.First("weight");
    builder_.AddEdge(relation.source.value(), relation.target.value(),
                     weight.empty() ? 1.0 : std::stod(weight));
    return Status::Ok();
  }
  void OnReject(const model::Reject&) override {}
  Status OnEvidenceFile(const std::string&, const std::string&) override { return Status::Ok(); }

 private:
  SnapshotBuilder& builder_;
};

Result<std::string> RunCommand(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return InternalError("cannot run " + command);
  std::string output;
  char buffer[65536];
  size_t read;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  int status = ::pclose(pipe);
  if (status != 0) return InternalError(command + " failed with status " + std::to_string(status));
  return output;
}

}  // namespace

std::string NetworkPath(const std::string& relative) {
  return std::string(TAFKIK_SOURCE_DIR) + "/../shared/data/networks/" + relative;
}

Result<Snapshot> LoadNetwork(const std::string& relative, exchange::InFormat format,
                             bool directed) {
  SnapshotBuilder builder(GraphOptions{.directed = directed});
  SnapshotSink sink(builder);
  model::Provenance provenance;
  provenance.dataset = "graph-test";
  TAFKIK_RETURN_IF_ERROR(
      exchange::ReadExchangeFile(NetworkPath(relative), format, provenance, sink));
  return builder.Build();
}

Graph RandomGraph(NodeIndex nodes, int64_t edges, bool directed, uint64_t seed, int max_weight) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<NodeIndex> node(0, nodes - 1);
  std::uniform_int_distribution<int> weight(1, max_weight);
  std::vector<Edge> list;
  for (int64_t edge = 0; edge < edges; ++edge) {
    list.push_back({node(random), node(random), static_cast<double>(weight(random))});
  }
  Result<Graph> graph = Graph::FromEdges(nodes, list, GraphOptions{.directed = directed});
  TAFKIK_CHECK(graph.ok(), "random graph builds");
  return std::move(graph).value();
}

Result<std::string> RunPython(const std::string& script, const std::string& input) {
  tafkik::testing::TempDir dir;
  std::ofstream(dir.Sub("script.py")) << script;
  std::ofstream(dir.Sub("input")) << input;
  return RunCommand("/usr/bin/python3 " + dir.Sub("script.py") + " < " + dir.Sub("input"));
}

Result<Json> Reference(const Graph& graph, double katz_alpha) {
  tafkik::testing::TempDir dir;
  {
    std::ofstream out(dir.Sub("edges"));
    out.precision(17);
    out << (graph.directed() ? "directed " : "undirected ") << graph.node_count() << "\n";
    for (const Edge& edge : graph.Edges()) {
      out << edge.source << " " << edge.target << " " << edge.weight << "\n";
    }
  }
  std::ostringstream command;
  command.precision(17);
  command << "/usr/bin/python3 " << TAFKIK_SOURCE_DIR << "/src/graph/testdata/reference.py "
          << dir.Sub("edges") << " " << katz_alpha;
  TAFKIK_ASSIGN_OR_RETURN(std::string output, RunCommand(command.str()));
  return ParseJson(output);
}

}  // namespace tafkik::graph::testing
