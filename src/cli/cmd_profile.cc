// tafkik profile suggest FILE | tafkik profile list
#include <iomanip>
#include <iostream>

#include "cli/cli.h"
#include "cli/output.h"
#include "ingest/profiles.h"
#include "ingest/suggest.h"
#include "readers/table_reader.h"

namespace tafkik::cli {
namespace {

struct SuggestOptions {
  std::string path;
};

Status RunSuggest(const Context& context, const SuggestOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<ingest::Profile> profiles, ingest::LoadShippedProfiles());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<ingest::ProfileMatch> ranked,
                          ingest::RankProfilesForFile(options.path, profiles));
  if (ranked.empty() || ranked.front().matched == 0) {
    return NotFoundError("no shipped profile matches the header of " + options.path +
                         "; write one (see data/mappings/README.md)");
  }
  const ingest::ProfileMatch& best = ranked.front();
  const ingest::Profile* profile = nullptr;
  for (const ingest::Profile& candidate : profiles) {
    if (candidate.name == best.profile) profile = &candidate;
  }
  if (context.global.json) {
    Json out = Json::array();
    for (const ingest::ProfileMatch& match : ranked) {
      Json columns = Json::object();
      for (const auto& [column, header] : match.columns) columns[column] = header;
      out.push_back({{"profile", match.profile}, {"matched", match.matched},
                     {"needed", match.needed}, {"columns", columns},
                     {"missing", match.missing}, {"unused", match.unused}});
    }
    PrintJson({{"best", best.profile}, {"ranking", out},
               {"skeleton", ingest::ProfileSkeleton(*profile, best)}});
    return Status::Ok();
  }
  // The ranking is for the reader (stderr); the skeleton is the data (stdout), so that
  // `tafkik profile suggest FILE > mine.yaml` writes a profile.
  std::cerr << "Best profile: " << best.profile << " (" << best.matched << " of " << best.needed
            << " columns)\n";
  for (const ingest::ProfileMatch& match : ranked) {
    std::cerr << "  " << std::left << std::setw(22) << match.profile << match.matched << "/"
              << match.needed << "\n";
  }
  std::cout << ingest::ProfileSkeleton(*profile, best);
  return Status::Ok();
}

struct ListOptions {};

Status RunList(const Context& context, const ListOptions&) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<ingest::Profile> profiles, ingest::LoadShippedProfiles());
  Json out = Json::array();
  for (const ingest::Profile& profile : profiles) {
    out.push_back({{"name", profile.name}, {"title", profile.title}, {"path", profile.path},
                   {"columns", ingest::ColumnsOf(profile)}});
    if (!context.global.json) {
      std::cout << std::left << std::setw(22) << profile.name << profile.title << "\n";
    }
  }
  if (context.global.json) PrintJson(out);
  return Status::Ok();
}

}  // namespace

void AddProfileCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand("profile", "Mapping profiles for CSV and XLSX imports");
  group->require_subcommand(1);
  CLI::App* suggest = group->add_subcommand(
      "suggest", "Propose a profile for a file from its header (English, French or Arabic names)");
  auto suggest_options = std::make_shared<SuggestOptions>();
  suggest->add_option("FILE", suggest_options->path, "CSV or XLSX file")->required();
  SetAction(suggest, context, suggest_options, &RunSuggest);
  CLI::App* list = group->add_subcommand("list", "The shipped profiles");
  SetAction(list, context, std::make_shared<ListOptions>(), &RunList);
}

}  // namespace tafkik::cli
