#include "graph/activity.h"

#include <string>

namespace tafkik::graph {
namespace {

// Floor division for negative instants (before 1970).
int64_t FloorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

}  // namespace

Result<ActivityMatrix> BuildActivityMatrix(const std::vector<Timestamp>& events,
                                           int utc_offset_seconds) {
  if (utc_offset_seconds < -18 * 3600 || utc_offset_seconds > 18 * 3600) {
    return InvalidArgumentError("UTC offset " + std::to_string(utc_offset_seconds) +
                                " s is beyond +-18 hours");
  }
  ActivityMatrix matrix;
  matrix.utc_offset_seconds = utc_offset_seconds;
  for (Timestamp event : events) {
    int64_t local = FloorDiv(event.micros(), 1'000'000) + utc_offset_seconds;
    int64_t days = FloorDiv(local, 86'400);
    int64_t hour = (local - days * 86'400) / 3600;
    // 1970-01-01 was a Thursday: ISO weekday index 3.
    int64_t weekday = ((days + 3) % 7 + 7) % 7;
    ++matrix.counts[weekday][hour];
    ++matrix.total;
  }
  int64_t best = 0;
  for (int weekday = 0; weekday < 7; ++weekday) {
    for (int hour = 0; hour < 24; ++hour) {
      if (matrix.counts[weekday][hour] <= best) continue;
      best = matrix.counts[weekday][hour];
      matrix.peak_weekday = weekday;
      matrix.peak_hour = hour;
    }
  }
  return matrix;
}

}  // namespace tafkik::graph
