// Versioned schema migrations of the SQLite backend. The version lives in PRAGMA
// user_version (transactional in SQLite). The caller runs all pending migrations, and the
// audit event that records them, in one transaction: a crash leaves the workspace at its old
// version (or absent), never between versions and never upgraded without its event.
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

// The version ApplyMigrations(db, max_version) brings a database to.
int TargetVersion(int max_version);

// FailedPrecondition naming both versions when `current` is newer than this program knows.
Status CheckNotNewer(const Database& db, int64_t current);

// Applies the migrations above the current version up to `max_version` (-1: all).
// REQUIRES: inside the caller's write transaction. FailedPrecondition when the database is
// newer than this program.
Result<MigrationOutcome> ApplyMigrations(Database& db, int max_version);

}  // namespace tafkik::store::sqlite
