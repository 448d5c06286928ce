#include "access/sessions.h"

#include <sodium.h>

#include <algorithm>

namespace tafkik::access {

std::string RandomToken() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Session SessionStore::Create(const std::string& user, bool second_factor_pending,
                             Timestamp now) {
  Session session{RandomToken(), RandomToken(), user, now, now, second_factor_pending};
  std::lock_guard<std::mutex> lock(mu_);
  EvictIfFull();
  sessions_[session.id] = session;
  return session;
}

bool SessionStore::Expired(const Session& session, Timestamp now) const {
  return now.micros() - session.last_seen.micros() > options_.idle_seconds * 1'000'000 ||
         now.micros() - session.created.micros() > options_.absolute_seconds * 1'000'000;
}

std::optional<Session> SessionStore::Touch(const std::string& id, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (Expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

std::optional<Session> SessionStore::CompleteSecondFactor(const std::string& id, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || Expired(it->second, now)) return std::nullopt;
  Session renewed = it->second;
  sessions_.erase(it);
  renewed.id = RandomToken();
  renewed.csrf_token = RandomToken();
  renewed.second_factor_pending = false;
  renewed.last_seen = now;
  sessions_[renewed.id] = renewed;
  return renewed;
}

void SessionStore::Destroy(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(id);
}

void SessionStore::DestroyAllOf(const std::string& user) {
  std::lock_guard<std::mutex> lock(mu_);
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.user == user; });
}

size_t SessionStore::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

void SessionStore::EvictIfFull() {
  while (sessions_.size() >= options_.max_sessions) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](auto& a, auto& b) {
      return a.second.last_seen < b.second.last_seen;
    });
    sessions_.erase(oldest);
  }
}

}  // namespace tafkik::access
