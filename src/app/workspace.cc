#include "app/workspace.h"

#include <filesystem>
#include <system_error>

#include "store/sqlite/sqlite_store.h"
#include "store/workspace.h"

namespace tafkik::app {
namespace {

// The store creates the workspace folder itself (mode 0700, it holds case data), but only
// one level deep; the parents are ordinary folders.
Status CreateParents(const std::string& root) {
  std::filesystem::path parent = std::filesystem::absolute(root).parent_path();
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error)
    return UnavailableError("cannot create folder " + parent.string() + ": " + error.message());
  return Status::Ok();
}

}  // namespace

bool IsWorkspace(const std::string& root) {
  std::error_code error;
  return std::filesystem::exists(store::PathsOf(root).database, error);
}

Result<std::unique_ptr<store::Store>> InitWorkspace(const std::string& root,
                                                    const store::Actor& actor) {
  if (IsWorkspace(root)) {
    return AlreadyExistsError("'" + root + "' is already a Tafkik workspace");
  }
  TAFKIK_RETURN_IF_ERROR(CreateParents(root));
  store::OpenOptions options;
  options.create = true;
  options.actor = actor.name;  // the workspace.create event names who created it
  return store::OpenSqliteWorkspace(root, options);
}

Result<std::unique_ptr<store::Store>> OpenWorkspace(const std::string& root) {
  // Checked here rather than left to the backend so that the message tells an investigator
  // what to do, whatever the backend says.
  if (!IsWorkspace(root)) {
    return NotFoundError("no Tafkik workspace at '" + root +
                         "' (no tafkik.db); create one with 'tafkik -w " + root +
                         " init' or choose one with --workspace DIR");
  }
  return store::OpenSqliteWorkspace(root);
}

}  // namespace tafkik::app
