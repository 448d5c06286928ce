#include "store/sqlite/sqlite_store.h"

#include <sys/stat.h>

#include "store/sqlite/sqlite_test_util.h"
#include "store/store_conformance.h"

namespace tafkik::store::testing {
namespace {

std::unique_ptr<Store> OpenFreshSqlite(const std::string& dir) {
  auto store = OpenSqliteWorkspace(dir, {.create = true});
  if (!store.ok()) {
    ADD_FAILURE() << store.status().ToString();
    return nullptr;
  }
  return std::move(store).value();
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest, ::testing::Values(&OpenFreshSqlite));

int ModeOf(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 ? static_cast<int>(info.st_mode & 0777) : -1;
}

TEST(SqliteWorkspaceTest, NewWorkspaceHasItsLayoutAndPrivateKey) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  ASSERT_NE(OpenFreshSqlite(root), nullptr);
  const WorkspacePaths paths = PathsOf(root);
  EXPECT_EQ(ModeOf(paths.signing_key), 0600);
  EXPECT_EQ(ModeOf(paths.database), 0600);
  EXPECT_EQ(ModeOf(paths.blobs), 0700);
  EXPECT_EQ(RawQuery(paths.database, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(RawQuery(paths.database, "PRAGMA user_version"),
            std::to_string(SqliteSchemaVersion()));
}

TEST(SqliteWorkspaceTest, RelationBetweenUnknownEntitiesIsRefused) {
  TempDir dir;
  auto store = OpenFreshSqlite(dir.Sub("ws"));
  ASSERT_NE(store, nullptr);
  auto txn = store->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  model::Relation orphan;
  orphan.id = EntityId("orphan-call");
  orphan.schema = "Call";
  orphan.source = EntityId("nobody-1");
  orphan.target = EntityId("nobody-2");
  EXPECT_EQ((*txn)->PutRelation(orphan).code(), StatusCode::kNotFound);
}

TEST(SqliteWorkspaceTest, OpeningAMissingWorkspaceSaysHowToCreateOne) {
  TempDir dir;
  auto store = OpenSqliteWorkspace(dir.Sub("absent"));
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find("tafkik init"), std::string::npos);
}

TEST(SqliteWorkspaceTest, RefusesToCreateInsideSomebodyElsesFolder) {
  TempDir dir;
  ASSERT_EQ(::mkdir(dir.Sub("home").c_str(), 0700), 0);
  ASSERT_EQ(RawExecute(dir.Sub("home") + "/notes.db", "CREATE TABLE t(x)"), "");
  auto store = OpenSqliteWorkspace(dir.Sub("home"), {.create = true});
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
}

TEST(SqliteWorkspaceTest, ReopeningAddsNoEvent) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  int64_t events = 0;
  {
    auto store = OpenFreshSqlite(root);
    events = store->Count()->audit_events;
    EXPECT_EQ(events, 1);  // workspace.create
  }
  auto reopened = OpenSqliteWorkspace(root);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ((*reopened)->Count()->audit_events, events);
  EXPECT_EQ((*reopened)->ListAuditEvents(1, 1)->at(0).action, "workspace.create");
}

TEST(SqliteWorkspaceTest, AnotherWorkspacesKeyIsDetected) {
  TempDir dir;
  ASSERT_NE(OpenFreshSqlite(dir.Sub("a")), nullptr);
  ASSERT_NE(OpenFreshSqlite(dir.Sub("b")), nullptr);
  std::filesystem::copy_file(PathsOf(dir.Sub("b")).signing_key,
                             PathsOf(dir.Sub("a")).signing_key,
                             std::filesystem::copy_options::overwrite_existing);
  auto store = OpenSqliteWorkspace(dir.Sub("a"));
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss);
}

TEST(SqliteWorkspaceTest, ApplicationCannotRewriteAuditEvents) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  ASSERT_NE(OpenFreshSqlite(root), nullptr);
  const std::string database = PathsOf(root).database;
  EXPECT_NE(RawExecute(database, "UPDATE audit_events SET actor = 'x'"), "");
  EXPECT_NE(RawExecute(database, "DELETE FROM audit_events"), "");
  EXPECT_NE(RawExecute(database, "DELETE FROM audit_checkpoints"), "");
}

}  // namespace
}  // namespace tafkik::store::testing
