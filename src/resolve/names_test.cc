#include "resolve/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "resolve/comparators.h"

namespace tafkik::resolve {
namespace {

using ::testing::ElementsAre;

// "canonical-or-latin" of every token, particles marked with "~": one string to compare.
std::string Render(std::string_view raw) {
  std::string out;
  for (const NameToken& token : NormalizeName(raw).tokens) {
    if (!out.empty()) out += ' ';
    if (token.particle) out += '~';
    out += token.canonical.empty() ? token.latin : token.canonical;
  }
  return out;
}

double NameScore(std::string_view left, std::string_view right) {
  return CompareNames(NormalizeName(left), NormalizeName(right), nullptr).score;
}

double FirstTokens(std::string_view left, std::string_view right) {
  return TokenSimilarity(NormalizeName(left).tokens.at(0), NormalizeName(right).tokens.at(0));
}

TEST(PhoneticKeyTest, FoldsSpellingVariation) {
  EXPECT_EQ(PhoneticKey("mohamed"), "m.h.m.d");
  EXPECT_EQ(PhoneticKey("muhammad"), "m.h.m.d");
  EXPECT_EQ(PhoneticKey("mahmoud"), "m.hm.d");
  EXPECT_EQ(PhoneticKey("hassan"), "h.s.n");
  EXPECT_EQ(PhoneticKey("hassane"), "h.s.n");  // silent final e
  EXPECT_EQ(PhoneticKey("hacene"), "h.s.n");   // soft c
  EXPECT_EQ(PhoneticKey("hussein"), "h.sin");  // long i
  EXPECT_EQ(PhoneticKey("hocine"), "h.sin");
  EXPECT_EQ(PhoneticKey("chaouki"), PhoneticKey("shawki"));  // ch/sh, ou before a vowel = w
  EXPECT_EQ(PhoneticKey("djamel"), PhoneticKey("jamel"));
  EXPECT_EQ(PhoneticKey("gamel"), PhoneticKey("jamel"));  // Egyptian g
  EXPECT_EQ(PhoneticKey("khaled"), "X.l.d");
  EXPECT_EQ(PhoneticKey("ghali"), "G.li");
  EXPECT_EQ(PhoneticKey("naoual"), PhoneticKey("nawal"));
  EXPECT_EQ(PhoneticKey("fatimah"), PhoneticKey("fatima"));
}

TEST(PhoneticKeyTest, KeepsDifferentNamesApart) {
  EXPECT_NE(PhoneticKey("mohamed"), PhoneticKey("mahmoud"));
  EXPECT_NE(PhoneticKey("hassan"), PhoneticKey("hussein"));
  EXPECT_NE(PhoneticKey("salim"), PhoneticKey("salem"));
  EXPECT_NE(PhoneticKey("omar"), PhoneticKey("amr"));
}

TEST(TransliterateArabicTest, ConsonantsAndLongVowels) {
  EXPECT_EQ(TransliterateArabic("محمد"), "mhmd");
  EXPECT_EQ(TransliterateArabic("محمود"), "mhmud");
  EXPECT_EQ(TransliterateArabic("خالد"), "khald");
  EXPECT_EQ(TransliterateArabic("وليد"), "wlid");
  EXPECT_EQ(TransliterateArabic("فاطمه"), "fatma");  // final ه (ta marbuta) as a
  EXPECT_EQ(TransliterateArabic("شريف"), "shrif");
}

TEST(NormalizeNameTest, ArabicScriptFolding) {
  // Alef with hamza, ta marbuta, alef maqsura, diacritics, tatweel, hamza on waw.
  EXPECT_EQ(Render("أحمد"), Render("احمد"));
  EXPECT_EQ(Render("إبراهيم"), "ibrahim");
  EXPECT_EQ(Render("فاطمة"), "fatima");
  EXPECT_EQ(Render("مُصْطَفَى"), "mustafa");
  EXPECT_EQ(Render("محـــمد"), "muhammad");
  EXPECT_EQ(Render("فؤاد"), "fuad");
  EXPECT_EQ(Render("عائشة"), "aisha");
}

TEST(NormalizeNameTest, VariantListDecidesKnownNames) {
  EXPECT_EQ(Render("MOHAMED"), "muhammad");
  EXPECT_EQ(Render("Mouhamed"), "muhammad");
  EXPECT_EQ(Render("محمد"), "muhammad");
  EXPECT_EQ(Render("Mahmoud"), "mahmud");
  EXPECT_EQ(Render("Hocine"), "husayn");
  EXPECT_EQ(Render("Hacene"), "hasan");
  EXPECT_EQ(Render("Youcef"), "yusuf");
  EXPECT_EQ(Render("Djamel"), "jamal");
  EXPECT_EQ(Render("Gamal"), "jamal");
}

TEST(NormalizeNameTest, AbdAndDivineNameAreOneToken) {
  EXPECT_EQ(Render("Abdel Kader"), "abd:qadir");
  EXPECT_EQ(Render("Abdelkader"), "abd:qadir");
  EXPECT_EQ(Render("Abd al-Qadir"), "abd:qadir");
  EXPECT_EQ(Render("ABDULKADIR"), "abd:qadir");
  EXPECT_EQ(Render("عبد القادر"), "abd:qadir");
  EXPECT_EQ(Render("عبدالقادر"), "abd:qadir");
  EXPECT_EQ(Render("Abderrahmane"), "abd:rahman");
  EXPECT_EQ(Render("Abd ar-Rahman"), "abd:rahman");
  EXPECT_EQ(Render("عبد الرحمن"), "abd:rahman");
  EXPECT_EQ(Render("Abdallah"), "abd:allah");
  EXPECT_EQ(Render("Abdullah"), "abd:allah");
  EXPECT_EQ(Render("عبد الله"), "abd:allah");
  EXPECT_EQ(Render("عبدالله"), "abd:allah");
  EXPECT_EQ(Render("Abdessalam"), "abd:salam");
  EXPECT_EQ(Render("Abdelaziz"), "abd:aziz");
}

TEST(NormalizeNameTest, ParticlesArticlesAndOtherCompounds) {
  EXPECT_EQ(Render("Mohamed Ben Abderrahmane"), "muhammad ~ben abd:rahman");
  EXPECT_EQ(Render("MOHAMED BENABDERRAHMANE"), "muhammad ~ben abd:rahman");
  EXPECT_EQ(Render("محمد بن عبد الرحمن"), "muhammad ~bn abd:rahman");
  EXPECT_EQ(Render("Muhammad Abd al-Rahman"), "muhammad abd:rahman");
  EXPECT_EQ(Render("Ali al-Huthi"), "ali huthi");
  EXPECT_EQ(Render("Nour Eddine"), "nur+din");
  EXPECT_EQ(Render("Noureddine"), "nur+din");
  EXPECT_EQ(Render("نور الدين"), "nur+din");
  EXPECT_EQ(NormalizeName("Abou Bakr").tokens.at(0).key,
            NormalizeName("Abu Bakr").tokens.at(0).key);
  EXPECT_EQ(Render("Sa'id"), "said");
  EXPECT_EQ(Render("Ould Abdallah"), "~ould abd:allah");
}

TEST(NormalizeNameTest, ScriptsAndBadInput) {
  EXPECT_TRUE(NormalizeName("").tokens.empty());
  EXPECT_TRUE(NormalizeName("  -- ,, ").tokens.empty());
  EXPECT_TRUE(NormalizeName("Ahmed أحمد").mixed_scripts);
  EXPECT_FALSE(NormalizeName("Ahmed Benali").mixed_scripts);
  EXPECT_EQ(NormalizeName("Ahmed أحمد").tokens.size(), 2u);
  EXPECT_EQ(Render("Дмитрий"), "dmitrii");  // other scripts through ICU
  EXPECT_EQ(Render("Ahmed\xFF\xFE"
                   "Ali"),
            "ahmad ali");           // invalid bytes separate
  EXPECT_EQ(Render("٣٤٥"), "345");  // Eastern Arabic digits
}

TEST(TokenSimilarityTest, ExactPairsOfTheIssue) {
  EXPECT_EQ(FirstTokens("Mohamed", "Mahmoud"), 0.0);
  EXPECT_EQ(FirstTokens("Hassan", "Hussein"), 0.0);
  EXPECT_EQ(FirstTokens("Mohamed", "محمد"), 1.0);
  EXPECT_EQ(FirstTokens("Mahmoud", "محمود"), 1.0);
  EXPECT_EQ(FirstTokens("Abdel Kader", "عبد القادر"), 1.0);
  // Not on the list: phonetic key, then Jaro-Winkler; across scripts the skeleton.
  EXPECT_DOUBLE_EQ(FirstTokens("Bouteflika", "Boutaflika"), 0.95);
  EXPECT_DOUBLE_EQ(FirstTokens("Trabelsi", "طرابلسي"), 0.9);
  EXPECT_LT(FirstTokens("Trabelsi", "Bouzid"), 0.7);
}

TEST(CompareNamesTest, AnyOrderScriptsAndPartialNames) {
  EXPECT_DOUBLE_EQ(NameScore("Mohamed Ben Abderrahmane", "Muhammad Abd al-Rahman"), 1.0);
  EXPECT_DOUBLE_EQ(NameScore("MOHAMED BENABDERRAHMANE", "محمد بن عبد الرحمن"), 1.0);
  EXPECT_DOUBLE_EQ(NameScore("Benali Karim", "Karim Benali"), 1.0);
  EXPECT_LT(NameScore("Mohamed Tazi", "Mahmoud Tazi"), 0.85);
  EXPECT_LT(NameScore("Hassan Alaoui", "Hussein Alaoui"), 0.85);
  EXPECT_LT(NameScore("Hamada", "Mohamed Ben Abderrahmane"), 0.7);
  // A lone first name is never close to a full name.
  EXPECT_LT(NameScore("Mohamed", "Mohamed Tazi"), 0.85);
  EXPECT_EQ(NameScore("", "Mohamed Tazi"), 0.0);
}

TEST(CompareNamesTest, CommonNamesCountForLess) {
  std::vector<PreparedRecord> records;
  TokenFrequencies frequencies;
  for (int record_idx = 0; record_idx < 1000; ++record_idx) {
    PersonRecord person;
    person.names = {"Mohamed Person" + std::to_string(record_idx)};
    frequencies.Add(Prepare(person));
  }
  frequencies.Finish();
  NormalizedName left = NormalizeName("Mohamed Zerhouni");
  NormalizedName right = NormalizeName("Mohamed Bennani");
  frequencies.Apply(left);
  frequencies.Apply(right);
  const double unweighted = CompareNames(left, right, nullptr).score;
  const double weighted = CompareNames(left, right, &frequencies).score;
  EXPECT_LT(weighted, unweighted);
  EXPECT_LT(weighted, 0.2);
  EXPECT_NEAR(frequencies.Weight("muhammad"), 0.2, 1e-6);
  EXPECT_DOUBLE_EQ(frequencies.Weight("zrhn"), 1.0);
}

}  // namespace
}  // namespace tafkik::resolve
