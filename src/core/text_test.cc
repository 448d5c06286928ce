#include "core/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tafkik {
namespace {

TEST(TrimTest, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim("\v\f"), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("x"), "x");
}

TEST(AsciiCaseTest, ChangesOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("MA-2026 Ünal"), "ma-2026 Ünal");
  EXPECT_EQ(AsciiUpper("ma-2026 ünal"), "MA-2026 üNAL");
}

TEST(SplitTest, KeepsEveryFieldIncludingEmptyOnes) {
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Split(",a,", ','), (std::vector<std::string>{"", "a", ""}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string>{""}));
  EXPECT_EQ(Split("abc", ';'), (std::vector<std::string>{"abc"}));
}

TEST(JoinTest, IsTheInverseOfSplit) {
  EXPECT_EQ(Join({"a", "", "b"}, ","), "a,,b");
  EXPECT_EQ(Join({}, ","), "");
  EXPECT_EQ(Join({"x"}, ", "), "x");
  EXPECT_EQ(Join(Split("+212|+216||+218", '|'), "|"), "+212|+216||+218");
}

TEST(IsValidUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));           // é, 2 bytes
  EXPECT_TRUE(IsValidUtf8("محمد"));                  // Arabic, 2 bytes each
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC"));          // €, 3 bytes
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));          // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600, 4 bytes
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));  // NUL is a code point
}

TEST(IsValidUtf8Test, RejectsMalformedOverlongAndSurrogates) {
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));           // Latin-1 é
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF, a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000, past the end
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));  // lead byte never used
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));  // truncated 4-byte sequence
}

TEST(NameKeyTest, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(NameKey("Mohamed  BEN-Ali"), "mohamed ben ali");
  EXPECT_EQ(NameKey("  José Ñúñez  "), "jose nunez");
  EXPECT_EQ(NameKey("BEN ALI, Mohamed"), "ben ali mohamed");
  EXPECT_EQ(NameKey("O'Brien\u2010Smith"), "o brien smith");
  EXPECT_EQ(NameKey("Łukasz Żółć"), "łukasz zołc");  // ł has no decomposition
  EXPECT_EQ(NameKey("Straße"), "strasse");
}

TEST(NameKeyTest, FoldsCompatibilityForms) {
  EXPECT_EQ(NameKey("ＭＯＨＡＭＥＤ"), "mohamed");  // full-width Latin
  EXPECT_EQ(NameKey("\uFB01rst"), "first");         // ﬁ ligature
  EXPECT_EQ(NameKey("ﻣﺤﻤﺪ"), "محمد");               // Arabic presentation forms
}

TEST(NameKeyTest, DropsInvisibleCharacters) {
  EXPECT_EQ(NameKey("Ka\u00ADmal"), "kamal");  // soft hyphen
  EXPECT_EQ(NameKey("علی\u200C"), "علي");      // zero-width non-joiner
}

TEST(NameKeyTest, FoldsArabicLetterForms) {
  EXPECT_EQ(NameKey("أحمد"), "احمد");        // alef with hamza above
  EXPECT_EQ(NameKey("إبراهيم"), "ابراهيم");  // alef with hamza below
  EXPECT_EQ(NameKey("آمنة"), "امنه");        // alef with madda; teh marbuta
  EXPECT_EQ(NameKey("ٱلله"), "الله");        // alef wasla
  EXPECT_EQ(NameKey("مصطفى"), "مصطفي");      // alef maksura
  EXPECT_EQ(NameKey("علی"), "علي");          // Farsi yeh
  EXPECT_EQ(NameKey("کمال"), "كمال");        // keheh
}

TEST(NameKeyTest, RemovesTatweelAndHarakat) {
  EXPECT_EQ(NameKey("مُحَمَّد"), "محمد");
  EXPECT_EQ(NameKey("مـحـمـــد"), "محمد");
  EXPECT_EQ(NameKey("هٰذا"), "هذا");  // superscript alef U+0670
  EXPECT_EQ(NameKey("فاطِمَةُ الزَّهْراء"), "فاطمه الزهراء");
}

TEST(NameKeyTest, SpellingsOfOneArabicNameShareAKey) {
  EXPECT_EQ(NameKey("عبدُ الله"), NameKey("عبد-ٱللـه"));
  EXPECT_EQ(NameKey("إيمان"), NameKey("ايمان"));
}

TEST(NameKeyTest, MapsDigitsOfEveryScriptToAscii) {
  EXPECT_EQ(NameKey("٠١٢٣٤٥٦٧٨٩"), "0123456789");  // Eastern Arabic
  EXPECT_EQ(NameKey("۰۱۲۳۴۵۶۷۸۹"), "0123456789");  // Persian
  EXPECT_EQ(NameKey("Unit ٧-B"), "unit 7 b");
}

TEST(NameKeyTest, EmptyAndPunctuationOnlyGiveEmptyKey) {
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey(" -- ,. "), "");
}

TEST(NameKeyTest, InvalidUtf8BytesSeparateWords) {
  EXPECT_EQ(NameKey("ab\xFF"
                    "cd"),
            "ab cd");
}

TEST(IsCountryCodeTest, AcceptsIso3166AndKosovo) {
  for (std::string_view code : {"ma", "eg", "ly", "tn", "dz", "sd", "er", "ne", "ml", "ss", "eh",
                                "ps", "xk", "it", "es", "mt", "gr"}) {
    EXPECT_TRUE(IsCountryCode(code)) << code;
  }
}

TEST(IsCountryCodeTest, RejectsUpperCaseAndUnassigned) {
  for (std::string_view code :
       {"MA", "Ma", "", "m", "mar", "uk", "zz", "xx", "an", "yu", "eu", "el"}) {
    EXPECT_FALSE(IsCountryCode(code)) << code;
  }
}

TEST(IsCountryCodeTest, KnowsExactly249AssignedCodesPlusKosovo) {
  int count = 0;
  for (char first = 'a'; first <= 'z'; ++first) {
    for (char second = 'a'; second <= 'z'; ++second) {
      count += IsCountryCode(std::string{first, second}) ? 1 : 0;
    }
  }
  EXPECT_EQ(count, 250);
}

}  // namespace
TEST(CsvFieldTest, QuotesPerRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("محمد"), "محمد");
}

// A cell a spreadsheet would run as a formula is neutralised; numbers and phones are not.
TEST(CsvFieldTest, FormulasAreNeutralised) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x/\")"), "\"'=HYPERLINK(\"\"http://x/\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("-12.5"), "-12.5");
  EXPECT_EQ(CsvField("+212612345678"), "+212612345678");
  EXPECT_EQ(CsvField(""), "");
}

}  // namespace tafkik
