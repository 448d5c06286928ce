// Shared by the network readers (matrix, JSON lines, GraphML): turns a file's own node ids and
// edges into entities and relations with stable ids, and sends them to a RecordSink.
// Nodes are held in memory until Flush (network files have thousands of nodes, not millions);
// edges go to the sink as they come, after every node was sent. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "model/entity.h"
#include "model/record_sink.h"

namespace tafkik::exchange::internal {

// Adds `value` to `property` when `schema` declares it and the value validates; otherwise
// keeps it in "notes" as "property=value" so nothing from the file is lost. Returns false
// when the value had to go to notes.
bool AddOrNote(const std::string& schema, model::PropertyMap& properties,
               const std::string& property, const std::string& value,
               const model::Provenance& provenance);

// "3", "2.5", "0.125": the shortest text of a finite number, integers without a point.
std::string FormatNumber(double number);

class NetworkBuilder {
 public:
  NetworkBuilder(const model::Provenance& provenance, model::RecordSink& sink)
      : provenance_(provenance), sink_(sink) {}

  // Declares (or re-declares, merging) the node `file_id`. A re-declaration may upgrade a
  // Person to an Organization or Event (a node the file calls both "player" and "firm").
  model::Entity& Node(const std::string& file_id, const std::string& schema, int64_t row);
  // Names the node `label` instead of its file id (which is the name until then).
  void Label(const std::string& file_id, const std::string& label, int64_t row);
  // False for nodes never declared and for nodes Flush rejected.
  bool HasNode(const std::string& file_id) const {
    return nodes_.contains(file_id) && !rejected_.contains(file_id);
  }
  EntityId IdOf(const std::string& file_id) const;
  const std::string& SchemaOf(const std::string& file_id) const;
  size_t node_count() const { return nodes_.size(); }

  // Sends every node, in declaration order. Call once, before the first Edge.
  Status Flush();

  // Sends one relation between two declared nodes. `key` tells apart parallel edges of one
  // pair (their type and ordinal); the id is stable over the dataset, ends and key.
  Status Edge(const std::string& source, const std::string& target, const std::string& schema,
              const std::string& key, int64_t row, const std::map<std::string, std::string>& props,
              std::optional<Timestamp> start = {}, std::optional<Timestamp> end = {});
  int64_t edge_count() const { return edges_; }

  const model::Provenance& ProvenanceAt(int64_t row) const;

 private:
  // Constant after construction.
  const model::Provenance provenance_;
  model::RecordSink& sink_;

  mutable model::Provenance row_provenance_;
  std::map<std::string, model::Entity> nodes_;
  std::vector<std::string> order_;
  std::map<std::string, int64_t> rows_;  // where each node was first declared
  std::set<std::string> rejected_;
  int64_t edges_ = 0;
};

}  // namespace tafkik::exchange::internal
