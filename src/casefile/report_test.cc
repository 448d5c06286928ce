#include "casefile/report.h"

#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::tafkik::testing::TempDir;

ReportInput SampleInput() {
  ReportInput input;
  input.record.reference = "MA-2026-0042";
  input.record.title = "Réseau de Tanger";
  input.record.jurisdiction = {"ma", "Tanger-Tétouan-Al Hoceïma"};
  input.record.offences = {model::Offence::kTraffickingInPersons,
                           model::Offence::kSmugglingOfMigrants};
  input.record.lead_unit = "BNPJ Tanger";
  input.record.opened = *ParseTimestamp("2026-03-01T00:00:00Z");
  input.generated_at = "2026-03-10T12:00:00Z";
  input.generated_by = "substitut.idrissi";
  input.persons = {{"s1", model::Role::kSuspect, "Person", "كريم الفاسي"},
                   {"v1", model::Role::kVictim, "Person", "V1"}};
  EvidenceItem item;
  item.id = "MA-2026-0042:E1";
  item.number = "E1";
  item.type = EvidenceType::kDigital;
  item.description = "WhatsApp export";
  item.collected_by = "OPJ Benali";
  item.collected_at = *ParseTimestamp("2026-03-02T09:30:00Z");
  item.place = "Tanger";
  item.legal_basis = LegalBasis::kProsecutor;
  item.legal_reference = "R-118";
  item.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  CustodyEvent intake{item.id, 1, "", "OPJ Benali", "seizure", "Tanger", item.collected_at};
  input.evidence = {{item, {intake}, "OPJ Benali", true, "intact"}};
  Action hearing;
  hearing.id = "MA-2026-0042:A1";
  hearing.number = "A1";
  hearing.type = ActionType::kHearing;
  hearing.date = *ParseTimestamp("2026-03-04T10:00:00Z");
  hearing.officer = "OPJ Benali";
  hearing.legal_basis = "Art. 47 CPP";
  hearing.outcome = "Debt bondage of 25000 MAD described";
  input.actions = {hearing};
  input.timeline = {{hearing.date, "action", hearing.id, "hearing", "A1 Debt bondage", {}}};
  input.chart.nodes = {{"s1", "كريم الفاسي", "suspect"}, {"v1", "V1", "victim"},
                       {"acc", "MA-0002", "holding"}};
  input.chart.edges = {{"s1", "v1", "Recruitment", 1}, {"s1", "acc", "Ownership", 1}};
  input.flows = {{*ParseTimestamp("2025-11-20T00:00:00Z"), "V1", "كريم الفاسي", "25000", "MAD",
                  "hawala"}};
  SuspectMatrix matrix{"s1", "كريم الفاسي", {}, {"tip.purpose"}};
  for (const ElementInfo& element : ElementsOf(input.record.offences)) {
    ElementRow row{element, {}};
    if (element.key == "tip.act") row.support.push_back({"fact", "rec-1", "Recruitment 2025-11-03"});
    matrix.rows.push_back(row);
  }
  input.matrix = {matrix};
  input.sources = {{"evidence E1 " + item.sha256, 0}};
  input.audit_head = "ab12cd";
  return input;
}

ReportDocument Build(const char* lang) {
  return BuildReport(SampleInput(), *Labels::ForLanguage(lang));
}

std::string RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, read);
  ::pclose(pipe);
  return output;
}

// The text pdftotext reads from the PDF written for `lang`.
std::string PdfText(const TempDir& dir, const char* lang) {
  Result<std::string> pdf = RenderPdf(Build(lang));
  EXPECT_THAT(pdf, IsOk());
  std::string path = dir.Sub(std::string("report-") + lang + ".pdf");
  std::ofstream(path, std::ios::binary) << (pdf.ok() ? *pdf : "");
  return RunCommand("pdftotext -enc UTF-8 '" + path + "' -");
}

// Text without white space and bidi controls. pdftotext puts spaces inside Arabic words where
// contextual glyphs of Amiri leave gaps, and wraps RTL runs in U+202A..U+202C; the letters
// and their logical order are what the reader (and a search) needs.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) {
    unsigned char c = text[at];
    if (c == ' ' || c == '\n' || c == '\f' || c == '\t') continue;
    bool bidi = c == 0xE2 && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0x80 &&
                ((static_cast<unsigned char>(text[at + 2]) >= 0xAA &&
                  static_cast<unsigned char>(text[at + 2]) <= 0xAE) ||
                 static_cast<unsigned char>(text[at + 2]) == 0x8E ||
                 static_cast<unsigned char>(text[at + 2]) == 0x8F);
    if (bidi) {
      at += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

TEST(ReportTest, LabelsExistForEveryLanguage) {
  EXPECT_THAT(Labels::ForLanguage("de"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("ar, fr, en")));
  for (const char* lang : {"en", "fr", "ar"}) {
    Result<Labels> labels = Labels::ForLanguage(lang);
    ASSERT_THAT(labels, IsOk());
    for (const ElementInfo& element : AllElements()) {
      EXPECT_NE(labels->Get(std::string(element.label_key)), element.label_key) << lang;
    }
  }
}

TEST(ReportTest, MarkdownHasEverySection) {
  std::string markdown = RenderMarkdown(Build("en"));
  for (const char* section : {"## Case", "## Summary", "## Persons by role", "## Facts timeline",
                              "## Evidence register", "## Custody log",
                              "## Investigative actions", "## Link chart", "## Money flows",
                              "## Victim screening outcomes", "## Legal elements matrix",
                              "## Sources"}) {
    EXPECT_THAT(markdown, HasSubstr(section));
  }
  EXPECT_THAT(markdown, HasSubstr("`9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`"));
  EXPECT_THAT(markdown, HasSubstr("Purpose of exploitation | MISSING"));
  EXPECT_THAT(markdown, HasSubstr("None recorded."));  // no screening recorded
  EXPECT_THAT(markdown, HasSubstr("1 suspects, 1 victims"));
}

TEST(ReportTest, HtmlIsRightToLeftInArabicWithTheChartInline) {
  Result<std::string> html = RenderHtml(Build("ar"));
  ASSERT_THAT(html, IsOk());
  EXPECT_THAT(*html, HasSubstr("<html lang=\"ar\" dir=\"rtl\">"));
  EXPECT_THAT(*html, HasSubstr("سجل الأدلة"));
  EXPECT_THAT(*html, HasSubstr("data:image/png;base64,iVBORw0KGgo"));
}

TEST(ReportTest, PdfTextInFrenchEnglishAndArabic) {
  TempDir dir;
  std::string french = PdfText(dir, "fr");
  EXPECT_THAT(french, HasSubstr("Dossier de procédure MA-2026-0042"));
  EXPECT_THAT(french, HasSubstr("traite des personnes"));
  EXPECT_THAT(french, HasSubstr("trafic illicite de migrants"));
  EXPECT_THAT(french, HasSubstr("Registre des éléments de preuve"));
  EXPECT_THAT(french, HasSubstr("9f86d081884c7d659a2f"));
  std::string english = PdfText(dir, "en");
  EXPECT_THAT(english, HasSubstr("Case file MA-2026-0042"));
  EXPECT_THAT(english, HasSubstr("Legal elements matrix"));
  EXPECT_THAT(english, HasSubstr("substitut.idrissi"));
  std::string arabic = PdfText(dir, "ar");
  EXPECT_THAT(arabic, HasSubstr("ملف القضية"));  // the title line comes out whole
  std::string squeezed = Squeeze(arabic);
  for (const char* phrase : {"الاتجار بالأشخاص", "تهريب المهاجرين", "كريم الفاسي", "سجل الأدلة",
                             "جدول الأركان القانونية", "سجل الحيازة", "غرض الاستغلال"}) {
    EXPECT_THAT(squeezed, HasSubstr(Squeeze(phrase))) << phrase;
  }
  EXPECT_THAT(arabic, Not(HasSubstr("Case file")));
  EXPECT_THAT(arabic, Not(HasSubstr("Evidence register")));
}

TEST(ReportTest, FirstPageRendersToAPngWithInk) {
  TempDir dir;
  Result<std::string> pdf = RenderPdf(Build("ar"));
  ASSERT_THAT(pdf, IsOk());
  std::ofstream(dir.Sub("report.pdf"), std::ios::binary) << *pdf;
  RunCommand("pdftoppm -png -r 40 -f 1 -l 1 -singlefile '" + dir.Sub("report.pdf") + "' '" +
      dir.Sub("page") + "'");
  cairo_surface_t* page = cairo_image_surface_create_from_png(dir.Sub("page.png").c_str());
  ASSERT_EQ(cairo_surface_status(page), CAIRO_STATUS_SUCCESS);
  int width = cairo_image_surface_get_width(page);
  int height = cairo_image_surface_get_height(page);
  EXPECT_NEAR(static_cast<double>(height) / width, 841.89 / 595.28, 0.02);  // A4
  cairo_surface_flush(page);
  const unsigned char* data = cairo_image_surface_get_data(page);
  int stride = cairo_image_surface_get_stride(page);
  int64_t dark = 0, right_half_dark = 0;
  for (int row = 0; row < height / 6; ++row) {  // the title band
    for (int column = 0; column < width; ++column) {
      uint32_t pixel = *reinterpret_cast<const uint32_t*>(data + row * stride + column * 4);
      bool is_dark = ((pixel >> 8) & 0xff) < 128;
      dark += is_dark;
      right_half_dark += is_dark && column > width / 2;
    }
  }
  cairo_surface_destroy(page);
  EXPECT_GT(dark, 200);
  // Right to left: the Arabic title is set against the right margin.
  EXPECT_GT(right_half_dark, dark * 6 / 10);
}

TEST(ReportTest, ChartLayoutIsDeterministicAndInside) {
  LinkChart chart = SampleInput().chart;
  std::vector<NodePosition> first = LayoutChart(chart, 500, 400);
  std::vector<NodePosition> second = LayoutChart(chart, 500, 400);
  ASSERT_EQ(first.size(), 3u);
  for (size_t node_idx = 0; node_idx < first.size(); ++node_idx) {
    EXPECT_EQ(first[node_idx].x, second[node_idx].x);
    EXPECT_GE(first[node_idx].x, 0);
    EXPECT_LE(first[node_idx].x, 500);
    EXPECT_GE(first[node_idx].y, 0);
    EXPECT_LE(first[node_idx].y, 400);
  }
  EXPECT_DOUBLE_EQ(first[0].x, 250);  // the one suspect at the centre
  EXPECT_DOUBLE_EQ(first[0].y, 200);
}

}  // namespace
}  // namespace tafkik::casefile
