#include "app/casefile_report.h"

#include <filesystem>
#include <fstream>

#include "app/casefile.h"
#include "app/casefile_log.h"
#include "app/casefile_test_util.h"
#include "core/hash.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::CaseFileTest;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class ReportTest : public CaseFileTest {
 protected:
  void SetUp() override {
    CaseFileTest::SetUp();
    AddEvidenceRequest photo;
    photo.case_reference = kCase;
    photo.type = "digital";
    photo.description = "Photo of the victim's passport";
    photo.collected_by = "OPJ Benali";
    photo.collected_at = "2026-03-02T10:30:00+01:00";
    photo.place = "Tanger";
    photo.legal_basis = "consent";
    photo.file = WriteFile("passport.jpg", "\xFF\xD8\xFF\xE0 passport scan");
    photo.entities = {amina_};
    ASSERT_THAT(AddEvidence(*store_, *blobs_, actor_, photo), IsOk());
    AddEvidenceRequest ledger = photo;
    ledger.description = "Hawala ledger";
    ledger.file = WriteFile("ledger.txt", "25000 MAD K.");
    ledger.entities = {karim_};
    ledger.elements = {"som.material_benefit"};
    ASSERT_THAT(AddEvidence(*store_, *blobs_, actor_, ledger), IsOk());
  }

  void AddScreening() {
    auto write = store_->BeginWrite(actor_);
    ASSERT_THAT(write, IsOk());
    model::Record record{"screening", "scr-1", kCase, amina_,
                         Json{{"summary", {{"en", "Strong indicators of debt bondage."},
                                           {"fr", "Indices forts de servitude pour dettes."},
                                           {"ar", "مؤشرات قوية على عبودية الدين."}}}}};
    ASSERT_THAT((*write)->InsertRecord(record), IsOk());
    ASSERT_THAT((*write)->Commit({"screening.add", "case:" + std::string(kCase)}), IsOk());
  }
};

TEST_F(ReportTest, ReportPseudonymisesVictimsAndRecordsItsHash) {
  std::string path = dir_.Sub("report.md");
  auto result = GenerateReport(*store_, *blobs_, actor_, {kCase, "en", "md", path, false});
  ASSERT_THAT(result, IsOk());
  std::string markdown = ReadAll(path);
  EXPECT_EQ(result->sha256, Sha256Hex(markdown));
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "report.generate");
  EXPECT_THAT(event.details, HasSubstr(result->sha256));
  EXPECT_THAT(markdown, Not(HasSubstr("Amina Diallo")));
  EXPECT_THAT(markdown, HasSubstr("| victim | V1 | Person | - |"));
  EXPECT_THAT(markdown, HasSubstr("Karim El Fassi"));
  EXPECT_THAT(markdown, HasSubstr("V1 (BankAccount)"));  // the victim's account in money flows
  EXPECT_THAT(markdown, HasSubstr("25000 MAD"));
  EXPECT_THAT(markdown, HasSubstr("## Victim screening outcomes\n\nNone recorded."));
  EXPECT_THAT(markdown, HasSubstr("## Legal elements matrix"));
  EXPECT_THAT(markdown, HasSubstr("evidence: E2 Hawala ledger"));
}

TEST_F(ReportTest, RevealedVictimsAndScreeningSummaries) {
  AddScreening();
  std::string path = dir_.Sub("report-fr.md");
  ASSERT_THAT(GenerateReport(*store_, *blobs_, actor_, {kCase, "fr", "md", path, true}), IsOk());
  std::string markdown = ReadAll(path);
  EXPECT_THAT(markdown, HasSubstr("Amina Diallo"));
  EXPECT_THAT(markdown, HasSubstr("Amina Diallo: Indices forts de servitude pour dettes."));
  EXPECT_THAT(LastEvent().details, HasSubstr("\"victims_revealed\":true"));
}

TEST_F(ReportTest, PdfInArabic) {
  std::string path = dir_.Sub("report.pdf");
  auto result = GenerateReport(*store_, *blobs_, actor_, {kCase, "ar", "pdf", path, false});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(ReadAll(path).substr(0, 5), "%PDF-");
  EXPECT_EQ(result->sha256, Sha256Hex(ReadAll(path)));
  EXPECT_THAT(GenerateReport(*store_, *blobs_, actor_, {kCase, "ar", "docx", path, false}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("docx")));
  EXPECT_THAT(GenerateReport(*store_, *blobs_, actor_, {"MA-0000", "ar", "pdf", path, false}),
              StatusIs(StatusCode::kNotFound));
}

TEST_F(ReportTest, PackageExportVerifiesAndRedactsVictims) {
  std::string path = dir_.Sub("package.zip");
  auto result = ExportPackage(*store_, *blobs_, root(), actor_, {kCase, path, false, false});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->files, 2);
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "package.export");
  EXPECT_THAT(event.details, HasSubstr(amina_));  // it holds the victim's data
  auto report = casefile::VerifyPackage(path, std::nullopt);
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->ok) << ::testing::PrintToString(report->problems);
  EXPECT_EQ(report->case_reference, kCase);
  EXPECT_EQ(report->manifest["audit_events"].get<int>() > 3, true);

  std::string redacted_path = dir_.Sub("partner.zip");
  auto redacted = ExportPackage(*store_, *blobs_, root(), actor_, {kCase, redacted_path, true, false});
  ASSERT_THAT(redacted, IsOk());
  EXPECT_EQ(redacted->files, 1);
  EXPECT_EQ(redacted->withheld, 1);
  auto partner = casefile::VerifyPackage(redacted_path, std::nullopt);
  ASSERT_THAT(partner, IsOk());
  EXPECT_TRUE(partner->ok);
  std::string manifest = partner->manifest.dump();
  EXPECT_THAT(manifest, Not(HasSubstr(amina_)));
  EXPECT_THAT(manifest, HasSubstr("\"withheld\":\"victim identity\""));
}

TEST_F(ReportTest, AlteredEvidenceIsNeverPackaged) {
  auto items = LoadEvidence(*store_, kCase);
  ASSERT_THAT(items, IsOk());
  std::string blob = *blobs_->PathOf((*items)[1].sha256);
  std::filesystem::permissions(blob, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::ofstream(blob, std::ios::binary | std::ios::trunc) << "25000 MAD X.";
  std::string path = dir_.Sub("package.zip");
  EXPECT_THAT(ExportPackage(*store_, *blobs_, root(), actor_, {kCase, path, false, false}),
              StatusIs(StatusCode::kDataLoss, HasSubstr((*items)[1].id)));
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace tafkik::app
