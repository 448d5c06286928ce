#include "ingest/suggest.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "readers/table_reader.h"

namespace tafkik::ingest {
namespace {

// Two-byte UTF-8 Latin letters with accents folded to ASCII (French headers).
char FoldLatin(unsigned char lead, unsigned char next) {
  if (lead != 0xC3) return 0;
  static const char kMap[] = "aaaaaaaceeeeiiiidnooooo/ouuuuy?saaaaaaaceeeeiiiidnooooo/ouuuuy?y";
  unsigned index = next - 0x80;
  return index < 64 ? kMap[index] : 0;
}

}  // namespace

std::string FoldHeaderName(const std::string& name) {
  std::string out;
  for (size_t at = 0; at < name.size(); ++at) {
    unsigned char c = name[at];
    if (c < 0x80) {
      if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    unsigned char next = at + 1 < name.size() ? name[at + 1] : 0;
    if (char folded = FoldLatin(c, next); folded != 0 && folded != '?' && folded != '/') {
      out.push_back(folded);
      ++at;
      continue;
    }
    // Arabic: drop tatweel (U+0640) and harakat (U+064B..U+0652); keep other letters whole.
    if (c == 0xD9 && (next == 0x80 || (next >= 0x8B && next <= 0x92))) {
      ++at;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

// Best first: score, then matched count, then name.
static bool BetterMatch(const ProfileMatch& a, const ProfileMatch& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.matched != b.matched) return a.matched > b.matched;
  return a.profile < b.profile;
}

std::vector<ProfileMatch> RankProfiles(const std::vector<std::string>& header,
                                       const std::vector<Profile>& profiles) {
  std::vector<std::string> folded;
  for (const std::string& name : header) folded.push_back(FoldHeaderName(name));
  std::vector<ProfileMatch> matches;
  for (const Profile& profile : profiles) {
    ProfileMatch match;
    match.profile = profile.name;
    std::vector<bool> used(header.size(), false);
    for (const std::string& column : ColumnsOf(profile)) {
      ++match.needed;
      std::vector<std::string> names = {column};
      if (auto aliases = profile.aliases.find(column); aliases != profile.aliases.end()) {
        names.insert(names.end(), aliases->second.begin(), aliases->second.end());
      }
      int found = -1;
      for (const std::string& name : names) {
        auto at = std::find(folded.begin(), folded.end(), FoldHeaderName(name));
        if (at != folded.end()) {
          found = static_cast<int>(at - folded.begin());
          break;
        }
      }
      if (found < 0) {
        match.missing.push_back(column);
        continue;
      }
      ++match.matched;
      used[found] = true;
      match.columns.emplace_back(column, header[found]);
    }
    for (size_t at = 0; at < header.size(); ++at) {
      if (!used[at]) match.unused.push_back(header[at]);
    }
    match.score = match.needed == 0 ? 0 : static_cast<double>(match.matched) / match.needed;
    matches.push_back(std::move(match));
  }
  std::sort(matches.begin(), matches.end(), BetterMatch);
  return matches;
}

Result<std::vector<ProfileMatch>> RankProfilesForFile(const std::string& path,
                                                      const std::vector<Profile>& profiles) {
  std::map<int, std::vector<Profile>> by_skip;
  for (const Profile& profile : profiles) by_skip[profile.skip_lines].push_back(profile);
  std::vector<ProfileMatch> matches;
  for (const auto& [skip, group] : by_skip) {
    readers::TableOptions options;
    options.skip_lines = skip;
    Result<std::unique_ptr<readers::TableReader>> reader = readers::OpenTable(path, options);
    // A file too short for a title block simply does not match those profiles.
    if (!reader.ok() && skip > 0 && reader.status().code() == StatusCode::kInvalidArgument) continue;
    TAFKIK_RETURN_IF_ERROR(reader.status());
    for (ProfileMatch& match : RankProfiles((*reader)->header(), group)) {
      matches.push_back(std::move(match));
    }
  }
  std::sort(matches.begin(), matches.end(), BetterMatch);
  return matches;
}

std::string ProfileSkeleton(const Profile& profile, const ProfileMatch& match) {
  std::ostringstream out;
  out << "# Proposed from the shipped profile '" << profile.name << "' (" << match.matched << " of "
      << match.needed << " columns found). Save as a .yaml file, check it, and import with\n"
      << "#   tafkik import FILE --profile THIS_FILE.yaml\n";
  if (!match.missing.empty()) {
    out << "# Not found in the header (map them by hand or delete what uses them):";
    for (const std::string& column : match.missing) out << " " << column;
    out << "\n";
  }
  if (!match.unused.empty()) {
    out << "# Header columns not used:";
    for (const std::string& column : match.unused) out << " \"" << column << "\"";
    out << "\n";
  }
  // The profile's own text, whose column names the aliases below tie to this header.
  std::ifstream in(profile.path);
  std::string line;
  bool in_aliases = false;
  while (std::getline(in, line)) {
    if (line.rfind("aliases:", 0) == 0) {
      in_aliases = true;
      continue;
    }
    if (in_aliases && (line.empty() || line[0] == ' ' || line[0] == '#')) continue;
    in_aliases = false;
    out << line << "\n";
  }
  out << "aliases:\n";
  for (const auto& [column, header_name] : match.columns) {
    if (header_name == column) continue;
    out << "  " << column << ": [\"" << header_name << "\"]\n";
  }
  return out.str();
}

}  // namespace tafkik::ingest
