#include "core/time.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

// Expected epoch seconds were computed independently with Python's calendar.timegm.
constexpr int64_t k20250701T102030 = 1751365230;
constexpr int64_t k20250701T000000 = 1751328000;

int64_t SecondsOf(std::string_view text) {
  Result<Timestamp> result = ParseTimestamp(text);
  EXPECT_THAT(result, IsOk()) << text;
  return result.ok() ? result->seconds() : -1;
}

// The local time converted to UTC and printed, or the status, so a failure shows both.
std::string Utc(std::string_view local, std::string_view zone) {
  Result<Timestamp> result = LocalToUtc(local, zone);
  return result.ok() ? FormatTimestamp(*result) : result.status().ToString();
}

TEST(TimestampTest, UnitsConvert) {
  EXPECT_EQ(Timestamp::FromSeconds(3).micros(), 3'000'000);
  EXPECT_EQ(Timestamp::FromMicros(3'999'999).seconds(), 3);
  EXPECT_LT(Timestamp::FromMicros(1), Timestamp::FromMicros(2));
}

TEST(TimestampTest, NowIsAfterThisCodeWasWritten) {
  EXPECT_GT(Timestamp::Now(), Timestamp::FromSeconds(k20250701T000000));
}

TEST(ParseTimestampTest, AcceptsUtcInstants) {
  EXPECT_EQ(SecondsOf("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(SecondsOf("2025-07-01T10:20:30Z"), k20250701T102030);
  EXPECT_EQ(SecondsOf("2025-07-01t10:20:30z"), k20250701T102030);
  EXPECT_EQ(SecondsOf("2025-07-01T10:20Z"), k20250701T102030 - 30);
  EXPECT_EQ(SecondsOf("2024-02-29T23:59:59Z"), 1709251199);
  EXPECT_EQ(SecondsOf("2000-01-01T00:00:00Z"), 946684800);
  EXPECT_EQ(SecondsOf("9999-12-31T23:59:59Z"), 253402300799);
}

TEST(ParseTimestampTest, AppliesOffsets) {
  EXPECT_EQ(SecondsOf("2025-07-01T12:20:30+02:00"), k20250701T102030);
  EXPECT_EQ(SecondsOf("2025-07-01T05:50:30-04:30"), k20250701T102030);
  EXPECT_EQ(SecondsOf("2025-07-01T01:20:30+15:00"), k20250701T102030 - 86400);
}

TEST(ParseTimestampTest, DateAloneIsMidnightUtc) {
  EXPECT_EQ(SecondsOf("2025-07-01"), k20250701T000000);
}

TEST(ParseTimestampTest, ReadsFractionsToMicroseconds) {
  auto micros = [](std::string_view text) {
    Result<Timestamp> result = ParseTimestamp(text);
    return result.ok() ? result->micros() - k20250701T102030 * 1'000'000 : -1;
  };
  EXPECT_EQ(micros("2025-07-01T10:20:30.123456Z"), 123456);
  EXPECT_EQ(micros("2025-07-01T10:20:30.5Z"), 500000);
  EXPECT_EQ(micros("2025-07-01T10:20:30.123Z"), 123000);
  // .NET writes 7 digits and Go up to 9: read them, keep microseconds.
  EXPECT_EQ(micros("2025-07-01T10:20:30.1234567Z"), 123456);
  EXPECT_EQ(micros("2025-07-01T10:20:30.123456789Z"), 123456);
}

TEST(ParseTimestampTest, RejectsMalformedOrImpossible) {
  for (std::string_view bad : {"",
                               "2025",
                               "2025-07",
                               "2025-7-01",
                               "2025-07-01T",
                               "2025-07-01T10:20:30",
                               "2025-07-01 10:20:30Z",
                               "2025-02-29T00:00:00Z",
                               "2025-04-31",
                               "2025-13-01",
                               "2025-00-10",
                               "2025-07-00",
                               "2025-07-01T24:00:00Z",
                               "2025-07-01T10:60:00Z",
                               "2025-07-01T10:20:60Z",
                               "2025-07-01T10:20:30.Z",
                               "2025-07-01T10:20:30.1234567890Z",
                               "2025-07-01T10:20:30+2:00",
                               "2025-07-01T10:20:30+0200",
                               "2025-07-01T10:20:30+24:00",
                               "2025-07-01T10:20:30Zjunk",
                               " 2025-07-01",
                               "2025-07-01 ",
                               "+2025-07-01",
                               "2025-07-01T1:20:30Z"}) {
    EXPECT_THAT(ParseTimestamp(bad), StatusIs(StatusCode::kInvalidArgument)) << bad;
  }
}

TEST(ParseTimestampTest, ErrorNamesTheTextAndWhy) {
  EXPECT_THAT(ParseTimestamp("2025-07-01T10:20:30"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("\"2025-07-01T10:20:30\": expected 'Z' or a +HH:MM offset")));
}

TEST(FormatTimestampTest, PrintsUtcWithMicrosOnlyWhenNonZero) {
  EXPECT_EQ(FormatTimestamp(Timestamp()), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromSeconds(k20250701T102030)), "2025-07-01T10:20:30Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(k20250701T102030 * 1'000'000 + 7)),
            "2025-07-01T10:20:30.000007Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(-500'000)), "1969-12-31T23:59:59.500000Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromSeconds(-62135596800)), "0001-01-01T00:00:00Z");
}

TEST(FormatTimestampTest, RoundTripsThroughParse) {
  for (int64_t micros : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{1'751'365'230'123'456},
                         int64_t{-62'135'596'800'000'000}, int64_t{253'402'300'799'999'999},
                         int64_t{951'782'400'000'000}}) {
    Timestamp t = Timestamp::FromMicros(micros);
    std::string text = FormatTimestamp(t);
    Result<Timestamp> parsed = ParseTimestamp(text);
    ASSERT_THAT(parsed, IsOk()) << text;
    EXPECT_EQ(parsed->micros(), micros) << text;
    EXPECT_EQ(FormatTimestamp(*parsed), text);
  }
}

TEST(LocalToUtcTest, CairoUsesDstSinceEgyptRestoredItIn2023) {
  EXPECT_EQ(Utc("2025-07-01 12:00", "Africa/Cairo"), "2025-07-01T09:00:00Z");
  EXPECT_EQ(Utc("2025-01-15 12:00", "Africa/Cairo"), "2025-01-15T10:00:00Z");
}

TEST(LocalToUtcTest, CairoHadNoDstIn2022) {
  EXPECT_EQ(Utc("2022-07-01 12:00", "Africa/Cairo"), "2022-07-01T10:00:00Z");
}

TEST(LocalToUtcTest, CasablancaIsUtcPlusOneExceptDuringRamadan) {
  EXPECT_EQ(Utc("2025-07-01 12:00", "Africa/Casablanca"), "2025-07-01T11:00:00Z");
  // Morocco moved its clocks back to UTC+0 from 23 February to 6 April 2025.
  EXPECT_EQ(Utc("2025-03-15 12:00", "Africa/Casablanca"), "2025-03-15T12:00:00Z");
}

TEST(LocalToUtcTest, TripoliAndTunisHaveFixedOffsets) {
  EXPECT_EQ(Utc("2025-07-01 12:00:00", "Africa/Tripoli"), "2025-07-01T10:00:00Z");
  EXPECT_EQ(Utc("2025-01-15 12:00:00", "Africa/Tripoli"), "2025-01-15T10:00:00Z");
  EXPECT_EQ(Utc("2025-07-01T12:00:00", "Africa/Tunis"), "2025-07-01T11:00:00Z");
  EXPECT_EQ(Utc("2025-01-15T12:00:00", "Africa/Tunis"), "2025-01-15T11:00:00Z");
}

TEST(LocalToUtcTest, KeepsSecondsAndFractions) {
  EXPECT_EQ(Utc("2025-07-01 12:00:05.25", "Africa/Tunis"), "2025-07-01T11:00:05.250000Z");
}

TEST(LocalToUtcTest, RejectsTimesSkippedByDst) {
  // Egypt jumps from 00:00 to 01:00 on the last Friday of April (25 April 2025).
  EXPECT_THAT(LocalToUtc("2025-04-25 00:30", "Africa/Cairo"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("does not exist")));
  EXPECT_THAT(LocalToUtc("2025-03-30 02:30", "Europe/Paris"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Europe/Paris")));
  // Just outside the gap both ends exist.
  EXPECT_EQ(Utc("2025-04-24 23:59:59", "Africa/Cairo"), "2025-04-24T21:59:59Z");
  EXPECT_EQ(Utc("2025-04-25 01:00", "Africa/Cairo"), "2025-04-24T22:00:00Z");
}

TEST(LocalToUtcTest, AmbiguousTimeTakesTheEarlierInstant) {
  // Egypt repeats 23:00-24:00 on 30 October 2025: first at UTC+3, then at UTC+2.
  EXPECT_EQ(Utc("2025-10-30 23:30", "Africa/Cairo"), "2025-10-30T20:30:00Z");
  EXPECT_EQ(Utc("2025-10-26 02:30", "Europe/Paris"), "2025-10-26T00:30:00Z");
}

TEST(LocalToUtcTest, UnknownZoneIsNotFound) {
  EXPECT_THAT(LocalToUtc("2025-07-01 12:00", "Africa/Atlantis"),
              StatusIs(StatusCode::kNotFound, HasSubstr("Africa/Atlantis")));
  EXPECT_THAT(LocalToUtc("2025-07-01 12:00", ""), StatusIs(StatusCode::kNotFound));
}

TEST(LocalToUtcTest, MalformedLocalTimeIsInvalidArgument) {
  for (std::string_view bad : {"2025-07-01", "2025-07-01 12", "2025-07-01 12:00Z",
                               "2025-07-01 12:00+01:00", "2025-02-30 12:00", "01/07/2025 12:00"}) {
    EXPECT_THAT(LocalToUtc(bad, "Africa/Tunis"), StatusIs(StatusCode::kInvalidArgument)) << bad;
  }
}

TEST(UtcOffsetSecondsTest, FollowsTheZoneRules) {
  auto offset = [](std::string_view instant, std::string_view zone) {
    Result<Timestamp> t = ParseTimestamp(instant);
    Result<int> result = t.ok() ? UtcOffsetSeconds(*t, zone) : Result<int>(t.status());
    return result.ok() ? *result : -99999;
  };
  EXPECT_EQ(offset("2025-07-01T09:00:00Z", "Africa/Cairo"), 3 * 3600);
  EXPECT_EQ(offset("2022-07-01T09:00:00Z", "Africa/Cairo"), 2 * 3600);
  EXPECT_EQ(offset("2025-03-15T12:00:00Z", "Africa/Casablanca"), 0);
  EXPECT_EQ(offset("2025-07-01T12:00:00Z", "Africa/Casablanca"), 3600);
  EXPECT_EQ(offset("2025-07-01T12:00:00Z", "Africa/Tripoli"), 2 * 3600);
  EXPECT_EQ(offset("2025-07-01T12:00:00Z", "Africa/Tunis"), 3600);
  EXPECT_EQ(offset("2025-07-01T12:00:00Z", "America/St_Johns"), -(2 * 3600 + 1800));
}

TEST(UtcOffsetSecondsTest, UnknownZoneIsNotFound) {
  EXPECT_THAT(UtcOffsetSeconds(Timestamp(), "Mars/Olympus_Mons"), StatusIs(StatusCode::kNotFound));
}

TEST(IsValidIsoDateTest, AcceptsFtmPrecisions) {
  for (std::string_view good : {"2025", "2025-07", "2025-07-01", "2024-02-29", "2000-02-29",
                                "2025-07-01T10:20:30Z", "2025-07-01T10:20:30.5+01:00"}) {
    EXPECT_TRUE(IsValidIsoDate(good)) << good;
  }
}

TEST(IsValidIsoDateTest, RejectsImpossibleDatesAndOtherShapes) {
  for (std::string_view bad : {"", "202", "20255", "2023-02-29", "1900-02-29", "2024-13-01",
                               "2024-00", "2024-1", "2024-01-32", "2024-04-31", "2024/01/01",
                               "01-07-2025", "2025-07-01T10:20:30", "2025-07-01Tx"}) {
    EXPECT_FALSE(IsValidIsoDate(bad)) << bad;
  }
}

}  // namespace
}  // namespace tafkik
