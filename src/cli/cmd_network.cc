// tafkik network stats|centrality|communities|path|neighbours|activity|disrupt
#include <cstdio>
#include <iostream>

#include "app/graph_analysis.h"
#include "app/graph_places.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/text.h"

namespace tafkik::cli {
namespace {

template <typename Request>
struct Options {
  app::NetworkFilter filter;
  Request request;
};

void AddFilterOptions(CLI::App* command, app::NetworkFilter& filter) {
  command->add_option("--case", filter.case_reference,
                      "Only this case's members and the ties among them");
  command->add_flag("--contacts", filter.case_contacts,
                    "With --case, also the members' direct contacts");
  command->add_option("--schema", filter.schemata,
                      "Tie kinds to read (repeatable): Call, Message, Meeting, Payment, "
                      "Associate, Family, ... (default: all ties between people)");
  command->add_option("--since", filter.since, "Only ties that start at or after (ISO 8601)");
  command->add_option("--until", filter.until, "Only ties that start before (ISO 8601)");
  command->add_option("--weight-by", filter.weight_by, "count, duration (calls) or amount (EUR)")
      ->capture_default_str();
  command->add_option("--min-weight", filter.min_weight, "Drop ties lighter than this");
  command->add_flag("--directed", filter.directed,
                    "Keep the direction of ties (caller to receiver, payer to beneficiary)");
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string Name(const Json& entity) {
  return entity["caption"].get<std::string>();
}

template <typename Request>
using Runner = Result<Json> (*)(store::Store&, const store::Actor&, const app::NetworkFilter&,
                                const Request&);

// Loads, runs `runner`, then prints JSON or calls `print`.
template <typename Request>
Status Run(const Context& context, const Options<Request>& options, Runner<Request> runner,
           void (*print)(const Json&)) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(Json result,
                          runner(*opened, context.actor(), options.filter, options.request));
  if (context.global.json) {
    PrintJson(result);
  } else {
    print(result);
  }
  return Status::Ok();
}

struct StatsRequest {};

Result<Json> RunStatsUseCase(store::Store& store, const store::Actor& actor,
                             const app::NetworkFilter& filter, const StatsRequest&) {
  return app::NetworkStats(store, actor, filter);
}

void PrintStats(const Json& stats) {
  Table table({}, 0);
  const Json& network = stats["network"];
  table.AddRow({"Nodes", Thousands(network["nodes"].get<int64_t>())});
  table.AddRow({"Ties", Thousands(network["edges"].get<int64_t>()) +
                            (network["directed"].get<bool>() ? " (directed)" : " (undirected)")});
  table.AddRow({"Density", Number(network["density"].get<double>())});
  const Json& components = stats["components"];
  table.AddRow({"Components", Thousands(components["weak"].get<int64_t>()) + ", largest " +
                                  Thousands(components["largest_weak"].get<int64_t>())});
  table.AddRow({"Strong components", Thousands(components["strong"].get<int64_t>()) +
                                         ", largest " +
                                         Thousands(components["largest_strong"].get<int64_t>())});
  const Json& structure = stats["structure"];
  table.AddRow({"Highest k-core", std::to_string(structure["max_core"].get<int64_t>())});
  table.AddRow({"Articulation points", std::to_string(structure["articulation_points"].get<int64_t>())});
  table.AddRow({"Bridges", std::to_string(structure["bridges"].get<int64_t>())});
  table.AddRow({"Communities (Leiden)", std::to_string(stats["communities"]["count"].get<int64_t>()) +
                                            ", modularity " +
                                            Number(stats["communities"]["modularity"].get<double>())});
  const Json& report = stats["report"];
  table.AddRow({"Relations read", Thousands(report["relations_read"].get<int64_t>())});
  table.AddRow({"Left out (no weight)", Thousands(report["relations_without_weight"].get<int64_t>() +
                                                  report["relations_with_zero_weight"].get<int64_t>())});
  table.AddRow({"Self-ties dropped", Thousands(report["self_loops_dropped"].get<int64_t>())});
  table.Print(std::cout);
}

void PrintCentrality(const Json& result) {
  Table table({"RANK", "SCORE", "NAME", "SCHEMA", "ID"});
  table.AlignRight(0);
  table.AlignRight(1);
  for (const Json& row : result["scores"]) {
    const Json& entity = row["entity"];
    table.AddRow({std::to_string(row["rank"].get<int64_t>()), Number(row["score"].get<double>()),
                  Name(entity), entity["schema"].get<std::string>(), entity["id"].get<std::string>()});
  }
  table.Print(std::cout);
}

void PrintCommunities(const Json& result) {
  std::cout << "Modularity " << Number(result["modularity"].get<double>()) << ", "
            << result["communities"].size() << " communities\n";
  Table table({"COMMUNITY", "SIZE", "MOST CONNECTED MEMBERS"});
  table.AlignRight(1);
  for (const Json& community : result["communities"]) {
    std::vector<std::string> names;
    for (const Json& member : community["members"]) names.push_back(Name(member));
    table.AddRow({std::to_string(community["community"].get<int64_t>()),
                  Thousands(community["size"].get<int64_t>()), Join(names, ", ")});
  }
  table.Print(std::cout);
}

void PrintPath(const Json& result) {
  if (!result["reachable"].get<bool>()) {
    std::cout << "no path joins them in this network\n";
    return;
  }
  std::cout << "distance " << Number(result["distance"].get<double>()) << ", "
            << Number(result["path_count"].get<double>()) << " shortest path(s)\n";
  for (const Json& path : result["paths"]) {
    std::vector<std::string> steps;
    for (const Json& entity : path) {
      steps.push_back(Name(entity) + " (" + entity["id"].get<std::string>() + ")");
    }
    std::cout << "  " << Join(steps, " -> ") << "\n";
  }
  if (result["truncated"].get<bool>()) std::cerr << "more shortest paths not listed\n";
}

void PrintNeighbours(const Json& result) {
  Table table({"HOPS", "DEGREE", "NAME", "SCHEMA", "ID"});
  table.AlignRight(0);
  table.AlignRight(1);
  for (const Json& row : result["nodes"]) {
    const Json& entity = row["entity"];
    table.AddRow({std::to_string(row["hops"].get<int>()), Thousands(row["degree"].get<int64_t>()),
                  Name(entity), entity["schema"].get<std::string>(), entity["id"].get<std::string>()});
  }
  table.Print(std::cout);
  if (!result["capped"].empty()) {
    std::cerr << result["capped"].size() << " hub(s) not expanded (over --max-fan-out)\n";
  }
  if (result["truncated"].get<bool>()) std::cerr << "stopped at --max-nodes\n";
}

void PrintDisrupt(const Json& result) {
  std::cout << "Strategy " << result["strategy"].get<std::string>() << ", largest component "
            << result["before"]["largest"].get<int64_t>() << " before\n";
  Table table({"STEP", "NAME", "ID", "LARGEST LEFT", "SHARE", "COMPONENTS", "BRIDGES"});
  for (size_t at : {0, 3, 4, 5}) table.AlignRight(at);
  int step = 0;
  for (const Json& row : result["removals"]) {
    const Json& entity = row["entity"];
    char share[16];
    std::snprintf(share, sizeof share, "%.1f%%", 100 * row["largest_fraction"].get<double>());
    table.AddRow({std::to_string(++step), Name(entity), entity["id"].get<std::string>(),
                  Thousands(row["largest"].get<int64_t>()), share,
                  Thousands(row["components"].get<int64_t>()),
                  std::to_string(row["bridges"].size()) + " communities"});
  }
  table.Print(std::cout);
}

template <typename Request>
void Register(CLI::App& group, Context& context, const char* name, const char* help,
              std::shared_ptr<Options<Request>> options, Runner<Request> runner,
              void (*print)(const Json&), void (*add)(CLI::App*, Request&)) {
  CLI::App* command = group.add_subcommand(name, help);
  AddFilterOptions(command, options->filter);
  if (add != nullptr) add(command, options->request);
  command->callback([&context, options, runner, print] {
    context.run = [&context, options, runner, print] {
      return Run(context, *options, runner, print);
    };
  });
}

void CentralityOptions(CLI::App* command, app::CentralityRequest& request) {
  command->add_option("--measure", request.measure,
                      "degree, strength, pagerank, betweenness, closeness, harmonic, "
                      "eigenvector, katz or core")
      ->capture_default_str();
  command->add_option("--top", request.top, "How many to list")->capture_default_str();
  command->add_option("--lengths", request.lengths,
                      "For paths: hops, strength (frequent ties are short) or distance")
      ->capture_default_str();
  command->add_option("--epsilon", request.epsilon,
                      "Sampled betweenness within this error (0: exact)");
}

void CommunityOptions(CLI::App* command, app::CommunitiesRequest& request) {
  command->add_option("--resolution", request.resolution, "Higher: smaller communities")
      ->capture_default_str();
  command->add_option("--members", request.members, "Members listed per community")
      ->capture_default_str();
}

void PathOptions(CLI::App* command, app::PathRequest& request) {
  command->add_option("FROM", request.from, "Entity id")->required();
  command->add_option("TO", request.to, "Entity id")->required();
  command->add_flag("--all", request.all, "Every shortest path, not just one");
  command->add_option("--lengths", request.lengths, "hops, strength or distance")
      ->capture_default_str();
  command->add_option("--max-paths", request.max_paths, "At most this many paths")
      ->capture_default_str();
}

void NeighbourOptions(CLI::App* command, app::NeighboursRequest& request) {
  command->add_option("ENTITY", request.entities, "Entity id(s)")->required();
  command->add_option("--hops", request.hops, "How far")->capture_default_str();
  command->add_option("--max-fan-out", request.max_fan_out,
                      "Do not expand hubs with more ties than this (0: no cap)")
      ->capture_default_str();
  command->add_option("--max-nodes", request.max_nodes, "Stop after this many (0: no cap)")
      ->capture_default_str();
}

void DisruptOptions(CLI::App* command, app::DisruptRequest& request) {
  command->add_option("--k", request.k, "How many removals (arrests)")->capture_default_str();
  command->add_option("--strategy", request.strategy,
                      "optimised, degree, in-degree, out-degree, betweenness, ci, katz")
      ->capture_default_str();
  command->add_option("--connectivity", request.connectivity, "weak or strong")
      ->capture_default_str();
  command->add_option("--block", request.block, "Recompute scores after this many removals")
      ->capture_default_str();
}

Status RunActivity(const Context& context, const app::ActivityRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(Json result, app::NetworkActivity(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(result);
    return Status::Ok();
  }
  static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::cout << result["total"].get<int64_t>() << " events, local time "
            << result["zone"].get<std::string>() << "\n";
  std::vector<std::string> headers{""};
  for (int hour = 0; hour < 24; ++hour) headers.push_back((hour < 10 ? "0" : "") + std::to_string(hour));
  Table table(headers);
  for (int day = 0; day < 7; ++day) {
    std::vector<std::string> row{kDays[day]};
    for (int hour = 0; hour < 24; ++hour) {
      int64_t count = result["counts"][day][hour].get<int64_t>();
      row.push_back(count == 0 ? "." : std::to_string(count));
    }
    table.AddRow(row);
  }
  for (size_t column = 1; column <= 24; ++column) table.AlignRight(column);
  table.Print(std::cout);
  return Status::Ok();
}

void AddActivity(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "activity", "When an entity or group is active: weekday x hour counts of its ties");
  auto request = std::make_shared<app::ActivityRequest>();
  command->add_option("ENTITY", request->entities, "Entity id(s)")->required();
  command->add_option("--schema", request->schemata, "Tie kinds (repeatable; default all)");
  command->add_option("--since", request->since, "From (ISO 8601)");
  command->add_option("--until", request->until, "Before (ISO 8601)");
  command->add_option("--zone", request->zone, "Local time zone, e.g. Africa/Casablanca")
      ->capture_default_str();
  SetAction(command, context, request, &RunActivity);
}

Status RunColocation(const Context& context, const app::ColocationRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(Json result, app::NetworkColocation(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(result);
    return Status::Ok();
  }
  Table table({"MEETINGS", "PHONE", "OTHER", "FIRST", "LAST", "CELLS"});
  table.AlignRight(0);
  for (const Json& pair : result["pairs"]) {
    std::vector<std::string> cells;
    for (const Json& cell : pair["cells"]) cells.push_back(cell.get<std::string>());
    table.AddRow({Thousands(pair["meetings"].get<int64_t>()), Name(pair["phone"]),
                  Name(pair["other"]), pair["first"].get<std::string>(),
                  pair["last"].get<std::string>(), Join(cells, ", ")});
  }
  if (table.empty()) std::cerr << "no phones seen together\n";
  table.Print(std::cout);
  return Status::Ok();
}

struct RouteOptions {
  std::string entity, since, until;
};

Status RunRoute(const Context& context, const RouteOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(Json result, app::NetworkRoute(*opened, context.actor(), options.entity,
                                                         options.since, options.until));
  if (context.global.json) {
    PrintJson(result);
    return Status::Ok();
  }
  Table table({"FIRST", "LAST", "CELL", "PLACE", "SIGHTINGS"});
  table.AlignRight(4);
  for (const Json& stay : result["stays"]) {
    table.AddRow({stay["first"].get<std::string>(), stay["last"].get<std::string>(),
                  stay["cell"].get<std::string>(), stay["place"].get<std::string>(),
                  Thousands(stay["sightings"].get<int64_t>())});
  }
  if (table.empty()) std::cerr << "no calls with a cell\n";
  table.Print(std::cout);
  return Status::Ok();
}

void AddPlaces(CLI::App& group, Context& context) {
  CLI::App* colocation = group.add_subcommand(
      "colocation", "Phones seen at the same cell (or near cells) within a time window");
  auto request = std::make_shared<app::ColocationRequest>();
  colocation->add_option("--since", request->since, "From (ISO 8601)");
  colocation->add_option("--until", request->until, "Before (ISO 8601)");
  colocation->add_option("--window", request->window_seconds, "Seconds apart at most")
      ->capture_default_str();
  colocation->add_option("--distance", request->max_distance_metres,
                         "Metres between located cells (0: the same cell)");
  colocation->add_option("--min-meetings", request->min_meetings, "Leave out rarer pairs")
      ->capture_default_str();
  colocation->add_option("--top", request->top, "How many pairs")->capture_default_str();
  SetAction(colocation, context, request, &RunColocation);
  CLI::App* route = group.add_subcommand("route", "A phone's cells in time order, for the map");
  auto options = std::make_shared<RouteOptions>();
  route->add_option("ENTITY", options->entity, "Phone entity id")->required();
  route->add_option("--since", options->since, "From (ISO 8601)");
  route->add_option("--until", options->until, "Before (ISO 8601)");
  SetAction(route, context, options, &RunRoute);
}

}  // namespace

void AddNetworkCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "network", "Link analysis: key players, communities, paths and a disruption planner");
  group->require_subcommand(1);
  Register<StatsRequest>(*group, context, "stats", "Size, components, cores and communities",
                         std::make_shared<Options<StatsRequest>>(), &RunStatsUseCase,
                         &PrintStats, nullptr);
  Register<app::CentralityRequest>(
      *group, context, "centrality", "Rank entities by a centrality measure",
      std::make_shared<Options<app::CentralityRequest>>(), &app::NetworkCentrality,
      &PrintCentrality, &CentralityOptions);
  Register<app::CommunitiesRequest>(
      *group, context, "communities", "Communities (Leiden) with their most connected members",
      std::make_shared<Options<app::CommunitiesRequest>>(), &app::NetworkCommunities,
      &PrintCommunities, &CommunityOptions);
  Register<app::PathRequest>(*group, context, "path", "Shortest path(s) between two entities",
                             std::make_shared<Options<app::PathRequest>>(), &app::NetworkPath,
                             &PrintPath, &PathOptions);
  Register<app::NeighboursRequest>(
      *group, context, "neighbours", "Entities within k hops, hubs not expanded",
      std::make_shared<Options<app::NeighboursRequest>>(), &app::NetworkNeighbours,
      &PrintNeighbours, &NeighbourOptions);
  AddActivity(*group, context);
  AddPlaces(*group, context);
  Register<app::DisruptRequest>(
      *group, context, "disrupt", "Which K removals break the network apart the most",
      std::make_shared<Options<app::DisruptRequest>>(), &app::NetworkDisrupt, &PrintDisrupt,
      &DisruptOptions);
}

}  // namespace tafkik::cli
