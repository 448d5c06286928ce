#include "ingest/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/phone.h"
#include "core/status_matchers.h"

namespace tafkik::ingest {
namespace {

using ::testing::HasSubstr;

TEST(NormalizeTest, EasternArabicDigitsBecomeAscii) {
  std::string text = "٠٦١٢٣٤٥٦٧٨";  // Arabic-Indic
  EXPECT_TRUE(AsciiDigitsInPlace(text));
  EXPECT_EQ(text, "0612345678");
  text = "۱۲۳٫۵";  // Extended (Persian) digits and the Arabic decimal separator
  EXPECT_TRUE(AsciiDigitsInPlace(text));
  EXPECT_EQ(text, "123.5");
  text = "plain 42";
  EXPECT_FALSE(AsciiDigitsInPlace(text));
  text = "محمد";  // Arabic letters are left alone
  EXPECT_FALSE(AsciiDigitsInPlace(text));
  EXPECT_EQ(text, "محمد");
}

TEST(NormalizeTest, ImeiCheckDigitIsRecomputedFromTheFirstFourteen) {
  EXPECT_EQ(*NormalizeImei("490154203237518"), "490154203237518");  // valid as given
  EXPECT_EQ(*NormalizeImei("356938035643800"), "356938035643809");  // spare 0 from a CDR
  EXPECT_EQ(*NormalizeImei("35-693803-564380"), "356938035643809");  // 14 digits
  EXPECT_EQ(*NormalizeImei("3569380356438012"), "356938035643809");  // IMEISV
  EXPECT_THAT(NormalizeImei("12345"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("5 digits")));
  // Regression: a mistyped 15th digit was silently replaced, making another handset.
  EXPECT_THAT(NormalizeImei("490154203237528"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("check digit")));
  EXPECT_THAT(NormalizeImei("35693803564380X"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(NormalizeTest, IbanIsCheckedModulo97) {
  EXPECT_EQ(*NormalizeIban("gb82 west 1234 5698 7654 32"), "GB82WEST12345698765432");
  EXPECT_EQ(*NormalizeIban("FR1420041010050500013M02606"), "FR1420041010050500013M02606");
  EXPECT_THAT(NormalizeIban("GB82WEST12345698765433"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("mod-97")));
  EXPECT_THAT(NormalizeIban("12345"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(NormalizeTest, NumbersWithDecimalCommaAndGrouping) {
  EXPECT_EQ(*NormalizeDuration("00:02:05"), "125");
  EXPECT_EQ(*NormalizeDuration("1:02:03"), "3723");
  EXPECT_EQ(*NormalizeDuration("02:05"), "125");
  EXPECT_EQ(*NormalizeDuration("125"), "125");
  EXPECT_THAT(NormalizeDuration("1:75"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizeDuration("1:2"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizeDuration("1:02:03:04"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizeDuration("abc"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(*NormalizeNumber("1 234,50"), "1234.50");
  EXPECT_EQ(*NormalizeNumber("1.234,5"), "1234.5");
  EXPECT_EQ(*NormalizeNumber("1,234.50"), "1234.50");
  EXPECT_EQ(*NormalizeNumber("12,5"), "12.5");
  EXPECT_EQ(*NormalizeNumber("1.234.567"), "1234567");
  EXPECT_EQ(*NormalizeNumber("-12"), "-12");
  EXPECT_EQ(*NormalizeNumber("20000"), "20000");
  EXPECT_THAT(NormalizeNumber("12 DH"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizeNumber(","), StatusIs(StatusCode::kInvalidArgument));
  // Regression: "1,500" was read as 1.5, a thousand times too small for an amount.
  EXPECT_THAT(NormalizeNumber("1,500"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("ambiguous")));
  EXPECT_THAT(NormalizeNumber("12,500"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(*NormalizeNumber("1,500.00"), "1500.00");
  EXPECT_EQ(*NormalizeNumber("1.500,00"), "1500.00");
}

TEST(NormalizeTest, CountriesFromCodesAndNames) {
  EXPECT_EQ(*NormalizeCountry("MA"), "ma");
  EXPECT_EQ(*NormalizeCountry("EGY"), "eg");
  EXPECT_EQ(*NormalizeCountry("Maroc"), "ma");
  EXPECT_EQ(*NormalizeCountry("ليبيا"), "ly");
  EXPECT_THAT(NormalizeCountry("Atlantis"), StatusIs(StatusCode::kInvalidArgument));
  // Two letters are not enough: only assigned ISO 3166-1 codes are countries.
  EXPECT_THAT(NormalizeCountry("ZZ"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizeCountry("xq"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(*NormalizeCountry("gn"), "gn");
  EXPECT_EQ(*NormalizeCountry("UK"), "gb");
}

TEST(NormalizeTest, DatesInAProfileFormat) {
  bool has_time = false;
  EXPECT_EQ(*ParseLocalDateTime("03/07/2004", "%d/%m/%Y", has_time), "2004-07-03");
  EXPECT_FALSE(has_time);
  EXPECT_EQ(*ParseLocalDateTime("28/04/2023 00:30", "%d/%m/%Y %H:%M", has_time),
            "2023-04-28 00:30:00");
  EXPECT_TRUE(has_time);
  EXPECT_EQ(*ParseLocalDateTime("2025-03-01T10:15:00.25", "", has_time),
            "2025-03-01 10:15:00.250000");
  EXPECT_THAT(ParseLocalDateTime("31/02/2023", "%d/%m/%Y", has_time),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("%d/%m/%Y")));
  EXPECT_THAT(ParseLocalDateTime("2023-04-28x", "", has_time), StatusIs(StatusCode::kInvalidArgument));
}

// Egypt brought daylight saving time back in 2023: from Friday 28 April 00:00 (clocks to
// 01:00) to Thursday 26 October 24:00 (clocks back to 23:00).
TEST(NormalizeTest, Egypt2023DaylightSavingComesFromTzdata) {
  LocalTimeConverter cairo("Africa/Cairo");
  EXPECT_EQ(FormatTimestamp(*cairo.ToUtc("2023-04-27 23:30:00")), "2023-04-27T21:30:00Z");
  EXPECT_EQ(FormatTimestamp(*cairo.ToUtc("2023-04-28 12:00:00")), "2023-04-28T09:00:00Z");
  EXPECT_THAT(cairo.ToUtc("2023-04-28 00:30:00"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_EQ(FormatTimestamp(*cairo.ToUtc("2023-10-27 12:00:00")), "2023-10-27T10:00:00Z");
  // The cache answers the same as a direct conversion, minute after minute through a day.
  for (int minute = 0; minute < 24 * 60; minute += 7) {
    char local[32];
    std::snprintf(local, sizeof local, "2023-07-14 %02d:%02d:11", minute / 60, minute % 60);
    EXPECT_EQ(cairo.ToUtc(local)->micros(), LocalToUtc(local, "Africa/Cairo")->micros()) << local;
  }
  LocalTimeConverter nowhere("Mars/Olympus");
  EXPECT_THAT(nowhere.ToUtc("2023-01-01 00:00:00"), StatusIs(StatusCode::kNotFound));
}

TEST(NormalizeTest, PhoneCacheReturnsWhatNormalizePhoneReturns) {
  PhoneCache cache(2);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(*cache.Normalize("0612345678", "MA"), "+212612345678");
    EXPECT_EQ(cache.Normalize("0612345678", "TN").status(), NormalizePhone("0612345678", "TN").status());
    EXPECT_EQ(*cache.Normalize("01001234567", "EG"), "+201001234567");
    EXPECT_EQ(*cache.Normalize("+8821612345678", "MA"), "+8821612345678");  // Thuraya
    EXPECT_THAT(cache.Normalize("12", "MA"), StatusIs(StatusCode::kInvalidArgument));
  }
}

}  // namespace
}  // namespace tafkik::ingest
