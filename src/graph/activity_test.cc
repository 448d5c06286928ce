// The weekday x hour activity matrix: weekdays by ISO (Monday first), local time by offset.
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "graph/activity.h"

namespace tafkik::graph {
namespace {

Timestamp At(const char* text) {
  Result<Timestamp> parsed = ParseTimestamp(text);
  TAFKIK_CHECK(parsed.ok(), text);
  return *parsed;
}

TEST(ActivityTest, CountsByLocalWeekdayAndHour) {
  // 2025-07-06 is a Sunday; 23:30Z is 00:30 on Monday in Morocco (UTC+1).
  std::vector<Timestamp> events{At("2025-07-06T23:30:00Z"), At("2025-07-07T08:05:00Z"),
                                At("2025-07-07T08:55:00Z"), At("1969-12-31T23:00:00Z")};
  Result<ActivityMatrix> utc = BuildActivityMatrix(events);
  ASSERT_THAT(utc, IsOk());
  EXPECT_EQ(utc->counts[6][23], 1);  // Sunday 23h
  EXPECT_EQ(utc->counts[0][8], 2);   // Monday 08h
  EXPECT_EQ(utc->counts[2][23], 1);  // 1969-12-31 was a Wednesday
  EXPECT_EQ(utc->total, 4);
  EXPECT_EQ(utc->peak_weekday, 0);
  EXPECT_EQ(utc->peak_hour, 8);
  Result<ActivityMatrix> morocco = BuildActivityMatrix(events, 3600);
  ASSERT_THAT(morocco, IsOk());
  EXPECT_EQ(morocco->counts[0][0], 1);  // Monday 00h local
  EXPECT_EQ(morocco->counts[0][9], 2);
  EXPECT_EQ(morocco->counts[3][0], 1);  // Thursday 1970-01-01 00h local
}

TEST(ActivityTest, NoEventsAndBadOffset) {
  Result<ActivityMatrix> empty = BuildActivityMatrix({});
  ASSERT_THAT(empty, IsOk());
  EXPECT_EQ(empty->peak_weekday, -1);
  EXPECT_THAT(BuildActivityMatrix({}, 19 * 3600), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::graph
