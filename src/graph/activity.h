// When a person or group is active: a weekday x hour matrix of events (calls, messages,
// payments), in a stated local time, so that an analyst sees the "working hours" of a
// network and who breaks the pattern. Plain function over in-memory timestamps; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace tafkik::graph {

struct ActivityMatrix {
  // counts[weekday][hour]: weekday 0 = Monday ... 6 = Sunday (ISO 8601), hour 0..23, local.
  std::array<std::array<int64_t, 24>, 7> counts{};
  int64_t total = 0;
  int utc_offset_seconds = 0;
  // The busiest cell (the earliest weekday, then hour, on ties); -1 when there are no events.
  int peak_weekday = -1;
  int peak_hour = -1;
};

// Counts `events` by local weekday and hour, local = UTC + utc_offset_seconds (pass the
// offset of the investigation's zone: Morocco +3600, Egypt +7200 or +10800 in summer; use
// core/time.h UtcOffsetSeconds). O(events). InvalidArgument when the offset is beyond +-18h.
Result<ActivityMatrix> BuildActivityMatrix(const std::vector<Timestamp>& events,
                                           int utc_offset_seconds = 0);

}  // namespace tafkik::graph
