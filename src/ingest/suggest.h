// `tafkik profile suggest`: which shipped profile fits a file's header best. Header names are
// compared with each profile's columns and their aliases (English, French, Arabic) after
// folding case, accents, spaces and punctuation. Thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ingest/profile.h"

namespace tafkik::ingest {

struct ProfileMatch {
  std::string profile;                  // profile name
  int matched = 0;                      // profile columns found in the header
  int needed = 0;                       // columns the profile reads
  double score = 0;                     // matched / needed, in [0, 1]
  // profile column -> the header name that matched it
  std::vector<std::pair<std::string, std::string>> columns;
  std::vector<std::string> missing;     // profile columns the header lacks
  std::vector<std::string> unused;      // header columns no profile column matched
};

// "Nom du client" -> "nomduclient"; Arabic letters kept, tatweel and diacritics dropped.
std::string FoldHeaderName(const std::string& name);

// One match per profile, best first (score, then matched count, then name).
std::vector<ProfileMatch> RankProfiles(const std::vector<std::string>& header,
                                       const std::vector<Profile>& profiles);

// RankProfiles for a CSV or XLSX file, each profile against the header read past its own
// `skip_lines` (the title block of an extraction tool's export), best first. Errors of
// readers::OpenTable.
Result<std::vector<ProfileMatch>> RankProfilesForFile(const std::string& path,
                                                      const std::vector<Profile>& profiles);

// A YAML profile for this header: `profile`'s mapping with an `aliases:` block that ties its
// column names to the header's, the missing columns and unused header columns as comments.
std::string ProfileSkeleton(const Profile& profile, const ProfileMatch& match);

}  // namespace tafkik::ingest
