// Tests of the generator's building blocks: the random stream, identifiers and names.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/phone.h"
#include "synth/identifiers.h"
#include "synth/name_tables.h"
#include "synth/names.h"
#include "synth/random.h"

namespace tafkik::synth::internal {
namespace {

using ::testing::Contains;

// Pinned values: if these change, every seed's data changes, on every platform.
TEST(RngTest, FirstDrawsArePinned) {
  Rng rng(1);
  EXPECT_EQ(rng.Next(), 0xb3f2af6d0fc710c5ULL);
  EXPECT_EQ(rng.Below(1000), 520u);
}

TEST(RngTest, ForkedStreamsAreReproducibleAndIndependentOfDraws) {
  Rng first(42);
  Rng second(42);
  second.Next();  // drawing from the parent does not move its forks
  EXPECT_EQ(first.Fork({3, 9}).Next(), second.Fork({3, 9}).Next());
  EXPECT_NE(first.Fork({3, 9}).Next(), first.Fork({3, 10}).Next());
}

TEST(RngTest, BelowAndBetweenStayInRange) {
  Rng rng(5);
  std::set<int64_t> seen;
  for (int draw = 0; draw < 2000; ++draw) {
    const int64_t value = rng.Between(-2, 2);
    ASSERT_GE(value, -2);
    ASSERT_LE(value, 2);
    seen.insert(value);
  }
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(rng.Weighted({0, 7, 0}), 1u);
}

// Example IBANs of the SWIFT IBAN registry.
TEST(IdentifiersTest, IbanCheckDigitsMatchRegistryExamples) {
  EXPECT_EQ(IbanCheckDigits("ma", "011519000001205000534921"), "64");
  EXPECT_EQ(IbanCheckDigits("eg", "0019000500000000263180002"), "38");
  EXPECT_EQ(IbanCheckDigits("ly", "002048000020100120361"), "83");
  EXPECT_EQ(IbanCheckDigits("tn", "10006035183598478831"), "59");
}

TEST(IdentifiersTest, IbansHaveTheirCountryLengthAndNationalKeys) {
  Rng rng(9);
  const std::map<std::string, size_t> lengths = {{"ma", 28}, {"eg", 29}, {"ly", 25}, {"tn", 24}};
  for (const auto& [country, length] : lengths) {
    const std::string iban = Iban(country, rng);
    EXPECT_EQ(iban.size(), length) << iban;
  }
  // With the RIB key, Moroccan and Tunisian IBANs always carry MA64 and TN59.
  EXPECT_EQ(Iban("ma", rng).substr(0, 4), "MA64");
  EXPECT_EQ(Iban("tn", rng).substr(0, 4), "TN59");
}

TEST(IdentifiersTest, ImeiEndsWithItsLuhnDigit) {
  EXPECT_EQ(LuhnDigit("49015420323751"), '8');
  Rng rng(4);
  const std::string imei = Imei(rng);
  ASSERT_EQ(imei.size(), 15u);
  EXPECT_EQ(imei.back(), LuhnDigit(imei.substr(0, 14)));
}

TEST(IdentifiersTest, MobileNumbersAreE164ForEveryCountry) {
  Rng rng(11);
  for (std::string_view country :
       {"ma", "eg", "ly", "tn", "ne", "sn", "ng", "es", "it", "thuraya"}) {
    for (int draw = 0; draw < 20; ++draw) {
      const std::string number = MobileNumber(country, rng);
      EXPECT_TRUE(IsE164(number)) << country << " " << number;
    }
  }
  EXPECT_EQ(MobileNumber("thuraya", rng).substr(0, 6), "+88216");
}

TEST(IdentifiersTest, AmountsUseTheCurrencyMinorDigits) {
  EXPECT_EQ(FormatMinor(123450, MinorDigits("MAD")), "1234.50");
  EXPECT_EQ(FormatMinor(12345, MinorDigits("LYD")), "12.345");
  EXPECT_EQ(FormatMinor(5, MinorDigits("TND")), "0.005");
  EXPECT_EQ(FormatMinor(706000, MinorDigits("XOF")), "706000");
  EXPECT_EQ(FormatDay(20332), "2025-09-01");
  EXPECT_EQ(FormatDay(20512), "2026-02-28");
}

// The brief's example: one man, written as a police register, a transfer operator and his
// own phone would write him.
TEST(NamesTest, OnePersonIsWrittenTheWaysSourcesWriteHim) {
  PersonName name;
  name.origin = NameOrigin::kMaghreb;
  name.given = 0;                              // محمد
  name.family_kind = FamilyKind::kPatronymic;  // بن + a given name
  name.family = 3;                             // عبد الرحمن
  EXPECT_EQ(CanonicalArabic(name), "محمد بن عبد الرحمن");
  std::set<std::string> arabic;
  std::set<std::string> upper;
  std::set<std::string> nicknames;
  Rng rng(2);
  for (int draw = 0; draw < 300; ++draw) {
    arabic.insert(RenderName(name, NameStyle::kArabic, rng));
    upper.insert(RenderName(name, NameStyle::kAdminUpper, rng));
    nicknames.insert(Nickname(name, "Nador", "الناظور", "", rng));
  }
  EXPECT_THAT(arabic, Contains("محمد بن عبد الرحمن"));
  EXPECT_THAT(upper, Contains("MOHAMED BENABDERRAHMANE"));
  EXPECT_THAT(upper, Contains("BEN ABDERRAHMANE MOHAMED"));  // family name first
  EXPECT_THAT(upper, Contains("MOHAMMED BENABDERRAHMANE"));
  EXPECT_THAT(nicknames, Contains("Hamada"));
  EXPECT_THAT(nicknames, Contains("حمادة الناظور"));
}

TEST(NamesTest, ArticleNamesVaryBetweenElAlAndNone) {
  PersonName name;
  name.origin = NameOrigin::kEgypt;
  name.given = 1;   // أحمد
  name.family = 0;  // السيد
  std::set<std::string> spellings;
  Rng rng(3);
  for (int draw = 0; draw < 300; ++draw) spellings.insert(RenderName(name, NameStyle::kTitle, rng));
  EXPECT_THAT(spellings, Contains(::testing::HasSubstr("El-Sayed")));
  EXPECT_THAT(spellings, Contains(::testing::HasSubstr("Al-Sayed")));
  EXPECT_THAT(spellings, Contains(::testing::HasSubstr("Elsayed")));
}

TEST(NamesTest, EveryTokenHasArabicAndLatinSpellings) {
  for (NameOrigin origin : {NameOrigin::kMaghreb, NameOrigin::kEgypt, NameOrigin::kLibya,
                            NameOrigin::kWestAfricaFr, NameOrigin::kNigeria}) {
    for (auto tokens : {MaleGivenNames(origin), FemaleGivenNames(origin), FamilyNames(origin)}) {
      for (const NameToken& token : tokens) {
        EXPECT_FALSE(token.arabic.empty());
        EXPECT_FALSE(token.french.empty() || token.egypt.empty() || token.english.empty())
            << token.arabic;
      }
    }
  }
}

}  // namespace
}  // namespace tafkik::synth::internal
