// Raw access to a workspace's database file for tests that play the attacker or the old
// program version: the application itself never runs these statements.
#pragma once

#include <sqlite3.h>

#include <string>

namespace tafkik::store::testing {

// Runs `sql` on the database file directly; returns "" on success or SQLite's message.
inline std::string RawExecute(const std::string& database, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string error;
  if (sqlite3_open(database.c_str(), &db) != SQLITE_OK) {
    error = sqlite3_errmsg(db);
  } else {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      error = message ? message : "error";
      sqlite3_free(message);
    }
  }
  sqlite3_close(db);
  return error;
}

// The first column of the first row of `sql`, as text ("" when no row).
inline std::string RawQuery(const std::string& database, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(database.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace tafkik::store::testing
