#include "finance/rates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::finance {
namespace {

using ::testing::HasSubstr;

Timestamp Day(const char* text) { return *ParseTimestamp(text); }

// The converted amount, or a value no test expects when the conversion failed.
int64_t Converted(const RatesTable& table, Money money, const char* day) {
  Result<int64_t> result = table.Convert(money, Day(day));
  EXPECT_THAT(result, IsOk());
  return result.ok() ? *result : INT64_MIN;
}

TEST(RatesTest, ConvertsWithTheLatestRateOnOrBeforeTheDay) {
  auto table = RatesTable::ParseCsv(
      "# MAD and LYD into EUR\n"
      "date,currency,reporting,rate\n"
      "2025-03-01,MAD,EUR,0.0925\n"
      "2025-03-03,MAD,EUR,0.0930\n"
      "2025-03-01,LYD,EUR,0.19\n",
      "rates.csv");
  ASSERT_THAT(table, IsOk());
  EXPECT_EQ(table->size(), 3u);
  // 1000.00 MAD on 2 March uses the 1 March rate: 92.50 EUR.
  EXPECT_EQ(Converted(*table, Money{100000, "MAD"}, "2025-03-02T23:00:00Z"), 9250);
  EXPECT_EQ(Converted(*table, Money{100000, "MAD"}, "2025-03-03T00:00:00Z"), 9300);
  // LYD has 3 decimals: 10.005 LYD x 0.19 = 1.90095 EUR -> 1.90.
  EXPECT_EQ(Converted(*table, Money{10005, "LYD"}, "2025-03-01"), 190);
  // Already in EUR: unchanged, no rate needed.
  EXPECT_EQ(Converted(*table, Money{123, "EUR"}, "1999-01-01"), 123);
}

TEST(RatesTest, MissingOrStaleRateIsNotFoundNamingCurrencyAndDay) {
  auto table = RatesTable::ParseCsv("date,currency,reporting,rate\n2025-03-01,MAD,EUR,0.0925\n",
                                    "rates.csv");
  ASSERT_THAT(table, IsOk());
  auto stale = table->Convert(Money{100, "MAD"}, Day("2025-03-20"));
  EXPECT_THAT(stale, StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(stale.status().message(), HasSubstr("MAD on 2025-03-20"));
  EXPECT_THAT(stale.status().message(), HasSubstr("2025-03-01"));
  auto early = table->Convert(Money{100, "MAD"}, Day("2025-02-01"));
  EXPECT_THAT(early.status().message(), HasSubstr("the first is on 2025-03-01"));
  auto none = table->Convert(Money{100, "EGP"}, Day("2025-03-01"));
  EXPECT_THAT(none.status().message(), HasSubstr("has none for EGP"));
}

TEST(RatesTest, BadRowsNameTheLineAndField) {
  EXPECT_THAT(RatesTable::ParseCsv("date,currency,rate\n", "r.csv").status().message(),
              HasSubstr("header"));
  auto bad_rate = RatesTable::ParseCsv("date,currency,reporting,rate\n2025-03-01,MAD,EUR,-1\n",
                                       "r.csv");
  EXPECT_THAT(bad_rate, StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(bad_rate.status().message(), HasSubstr("r.csv line 2"));
  EXPECT_THAT(bad_rate.status().message(), HasSubstr("not a positive decimal"));
  auto twice = RatesTable::ParseCsv(
      "date,currency,reporting,rate\n2025-03-01,MAD,EUR,0.1\n2025-03-01,MAD,EUR,0.2\n", "r.csv");
  EXPECT_THAT(twice.status().message(), HasSubstr("given twice"));
  auto mixed = RatesTable::ParseCsv(
      "date,currency,reporting,rate\n2025-03-01,MAD,EUR,0.1\n2025-03-01,EGP,USD,0.2\n", "r.csv");
  EXPECT_THAT(mixed.status().message(), HasSubstr("line 3: reporting currency USD differs"));
  EXPECT_THAT(RatesTable::ParseCsv("date,currency,reporting,rate\n2025-13-01,MAD,EUR,0.1\n", "r")
                  .status()
                  .message(),
              HasSubstr("not YYYY-MM-DD"));
  EXPECT_THAT(ParseRate("0.0000000000001"), StatusIs(StatusCode::kInvalidArgument));
  ASSERT_THAT(ParseRate("1.5"), IsOk());
  EXPECT_EQ(*ParseRate("1.5"), 1'500'000'000'000);
}

}  // namespace
}  // namespace tafkik::finance
