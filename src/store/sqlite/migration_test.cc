// A workspace written by an older version of the program is opened by the current one.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_util.h"
#include "store/test_util.h"

namespace tafkik::store::testing {
namespace {

// Writes, as version 1 of the program did, one Person with a name and a phone.
void WriteVersionOnePerson(const std::string& database, const std::string& eid) {
  ASSERT_EQ(RawExecute(database,
                       "INSERT INTO properties(id, name) VALUES (1, 'name'), (2, 'phone');"
                       "INSERT INTO sources(id, dataset, source_sha256, evidence_id, user) "
                       "VALUES (1, 'police-register', '', '', 'v1');"
                       "INSERT INTO entities(id, eid, schema) VALUES (1, '" + eid +
                           "', 'Person');"
                           "INSERT INTO entity_values VALUES (1, 1, 'Youssef El Amrani', 1, 3);"
                           "INSERT INTO entity_values VALUES (1, 2, '+212612345678', 1, 3);"),
            "");
}

TEST(MigrationTest, OldWorkspaceIsUpgradedWithItsDataAndIndexes) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  {
    auto v1 = OpenSqliteWorkspace(root, {.max_schema_version = 1, .create = true});
    ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  }
  const std::string database = PathsOf(root).database;
  ASSERT_EQ(RawQuery(database, "PRAGMA user_version"), "1");
  WriteVersionOnePerson(database, "person-1");

  auto current = OpenSqliteWorkspace(root);
  ASSERT_TRUE(current.ok()) << current.status().ToString();
  EXPECT_EQ(RawQuery(database, "PRAGMA user_version"), std::to_string(SqliteSchemaVersion()));
  // The lookup index added by version 2 was back-filled from the old values.
  auto by_name = (*current)->SearchEntities({"el amrani"});
  ASSERT_TRUE(by_name.ok());
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ((*by_name)[0].id.value(), "person-1");
  EXPECT_EQ((*current)->SearchEntities({"+212612345678"})->size(), 1u);
  // Cases (version 3) work on the upgraded workspace.
  EXPECT_TRUE((*current)->ListCases().ok());
  // The upgrade is on the record, and the chain still verifies.
  auto events = (*current)->ListAuditEvents(1, 10);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].action, "workspace.migrate");
  EXPECT_NE((*events)[1].details.find("\"schema_version_from\":1"), std::string::npos);
  EXPECT_TRUE((*current)->VerifyAudit()->ok);
}

TEST(MigrationTest, NewerWorkspaceIsRefused) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  ASSERT_TRUE(OpenSqliteWorkspace(root, {.create = true}).ok());
  ASSERT_EQ(RawExecute(PathsOf(root).database, "PRAGMA user_version = 99"), "");
  auto store = OpenSqliteWorkspace(root);
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
}

TEST(MigrationTest, EachStepIsAppliedOnceInOrder) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  for (int version = 1; version <= SqliteSchemaVersion(); ++version) {
    auto store = OpenSqliteWorkspace(root, {.max_schema_version = version, .create = true});
    ASSERT_TRUE(store.ok()) << "version " << version << ": " << store.status().ToString();
    EXPECT_EQ(RawQuery(PathsOf(root).database, "PRAGMA user_version"), std::to_string(version));
  }
  auto store = OpenSqliteWorkspace(root);
  // One create event, then one migrate event per later version.
  EXPECT_EQ((*store)->Count()->audit_events, SqliteSchemaVersion());
  EXPECT_TRUE((*store)->VerifyAudit()->ok);
}

// All pending migrations and their audit event land together or not at all: a migration that
// fails leaves the workspace at its old version, with no migrate event, still openable.
TEST(MigrationTest, FailedUpgradeLeavesTheOldVersionWhole) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  ASSERT_TRUE(OpenSqliteWorkspace(root, {.max_schema_version = 1, .create = true}).ok());
  const std::string database = PathsOf(root).database;
  // A table that version 3 wants to create makes the upgrade fail after version 2 applied.
  ASSERT_EQ(RawExecute(database, "CREATE TABLE cases (x)"), "");
  auto failed = OpenSqliteWorkspace(root);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(RawQuery(database, "PRAGMA user_version"), "1");
  EXPECT_EQ(RawQuery(database, "SELECT count(*) FROM audit_events"), "1");
  EXPECT_EQ(RawQuery(database, "SELECT count(*) FROM sqlite_master WHERE name = 'lookup'"), "0");
  ASSERT_EQ(RawExecute(database, "DROP TABLE cases"), "");
  auto upgraded = OpenSqliteWorkspace(root);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  EXPECT_TRUE((*upgraded)->VerifyAudit()->ok);
}

TEST(MigrationTest, ForeignKeyCannotUpgradeAWorkspace) {
  TempDir dir;
  ASSERT_TRUE(OpenSqliteWorkspace(dir.Sub("a"), {.max_schema_version = 1, .create = true}).ok());
  ASSERT_TRUE(OpenSqliteWorkspace(dir.Sub("b"), {.create = true}).ok());
  std::filesystem::copy_file(PathsOf(dir.Sub("b")).signing_key, PathsOf(dir.Sub("a")).signing_key,
                             std::filesystem::copy_options::overwrite_existing);
  EXPECT_EQ(OpenSqliteWorkspace(dir.Sub("a")).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(RawQuery(PathsOf(dir.Sub("a")).database, "PRAGMA user_version"), "1");
}

}  // namespace
}  // namespace tafkik::store::testing
