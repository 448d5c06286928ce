// The embedded SQLite backend of Store. The only place that includes sqlite3.h is this
// folder's .cc files. WAL journal, synchronous=FULL, foreign keys on, versioned migrations.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"
#include "store/workspace.h"

namespace tafkik::store {

// Creates (when options.create) and opens the workspace at `root`, applying pending
// migrations. NotFound when `root` holds no workspace and create is false;
// FailedPrecondition when its schema is newer than this program.
Result<std::unique_ptr<Store>> OpenSqliteWorkspace(const std::string& root,
                                                   const OpenOptions& options = {});

// The newest schema version this program knows.
int SqliteSchemaVersion();

}  // namespace tafkik::store
