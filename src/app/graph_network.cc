#include "app/graph_network.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_set>

#include "app/internal/properties.h"
#include "app/internal/victim_reads.h"
#include "core/time.h"
#include "model/caption.h"

namespace tafkik::app {
namespace {

constexpr int64_t kPage = 20000;

const std::vector<std::string>& DefaultSchemata() {
  static const std::vector<std::string> schemata{
      "Call",        "Message",     "Meeting",       "Payment",    "Associate", "Family",
      "UnknownLink", "Recruitment", "Exploitation", "Membership", "Employment"};
  return schemata;
}

using internal::OptionalTime;

// The relation's weight under `weight_by`, or nullopt when it has none usable.
std::optional<double> WeightOf(const model::Relation& relation, const std::string& weight_by) {
  std::string text;
  if (weight_by == "count") {
    text = relation.First("weight");
    if (text.empty()) return 1.0;
  } else if (weight_by == "duration") {
    text = relation.First("duration");
  } else {
    text = relation.First("amountEur");
  }
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  return value;
}

struct Loader {
  const NetworkFilter& filter;
  std::set<std::string> schemata;
  std::unordered_set<std::string> members;  // empty: no case
  std::unordered_set<std::string> seen;     // relation ids, when a case is read per member
  graph::SnapshotBuilder builder;
  NetworkReport report;

  void Visit(const model::Relation& relation) {
    if (!schemata.count(relation.schema)) return;
    if (!members.empty()) {
      if (!seen.insert(relation.id.value()).second) return;
      bool source_in = members.count(relation.source.value()) > 0;
      bool target_in = members.count(relation.target.value()) > 0;
      if (!(source_in && target_in) && !(filter.case_contacts && (source_in || target_in))) return;
    }
    ++report.relations_read;
    std::optional<double> weight = WeightOf(relation, filter.weight_by);
    if (!weight) {
      ++report.relations_without_weight;
      return;
    }
    if (*weight == 0) {
      ++report.relations_with_zero_weight;
      return;
    }
    builder.AddEdge(relation.source.value(), relation.target.value(), *weight);
  }
};

std::string Describe(const NetworkFilter& filter) {
  std::string text = filter.case_reference.empty() ? "the workspace" : "case " + filter.case_reference;
  if (!filter.since.empty()) text += " since " + filter.since;
  if (!filter.until.empty()) text += " until " + filter.until;
  if (filter.min_weight > 0) text += " with min weight " + std::to_string(filter.min_weight);
  return text;
}

// Drops ties lighter than min_weight (nodes stay).
Result<graph::Snapshot> DropLightTies(graph::Snapshot snapshot, double min_weight,
                                      NetworkReport& report) {
  if (min_weight <= 0) return snapshot;
  graph::SnapshotBuilder builder(graph::GraphOptions{.directed = snapshot.graph().directed()});
  for (const std::string& id : snapshot.ids()) builder.AddNode(id);
  for (const graph::Edge& edge : snapshot.graph().Edges()) {
    if (edge.weight < min_weight) {
      ++report.ties_below_min_weight;
      continue;
    }
    builder.AddEdge(snapshot.id(edge.source), snapshot.id(edge.target), edge.weight);
  }
  return builder.Build();
}

}  // namespace

Status ForEachRelation(store::Store& store, store::RelationQuery query,
                       const std::function<void(const model::Relation&)>& visit) {
  query.limit = kPage;
  query.offset = 0;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> page, store.ListRelations(query));
    for (const model::Relation& relation : page) visit(relation);
    if (static_cast<int64_t>(page.size()) < kPage) return Status::Ok();
    std::optional<Timestamp> last = page.back().start;
    if (!last) {
      query.offset += kPage;
      continue;
    }
    int64_t same = 0;
    for (auto it = page.rbegin(); it != page.rend() && it->start == last; ++it) ++same;
    query.offset = query.from == last ? query.offset + same : same;
    query.from = last;
  }
}

Result<Network> LoadNetwork(store::Store& store, const NetworkFilter& filter) {
  if (filter.weight_by != "count" && filter.weight_by != "duration" && filter.weight_by != "amount") {
    return InvalidArgumentError("weight by '" + filter.weight_by +
                                "': use count, duration or amount");
  }
  if (!(filter.min_weight >= 0)) return InvalidArgumentError("min weight must be 0 or more");
  Loader loader{filter, {}, {}, {}, graph::SnapshotBuilder(graph::GraphOptions{.directed = filter.directed}), {}};
  for (const std::string& name : filter.schemata.empty() ? DefaultSchemata() : filter.schemata) {
    TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                            internal::FindSchema(name, /*relation=*/true));
    loader.schemata.insert(schema->name);
  }
  store::RelationQuery query;
  TAFKIK_ASSIGN_OR_RETURN(query.from, OptionalTime("since", filter.since));
  TAFKIK_ASSIGN_OR_RETURN(query.to, OptionalTime("until", filter.until));
  if (loader.schemata.size() == 1) query.schema = *loader.schemata.begin();
  auto visit = [&loader](const model::Relation& relation) { loader.Visit(relation); };
  if (filter.case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(ForEachRelation(store, query, visit));
  } else {
    TAFKIK_ASSIGN_OR_RETURN(model::Case found, store.GetCase(filter.case_reference));
    for (const model::CaseMember& member : found.members) {
      loader.members.insert(member.entity.value());
      loader.builder.AddNode(member.entity.value());
    }
    for (const model::CaseMember& member : found.members) {
      store::RelationQuery around = query;
      around.either_end = member.entity;
      TAFKIK_RETURN_IF_ERROR(ForEachRelation(store, around, visit));
    }
  }
  Network network;
  network.report = loader.report;
  TAFKIK_ASSIGN_OR_RETURN(graph::Snapshot built, loader.builder.Build());
  network.report.build = built.report();
  TAFKIK_ASSIGN_OR_RETURN(network.snapshot,
                          DropLightTies(std::move(built), filter.min_weight, network.report));
  if (network.snapshot.node_count() == 0) {
    return FailedPreconditionError("the filter leaves an empty network: no ties in " +
                                   Describe(filter));
  }
  return network;
}

Result<std::vector<NamedNode>> NameNodes(store::Store& store, const store::Actor& actor,
                                         const graph::Snapshot& snapshot,
                                         const std::vector<graph::NodeIndex>& nodes,
                                         const std::string& via) {
  std::vector<EntityId> ids;
  for (graph::NodeIndex node : nodes) ids.emplace_back(snapshot.id(node));
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(store, actor, ids, "network", via));
  std::vector<NamedNode> named;
  for (graph::NodeIndex node : nodes) {
    NamedNode entry{node, snapshot.id(node), "", snapshot.id(node)};
    Result<model::Entity> entity = store.GetEntity(EntityId(entry.id));
    if (entity.ok()) {
      entry.schema = entity->schema;
      entry.caption = model::Caption(*entity);
    } else if (entity.status().code() != StatusCode::kNotFound) {
      return entity.status();
    }
    named.push_back(std::move(entry));
  }
  return named;
}

Result<std::vector<Timestamp>> ActivityTimes(store::Store& store, const store::Actor& actor,
                                             const std::vector<std::string>& entities,
                                             const std::vector<std::string>& schemata,
                                             const std::string& since, const std::string& until) {
  if (entities.empty()) return InvalidArgumentError("name at least one entity");
  std::set<std::string> wanted;
  for (const std::string& name : schemata) {
    TAFKIK_ASSIGN_OR_RETURN(const model::Schema* schema,
                            internal::FindSchema(name, /*relation=*/true));
    wanted.insert(schema->name);
  }
  store::RelationQuery query;
  TAFKIK_ASSIGN_OR_RETURN(query.from, OptionalTime("since", since));
  TAFKIK_ASSIGN_OR_RETURN(query.to, OptionalTime("until", until));
  std::vector<Timestamp> times;
  std::set<EntityId> ends;
  std::unordered_set<std::string> seen;
  for (const std::string& entity : entities) {
    if (!IsValidEntityId(entity)) return InvalidArgumentError("'" + entity + "' is not an entity id");
    query.either_end = EntityId(entity);
    ends.insert(EntityId(entity));
    TAFKIK_RETURN_IF_ERROR(ForEachRelation(store, query, [&](const model::Relation& relation) {
      if (!relation.start || (!wanted.empty() && !wanted.count(relation.schema))) return;
      if (!seen.insert(relation.id.value()).second) return;
      times.push_back(*relation.start);
      ends.insert(relation.source);
      ends.insert(relation.target);
    }));
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(
      store, actor, {ends.begin(), ends.end()}, "network", "network.activity"));
  return times;
}

}  // namespace tafkik::app
