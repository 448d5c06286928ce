// Creating and opening workspaces for the CLI and the server. Each call opens its own Store,
// owned by the caller; the functions are thread-safe.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace tafkik::app {

// True when `root` holds a workspace database (root/tafkik.db).
bool IsWorkspace(const std::string& root);

// Creates a workspace at `root` (the folder and its parents may or may not exist); its
// "workspace.create" audit event names `actor`. AlreadyExists when `root` is a workspace
// already; Unavailable or PermissionDenied from the file system.
Result<std::unique_ptr<store::Store>> InitWorkspace(const std::string& root,
                                                    const store::Actor& actor);

// Opens the existing workspace at `root`, applying pending migrations. NotFound naming
// `root` and how to create one when it holds no workspace; FailedPrecondition when it was
// written by a newer Tafkik.
Result<std::unique_ptr<store::Store>> OpenWorkspace(const std::string& root);

}  // namespace tafkik::app
