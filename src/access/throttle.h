// Login throttling: after 5 failed attempts for one account name within 10 minutes, that
// name is locked for 10 minutes. Unknown names are counted and locked exactly like real
// ones, so that the answers never tell a real account from an unknown one. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/time.h"

namespace tafkik::access {

struct ThrottleOptions {
  int max_failures = 5;                    // failures that lock the name
  int64_t window_seconds = 10 * 60;        // failures older than this are forgotten
  int64_t lockout_seconds = 10 * 60;       // how long a locked name stays locked
  size_t max_tracked_names = 100'000;      // memory bound; the oldest entries go first
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleOptions options = {}) : options_(options) {}

  // True while `name` is locked at `now` (no password is checked then).
  bool IsLocked(const std::string& name, Timestamp now);
  void RecordFailure(const std::string& name, Timestamp now);
  // A successful login clears the failures of `name`.
  void RecordSuccess(const std::string& name);

 private:
  struct Entry {
    int failures = 0;
    Timestamp first_failure;
    Timestamp locked_until;
  };
  static std::string KeyOf(const std::string& name);  // case-insensitive
  void EvictIfFull(Timestamp now);

  const ThrottleOptions options_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace tafkik::access
