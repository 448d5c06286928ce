#include "readers/excel_dates.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/status_matchers.h"
#include "core/time.h"

namespace tafkik::readers {
namespace {

std::string Iso(double serial, bool date1904 = false) {
  auto t = ExcelSerialToTimestamp(serial, date1904);
  return t.ok() ? FormatTimestamp(*t) : "!" + std::string(StatusCodeName(t.status().code()));
}

TEST(ExcelSerialToTimestampTest, Known1900SystemDates) {
  EXPECT_EQ(Iso(1), "1900-01-01T00:00:00Z");
  EXPECT_EQ(Iso(59), "1900-02-28T00:00:00Z");
  EXPECT_EQ(Iso(61), "1900-03-01T00:00:00Z");
  EXPECT_EQ(Iso(25569), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Iso(45839.5), "2025-07-01T12:00:00Z");
  EXPECT_EQ(Iso(2958465), "9999-12-31T00:00:00Z");
}

TEST(ExcelSerialToTimestampTest, Serial60IsTheNonexistentLeapDay) {
  EXPECT_THAT(ExcelSerialToTimestamp(60, false),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("1900-02-29")));
  EXPECT_THAT(ExcelSerialToTimestamp(60.75, false), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(Iso(60, true), "1904-03-01T00:00:00Z");  // no bug in the 1904 system
}

TEST(ExcelSerialToTimestampTest, Date1904System) {
  EXPECT_EQ(Iso(0, true), "1904-01-01T00:00:00Z");
  EXPECT_EQ(Iso(44377, true), "2025-07-01T00:00:00Z");
}

TEST(ExcelSerialToTimestampTest, OutOfRangeIsInvalidArgument) {
  EXPECT_THAT(ExcelSerialToTimestamp(-1, false), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ExcelSerialToTimestamp(2958466, false), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ExcelSerialToTimestamp(std::nan(""), false), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ExcelSerialToTimestamp(1e300, false), StatusIs(StatusCode::kInvalidArgument));
}

TEST(ExcelSerialToTimestampTest, RoundsToTheMillisecond) {
  // 10:20:30 is 0.430902777... of a day; binary fractions must not give 10:20:29.999.
  EXPECT_EQ(Iso(45839.430902777778), "2025-07-01T10:20:30Z");
}

TEST(ClassifyNumberFormatTest, BuiltInIds) {
  EXPECT_TRUE(ClassifyNumberFormat(14, "").date);
  EXPECT_FALSE(ClassifyNumberFormat(14, "").time);
  EXPECT_TRUE(ClassifyNumberFormat(22, "").date && ClassifyNumberFormat(22, "").time);
  EXPECT_TRUE(ClassifyNumberFormat(46, "").time);
  EXPECT_FALSE(ClassifyNumberFormat(4, "").is_date_or_time());
  EXPECT_FALSE(ClassifyNumberFormat(49, "").is_date_or_time());  // text "@"
}

TEST(ClassifyNumberFormatTest, CustomCodes) {
  EXPECT_TRUE(ClassifyNumberFormat(164, "yyyy-mm-dd").date);
  EXPECT_FALSE(ClassifyNumberFormat(164, "yyyy-mm-dd").time);
  EXPECT_TRUE(ClassifyNumberFormat(164, "hh:mm").time);
  EXPECT_FALSE(ClassifyNumberFormat(164, "hh:mm").date);  // m beside h is minutes
  EXPECT_TRUE(ClassifyNumberFormat(164, "[h]:mm:ss").time);
  EXPECT_TRUE(ClassifyNumberFormat(164, "[$-1010401]dd/mm/yyyy").date);
  EXPECT_FALSE(ClassifyNumberFormat(164, "[Red]0.00").is_date_or_time());
  EXPECT_FALSE(ClassifyNumberFormat(164, "0.00\"days\"").is_date_or_time());
  EXPECT_FALSE(ClassifyNumberFormat(164, "#,##0\\ \\d").is_date_or_time());
  EXPECT_FALSE(ClassifyNumberFormat(164, "General").is_date_or_time());
}

TEST(FormatExcelSerialTest, DateDateTimeAndElapsedTime) {
  const DateFormatKind date{.date = true, .time = false};
  const DateFormatKind time{.date = false, .time = true};
  EXPECT_EQ(*FormatExcelSerial(45839, false, date), "2025-07-01");
  EXPECT_EQ(*FormatExcelSerial(45839.75, false, date), "2025-07-01T18:00:00");
  EXPECT_EQ(*FormatExcelSerial(0.0038194444, false, time), "00:05:30");
  EXPECT_EQ(*FormatExcelSerial(1.5, false, time), "36:00:00");
  EXPECT_EQ(*FormatExcelSerial(45839.99999999, false, date), "2025-07-02");  // rounds up
  EXPECT_THAT(FormatExcelSerial(60, false, date), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::readers
