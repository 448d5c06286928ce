#include "access/throttle.h"

#include <cctype>

namespace tafkik::access {
namespace {

Timestamp Plus(Timestamp t, int64_t seconds) {
  return Timestamp::FromMicros(t.micros() + seconds * 1'000'000);
}

}  // namespace

std::string LoginThrottle::KeyOf(const std::string& name) {
  std::string key = name;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

bool LoginThrottle::IsLocked(const std::string& name, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto entry = entries_.find(KeyOf(name));
  return entry != entries_.end() && now < entry->second.locked_until;
}

void LoginThrottle::RecordFailure(const std::string& name, Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  EvictIfFull(now);
  Entry& entry = entries_[KeyOf(name)];
  if (entry.failures == 0 || now >= Plus(entry.first_failure, options_.window_seconds)) {
    entry.failures = 0;
    entry.first_failure = now;
  }
  if (++entry.failures >= options_.max_failures) {
    entry.locked_until = Plus(now, options_.lockout_seconds);
    entry.failures = 0;
  }
}

void LoginThrottle::RecordSuccess(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(KeyOf(name));
}

// Drops entries that neither lock nor count any more; if still full, drops the first ones
// (an attacker spraying names can then at worst reset counts of names it also sprays).
void LoginThrottle::EvictIfFull(Timestamp now) {
  if (entries_.size() < options_.max_tracked_names) return;
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool stale = now >= it->second.locked_until &&
                       now >= Plus(it->second.first_failure, options_.window_seconds);
    it = stale ? entries_.erase(it) : std::next(it);
  }
  while (entries_.size() >= options_.max_tracked_names) entries_.erase(entries_.begin());
}

}  // namespace tafkik::access
