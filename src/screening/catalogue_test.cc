#include "screening/catalogue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::screening {
namespace {

using ::testing::HasSubstr;

std::string ShippedDir() { return std::string(TAFKIK_SOURCE_DIR) + "/data/indicators"; }

TEST(CatalogueTest, LoadsTheShippedCatalogues) {
  auto catalogues = Catalogues::Load(ShippedDir());
  ASSERT_THAT(catalogues, IsOk());
  size_t ilo = 0;
  size_t unodc = 0;
  for (const Indicator& indicator : catalogues->indicators()) {
    (indicator.catalogue == "ilo" ? ilo : unodc) += 1;
  }
  EXPECT_EQ(ilo, 67u);  // 10 + 10 + 16 + 9 + 15 + 7, as the ILO adult labour list
  EXPECT_EQ(unodc, 42u);
  EXPECT_EQ(catalogues->unodc_categories().size(), 6u);
  EXPECT_EQ(catalogues->infos().size(), 3u);
}

TEST(CatalogueTest, IloDimensionsHoldTheSourcesCounts) {
  auto catalogues = Catalogues::Load(ShippedDir());
  ASSERT_THAT(catalogues, IsOk());
  std::array<int, kDimensionCount> counts{};
  for (const Indicator& indicator : catalogues->indicators()) {
    if (indicator.dimension) ++counts[static_cast<size_t>(*indicator.dimension)];
  }
  EXPECT_EQ(counts, (std::array<int, kDimensionCount>{10, 10, 16, 9, 15, 7}));
}

TEST(CatalogueTest, EveryItemHasThreeLanguagesAndEveryCatalogueItsSource) {
  auto catalogues = Catalogues::Load(ShippedDir());
  ASSERT_THAT(catalogues, IsOk());
  for (const Indicator& indicator : catalogues->indicators()) {
    EXPECT_FALSE(indicator.text.en.empty() || indicator.text.fr.empty() || indicator.text.ar.empty())
        << indicator.id;
    EXPECT_FALSE(indicator.translation_checked) << indicator.id << " is marked checked";
  }
  for (const CatalogueInfo& info : catalogues->infos()) EXPECT_FALSE(info.sources.empty());
}

TEST(CatalogueTest, NeverTranslatesTraffickingAsSmuggling) {
  // GLOSSARY.md: trafficking is "traite" / اتجار; "trafic" and تهريب are smuggling's words.
  auto catalogues = Catalogues::Load(ShippedDir());
  ASSERT_THAT(catalogues, IsOk());
  for (const Element& element : catalogues->elements()) {
    if (element.id.rfind("palermo.", 0) != 0) continue;
    EXPECT_EQ(element.text.fr.find("trafic"), std::string::npos) << element.id;
    EXPECT_EQ(element.text.ar.find("تهريب"), std::string::npos) << element.id;
  }
  const Text* victim = catalogues->Phrase("outcome.presumed_victim");
  ASSERT_NE(victim, nullptr);
  EXPECT_THAT(victim->fr, HasSubstr("traite des personnes"));
  EXPECT_THAT(victim->ar, HasSubstr("اتجار بالأشخاص"));  // "لل" + "اتجار": for trafficking
}

TEST(CatalogueTest, FindsAndSuggests) {
  auto catalogues = Catalogues::Load(ShippedDir());
  ASSERT_THAT(catalogues, IsOk());
  const Indicator* documents = catalogues->FindIndicator("ilo.cd.documents");
  ASSERT_NE(documents, nullptr);
  EXPECT_EQ(documents->strength[static_cast<size_t>(IloList::kAdultLabour)], Strength::kStrong);
  EXPECT_EQ(catalogues->FindIndicator("ilo.cd.nothing"), nullptr);
  EXPECT_NE(catalogues->FindElement("som.benefit"), nullptr);
  std::vector<std::string> close = catalogues->Suggest("ilo.ec.excesive_hours");
  ASSERT_FALSE(close.empty());
  EXPECT_EQ(close.front(), "ilo.ec.excessive_hours");
}

class BadCatalogueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"elements.yaml", "ilo.yaml", "unodc.yaml"}) {
      std::ifstream in(ShippedDir() + "/" + name);
      std::ofstream out(dir_.Sub(name));
      out << in.rdbuf();
    }
  }
  void Append(const std::string& name, const std::string& text) {
    std::ofstream out(dir_.Sub(name), std::ios::app);
    out << text;
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream out(dir_.Sub(name));
    out << text;
  }
  testing::TempDir dir_;
};

TEST_F(BadCatalogueTest, CopiesLoad) { EXPECT_THAT(Catalogues::Load(dir_.path()), IsOk()); }

TEST_F(BadCatalogueTest, DuplicateIdIsNamed) {
  Append("unodc.yaml",
         "  - {id: unodc.gen.deceived, category: general, elements: [],\n"
         "     text: {en: a, fr: b, ar: c}}\n");
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("unodc.yaml: indicator unodc.gen.deceived: id "
                                 "'unodc.gen.deceived' is used twice")));
}

TEST_F(BadCatalogueTest, MissingLanguageIsNamed) {
  Append("unodc.yaml",
         "  - {id: unodc.gen.new_item, category: general, text: {en: a, fr: b}}\n");
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("indicator unodc.gen.new_item text: field 'ar' is missing")));
}

TEST_F(BadCatalogueTest, UnknownStrengthIsNamed) {
  Append("ilo.yaml",
         "  - {id: ilo.ec.new_item, dimension: exploitative_conditions, strength: huge,\n"
         "     text: {en: a, fr: b, ar: c}}\n");
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("indicator ilo.ec.new_item: unknown strength 'huge'")));
}

TEST_F(BadCatalogueTest, UnknownElementIsNamed) {
  Append("unodc.yaml",
         "  - {id: unodc.gen.new_item, category: general, elements: [palermo.means.magic],\n"
         "     text: {en: a, fr: b, ar: c}}\n");
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("unodc.gen.new_item cites unknown element 'palermo.means.magic'")));
}

TEST_F(BadCatalogueTest, BrokenYamlNamesTheLine) {
  Write("ilo.yaml", "catalogue: ilo\nversion: [1\n");
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("ilo.yaml:")));
}

TEST_F(BadCatalogueTest, MissingFileIsNotFound) {
  std::filesystem::remove(dir_.Sub("unodc.yaml"));
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kNotFound, HasSubstr("unodc.yaml does not exist")));
}

TEST_F(BadCatalogueTest, SourceIsRequired) {
  std::ifstream in(dir_.Sub("unodc.yaml"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t start = text.find("source:\n");
  size_t end = text.find("\ntranslation: unchecked\n") + 1;
  ASSERT_NE(start, std::string::npos);
  Write("unodc.yaml", text.substr(0, start) + text.substr(end));
  EXPECT_THAT(Catalogues::Load(dir_.path()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("cites its source document")));
}

}  // namespace
}  // namespace tafkik::screening
