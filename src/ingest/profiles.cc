#include "ingest/profiles.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace tafkik::ingest {

std::string ShippedProfilesDir() {
  if (const char* env = std::getenv("TAFKIK_MAPPINGS"); env != nullptr && *env != '\0') return env;
#ifdef TAFKIK_DATA_DIR
  if (std::filesystem::is_directory(TAFKIK_DATA_DIR "/mappings")) return TAFKIK_DATA_DIR "/mappings";
#endif
  return "data/mappings";
}

Result<std::vector<Profile>> LoadShippedProfiles() {
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(ShippedProfilesDir(), error)) {
    if (item.path().extension() == ".yaml") paths.push_back(item.path().string());
  }
  if (error) {
    return NotFoundError("no mapping profiles in " + ShippedProfilesDir() + ": " + error.message());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Profile> profiles;
  for (const std::string& path : paths) {
    TAFKIK_ASSIGN_OR_RETURN(Profile profile, LoadProfile(path));
    profiles.push_back(std::move(profile));
  }
  return profiles;
}

Result<Profile> ResolveProfile(const std::string& name_or_path) {
  std::filesystem::path path(name_or_path);
  if (std::filesystem::exists(path) || path.extension() == ".yaml" || path.extension() == ".yml") {
    return LoadProfile(name_or_path);
  }
  std::string shipped = ShippedProfilesDir() + "/" + name_or_path + ".yaml";
  if (std::filesystem::exists(shipped)) return LoadProfile(shipped);
  std::string names;
  std::error_code error;
  std::vector<std::string> found;
  for (const auto& item : std::filesystem::directory_iterator(ShippedProfilesDir(), error)) {
    if (item.path().extension() == ".yaml") found.push_back(item.path().stem().string());
  }
  std::sort(found.begin(), found.end());
  for (const std::string& name : found) names += (names.empty() ? "" : ", ") + name;
  return NotFoundError("no mapping profile '" + name_or_path + "' (shipped profiles: " + names +
                       "; or give the path of a .yaml file)");
}

}  // namespace tafkik::ingest
