// The mapping profiles shipped in data/mappings/ and how a --profile argument finds its file.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/profile.h"

namespace tafkik::ingest {

// The folder of shipped profiles: $TAFKIK_MAPPINGS when set, else the source tree's
// data/mappings (compiled in), else data/mappings beside the working directory.
std::string ShippedProfilesDir();

// Every *.yaml in ShippedProfilesDir(), parsed, sorted by name. A profile that fails to parse
// fails the call (shipped profiles are tested).
Result<std::vector<Profile>> LoadShippedProfiles();

// `name_or_path` is a file path (when it exists or ends in .yaml/.yml) or the name of a
// shipped profile ("cdr"). NotFound listing the shipped names otherwise.
Result<Profile> ResolveProfile(const std::string& name_or_path);

}  // namespace tafkik::ingest
