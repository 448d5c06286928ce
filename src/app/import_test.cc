#include "app/import.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "app/app_test_util.h"

namespace tafkik::app::testing {
namespace {

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
  EXPECT_EQ(report->rejects_path, path + ".rejects.csv");
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
