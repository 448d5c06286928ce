#include "app/import.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zip.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/hash.h"
#include "core/phone.h"

#include "app/app_test_util.h"
#include "app/generate.h"
#include "ingest/ufdr_test_util.h"
#include "store/blob_store.h"
#include "store/workspace.h"

namespace tafkik::app::testing {
namespace {

using ::tafkik::ingest::testing::WriteZip;
using ::testing::HasSubstr;

constexpr char kCdrHeader[] = "caller,callee,start,duration,type,imsi,imei,cell_first,cell_last\n";

// A call between two of `lines` subscribers per row, every minute from 2025-03-01 08:00.
std::string CallRows(int rows, int lines = 50) {
  std::ostringstream out;
  for (int row = 0; row < rows; ++row) {
    int minutes = row % (60 * 24 * 28);
    out << "06" << 10000000 + row % lines << ",06" << 20000000 + (row * 7) % lines << ",2025-03-"
        << (1 + minutes / 1440 < 10 ? "0" : "") << 1 + minutes / 1440 << " "
        << (minutes / 60 % 24 < 10 ? "0" : "") << minutes / 60 % 24 << ":"
        << (minutes % 60 < 10 ? "0" : "") << minutes % 60 << ":00," << row % 300
        << ",VOICE,60400123456789" << row % 10 << ",356938035643809"
        << ",604-00-1201-" << row % 100 << ",\n";
  }
  return out.str();
}

class ImportTest : public WorkspaceTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = dir_.Sub(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  ImportOptions Cdr(const std::string& path) {
    ImportOptions options;
    options.path = path;
    options.profile = "cdr";
    options.workspace_root = root();
    return options;
  }

  // Entities, relations and values: what an import may change.
  std::string Contents() {
    store::Counts counts = *store_->Count();
    std::string out;
    for (const auto& [schema, count] : counts.entities_by_schema) {
      out += schema + "=" + std::to_string(count) + " ";
    }
    for (const auto& [schema, count] : counts.relations_by_schema) {
      out += schema + "=" + std::to_string(count) + " ";
    }
    return out + "values=" + std::to_string(counts.values);
  }
};

TEST_F(ImportTest, BadRowsAreRejectedAndGoodRowsLandInOneAuditedEvent) {
  std::string path = WriteFile("calls.csv", std::string(kCdrHeader) + CallRows(3) +
                                                "0612345678,0698765432,2025-03-09 10:00:00,abc,VOICE,,,,\n"
                                                "0612345678,12,2025-03-09 10:00:00,5,VOICE,,,,\n");
  const int64_t events_before = AuditCount();
  Result<ImportReport> report = ImportFile(*store_, actor_, Cdr(path));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->rows, 5);
  EXPECT_EQ(report->relations, 4);  // row 5 lacks a receiver
  EXPECT_EQ(report->rejects, 2);  // one per bad cell
  // Into the workspace, not beside the source (which may sit on read-only media).
  EXPECT_EQ(report->rejects_path,
            root() + "/imports/calls." + report->sha256.substr(0, 12) + ".rejects.csv");
  EXPECT_FALSE(std::filesystem::exists(path + ".rejects.csv"));
  std::ifstream rejects(report->rejects_path);
  std::stringstream text;
  text << rejects.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("row,column,value,reason\n4,duration,abc,call.duration: 'abc' is not a number"));
  EXPECT_THAT(text.str(), HasSubstr("\n5,callee,12,\"callee.number: phone number \"\"12\"\" (region MA)"));
  EXPECT_EQ(AuditCount(), events_before + 1);
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "import");
  EXPECT_EQ(event.object, "import:" + report->sha256.substr(0, 16));
  Json details = Json::parse(event.details);
  EXPECT_FALSE(details.contains("file"));  // file names can carry personal data
  EXPECT_EQ(details["sha256"], report->sha256);
  EXPECT_EQ(details["profile"], "cdr");
  EXPECT_EQ(details["rows"], 5);
  EXPECT_EQ(details["relations"], 4);
  EXPECT_EQ(details["rejects"], 2);
  EXPECT_EQ(store_->Count()->relations_by_schema["Call"], 4);
}

// A row the reader itself cannot read is reported at its own row and column, not the next.
TEST_F(ImportTest, ReaderRejectsNameTheirRowAndColumn) {
  std::string path = WriteFile("calls.csv", std::string(kCdrHeader) + CallRows(1) +
                                                "0612345678,0698765432,2025-03-09 10:00:00,\"12,VOICE,,,,\n" +
                                                CallRows(2).substr(CallRows(1).size()));
  Result<ImportReport> report = ImportFile(*store_, actor_, Cdr(path));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->relations, 2);
  ASSERT_EQ(report->first_rejects.size(), 1u);
  EXPECT_EQ(report->first_rejects[0].row, 2);
  EXPECT_EQ(report->first_rejects[0].column, "duration");
  EXPECT_THAT(report->first_rejects[0].reason, HasSubstr("unterminated quote"));
}

TEST_F(ImportTest, ImportingTheSameFileTwiceChangesNothing) {
  std::string path = WriteFile("calls.csv", std::string(kCdrHeader) + CallRows(500));
  ASSERT_THAT(ImportFile(*store_, actor_, Cdr(path)), IsOk());
  const std::string once = Contents();
  EXPECT_THAT(once, HasSubstr("Call=500"));
  Result<ImportReport> again = ImportFile(*store_, actor_, Cdr(path));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->relations, 500);  // written again, merged into the same records
  EXPECT_EQ(Contents(), once);
}

TEST_F(ImportTest, DryRunWritesNothing) {
  std::string path = WriteFile("calls.csv", std::string(kCdrHeader) + CallRows(50) +
                                                "0612345678,0698765432,x,1,VOICE,,,,\n");
  const std::string before = Contents();
  const int64_t events_before = AuditCount();
  ImportOptions options = Cdr(path);
  options.dry_run = true;
  Result<ImportReport> report = ImportFile(*store_, actor_, options);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->relations, 50);  // the call without a time has no id
  EXPECT_EQ(report->rejects, 1);
  EXPECT_EQ(Contents(), before);
  EXPECT_EQ(AuditCount(), events_before);
  EXPECT_FALSE(std::filesystem::exists(path + ".rejects.csv"));
}

TEST_F(ImportTest, UnreadableFileOrUnfitProfileFailsAndLeavesTheStoreUnchanged) {
  const std::string before = Contents();
  const int64_t events_before = AuditCount();
  EXPECT_THAT(ImportFile(*store_, actor_, Cdr(dir_.Sub("missing.csv"))),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.csv")));
  std::string wrong = WriteFile("register.csv", "person_id,last_name\nR1,Haddad\n");
  EXPECT_THAT(ImportFile(*store_, actor_, Cdr(wrong)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("needs column(s) caller")));
  ImportOptions no_profile = Cdr(wrong);
  no_profile.profile.clear();
  EXPECT_THAT(ImportFile(*store_, actor_, no_profile),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("profile suggest")));
  EXPECT_EQ(Contents(), before);
  EXPECT_EQ(AuditCount(), events_before);
}

TEST_F(ImportTest, EveryShippedSampleImports) {
  for (std::string name : {"cell_sites", "cdr", "person_register", "money_transfer",
                           "mobile_money", "bank_statement", "hawala_ledger"}) {
    ImportOptions options;
    options.path = std::string(TAFKIK_SOURCE_DIR) + "/data/mappings/samples/" + name + ".csv";
    options.profile = name;
    options.dry_run = true;  // the sample folder stays clean
    Result<ImportReport> report = ImportFile(*store_, actor_, options);
    ASSERT_THAT(report, IsOk()) << name;
    EXPECT_EQ(report->rejects, 0) << name << ": " << (report->first_rejects.empty() ? "" : report->first_rejects[0].reason);
    EXPECT_GT(report->entities, 0) << name;
  }
}

TEST_F(ImportTest, ThingsJoinTheCaseGiven) {
  model::Case c;
  c.reference = "MA-2026-0042";
  c.jurisdiction.country = "ma";
  c.offences = {model::Offence::kSmugglingOfMigrants};
  c.lead_unit = "BNPJ";
  {
    auto write = *store_->BeginWrite(actor_);
    ASSERT_THAT(write->CreateCase(c), IsOk());
    ASSERT_THAT(write->Commit({"case.create", "case:MA-2026-0042"}), IsOk());
  }
  std::string path = WriteFile("calls.csv", std::string(kCdrHeader) + CallRows(10, 3));
  ImportOptions options = Cdr(path);
  options.case_reference = "MA-2026-0042";
  ASSERT_THAT(ImportFile(*store_, actor_, options), IsOk());
  Result<model::Case> stored = store_->GetCase("MA-2026-0042");
  ASSERT_THAT(stored, IsOk());
  EXPECT_GE(stored->members.size(), 6u);  // 3 callers, 3 callees, handsets
  options.case_reference = "XX-0000";
  EXPECT_THAT(ImportFile(*store_, actor_, options), StatusIs(StatusCode::kNotFound));
}

constexpr char kPhoto[] = "\xff\xd8\xff\xe0 a photo of a boat at the beach";

// A UFDR report.xml with the device's line and one contact whose number is not a number;
// `tail` ends it (a well-formed close, or garbage that makes the report unreadable).
std::string UfdrReport(const std::string& msisdn, const std::string& tail) {
  auto field = [](const std::string& name, const std::string& value) {
    return "<field name=\"" + name + "\" type=\"String\"><value type=\"String\"><![CDATA[" +
           value + "]]></value></field>";
  };
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<project id=\"p-1\" xmlns=\"http://pa.cellebrite.com/report/2.0\">\n"
         "<metadata section=\"Device Info\">"
         "<item name=\"DeviceInfoIMEI\"><![CDATA[490154203237518]]></item>"
         "<item name=\"MSISDN\"><![CDATA[" + msisdn + "]]></item>"
         "<item name=\"DeviceInfoOwnerName\"><![CDATA[Youssef El Amrani]]></item>"
         "</metadata>\n"
         "<decodedData><modelType type=\"Contact\">"
         "<model type=\"Contact\" id=\"c-1\">" + field("Name", "Karim") +
         "<multiModelField name=\"Entries\"><model type=\"PhoneNumber\">" +
         field("Value", "12") + "</model></multiModelField></model>"
         "</modelType></decodedData>" + tail;
}

// One number seen by an operator (national format), a money transfer operator (E.164) and a
// seized phone (spaced) is one Phone entity, with each source on its values; the handset of
// the CDR and of the seized phone's report is one Device.
TEST_F(ImportTest, OneNumberFromThreeSourcesIsOnePhone) {
  std::string cdr = WriteFile("calls.csv", std::string(kCdrHeader) +
                                               "0661234567,0698765432,2025-03-01 10:15:00,60,"
                                               "VOICE,,490154203237518,,\n");
  std::string mto = WriteFile(
      "mto.csv",
      "control_number,send_date,sender_name,sender_id_number,sender_phone,sender_country,"
      "sender_agent,receiver_name,receiver_id_number,receiver_phone,receiver_country,"
      "receiver_agent,principal,fee,currency\n"
      "4512367890,2025-03-04 11:30:00,Youssef Haddad,K123456,+212661234567,MA,Agence A,"
      "Ibrahim Diallo,P998877,+224621001122,GN,Agence B,5000.00,85,MAD\n");
  std::string ufdr = dir_.Sub("phone.ufdr");
  WriteZip(ufdr, {{"report.xml", UfdrReport("+212 661-234567", "</project>")}});
  ASSERT_THAT(ImportFile(*store_, actor_, Cdr(cdr)), IsOk());
  ImportOptions transfers = Cdr(mto);
  transfers.profile = "money_transfer";
  ASSERT_THAT(ImportFile(*store_, actor_, transfers), IsOk());
  ImportOptions seized = Cdr(ufdr);
  seized.profile.clear();
  Result<ImportReport> report = ImportFile(*store_, actor_, seized);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->profile, "ufdr");

  Result<model::Entity> phone = store_->GetEntity(PhoneEntityId("+212661234567"));
  ASSERT_THAT(phone, IsOk());
  std::set<std::string> datasets;
  for (const auto& [property, values] : phone->properties) {
    for (const model::Value& value : values) datasets.insert(value.provenance.dataset);
  }
  EXPECT_EQ(datasets, (std::set<std::string>{"cdr:calls.csv", "money_transfer:mto.csv",
                                             "ufdr:phone.ufdr"}));
  Result<model::Entity> handset = store_->GetEntity(HandsetEntityId("490154203237518"));
  ASSERT_THAT(handset, IsOk());
  EXPECT_EQ(handset->schema, "Device");
  EXPECT_EQ(store_->Count()->entities_by_schema["Device"], 1);
}

// Exchange files through --format, as `tafkik import --format` passes them.
TEST_F(ImportTest, ExchangeFormatsImportThroughFormat) {
  std::string ftm = WriteFile(
      "entities.ftm.json",
      "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Amina Tazi\"]}}\n"
      "{\"id\":\"p2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Omar Tazi\"]}}\n"
      "{\"id\":\"f1\",\"schema\":\"Family\",\"properties\":{\"person\":[\"p1\"],"
      "\"relative\":[\"p2\"],\"relationship\":[\"sister\"]}}\n");
  ImportOptions options = Cdr(ftm);
  options.profile.clear();
  options.format = "ftm";
  Result<ImportReport> report = ImportFile(*store_, actor_, options);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->profile, "ftm");
  EXPECT_EQ(report->entities, 2);
  EXPECT_EQ(report->relations, 1);
  EXPECT_EQ(store_->Count()->relations_by_schema["Family"], 1);
  options.format = "gexf";
  EXPECT_THAT(ImportFile(*store_, actor_, options), StatusIs(StatusCode::kInvalidArgument));
}

// A UFDR whose report.xml breaks half way fails as a whole: no records, no audit event, no
// evidence files left in blobs/, and no reject report (its one reject was found before).
TEST_F(ImportTest, FailedUfdrImportLeavesNoEvidenceAndNoRejectReport) {
  std::string ufdr = dir_.Sub("broken.ufdr");
  WriteZip(ufdr, {{"report.xml", UfdrReport("+212661234567", "<model type=\"Call\"><<<")},
                  {"files/Image/IMG-1.jpg", kPhoto}});
  const std::string before = Contents();
  const int64_t events_before = AuditCount();
  ImportOptions options = Cdr(ufdr);
  options.profile.clear();
  options.rejects_path = dir_.Sub("broken.rejects.csv");
  EXPECT_THAT(ImportFile(*store_, actor_, options),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("broken.ufdr")));
  EXPECT_EQ(Contents(), before);
  EXPECT_EQ(AuditCount(), events_before);
  EXPECT_FALSE(std::filesystem::exists(options.rejects_path));
  EXPECT_FALSE(std::filesystem::exists(options.rejects_path + ".partial"));
  int64_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root())) {
    files += entry.is_regular_file() && entry.path().string().find("/blobs/") != std::string::npos;
    EXPECT_EQ(entry.path().filename().string().find(".tafkik-import-"), std::string::npos);
  }
  EXPECT_EQ(files, 0);

  // The same attachment in a good report lands, once, in blobs/.
  std::string good = dir_.Sub("good.ufdr");
  WriteZip(good, {{"report.xml", UfdrReport("+212661234567", "</project>")},
                  {"files/Image/IMG-1.jpg", kPhoto}});
  options.path = good;
  Result<ImportReport> report = ImportFile(*store_, actor_, options);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->evidence_files, 1);
  EXPECT_EQ(report->rejects, 1);  // the contact's number "12"
  EXPECT_TRUE(std::filesystem::exists(options.rejects_path));
  Result<store::BlobStore> blobs = store::BlobStore::Open(store::PathsOf(root()).blobs);
  ASSERT_THAT(blobs, IsOk());
  EXPECT_THAT(blobs->Verify(Sha256Hex(std::string_view(kPhoto, sizeof(kPhoto) - 1))), IsOk());
}

// The demo's path: the generator writes the operator's CDR and the money transfer export as
// files, and importing them through the shipped profiles links everything to what the
// workspace holds: no new Phone, Device or Person, only the calls and transfers.
TEST(GeneratedImportTest, GeneratedFilesImportLinkedIntoTheGeneratedWorkspace) {
  TempDir dir;
  GenerateOptions generate;
  generate.root = dir.Sub("ws");
  generate.seed = 2026;
  generate.files_dir = dir.Sub("incoming");
  store::Actor actor{"inspector.alaoui"};
  Result<GenerateReport> generated = GenerateWorkspace(generate, actor);
  ASSERT_THAT(generated, IsOk());
  auto store = OpenWorkspace(generate.root);
  ASSERT_THAT(store, IsOk());
  const store::Counts before = *(*store)->Count();
  for (const std::string profile : {"cdr", "money_transfer"}) {
    ImportOptions options;
    options.path = generate.files_dir + "/" + profile + ".csv";
    options.profile = profile;
    options.workspace_root = generate.root;
    Result<ImportReport> report = ImportFile(**store, actor, options);
    ASSERT_THAT(report, IsOk()) << profile;
    EXPECT_EQ(report->rejects, 0) << profile << ": " << report->first_rejects[0].reason;
    EXPECT_EQ(report->rows, generated->summary.file_rows.at(profile + ".csv"));
  }
  store::Counts after = *(*store)->Count();
  for (const char* schema : {"Phone", "Device", "Person", "BankAccount"}) {
    EXPECT_EQ(after.entities_by_schema[schema], before.entities_by_schema.at(schema)) << schema;
  }
  EXPECT_EQ(after.relations_by_schema["Call"],
            before.relations_by_schema.at("Call") + generated->summary.file_rows.at("cdr.csv"));
  EXPECT_EQ(after.relations_by_schema["Payment"],
            before.relations_by_schema.at("Payment") +
                generated->summary.file_rows.at("money_transfer.csv"));
}

// The XLSX exports of extraction tools (hand-made samples in XRY, Oxygen and AXIOM shapes,
// data/mappings/samples/make_extraction_samples.py) land linked to the examined handset and
// its line, given as parameters; incoming and outgoing calls and messages run the right way.
TEST_F(ImportTest, ExtractionToolSheetsLandLinkedToTheHandsetAndItsLine) {
  const std::string samples = std::string(TAFKIK_SOURCE_DIR) + "/data/mappings/samples/";
  for (const auto& [file, profile] :
       std::vector<std::pair<std::string, std::string>>{{"xry_calls.xlsx", "extraction_calls"},
                                                        {"oxygen_messages.xlsx", "extraction_messages"},
                                                        {"axiom_contacts.xlsx", "extraction_contacts"}}) {
    ImportOptions options = Cdr(samples + file);
    options.profile = profile;
    options.parameters = {{"device_imei", "490154203237518"}, {"owner_number", "+212661234567"}};
    Result<ImportReport> report = ImportFile(*store_, actor_, options);
    ASSERT_THAT(report, IsOk()) << file;
    EXPECT_EQ(report->rejects, 0) << file << ": " << report->first_rejects[0].reason;
  }
  const EntityId line = PhoneEntityId("+212661234567");
  const EntityId karim = PhoneEntityId("+212612345678");
  Result<model::Entity> handset = store_->GetEntity(HandsetEntityId("490154203237518"));
  ASSERT_THAT(handset, IsOk());
  EXPECT_EQ(handset->First("owner"), line.value());
  store::Counts counts = *store_->Count();
  EXPECT_EQ(counts.entities_by_schema["Phone"], 5);  // the line and four other parties
  EXPECT_EQ(counts.entities_by_schema["Person"], 4);
  EXPECT_EQ(counts.relations_by_schema["Call"], 5);
  EXPECT_EQ(counts.relations_by_schema["Message"], 4);
  EXPECT_EQ(counts.relations_by_schema["UnknownLink"], 4);

  store::RelationQuery calls;
  calls.schema = "Call";
  std::vector<model::Relation> found = *store_->ListRelations(calls);
  ASSERT_EQ(found.size(), 5u);
  // Row 1, outgoing: the handset's line called Karim at 22:15 UTC for 00:02:05.
  EXPECT_EQ(FormatTimestamp(*found[0].start), "2025-03-01T22:15:00Z");
  EXPECT_EQ(found[0].source, line);
  EXPECT_EQ(found[0].target, karim);
  EXPECT_EQ(found[0].First("duration"), "125");
  // Row 2, incoming: the same number written another way, the other way round.
  EXPECT_EQ(found[1].source, karim);
  EXPECT_EQ(found[1].target, line);
  EXPECT_EQ(found[4].First("duration"), "3723");  // 01:02:03

  store::RelationQuery messages;
  messages.schema = "Message";
  found = *store_->ListRelations(messages);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].source, karim);
  EXPECT_EQ(found[1].source, line);
  EXPECT_EQ(found[2].First("channel"), "whatsapp");
  EXPECT_EQ(found[2].First("bodyText"), "أرسل صورة الجواز");

  store::RelationQuery entries;
  entries.schema = "UnknownLink";
  found = *store_->ListRelations(entries);
  ASSERT_EQ(found.size(), 4u);
  for (const model::Relation& entry : found) EXPECT_EQ(entry.source, handset->id);

  ImportOptions missing = Cdr(samples + "xry_calls.xlsx");
  missing.profile = "extraction_calls";
  missing.parameters = {{"device_imei", "490154203237518"}};
  EXPECT_THAT(ImportFile(*store_, actor_, missing),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("needs --param owner_number=VALUE")));
  missing.parameters["owner"] = "x";
  EXPECT_THAT(ImportFile(*store_, actor_, missing),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("has no parameter 'owner'")));
}

// A child imports a large file and is killed part-way: the store is as before the import.
TEST_F(ImportTest, KilledImportLeavesTheStoreAsBefore) {
  std::string path = WriteFile("big.csv", std::string(kCdrHeader) + CallRows(200'000, 5000));
  const std::string before = Contents();
  const int64_t events_before = AuditCount();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    auto store = OpenWorkspace(root());
    if (!store.ok()) _exit(2);
    ImportOptions options = Cdr(path);
    options.on_progress = [&](const ingest::TableProgress& progress) {
      if (progress.rows >= 60'000 && write(fds[1], "h", 1) != 1) _exit(3);
    };
    (void)ImportFile(**store, actor_, options);
    _exit(0);
  }
  close(fds[1]);
  char received = 0;
  ASSERT_EQ(read(fds[0], &received, 1), 1) << "the child finished before half way";
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status));

  store_.reset();
  auto reopened = OpenWorkspace(root());
  ASSERT_THAT(reopened, IsOk());
  store_ = std::move(reopened).value();
  EXPECT_EQ(Contents(), before);
  EXPECT_EQ(AuditCount(), events_before);
  Result<store::AuditVerifyReport> verify = store_->VerifyAudit();
  ASSERT_THAT(verify, IsOk());
  EXPECT_TRUE(verify->ok) << verify->reason;
}

}  // namespace
}  // namespace tafkik::app::testing
