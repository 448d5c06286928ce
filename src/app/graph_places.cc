#include "app/graph_places.h"

#include <map>
#include <unordered_map>

#include "app/graph_network.h"
#include "core/time.h"
#include "graph/colocation.h"
#include "model/caption.h"

namespace tafkik::app {
namespace {

constexpr int64_t kPage = 20000;

struct Places {
  std::vector<graph::CellSite> sites;
  std::vector<std::string> captions;  // of the Location, or "" for an unknown cell
  std::unordered_map<std::string, int32_t> index;

  int32_t Cell(const std::string& id) {
    auto [slot, added] = index.try_emplace(id, static_cast<int32_t>(sites.size()));
    if (added) {
      sites.push_back({id});
      captions.emplace_back();
    }
    return slot->second;
  }
};

// Every Location with a cellId, located when it has both coordinates.
Result<Places> ReadCellSites(store::Store& store) {
  Places places;
  store::EntityQuery query;
  query.schema = "Location";
  query.limit = kPage;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> page, store.ListEntities(query));
    for (const model::Entity& location : page) {
      std::string cell = location.First("cellId");
      if (cell.empty()) continue;
      int32_t at = places.Cell(cell);
      places.captions[at] = model::Caption(location);
      std::string latitude = location.First("latitude"), longitude = location.First("longitude");
      if (latitude.empty() || longitude.empty()) continue;
      places.sites[at].located = true;
      places.sites[at].latitude = std::stod(latitude);
      places.sites[at].longitude = std::stod(longitude);
    }
    if (static_cast<int64_t>(page.size()) < kPage) return places;
    query.offset += kPage;
  }
}

Result<store::RelationQuery> CallQuery(const std::string& since, const std::string& until) {
  store::RelationQuery query;
  query.schema = "Call";
  if (!since.empty()) {
    Result<Timestamp> from = ParseTimestamp(since);
    if (!from.ok()) return from.status().WithContext("since");
    query.from = *from;
  }
  if (!until.empty()) {
    Result<Timestamp> to = ParseTimestamp(until);
    if (!to.ok()) return to.status().WithContext("until");
    query.to = *to;
  }
  return query;
}

// The caller's sightings of one call: first cell at the start, last cell at the end (once
// when it is the same cell at the same time).
void AddSightings(const model::Relation& call, graph::NodeIndex phone, Places& places,
                  std::vector<graph::Sighting>& out) {
  if (!call.start) return;
  std::string first = call.First("cellFirst"), last = call.First("cellLast");
  Timestamp end = call.end ? *call.end : *call.start;
  if (!first.empty()) out.push_back({phone, places.Cell(first), *call.start});
  if (last.empty() || (last == first && end == *call.start)) return;
  out.push_back({phone, places.Cell(last), end});
}

Json StayJson(const graph::Stay& stay, const Places& places) {
  const graph::CellSite& site = places.sites[stay.cell];
  Json out{{"cell", site.id}, {"place", places.captions[stay.cell]},
           {"first", FormatTimestamp(stay.first)}, {"last", FormatTimestamp(stay.last)},
           {"sightings", stay.sightings}};
  if (site.located) {
    out["latitude"] = site.latitude;
    out["longitude"] = site.longitude;
  }
  return out;
}

}  // namespace

Result<Json> NetworkColocation(store::Store& store, const store::Actor& actor,
                               const ColocationRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(Places places, ReadCellSites(store));
  TAFKIK_ASSIGN_OR_RETURN(store::RelationQuery query, CallQuery(request.since, request.until));
  graph::SnapshotBuilder phones;
  std::vector<graph::Sighting> sightings;
  TAFKIK_RETURN_IF_ERROR(ForEachRelation(store, query, [&](const model::Relation& call) {
    AddSightings(call, phones.AddNode(call.source.value()), places, sightings);
  }));
  if (sightings.empty()) {
    return FailedPreconditionError("no call in the window has a cell (cellFirst/cellLast)");
  }
  const int64_t sighting_count = static_cast<int64_t>(sightings.size());
  TAFKIK_ASSIGN_OR_RETURN(graph::Snapshot snapshot, phones.Build());
  graph::CoLocationFinder finder(std::move(sightings), places.sites,
                                 {.window_seconds = request.window_seconds,
                                  .max_distance_metres = request.max_distance_metres,
                                  .min_meetings = request.min_meetings});
  TAFKIK_RETURN_IF_ERROR(finder.Run());
  std::vector<graph::NodeIndex> named;
  size_t count = std::min<size_t>(finder.pairs().size(), static_cast<size_t>(std::max<int64_t>(0, request.top)));
  for (size_t at = 0; at < count; ++at) {
    named.push_back(finder.pairs()[at].phone);
    named.push_back(finder.pairs()[at].other);
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<NamedNode> names,
                          NameNodes(store, actor, snapshot, named, "network.colocation"));
  Json pairs = Json::array();
  for (size_t at = 0; at < count; ++at) {
    const graph::CoLocation& pair = finder.pairs()[at];
    Json cells = Json::array();
    for (int32_t cell : pair.cells) cells.push_back(places.sites[cell].id);
    pairs.push_back({{"phone", {{"id", names[2 * at].id}, {"caption", names[2 * at].caption}}},
                     {"other", {{"id", names[2 * at + 1].id}, {"caption", names[2 * at + 1].caption}}},
                     {"meetings", pair.meetings},
                     {"first", FormatTimestamp(pair.first)},
                     {"last", FormatTimestamp(pair.last)},
                     {"cells", cells}});
  }
  int64_t located = 0;
  for (const graph::CellSite& site : places.sites) located += site.located ? 1 : 0;
  return Json{{"pairs", pairs}, {"sightings", sighting_count}, {"cells_located", located},
              {"cells_unknown", static_cast<int64_t>(places.sites.size()) - located}};
}

Result<Json> NetworkRoute(store::Store& store, const store::Actor& actor, const std::string& entity,
                          const std::string& since, const std::string& until) {
  if (!IsValidEntityId(entity)) return InvalidArgumentError("'" + entity + "' is not an entity id");
  TAFKIK_ASSIGN_OR_RETURN(Places places, ReadCellSites(store));
  TAFKIK_ASSIGN_OR_RETURN(store::RelationQuery query, CallQuery(since, until));
  query.either_end = EntityId(entity);
  std::vector<graph::Sighting> sightings;
  TAFKIK_RETURN_IF_ERROR(ForEachRelation(store, query, [&](const model::Relation& call) {
    if (call.source.value() == entity) AddSightings(call, 0, places, sightings);
  }));
  graph::SnapshotBuilder one;
  one.AddNode(entity);
  TAFKIK_ASSIGN_OR_RETURN(graph::Snapshot snapshot, one.Build());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<NamedNode> names,
                          NameNodes(store, actor, snapshot, {0}, "network.route"));
  Json stays = Json::array();
  for (const graph::Stay& stay : graph::Route(std::move(sightings), 0)) {
    stays.push_back(StayJson(stay, places));
  }
  return Json{{"entity", {{"id", names[0].id}, {"caption", names[0].caption}}}, {"stays", stays}};
}

}  // namespace tafkik::app
