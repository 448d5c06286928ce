// An attacker with the database file edits, deletes, reorders and truncates audit events
// directly (dropping the append-only triggers first); verification names the first bad event.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_util.h"
#include "store/test_util.h"

namespace tafkik::store::testing {
namespace {

constexpr char kDropTriggers[] =
    "DROP TRIGGER audit_events_append_only_update; DROP TRIGGER audit_events_append_only_delete;"
    "DROP TRIGGER audit_checkpoints_append_only_update;"
    "DROP TRIGGER audit_checkpoints_append_only_delete;";

class TamperTest : public ::testing::Test {
 protected:
  // Event 1 is workspace.create; events 2..11 are ten commits.
  void SetUp() override {
    auto store = OpenSqliteWorkspace(root(), {.create = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (int commit_idx = 0; commit_idx < 10; ++commit_idx) {
      auto txn = (*store)->BeginWrite({"officer." + std::to_string(commit_idx)});
      ASSERT_TRUE(txn.ok());
      ASSERT_TRUE((*txn)->PutEntity(MakePerson(std::to_string(commit_idx), "Person")).ok());
      ASSERT_TRUE((*txn)->Commit({"entity.put", "entity", AuditOutcome::kOk,
                                  Json{{"commit", commit_idx}}}).ok());
    }
    ASSERT_EQ(RawExecute(database(), kDropTriggers), "");
  }
  std::string root() const { return dir_.Sub("ws"); }
  std::string database() const { return PathsOf(root()).database; }

  AuditVerifyReport Verify() {
    auto store = OpenSqliteWorkspace(root());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    auto report = (*store)->VerifyAudit();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : AuditVerifyReport{};
  }

  TempDir dir_;
};

TEST_F(TamperTest, UntouchedLogVerifies) {
  AuditVerifyReport report = Verify();
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.events, 11);
  EXPECT_EQ(report.checkpoints, 11);
}

TEST_F(TamperTest, EditedActorIsDetectedAtItsIndex) {
  ASSERT_EQ(RawExecute(database(), "UPDATE audit_events SET actor = 'mallory' WHERE idx = 5"), "");
  AuditVerifyReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_index, 5);
}

TEST_F(TamperTest, EditedDetailsAreDetected) {
  ASSERT_EQ(RawExecute(database(),
                       "UPDATE audit_events SET details = '{\"commit\":99}' WHERE idx = 7"), "");
  EXPECT_EQ(Verify().first_bad_index, 7);
}

TEST_F(TamperTest, EditedAndRehashedEventIsDetectedByTheNextLink) {
  // Rewriting the hash too (as a careful attacker would) breaks the next event's link and
  // the checkpoint's signature over the old hash.
  ASSERT_EQ(RawExecute(database(), "UPDATE audit_events SET hash = '" + std::string(64, 'f') +
                                       "' WHERE idx = 4"), "");
  EXPECT_EQ(Verify().first_bad_index, 4);
}

TEST_F(TamperTest, DeletedEventIsDetectedAtItsIndex) {
  ASSERT_EQ(RawExecute(database(), "DELETE FROM audit_events WHERE idx = 6"), "");
  AuditVerifyReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_index, 6);
}

TEST_F(TamperTest, ReorderedEventsAreDetectedAtTheFirstMovedIndex) {
  ASSERT_EQ(RawExecute(database(),
                       "UPDATE audit_events SET idx = -1 WHERE idx = 4;"
                       "UPDATE audit_events SET idx = 4 WHERE idx = 8;"
                       "UPDATE audit_events SET idx = 8 WHERE idx = -1;"), "");
  EXPECT_EQ(Verify().first_bad_index, 4);
}

TEST_F(TamperTest, TruncatedTailIsDetectedAtTheFirstMissingIndex) {
  ASSERT_EQ(RawExecute(database(), "DELETE FROM audit_events WHERE idx > 8"), "");
  AuditVerifyReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_index, 9);
  EXPECT_NE(report.reason.find("truncated"), std::string::npos) << report.reason;
}

TEST_F(TamperTest, ForgedUnsignedEventIsDetected) {
  // Appending a well-formed event without the key leaves it outside every checkpoint.
  const std::string last_hash = RawQuery(database(), "SELECT hash FROM audit_events WHERE idx = 11");
  AuditRecord record{"entity.put", "entity:forged"};
  AuditEvent previous;
  previous.index = 11;
  previous.hash = last_hash;
  AuditEvent forged = MakeEvent(&previous, Timestamp::FromMicros(0), "mallory", record);
  ASSERT_EQ(RawExecute(database(),
                       "INSERT INTO audit_events VALUES (12, 0, 'mallory', 'entity.put', "
                       "'entity:forged', 'ok', '" + forged.details + "', '" +
                           forged.details_sha256 + "', '" + forged.prev_hash + "', '" +
                           forged.hash + "')"),
            "");
  EXPECT_EQ(Verify().first_bad_index, 12);
}

TEST_F(TamperTest, ForgedCheckpointSignatureIsDetected) {
  ASSERT_EQ(RawExecute(database(), "UPDATE audit_checkpoints SET signature = '" +
                                       std::string(128, '0') + "' WHERE idx = 3"), "");
  EXPECT_EQ(Verify().first_bad_index, 3);
}

}  // namespace
}  // namespace tafkik::store::testing
