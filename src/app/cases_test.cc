#include "app/cases.h"

#include "app/app_test_util.h"
#include "app/audit_log.h"
#include "app/entities.h"
#include "app/workspace.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

class CasesTest : public testing::WorkspaceTest {
 protected:
  static CreateCaseRequest Smuggling(const std::string& reference) {
    CreateCaseRequest request;
    request.reference = reference;
    request.country = "MA";
    request.region = "Tanger-Tétouan-Al Hoceïma";
    request.offences = {"som"};
    request.lead_unit = "BNPJ Tanger";
    return request;
  }

  std::string AddPerson(const std::string& name) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {"Person", {"name=" + name}});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }
};

TEST_F(CasesTest, CreateAssignAndShow) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  EXPECT_EQ(LastEvent().action, "case.create");
  std::string organiser = AddPerson("Rachid Tazi");
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", organiser, "suspect"), IsOk());
  EXPECT_EQ(LastEvent().action, "case.assign");
  EXPECT_EQ(LastEvent().object, "case:MA-2026-0001");

  Result<CaseView> shown = ShowCase(*store_, actor_, "MA-2026-0001");
  ASSERT_THAT(shown, IsOk());
  EXPECT_EQ(shown->record.jurisdiction.country, "ma");
  ASSERT_EQ(shown->members.size(), 1u);
  EXPECT_EQ(shown->members[0].caption, "Rachid Tazi");
  EXPECT_EQ(shown->members[0].schema, "Person");
  EXPECT_EQ(shown->members[0].member.role, model::Role::kSuspect);
}

TEST_F(CasesTest, ShowingACaseWithVictimsRecordsTheRead) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  std::string victim = AddPerson("Aminata Diallo");
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", victim, "victim"), IsOk());
  int64_t events_before = AuditCount();

  ASSERT_THAT(ShowCase(*store_, actor_, "MA-2026-0001"), IsOk());
  EXPECT_EQ(AuditCount(), events_before + 1);
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_EQ(LastEvent().object, "case:MA-2026-0001");
  EXPECT_THAT(LastEvent().details, HasSubstr(victim));
}

TEST_F(CasesTest, DuplicateReferenceIsAlreadyExists) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  EXPECT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")),
              StatusIs(StatusCode::kAlreadyExists));
}

TEST_F(CasesTest, BadFieldsAreRejectedByName) {
  CreateCaseRequest request = Smuggling("MA-2026-0002");
  request.country = "xx";
  EXPECT_THAT(CreateCase(*store_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("country")));
  request = Smuggling("MA-2026-0002");
  request.offences = {"fraud"};
  EXPECT_THAT(CreateCase(*store_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("fraud")));
}

TEST_F(CasesTest, AssignRejectsUnknownRoleCaseAndEntity) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  std::string person = AddPerson("Rachid Tazi");
  EXPECT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", person, "boss"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("boss")));
  EXPECT_THAT(AssignToCase(*store_, actor_, "MA-2026-9999", person, "suspect"),
              StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", "nobody", "suspect"),
              StatusIs(StatusCode::kNotFound));
}

TEST_F(CasesTest, ListCasesReturnsEveryCase) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0002")), IsOk());
  Result<std::vector<model::Case>> cases = ListCases(*store_);
  ASSERT_THAT(cases, IsOk());
  EXPECT_EQ(cases->size(), 2u);
}

TEST_F(CasesTest, AuditVerifiesAfterWrites) {
  ASSERT_THAT(CreateCase(*store_, actor_, Smuggling("MA-2026-0001")), IsOk());
  Result<store::AuditVerifyReport> report = AuditVerify(*store_);
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->ok) << report->reason;
  EXPECT_THAT(VerifyStatus(*report), IsOk());
}

TEST(AuditLogTest, BrokenReportIsDataLossNamingTheIndex) {
  store::AuditVerifyReport report;
  report.ok = false;
  report.first_bad_index = 17;
  report.reason = "hash mismatch";
  EXPECT_THAT(VerifyStatus(report),
              StatusIs(StatusCode::kDataLoss, HasSubstr("at event 17: hash mismatch")));
}

TEST(WorkspaceTest, InitTwiceIsAlreadyExistsAndOpeningNothingIsNotFound) {
  testing::TempDir dir;
  store::Actor actor{"tester"};
  ASSERT_THAT(InitWorkspace(dir.Sub("ws"), actor), IsOk());
  EXPECT_THAT(InitWorkspace(dir.Sub("ws"), actor), StatusIs(StatusCode::kAlreadyExists));
  EXPECT_THAT(OpenWorkspace(dir.Sub("nothing")),
              StatusIs(StatusCode::kNotFound, HasSubstr("init")));
}

}  // namespace
}  // namespace tafkik::app
