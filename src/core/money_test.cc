#include "core/money.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

int MinorDigits(std::string_view code) {
  std::optional<CurrencyInfo> info = FindCurrency(code);
  return info ? info->minor_digits : -1;
}

// The parsed amount as "minor CUR", or the status, so a failure shows what happened.
std::string Parsed(std::string_view amount, std::string_view currency) {
  Result<Money> money = ParseMoney(amount, currency);
  if (!money.ok()) return money.status().ToString();
  return std::to_string(money->minor) + " " + money->currency;
}

TEST(FindCurrencyTest, KnowsNorthAfricanAndGulfCurrencies) {
  for (std::string_view code : {"MAD", "DZD", "EGP", "SDG", "MRU", "AED", "SAR", "QAR"}) {
    EXPECT_EQ(MinorDigits(code), 2) << code;
  }
  for (std::string_view code : {"LYD", "TND", "KWD", "BHD", "OMR", "JOD", "IQD"}) {
    EXPECT_EQ(MinorDigits(code), 3) << code;
  }
}

TEST(FindCurrencyTest, KnowsZeroDecimalCurrencies) {
  for (std::string_view code : {"JPY", "KRW", "XOF", "XAF", "GNF", "RWF", "UGX", "VND", "DJF",
                                "KMF", "BIF", "CLP", "ISK", "PYG", "VUV", "XPF"}) {
    EXPECT_EQ(MinorDigits(code), 0) << code;
  }
}

TEST(FindCurrencyTest, KnowsMajorAndSubSaharanCurrencies) {
  for (std::string_view code : {"USD", "EUR", "GBP", "CHF", "CNY", "INR", "TRY", "NGN", "GHS",
                                "ETB", "ERN", "SOS", "SSP", "KES", "XCG", "ZWG", "SLE"}) {
    EXPECT_EQ(MinorDigits(code), 2) << code;
  }
  EXPECT_EQ(MinorDigits("CLF"), 4);
  EXPECT_EQ(MinorDigits("UYW"), 4);
}

TEST(FindCurrencyTest, UnknownWithdrawnAndNonMoneyCodesAreAbsent) {
  for (std::string_view code :
       {"", "mad", "MA", "MADX", "XXX", "XAU", "XDR", "HRK", "FRF", "AAA", "ZZZ"}) {
    EXPECT_FALSE(FindCurrency(code).has_value()) << code;
  }
}

TEST(ParseMoneyTest, ScalesToMinorUnits) {
  EXPECT_EQ(Parsed("1234", "MAD"), "123400 MAD");
  EXPECT_EQ(Parsed("1234.5", "MAD"), "123450 MAD");
  EXPECT_EQ(Parsed("1234.50", "MAD"), "123450 MAD");
  // Regression: "1,500" LYD parsed as 1.500 dinars; a comma is never a decimal separator here.
  EXPECT_EQ(ParseMoney("1234,50", "EUR").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseMoney("1,500", "LYD").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Parsed("-12.345", "LYD"), "-12345 LYD");
  EXPECT_EQ(Parsed("0.001", "TND"), "1 TND");
  EXPECT_EQ(Parsed("5000", "XOF"), "5000 XOF");
  EXPECT_EQ(Parsed("007.10", "USD"), "710 USD");
  EXPECT_EQ(Parsed("-0", "USD"), "0 USD");
}

TEST(ParseMoneyTest, RejectsTooManyDecimals) {
  EXPECT_THAT(ParseMoney("1.234", "MAD"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("decimal places")));
  EXPECT_THAT(ParseMoney("100.5", "JPY"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseMoney("1.2345", "KWD"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(ParseMoneyTest, RejectsWhatIsNotAPlainDecimal) {
  for (std::string_view bad : {"", "-", ".", ".5", "5.", "1,234.50", "1.2.3", "1 234", " 12", "12 ",
                               "+12", "--12", "1e3", "12abc", "٣٤", "0x10", "NaN"}) {
    EXPECT_THAT(ParseMoney(bad, "USD"), StatusIs(StatusCode::kInvalidArgument)) << bad;
  }
}

TEST(ParseMoneyTest, RejectsUnknownCurrencyNamingIt) {
  EXPECT_THAT(ParseMoney("10", "XYZ"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("XYZ")));
  EXPECT_THAT(ParseMoney("10", "usd"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(ParseMoneyTest, DetectsOverflow) {
  // INT64_MAX is 9223372036854775807.
  EXPECT_EQ(Parsed("9223372036854775807", "JPY"), "9223372036854775807 JPY");
  EXPECT_EQ(Parsed("-9223372036854775807", "JPY"), "-9223372036854775807 JPY");
  EXPECT_EQ(Parsed("92233720368547758.07", "USD"), "9223372036854775807 USD");
  EXPECT_THAT(ParseMoney("9223372036854775808", "JPY"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("too large")));
  // Fits as a whole number but not once scaled to minor units.
  EXPECT_THAT(ParseMoney("92233720368547758.08", "USD"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseMoney("92233720368547759", "USD"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseMoney("99999999999999999999999", "USD"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(FormatAmountTest, UsesTheCurrencyMinorDigits) {
  EXPECT_EQ(FormatAmount({123450, "MAD"}), "1234.50");
  EXPECT_EQ(FormatAmount({12345, "LYD"}), "12.345");
  EXPECT_EQ(FormatAmount({5000, "XOF"}), "5000");
  EXPECT_EQ(FormatAmount({5, "EUR"}), "0.05");
  EXPECT_EQ(FormatAmount({-5, "EUR"}), "-0.05");
  EXPECT_EQ(FormatAmount({0, "TND"}), "0.000");
  EXPECT_EQ(FormatAmount({-1, "KWD"}), "-0.001");
  EXPECT_EQ(FormatAmount({1, "CLF"}), "0.0001");
}

TEST(FormatAmountTest, HandlesExtremesAndUnknownCurrency) {
  EXPECT_EQ(FormatAmount({std::numeric_limits<int64_t>::min(), "USD"}), "-92233720368547758.08");
  EXPECT_EQ(FormatAmount({std::numeric_limits<int64_t>::max(), "JPY"}), "9223372036854775807");
  EXPECT_EQ(FormatAmount({150, "???"}), "1.50");
}

TEST(FormatAmountTest, RoundTripsThroughParseForEveryDigitCount) {
  for (std::string_view code : {"JPY", "MAD", "LYD", "CLF"}) {
    for (int64_t minor : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{100},
                          int64_t{-123456789}, std::numeric_limits<int64_t>::max()}) {
      Money money{minor, std::string(code)};
      Result<Money> parsed = ParseMoney(FormatAmount(money), code);
      ASSERT_THAT(parsed, IsOk()) << FormatAmount(money);
      EXPECT_EQ(*parsed, money);
    }
  }
}

}  // namespace
}  // namespace tafkik
