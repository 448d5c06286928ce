// Exports: GEXF, ANX and GraphML are well-formed XML with the expected elements; XLSX opens
// (libzip) with a right-to-left sheet for Arabic; CSV quotes per RFC 4180; filters select;
// every export is audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <sstream>

#include "exchange/exchange_test_util.h"
#include "exchange/export.h"

namespace tafkik::exchange {
namespace {

using testing::NewWorkspace;
using testing::ParseXml;

struct Seeded {
  std::unique_ptr<testing::Workspace> workspace;
  model::Entity victim, suspect, outsider;
  model::Relation call, payment;
};

Seeded Seed() {
  Seeded seeded;
  seeded.workspace = NewWorkspace();
  store::Store& store = *seeded.workspace->store;
  model::Provenance provenance = store::testing::TestProvenance();
  seeded.victim = store::testing::MakePerson("v1", "عائشة \"Aicha\", بنت محمد");
  seeded.suspect = store::testing::MakePerson("s1", "Salem <the driver> & co");
  seeded.outsider = store::testing::MakePerson("o1", "Outsider");
  seeded.call.id = MakeEntityId("test", {"call"});
  seeded.call.schema = "Call";
  seeded.call.source = seeded.suspect.id;
  seeded.call.target = seeded.victim.id;
  seeded.call.start = *ParseTimestamp("2024-03-01T21:10:00Z");
  seeded.call.end = *ParseTimestamp("2024-03-01T21:12:05Z");
  seeded.call.Add("duration", "125", provenance);
  seeded.payment.id = MakeEntityId("test", {"payment"});
  seeded.payment.schema = "Payment";
  seeded.payment.source = seeded.outsider.id;
  seeded.payment.target = seeded.suspect.id;
  seeded.payment.start = *ParseTimestamp("2023-01-10T00:00:00Z");
  seeded.payment.Add("amount", "900", provenance);
  seeded.payment.Add("currency", "EUR", provenance);
  auto transaction = *store.BeginWrite({"tester"});
  for (const model::Entity* entity : {&seeded.victim, &seeded.suspect, &seeded.outsider}) {
    EXPECT_TRUE(transaction->PutEntity(*entity).ok());
  }
  EXPECT_TRUE(transaction->PutRelation(seeded.call).ok());
  EXPECT_TRUE(transaction->PutRelation(seeded.payment).ok());
  model::Case c;
  c.reference = "LY-2026-0007";
  c.jurisdiction = {"ly", ""};
  c.offences = {model::Offence::kTraffickingInPersons};
  c.lead_unit = "CID Tripoli";
  EXPECT_TRUE(transaction->CreateCase(c).ok());
  EXPECT_TRUE(transaction->AddCaseMember(c.reference, {seeded.victim.id, model::Role::kVictim}).ok());
  EXPECT_TRUE(transaction->AddCaseMember(c.reference, {seeded.suspect.id, model::Role::kSuspect}).ok());
  EXPECT_TRUE(transaction->Commit({"test", "seed"}).ok());
  return seeded;
}

Result<ExportSummary> ExportTo(store::Store& store, OutFormat format, std::string& text,
                               ExportFilter filter = {}) {
  std::ostringstream out;
  ExportOptions options;
  options.format = format;
  options.filter = std::move(filter);
  options.output = "-";
  options.stdout_stream = &out;
  Result<ExportSummary> summary = Export(store, {"tester"}, options);
  text = out.str();
  return summary;
}

TEST(Export, GexfIsDynamicWithEdgeIntervals) {
  Seeded seeded = Seed();
  std::string text;
  ASSERT_TRUE(ExportTo(*seeded.workspace->store, OutFormat::kGexf, text).ok());
  testing::ParsedXml xml = ParseXml(text);
  ASSERT_TRUE(xml.status.ok()) << xml.status.ToString() << "\n" << text;
  EXPECT_NE(xml.Find("gexf", "version", "1.3"), nullptr);
  const auto* graph = xml.Find("graph", "mode", "dynamic");
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(graph->at("timeformat"), "datetime");
  EXPECT_EQ(xml.Count("node"), 3);
  EXPECT_EQ(xml.Count("edge"), 2);
  const auto* call = xml.Find("edge", "id", seeded.call.id.value());
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->at("start"), "2024-03-01T21:10:00Z");
  EXPECT_EQ(call->at("end"), "2024-03-01T21:12:05Z");
  EXPECT_EQ(call->at("source"), seeded.suspect.id.value());
  EXPECT_NE(xml.Find("node", "label", "Salem <the driver> & co"), nullptr);
}

TEST(Export, AnxHasEntitiesWithIconsAndLinksWithStyles) {
  Seeded seeded = Seed();
  std::string text;
  ASSERT_TRUE(ExportTo(*seeded.workspace->store, OutFormat::kAnx, text).ok());
  testing::ParsedXml xml = ParseXml(text);
  ASSERT_TRUE(xml.status.ok()) << xml.status.ToString();
  EXPECT_EQ(xml.elements.front(), "Chart");
  EXPECT_EQ(xml.Count("ChartItemCollection"), 1);
  EXPECT_EQ(xml.Count("ChartItem"), 5);
  EXPECT_EQ(xml.Count("IconStyle"), 3);
  EXPECT_NE(xml.Find("IconStyle", "Type", "Person"), nullptr);
  EXPECT_NE(xml.Find("EntityType", "IconFile", "person"), nullptr);
  const auto* link = xml.Find("Link", "End1Reference", "E" + seeded.suspect.id.value());
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->at("End2Reference"), "E" + seeded.victim.id.value());
  const auto* style = xml.Find("LinkStyle", "Type", "Call");
  ASSERT_NE(style, nullptr);
  EXPECT_EQ(style->at("ArrowStyle"), "ArrowOnHead");
  EXPECT_EQ(style->at("Strength"), "Confirmed");
  const auto* dated = xml.Find("ChartItem", "Id", "L" + seeded.call.id.value());
  ASSERT_NE(dated, nullptr);
  EXPECT_EQ(dated->at("DateTime"), "2024-03-01T21:10:00.000");
  EXPECT_NE(xml.Find("Attribute", "Value", "125"), nullptr);
  EXPECT_NE(xml.Find("AttributeClass", "Name", "duration"), nullptr);
}

TEST(Export, CaseFilterKeepsMembersAndRelationsBetweenThem) {
  Seeded seeded = Seed();
  std::string text;
  ExportFilter filter;
  filter.case_reference = "LY-2026-0007";
  Result<ExportSummary> summary =
      ExportTo(*seeded.workspace->store, OutFormat::kGraphml, text, filter);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->entities(), 2);
  EXPECT_EQ(summary->relations(), 1);  // the payment's payer is not in the case
  testing::ParsedXml xml = ParseXml(text);
  ASSERT_TRUE(xml.status.ok());
  EXPECT_EQ(xml.Count("node"), 2);
  EXPECT_NE(xml.Find("edge", "id", seeded.call.id.value()), nullptr);
}

TEST(Export, TimeWindowAndSchemaFilter) {
  Seeded seeded = Seed();
  std::string text;
  ExportFilter filter;
  filter.from = *ParseTimestamp("2024-01-01");
  Result<ExportSummary> summary =
      ExportTo(*seeded.workspace->store, OutFormat::kFtm, text, filter);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->relations_by_schema, (std::map<std::string, int64_t>{{"Call", 1}}));
  // The window narrows the entities too: the call's two ends, not the outsider.
  EXPECT_EQ(summary->entities(), 2);
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr(seeded.outsider.id.value())));
  filter = {};
  filter.schemata = {"Payment"};
  summary = ExportTo(*seeded.workspace->store, OutFormat::kFtm, text, filter);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->relations_by_schema, (std::map<std::string, int64_t>{{"Payment", 1}}));
  // --schema Payment: the payment and its payer and beneficiary, not the victim.
  EXPECT_EQ(summary->entities(), 2);
  EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr(seeded.victim.id.value())));
  // A window with no relation in it exports nothing at all.
  filter = {};
  filter.from = *ParseTimestamp("2030-01-01");
  summary = ExportTo(*seeded.workspace->store, OutFormat::kGraphml, text, filter);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->entities(), 0);
  EXPECT_EQ(summary->relations(), 0);
  // A thing schema still exports every entity of it, with or without relations.
  filter = {};
  filter.schemata = {"Person"};
  summary = ExportTo(*seeded.workspace->store, OutFormat::kGraphml, text, filter);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->entities(), 3);
  EXPECT_EQ(summary->relations(), 2);
  filter.schemata = {"Nope"};
  EXPECT_EQ(ExportTo(*seeded.workspace->store, OutFormat::kFtm, text, filter).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Export, UnknownCaseIsNotFound) {
  Seeded seeded = Seed();
  std::string text;
  ExportFilter filter;
  filter.case_reference = "XX-0";
  EXPECT_EQ(ExportTo(*seeded.workspace->store, OutFormat::kFtm, text, filter).status().code(),
            StatusCode::kNotFound);
}

TEST(Export, EveryExportIsOneAuditEvent) {
  Seeded seeded = Seed();
  store::Store& store = *seeded.workspace->store;
  int64_t before = store.Count()->audit_events;
  std::string text;
  ExportFilter filter;
  filter.case_reference = "LY-2026-0007";
  ASSERT_TRUE(ExportTo(store, OutFormat::kAnx, text, filter).ok());
  ASSERT_EQ(store.Count()->audit_events, before + 1);
  auto events = *store.ListAuditEvents(before + 1, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "export");
  EXPECT_EQ(events[0].object, "anx");
  EXPECT_EQ(events[0].outcome, "ok");
  Json details = Json::parse(events[0].details);
  EXPECT_EQ(details["entities"], 2);
  EXPECT_EQ(details["relations"], 1);
  EXPECT_EQ(details["filter"]["case"], "LY-2026-0007");
  EXPECT_TRUE(store.VerifyAudit()->ok);
}

// The export event names the victims' data the export holds (the victim, and the phone the
// victim owns) and is on the record before anything is written: here writing fails (the
// output's folder does not exist) and the event is there all the same.
TEST(Export, VictimsAreOnTheRecordBeforeAnythingIsWritten) {
  Seeded seeded = Seed();
  store::Store& store = *seeded.workspace->store;
  model::Entity phone;
  phone.id = MakeEntityId("test", {"victim-phone"});
  phone.schema = "Phone";
  phone.Add("number", "+218912345678", store::testing::TestProvenance());
  model::Relation owns;
  owns.id = MakeEntityId("test", {"owns"});
  owns.schema = "Ownership";
  owns.source = seeded.victim.id;
  owns.target = phone.id;
  {
    auto transaction = *store.BeginWrite({"tester"});
    ASSERT_TRUE(transaction->PutEntity(phone).ok());
    ASSERT_TRUE(transaction->PutRelation(owns).ok());
    ASSERT_TRUE(transaction->Commit({"test", "phone"}).ok());
  }
  int64_t before = store.Count()->audit_events;
  ExportOptions options;
  options.format = OutFormat::kGraphml;
  options.output = seeded.workspace->dir.Sub("missing/out.graphml");
  Result<ExportSummary> summary = Export(store, {"tester"}, options);
  ASSERT_EQ(summary.status().code(), StatusCode::kUnavailable) << summary.status().ToString();
  auto events = *store.ListAuditEvents(before + 1, 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "export");
  EXPECT_EQ(events[0].outcome, "ok");
  Json details = Json::parse(events[0].details);
  std::vector<std::string> victims = details["victims"];
  EXPECT_THAT(victims, ::testing::UnorderedElementsAre(seeded.victim.id.value(),
                                                       phone.id.value()));
  EXPECT_EQ(events[0].details.find("Aicha"), std::string::npos);  // ids only
  EXPECT_EQ(events[1].action, "export");
  EXPECT_EQ(events[1].outcome, "failed");
  EXPECT_TRUE(store.VerifyAudit()->ok);
}

TEST(Export, CsvQuotesPerRfc4180) {
  Seeded seeded = Seed();
  ExportOptions options;
  options.format = OutFormat::kCsv;
  options.output = seeded.workspace->dir.Sub("csv");
  Result<ExportSummary> summary = Export(*seeded.workspace->store, {"tester"}, options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files.size(), 3u);  // Person, Call, Payment
  std::string people = testing::ReadAll(options.output + "/Person.csv");
  EXPECT_NE(people.find("id,name\r\n"), std::string::npos);
  EXPECT_NE(people.find(seeded.victim.id.value() + ",\"عائشة \"\"Aicha\"\", بنت محمد\"\r\n"),
            std::string::npos)
      << people;
  std::string calls = testing::ReadAll(options.output + "/Call.csv");
  EXPECT_NE(calls.find("id,caller,receiver,startDate,endDate,duration\r\n"), std::string::npos)
      << calls;
}

TEST(Export, CsvAndXlsxRefuseStandardOutput) {
  Seeded seeded = Seed();
  std::string text;
  EXPECT_EQ(ExportTo(*seeded.workspace->store, OutFormat::kXlsx, text).status().code(),
            StatusCode::kInvalidArgument);
}

std::string ZipEntry(const std::string& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return "";
  std::string out;
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file != nullptr) {
    char buffer[4096];
    zip_int64_t got;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) out.append(buffer, got);
    zip_fclose(file);
  }
  zip_close(archive);
  return out;
}

TEST(Export, XlsxSheetPerSchemaRightToLeftForArabic) {
  Seeded seeded = Seed();
  ExportOptions options;
  options.format = OutFormat::kXlsx;
  options.output = seeded.workspace->dir.Sub("out.xlsx");
  Result<ExportSummary> summary = Export(*seeded.workspace->store, {"tester"}, options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  std::string workbook = ZipEntry(options.output, "xl/workbook.xml");
  ASSERT_FALSE(workbook.empty());
  EXPECT_NE(workbook.find("name=\"Person\""), std::string::npos) << workbook;
  // Sheets are numbered in order of first use: Person (sheet1), then Call, then Payment.
  std::string people = ZipEntry(options.output, "xl/worksheets/sheet1.xml");
  EXPECT_NE(people.find("rightToLeft=\"1\""), std::string::npos) << people;
  EXPECT_NE(people.find("بنت محمد"), std::string::npos);
  std::string calls = ZipEntry(options.output, "xl/worksheets/sheet2.xml");
  EXPECT_FALSE(calls.empty());
  EXPECT_EQ(calls.find("rightToLeft"), std::string::npos);
}

}  // namespace
}  // namespace tafkik::exchange
