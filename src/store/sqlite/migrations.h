// Versioned schema migrations of the SQLite backend. The version lives in PRAGMA
// user_version; each migration runs in its own transaction together with the version bump,
// so a crash leaves the workspace at the previous version or the next, never between.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite/database.h"

namespace tafkik::store::sqlite {

struct Migration {
  int version;
  std::string description;
  std::function<Status(Database&)> apply;  // runs inside the migration's transaction
};

const std::vector<Migration>& AllMigrations();

struct MigrationOutcome {
  int from_version = 0;
  int to_version = 0;
};

// Applies the migrations above the current version up to `max_version` (-1: all).
// FailedPrecondition when the database is newer than this program.
Result<MigrationOutcome> ApplyMigrations(Database& db, int max_version);

}  // namespace tafkik::store::sqlite
