#include "casefile/evidence.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/status_matchers.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;

EvidenceItem Digital() {
  EvidenceItem item;
  item.id = EvidenceRecordId("MA/2026/7", 1);
  item.number = "E1";
  item.case_reference = "MA/2026/7";
  item.type = EvidenceType::kDigital;
  item.description = "Extraction of a Samsung handset";
  item.collected_by = "OPJ Benali";
  item.collected_at = *ParseTimestamp("2026-03-02T09:30:00Z");
  item.place = "Commissariat Tanger-Médina";
  item.legal_basis = LegalBasis::kProsecutor;
  item.legal_reference = "Réquisition 2026/118";
  item.sha256 = Sha256Hex("bytes");
  item.file_name = "extraction.zip";
  item.metadata.mime_type = "application/zip";
  item.metadata.size = 5;
  item.entities = {"suspect-1"};
  item.elements = {"tip.means"};
  return item;
}

TEST(EvidenceTest, RecordIdReplacesSlashes) {
  EXPECT_EQ(EvidenceRecordId("MA/2026/7", 12), "MA_2026_7:E12");
}

TEST(EvidenceTest, JsonRoundTripKeepsEveryField) {
  EvidenceItem item = Digital();
  item.integrity = IntegrityFlag{"2026-04-01T00:00:00Z", std::string(64, 'a'), "changed"};
  Result<EvidenceItem> back = EvidenceFromJson(ToJson(item));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(ToJson(*back), ToJson(item));
  EXPECT_EQ(back->collected_at, item.collected_at);
  ASSERT_TRUE(back->integrity.has_value());
  EXPECT_EQ(back->integrity->reason, "changed");
}

TEST(EvidenceTest, ValidItemPasses) { EXPECT_THAT(ValidateEvidence(Digital()), IsOk()); }

TEST(EvidenceTest, EachMissingFieldIsNamed) {
  struct Case {
    void (*clear)(EvidenceItem&);
    const char* field;
  };
  const Case cases[] = {
      {[](EvidenceItem& item) { item.description = " "; }, "description"},
      {[](EvidenceItem& item) { item.collected_by.clear(); }, "collected_by"},
      {[](EvidenceItem& item) { item.collected_at = Timestamp(); }, "collected_at"},
      {[](EvidenceItem& item) { item.place.clear(); }, "place"},
      {[](EvidenceItem& item) { item.legal_reference.clear(); }, "legal_reference"},
  };
  for (const Case& test_case : cases) {
    EvidenceItem item = Digital();
    test_case.clear(item);
    EXPECT_THAT(ValidateEvidence(item),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr(test_case.field)))
        << test_case.field;
  }
}

TEST(EvidenceTest, KindRules) {
  EvidenceItem digital = Digital();
  digital.sha256 = "ABC";
  EXPECT_THAT(ValidateEvidence(digital),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("sha256")));
  EvidenceItem physical = Digital();
  physical.type = EvidenceType::kPhysical;
  physical.sha256.clear();
  EXPECT_THAT(ValidateEvidence(physical), StatusIs(StatusCode::kInvalidArgument, HasSubstr("seal")));
  physical.seal = "S-2026-044";
  EXPECT_THAT(ValidateEvidence(physical), IsOk());
  physical.sha256 = Sha256Hex("x");
  EXPECT_THAT(ValidateEvidence(physical),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("only digital")));
}

TEST(EvidenceTest, ConsentNeedsNoReferenceButElementsMustBeKnown) {
  EvidenceItem item = Digital();
  item.legal_basis = LegalBasis::kConsent;
  item.legal_reference.clear();
  EXPECT_THAT(ValidateEvidence(item), IsOk());
  item.elements = {"tip.motive"};
  EXPECT_THAT(ValidateEvidence(item),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("tip.motive")));
}

TEST(EvidenceTest, ParseNamesListAlternatives) {
  EXPECT_THAT(ParseEvidenceType("digital"), IsOk());
  EXPECT_THAT(ParseLegalBasis("court_order"), IsOk());
  EXPECT_THAT(ParseLegalBasis("hunch"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("warrant, prosecutor")));
}

TEST(EvidenceTest, CorruptBodyIsDataLoss) {
  Json body = ToJson(Digital());
  body.erase("collected_by");
  EXPECT_THAT(EvidenceFromJson(body),
              StatusIs(StatusCode::kDataLoss, HasSubstr("collected_by")));
  body = ToJson(Digital());
  body["type"] = "telepathic";
  EXPECT_THAT(EvidenceFromJson(body), StatusIs(StatusCode::kDataLoss, HasSubstr("telepathic")));
}

}  // namespace
}  // namespace tafkik::casefile
