#include "model/internal/value_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace tafkik::model::internal {
namespace {

TEST(ValueChecksTest, Decimal) {
  for (const char* good : {"0", "42", "-7", "3.14", "-0.5", "0012"}) {
    EXPECT_TRUE(IsDecimal(good)) << good;
  }
  for (const char* bad : {"", "-", ".5", "5.", "1.2.3", "1,5", "1e3", "+4", " 1", "١٢"}) {
    EXPECT_FALSE(IsDecimal(bad)) << bad;
  }
}

TEST(ValueChecksTest, EmailAddress) {
  for (const char* good : {"a@b.ma", "first.last@example.co.uk",
                           "x+y@xn--mgbc0a9azcg.xn--mgbc0a9azcg", "o'brien@example.org"}) {
    EXPECT_TRUE(IsEmailAddress(good)) << good;
  }
  for (const char* bad : {"", "@b.ma", "a@", "a@b", "a@.ma", "a@b..ma", ".a@b.ma", "a..b@c.ma",
                          "a@-b.ma", "a@b.m", "a@10.0.0.1", "a b@c.ma", "a@b.ma.", "كريم@b.ma"}) {
    EXPECT_FALSE(IsEmailAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsEmailAddress(std::string(65, 'a') + "@b.ma"));  // local part over 64
}

TEST(ValueChecksTest, HttpUrl) {
  for (const char* good : {"http://a.ma", "https://example.org/x?y=1", "https://u:p@host:8443/"}) {
    EXPECT_TRUE(IsHttpUrl(good)) << good;
  }
  for (const char* bad : {"", "example.org", "ftp://a.ma", "https://", "https:///x",
                          "https://a.ma/with space", "https://:80/", "javascript:alert(1)"}) {
    EXPECT_FALSE(IsHttpUrl(bad)) << bad;
  }
}

TEST(ValueChecksTest, LuhnCheckDigit) {
  EXPECT_TRUE(HasValidLuhnDigit("490154203237518"));
  EXPECT_TRUE(HasValidLuhnDigit("352099001761481"));
  EXPECT_FALSE(HasValidLuhnDigit("490154203237519"));
  EXPECT_FALSE(HasValidLuhnDigit("352099001761480"));  // a CDR's spare '0' check digit
}

TEST(ValueChecksTest, IbanChecksum) {
  EXPECT_TRUE(HasValidIbanChecksum("GB82WEST12345698765432"));
  EXPECT_TRUE(HasValidIbanChecksum("MR1300020001010000123456753"));
  EXPECT_FALSE(HasValidIbanChecksum("GB28WEST12345698765432"));  // transposed check digits
  EXPECT_FALSE(HasValidIbanChecksum("GB82WEST12345698765423"));  // transposed account digits
}

TEST(ValueChecksTest, QuoteEscapesControlCharactersAndBadBytes) {
  EXPECT_EQ(QuoteForMessage("a\nb\tc\x01"), "'a\\nb\\tc\\x01'");
  EXPECT_EQ(QuoteForMessage("caf\xe9"), "'caf\\xe9'");  // Latin-1: every high byte escaped
  EXPECT_EQ(QuoteForMessage("مرحبا"), "'مرحبا'");
}

TEST(ValueChecksTest, QuoteCutsAfterSixtyCharacters) {
  EXPECT_EQ(QuoteForMessage(std::string(60, 'x')), "'" + std::string(60, 'x') + "'");
  EXPECT_EQ(QuoteForMessage(std::string(61, 'x')), "'" + std::string(60, 'x') + "...'");
  std::string arabic;
  for (int repeat = 0; repeat < 61; ++repeat) arabic += "ب";
  std::string expected = "'";
  for (int repeat = 0; repeat < 60; ++repeat) expected += "ب";
  EXPECT_EQ(QuoteForMessage(arabic), expected + "...'");
}

TEST(ValueChecksTest, AmountAgainstCurrency) {
  EXPECT_EQ(WhyInvalidAmount("10.50", "MAD"), "");
  EXPECT_EQ(WhyInvalidAmount("10.505", "LYD"), "");
  EXPECT_EQ(WhyInvalidAmount("10.505", "TND"), "");
  EXPECT_EQ(WhyInvalidAmount("10.505", "EGP"), "has more decimals than EGP allows (2)");
  EXPECT_EQ(WhyInvalidAmount("99999999999999999999999", "EUR"),
            "is out of range for an amount in EUR");
}

}  // namespace
}  // namespace tafkik::model::internal
