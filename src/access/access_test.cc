#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "access/password.h"
#include "access/roles.h"
#include "access/sessions.h"
#include "access/throttle.h"
#include "access/totp.h"
#include "core/status_matchers.h"

namespace tafkik::access {
namespace {

Timestamp At(int64_t seconds) { return Timestamp::FromSeconds(1'800'000'000 + seconds); }

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  Result<std::string> hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_THAT(*hash, ::testing::StartsWith("$argon2id$v=19$"));
  EXPECT_TRUE(VerifyPassword("correct horse battery", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  // Two hashes of one password differ (random salt).
  EXPECT_NE(*hash, *HashPassword("correct horse battery"));
}

TEST(PasswordTest, RefusesShortPasswordsAndMalformedHashes) {
  EXPECT_EQ(HashPassword("short").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(HashPassword(std::string(2000, 'a')).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(VerifyPassword("whatever password", "plain text"));
  EXPECT_FALSE(VerifyPassword("whatever password", "$argon2i$v=19$m=4096,t=3,p=1$x$y"));
  EXPECT_FALSE(VerifyPassword("whatever password", ""));
  EXPECT_FALSE(VerifyPassword("whatever password", DecoyPasswordHash()));
}

TEST(ThrottleTest, FiveFailuresLockForTenMinutes) {
  LoginThrottle throttle;
  for (int attempt = 0; attempt < 4; ++attempt) throttle.RecordFailure("amina", At(attempt));
  EXPECT_FALSE(throttle.IsLocked("amina", At(5)));
  throttle.RecordFailure("Amina", At(6));  // names are case-insensitive
  EXPECT_TRUE(throttle.IsLocked("amina", At(7)));
  EXPECT_TRUE(throttle.IsLocked("AMINA", At(6 + 599)));
  EXPECT_FALSE(throttle.IsLocked("amina", At(6 + 600)));
  EXPECT_FALSE(throttle.IsLocked("karim", At(7)));
}

TEST(ThrottleTest, FailuresOutsideTheWindowAreForgottenAndSuccessClears) {
  LoginThrottle throttle;
  for (int attempt = 0; attempt < 4; ++attempt) throttle.RecordFailure("a", At(attempt));
  throttle.RecordFailure("a", At(700));  // the first four are older than 10 minutes
  EXPECT_FALSE(throttle.IsLocked("a", At(701)));
  for (int attempt = 0; attempt < 4; ++attempt) throttle.RecordFailure("b", At(attempt));
  throttle.RecordSuccess("b");
  throttle.RecordFailure("b", At(10));
  EXPECT_FALSE(throttle.IsLocked("b", At(11)));
}

TEST(ThrottleTest, MemoryIsBounded) {
  LoginThrottle throttle({.max_tracked_names = 100});
  for (int name = 0; name < 1000; ++name) throttle.RecordFailure(std::to_string(name), At(0));
  for (int attempt = 0; attempt < 5; ++attempt) throttle.RecordFailure("target", At(1));
  EXPECT_TRUE(throttle.IsLocked("target", At(2)));
}

TEST(SessionTest, IdleTimeoutAndAbsoluteLifetime) {
  SessionStore sessions({.idle_seconds = 1800, .absolute_seconds = 3600});
  Session session = sessions.Create("amina", false, At(0));
  EXPECT_EQ(session.id.size(), 64u);
  EXPECT_EQ(session.csrf_token.size(), 64u);
  EXPECT_NE(session.id, session.csrf_token);
  ASSERT_TRUE(sessions.Touch(session.id, At(1700)).has_value());
  ASSERT_TRUE(sessions.Touch(session.id, At(3400)).has_value());  // idle counts from last use
  EXPECT_FALSE(sessions.Touch(session.id, At(3601)).has_value());  // absolute lifetime
  Session idle = sessions.Create("karim", false, At(0));
  EXPECT_FALSE(sessions.Touch(idle.id, At(1801)).has_value());
  EXPECT_FALSE(sessions.Touch(idle.id, At(1802)).has_value());  // forgotten
  EXPECT_FALSE(sessions.Touch("not a session", At(0)).has_value());
}

TEST(SessionTest, SecondFactorGivesANewIdAndDestroyEndsSessions) {
  SessionStore sessions;
  Session pending = sessions.Create("amina", true, At(0));
  std::optional<Session> done = sessions.CompleteSecondFactor(pending.id, At(10));
  ASSERT_TRUE(done.has_value());
  EXPECT_NE(done->id, pending.id);
  EXPECT_FALSE(done->second_factor_pending);
  EXPECT_FALSE(sessions.Touch(pending.id, At(11)).has_value());
  Session other = sessions.Create("amina", false, At(12));
  sessions.DestroyAllOf("amina");
  EXPECT_FALSE(sessions.Touch(done->id, At(13)).has_value());
  EXPECT_FALSE(sessions.Touch(other.id, At(13)).has_value());
  EXPECT_EQ(sessions.size(), 0u);
}

TEST(SessionTest, OldestSessionsEndWhenFull) {
  SessionStore sessions({.max_sessions = 3});
  Session first = sessions.Create("u1", false, At(0));
  for (int user = 2; user <= 4; ++user) sessions.Create("u" + std::to_string(user), false, At(user));
  EXPECT_EQ(sessions.size(), 3u);
  EXPECT_FALSE(sessions.Touch(first.id, At(5)).has_value());
}

TEST(TokenTest, RandomTokensDifferAndCompareInConstantTime) {
  EXPECT_NE(RandomToken(), RandomToken());
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST(TotpTest, Rfc6238Vector) {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), T = 59 s.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  Result<std::string> code = TotpCode(secret, Timestamp::FromSeconds(59));
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(*code, "287082");  // the last 6 digits of 94287082
  EXPECT_TRUE(VerifyTotp(secret, "287082", Timestamp::FromSeconds(59)));
  EXPECT_TRUE(VerifyTotp(secret, "287082", Timestamp::FromSeconds(59 + 30)));  // one step late
  EXPECT_FALSE(VerifyTotp(secret, "287082", Timestamp::FromSeconds(59 + 90)));
  EXPECT_FALSE(VerifyTotp(secret, "287083", Timestamp::FromSeconds(59)));
  EXPECT_FALSE(VerifyTotp(secret, "28708", Timestamp::FromSeconds(59)));
  EXPECT_FALSE(VerifyTotp(secret, "28708a", Timestamp::FromSeconds(59)));
  EXPECT_FALSE(VerifyTotp("not base32 !!", "287082", Timestamp::FromSeconds(59)));
}

TEST(TotpTest, NewSecretsWork) {
  Result<std::string> secret = NewTotpSecret();
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(secret->size(), 32u);
  Result<std::string> code = TotpCode(*secret, At(0));
  ASSERT_TRUE(code.ok());
  EXPECT_TRUE(VerifyTotp(*secret, *code, At(0)));
}

TEST(RolesTest, NamesRoundTrip) {
  for (Role role : {Role::kFirstResponder, Role::kInvestigator, Role::kAnalyst, Role::kProsecutor,
                    Role::kNgoCaseworker, Role::kTrainer, Role::kAdministrator}) {
    EXPECT_EQ(*ParseRole(RoleName(role)), role);
  }
  EXPECT_EQ(ParseRole("superuser").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*ParseAgencyKind("fiu"), AgencyKind::kFinancialIntelligence);
}

}  // namespace
}  // namespace tafkik::access
