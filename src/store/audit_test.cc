// The audit chain as pure functions: building, hashing and verifying without a database.
#include "store/audit.h"

#include <gtest/gtest.h>

#include "core/signing.h"

namespace tafkik::store {
namespace {

struct Log {
  std::vector<AuditEvent> events;
  std::vector<AuditCheckpoint> checkpoints;
};

Log BuildLog(const SigningKey& key, int count) {
  Log log;
  for (int event_idx = 0; event_idx < count; ++event_idx) {
    AuditRecord record{"entity.put", "entity:" + std::to_string(event_idx), AuditOutcome::kOk,
                       Json{{"n", event_idx}}};
    const AuditEvent* previous = log.events.empty() ? nullptr : &log.events.back();
    log.events.push_back(
        MakeEvent(previous, Timestamp::FromSeconds(1'700'000'000 + event_idx), "alice", record));
    const AuditEvent& last = log.events.back();
    log.checkpoints.push_back({last.index, last.hash, last.time, key.PublicKeyHex(),
                               key.SignHex(CheckpointMessage(last.index, last.hash))});
  }
  return log;
}

TEST(AuditChainTest, IntactChainVerifies) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 5);
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, key.PublicKeyHex());
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.events, 5);
  EXPECT_EQ(report.checkpoints, 5);
  EXPECT_EQ(report.head_hash, log.events.back().hash);
}

TEST(AuditChainTest, EventsLinkToTheirPredecessor) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 3);
  EXPECT_EQ(log.events[0].prev_hash, kGenesisHash);
  EXPECT_EQ(log.events[1].prev_hash, log.events[0].hash);
  EXPECT_EQ(log.events[2].index, 3);
}

TEST(AuditChainTest, EditedActorIsFoundAtItsIndex) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 5);
  log.events[2].actor = "mallory";
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, key.PublicKeyHex());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_index, 3);
}

TEST(AuditChainTest, EditedDetailsAreFound) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 4);
  log.events[1].details = "{\"n\":99}";
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, key.PublicKeyHex());
  EXPECT_EQ(report.first_bad_index, 2);
  EXPECT_NE(report.reason.find("details"), std::string::npos) << report.reason;
}

TEST(AuditChainTest, ForeignKeyIsRejected) {
  SigningKey key = SigningKey::Generate();
  SigningKey other = SigningKey::Generate();
  Log log = BuildLog(key, 2);
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, other.PublicKeyHex());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_index, 1);
}

TEST(AuditChainTest, UnsignedTailIsFound) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 4);
  log.checkpoints.pop_back();
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, key.PublicKeyHex());
  EXPECT_EQ(report.first_bad_index, 4);
}

TEST(AuditChainTest, BadSignatureIsFound) {
  SigningKey key = SigningKey::Generate();
  Log log = BuildLog(key, 3);
  log.checkpoints[1].signature[0] = log.checkpoints[1].signature[0] == 'a' ? 'b' : 'a';
  AuditVerifyReport report = VerifyAuditChain(log.events, log.checkpoints, key.PublicKeyHex());
  EXPECT_EQ(report.first_bad_index, 2);
  EXPECT_NE(report.reason.find("signature"), std::string::npos) << report.reason;
}

// Regression: an actor that is not valid UTF-8 made the event unhashable; its hash was ""
// and the verifier recomputed the same "", so the event could be rewritten unnoticed.
TEST(AuditChainTest, InvalidUtf8IsEscapedAndStillProtected) {
  SigningKey key = SigningKey::Generate();
  AuditRecord record{"entity.add", "entity:\xff", AuditOutcome::kOk, Json{{"file", "d\xe9.csv"}}};
  AuditEvent event = MakeEvent(nullptr, Timestamp::FromSeconds(1), "bad\xff", record);
  EXPECT_EQ(event.actor, "bad\\xff");
  EXPECT_EQ(event.hash.size(), 64u);
  std::vector<AuditCheckpoint> checkpoints = {{1, event.hash, event.time, key.PublicKeyHex(),
                                               key.SignHex(CheckpointMessage(1, event.hash))}};
  EXPECT_TRUE(VerifyAuditChain({event}, checkpoints, key.PublicKeyHex()).ok);
  event.action = "entity.delete";
  EXPECT_EQ(VerifyAuditChain({event}, checkpoints, key.PublicKeyHex()).first_bad_index, 1);
}

TEST(AuditChainTest, EventThatCannotBeHashedNeverVerifies) {
  SigningKey key = SigningKey::Generate();
  AuditEvent event = MakeEvent(nullptr, Timestamp::FromSeconds(1), "alice", {"a", "o"});
  event.actor = "bad\xff";  // edited in the file into something unhashable
  event.hash = "";
  std::vector<AuditCheckpoint> checkpoints = {
      {1, "", event.time, key.PublicKeyHex(), key.SignHex(CheckpointMessage(1, ""))}};
  EXPECT_FALSE(VerifyAuditChain({event}, checkpoints, key.PublicKeyHex()).ok);
}

}  // namespace
}  // namespace tafkik::store
