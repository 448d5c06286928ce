// A thin RAII layer over the sqlite3 C API for this backend: a connection and prepared
// statements with typed binding. Every failure becomes a Status naming the SQL and SQLite's
// message. Parameters are always bound, never spliced into SQL. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tafkik::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t number);
  Statement& Bind(int index, const std::optional<int64_t>& number);  // NULL when empty
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);

  // Steps once: true when a row is available, false when done. Errors as Status.
  Result<bool> Step();
  // Steps to completion, ignoring rows; resets afterwards.
  Status Run();
  // Resets the statement and clears its bindings for reuse.
  void Reset();

  int64_t Int(int column) const;
  std::optional<int64_t> OptionalInt(int column) const;
  std::string Text(int column) const;
  std::string_view Blob(int column) const;  // valid until the next Step or Reset
  bool IsNull(int column) const;

 private:
  Status Error(int rc) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
  Status bind_status_;
};

class Database {
 public:
  // Opens (or creates) the database file with WAL, synchronous=FULL, foreign keys and a busy
  // timeout. Unavailable naming the path when it cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create);
  ~Database();

  Status Execute(std::string_view sql);  // one or more statements without parameters
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const;
  int64_t Changes() const;
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// Runs `sql` (no parameters) and returns the first column of the first row as an integer.
Result<int64_t> QueryInt(Database& db, std::string_view sql);

}  // namespace tafkik::store::sqlite
