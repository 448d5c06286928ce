// Login sessions of the server: random 256-bit ids (sent only in an HttpOnly cookie), a
// per-session CSRF token (sent back by the browser in a header on every state change), an
// idle timeout and an absolute lifetime. A new id is made at every login. Kept in memory:
// restarting the server signs everyone out. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time.h"

namespace tafkik::access {

struct SessionOptions {
  int64_t idle_seconds = 30 * 60;          // unused this long: ended
  int64_t absolute_seconds = 12 * 3600;    // after this long since login: ended regardless
  size_t max_sessions = 10'000;            // beyond this, the oldest sessions end
};

struct Session {
  std::string id;          // 64 hex digits
  std::string csrf_token;  // 64 hex digits
  std::string user;
  Timestamp created;
  Timestamp last_seen;
  bool second_factor_pending = false;  // password accepted, TOTP code still owed
};

class SessionStore {
 public:
  explicit SessionStore(SessionOptions options = {}) : options_(options) {}

  Session Create(const std::string& user, bool second_factor_pending, Timestamp now);
  // The live session with this id, its last_seen moved to `now`; nullopt when unknown,
  // idle too long or past its lifetime (and then forgotten).
  std::optional<Session> Touch(const std::string& id, Timestamp now);
  // Marks the second factor done and gives the session a new id (and CSRF token).
  std::optional<Session> CompleteSecondFactor(const std::string& id, Timestamp now);
  void Destroy(const std::string& id);
  void DestroyAllOf(const std::string& user);  // password change, user disabled
  size_t size();

 private:
  bool Expired(const Session& session, Timestamp now) const;
  void EvictIfFull();

  const SessionOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, Session> sessions_;  // by id; guarded by mu_
};

// 32 random bytes from the system's CSPRNG, as 64 lower-case hex digits.
std::string RandomToken();

// Compares in time that depends only on the lengths.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

}  // namespace tafkik::access
