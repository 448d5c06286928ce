#include "core/phone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

std::string Normalized(std::string_view raw, std::string_view region) {
  Result<std::string> result = NormalizePhone(raw, region);
  return result.ok() ? *result : result.status().ToString();
}

TEST(IsE164Test, AcceptsPossibleNumbersInCanonicalForm) {
  for (std::string_view good : {"+212612345678", "+201012345678", "+218912345678", "+21620123456",
                                "+12025550123", "+33612345678", "+4915112345678"}) {
    EXPECT_TRUE(IsE164(good)) << good;
  }
}

TEST(IsE164Test, AcceptsThurayaSatellitePhones) { EXPECT_TRUE(IsE164("+882161234567")); }

TEST(IsE164Test, RejectsWrongShape) {
  for (std::string_view bad :
       {"", "+", "212612345678", "+212 612345678", "+212-612345678", "++212612345678",
        "+2126123456789012", "+1234567", "+0212612345678", "+21261234567a", "tel:+212612345678"}) {
    EXPECT_FALSE(IsE164(bad)) << bad;
  }
}

TEST(IsE164Test, RejectsUnknownCodesImpossibleLengthsAndNonCanonicalForms) {
  EXPECT_FALSE(IsE164("+999123456789"));   // no such country calling code
  EXPECT_FALSE(IsE164("+21261234"));       // too short for Morocco
  EXPECT_FALSE(IsE164("+2120612345678"));  // national prefix 0 kept after the code
}

TEST(NormalizePhoneTest, MoroccanNationalAndInternationalForms) {
  EXPECT_EQ(Normalized("0612345678", "MA"), "+212612345678");
  EXPECT_EQ(Normalized("00212 6-12-34-56-78", "MA"), "+212612345678");
  EXPECT_EQ(Normalized("+212 6 12 34 56 78", "MA"), "+212612345678");
  EXPECT_EQ(Normalized("(06) 12.34.56.78", "ma"), "+212612345678");
}

TEST(NormalizePhoneTest, EgyptianMobile) {
  EXPECT_EQ(Normalized("010 1234 5678", "EG"), "+201012345678");
}

TEST(NormalizePhoneTest, InternationalNumberIgnoresTheDefaultRegion) {
  EXPECT_EQ(Normalized("+216 20 123 456", "MA"), "+21620123456");
  EXPECT_EQ(Normalized("+882161234567", ""), "+882161234567");
}

TEST(NormalizePhoneTest, ResultsAreE164) {
  for (auto [raw, region] : {std::pair{"0612345678", "MA"}, std::pair{"010 1234 5678", "EG"},
                             std::pair{"091 2345678", "LY"}}) {
    Result<std::string> e164 = NormalizePhone(raw, region);
    ASSERT_THAT(e164, IsOk()) << raw;
    EXPECT_TRUE(IsE164(*e164)) << *e164;
  }
}

TEST(NormalizePhoneTest, RejectsGarbageNamingTheRawValue) {
  EXPECT_THAT(NormalizePhone("call me maybe", "MA"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("\"call me maybe\"")));
  EXPECT_THAT(NormalizePhone("", "MA"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(NormalizePhone("123", "MA"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("\"123\"")));
}

TEST(NormalizePhoneTest, NationalNumberNeedsAKnownRegion) {
  EXPECT_THAT(NormalizePhone("0612345678", ""),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("0612345678")));
  EXPECT_THAT(NormalizePhone("0612345678", "XX"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("region XX")));
}

}  // namespace
}  // namespace tafkik

namespace tafkik {
namespace {

// IsE164 caches accepted numbers per thread; the cache must never change an answer.
TEST(IsE164Test, CachedAnswersEqualFreshOnes) {
  std::vector<std::string> numbers;
  for (int suffix = 0; suffix < 40'000; ++suffix) {  // more numbers than cache slots
    numbers.push_back("+2126" + std::to_string(10'000'000 + suffix));
  }
  for (const std::string& number : numbers) ASSERT_TRUE(IsE164(number)) << number;
  for (const std::string& number : numbers) ASSERT_TRUE(IsE164(number)) << number;
  // Non-canonical and impossible forms stay rejected however often valid ones were seen.
  EXPECT_FALSE(IsE164("+2120612345678"));
  EXPECT_FALSE(IsE164("+21261234"));
  EXPECT_FALSE(IsE164("+999612345678"));
}

}  // namespace
}  // namespace tafkik
