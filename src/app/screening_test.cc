#include "app/screening.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;
using testing::WorkspaceTest;

namespace scr = ::tafkik::screening;

const scr::Catalogues& Shipped() {
  static const scr::Catalogues* catalogues = [] {
    auto loaded = scr::Catalogues::Load(std::string(TAFKIK_SOURCE_DIR) + "/data/indicators");
    if (!loaded.ok()) std::abort();
    return new scr::Catalogues(std::move(loaded).value());
  }();
  return *catalogues;
}

class ScreeningAppTest : public WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    auto person = AddEntity(*store_, actor_,
                            {"Person", {"name=Joy Okafor", "gender=female", "nationality=ng"}});
    ASSERT_THAT(person, IsOk());
    person_ = person->id.value();
    ASSERT_THAT(CreateCase(*store_, actor_,
                           {"MA-2026-0007", "", "ma", "", {"tip"}, "open", "BNPJ Tanger"}),
                IsOk());
  }

  scr::Screening Adult(std::vector<std::string> ids, std::optional<bool> consent = true) {
    scr::Screening screening;
    screening.person = person_;
    screening.case_reference = "MA-2026-0007";
    screening.place = "Tanger Med port";
    screening.input.ages = {{24, scr::AgeBasis::kDocument}};
    for (const std::string& id : ids) screening.input.observations.push_back({id, "", scr::Source::kStated});
    screening.input.consent_to_share = consent;
    return screening;
  }

  std::vector<store::CaseRole> Roles() {
    auto roles = store_->RolesOf(EntityId(person_));
    EXPECT_THAT(roles, IsOk());
    return roles.ok() ? *roles : std::vector<store::CaseRole>{};
  }

  std::string person_;
};

TEST_F(ScreeningAppTest, PresumedVictimBecomesVictimOfTheCase) {
  auto view = CreateScreening(*store_, actor_, Shipped(),
                              Adult({"unodc.gen.deceived", "unodc.sex.earnings_taken"}));
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->result["outcome"], "presumed_victim");
  EXPECT_THAT(view->record.id, HasSubstr("scr-"));
  EXPECT_EQ(view->record.subject, person_);
  EXPECT_THAT(view->record.body["summary"]["ar"].get<std::string>(), HasSubstr("الاستغلال الجنسي"));
  EXPECT_FALSE(view->record.body["summary"]["fr"].get<std::string>().empty());
  EXPECT_EQ(view->screening.screened_by, "inspector.alaoui");
  std::vector<store::CaseRole> roles = Roles();
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].role, model::Role::kVictim);
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "screening.create");
  EXPECT_THAT(event.details, HasSubstr("\"role\":\"victim\""));
  EXPECT_THAT(event.details, ::testing::Not(HasSubstr("Joy")));
}

TEST_F(ScreeningAppTest, NotEnoughInformationAddsNoRole) {
  auto view = CreateScreening(*store_, actor_, Shipped(), Adult({"ilo.ec.excessive_hours"}));
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->result["outcome"], "not_enough_information");
  EXPECT_TRUE(Roles().empty());
}

TEST_F(ScreeningAppTest, ChildIsReferredToChildProtectionAtOnce) {
  scr::Screening screening = Adult({"unodc.beg.moved_daily"}, std::nullopt);
  screening.input.ages = {{12, scr::AgeBasis::kEstimated}};
  auto view = CreateScreening(*store_, actor_, Shipped(), screening);
  ASSERT_THAT(view, IsOk());
  ASSERT_EQ(view->referrals.size(), 1u);
  EXPECT_EQ(view->referrals[0].body["actor"], "child_protection");
  EXPECT_EQ(view->referrals[0].body["consent"], "child_best_interests");
  EXPECT_EQ(view->referrals[0].body["status"], "sent");
}

TEST_F(ScreeningAppTest, UnknownIndicatorIsRefusedAndNothingWritten) {
  int64_t before = AuditCount();
  auto view = CreateScreening(*store_, actor_, Shipped(), Adult({"ilo.cd.passport_taken"}));
  EXPECT_THAT(view, StatusIs(StatusCode::kInvalidArgument,
                             HasSubstr("'ilo.cd.passport_taken' is in no indicator catalogue")));
  EXPECT_EQ(AuditCount(), before);
}

TEST_F(ScreeningAppTest, PersonAndCaseMustExist) {
  scr::Screening screening = Adult({"unodc.gen.deceived"});
  screening.person = "nobody";
  EXPECT_THAT(CreateScreening(*store_, actor_, Shipped(), screening),
              StatusIs(StatusCode::kNotFound, HasSubstr("no entity nobody")));
  auto phone = AddEntity(*store_, actor_, {"Phone", {"number=+212612345678"}});
  ASSERT_THAT(phone, IsOk());
  screening.person = phone->id.value();
  EXPECT_THAT(CreateScreening(*store_, actor_, Shipped(), screening),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("not a Person")));
  screening = Adult({"unodc.gen.deceived"});
  screening.case_reference = "MA-2026-9999";
  EXPECT_THAT(CreateScreening(*store_, actor_, Shipped(), screening),
              StatusIs(StatusCode::kNotFound));
}

TEST_F(ScreeningAppTest, ShowAndListPutTheReadOnRecord) {
  auto created = CreateScreening(*store_, actor_, Shipped(), Adult({"ilo.ec.excessive_hours"}));
  ASSERT_THAT(created, IsOk());
  auto shown = ShowScreening(*store_, actor_, created->record.id);
  ASSERT_THAT(shown, IsOk());
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "entity.read");
  EXPECT_EQ(event.object, "screening:" + created->record.id);
  EXPECT_THAT(event.details, HasSubstr(person_));
  auto listed = ListScreenings(*store_, actor_, {"MA-2026-0007"});
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(LastEvent().object, "screenings");
  EXPECT_THAT(ShowScreening(*store_, actor_, "scr-none"), StatusIs(StatusCode::kNotFound));
}

TEST_F(ScreeningAppTest, ReferralNeedsConsentAndMovesForward) {
  auto unconsented = CreateScreening(*store_, actor_, Shipped(),
                                     Adult({"unodc.gen.deceived"}, std::nullopt));
  ASSERT_THAT(unconsented, IsOk());
  EXPECT_THAT(Refer(*store_, actor_, {unconsented->record.id, "shelter", "Foyer Oujda"}),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("not recorded")));
  auto consented = CreateScreening(*store_, actor_, Shipped(), Adult({"unodc.gen.deceived"}));
  ASSERT_THAT(consented, IsOk());
  EXPECT_THAT(Refer(*store_, actor_, {consented->record.id, "police", "X"}),
              StatusIs(StatusCode::kInvalidArgument));
  auto referral = Refer(*store_, actor_, {consented->record.id, "shelter", "Foyer Oujda", "tonight"});
  ASSERT_THAT(referral, IsOk());
  EXPECT_EQ(LastEvent().action, "referral.create");
  for (const char* status : {"accepted", "assisted", "closed"}) {
    ASSERT_THAT(UpdateReferral(*store_, actor_, referral->id, status, ""), IsOk()) << status;
  }
  EXPECT_THAT(UpdateReferral(*store_, actor_, referral->id, "accepted", ""),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("closed is final")));
  auto shown = ShowScreening(*store_, actor_, consented->record.id);
  ASSERT_THAT(shown, IsOk());
  ASSERT_EQ(shown->referrals.size(), 1u);
  EXPECT_EQ(shown->referrals[0].body["status"], "closed");
  EXPECT_EQ(shown->referrals[0].body["history"].size(), 4u);
  EXPECT_THAT(UpdateReferral(*store_, actor_, "ref-none", "accepted", ""),
              StatusIs(StatusCode::kNotFound));
}

TEST_F(ScreeningAppTest, ChildReferredElsewhereIsAlsoReferredToChildProtection) {
  scr::Screening screening = Adult({"ilo.ec.excessive_hours"});
  screening.input.ages = {{15, scr::AgeBasis::kStated}};
  auto view = CreateScreening(*store_, actor_, Shipped(), screening);
  ASSERT_THAT(view, IsOk());
  ASSERT_THAT(Refer(*store_, actor_, {view->record.id, "health", "CHU Tanger"}), IsOk());
  auto shown = ShowScreening(*store_, actor_, view->record.id);
  ASSERT_THAT(shown, IsOk());
  EXPECT_EQ(shown->referrals.size(), 2u);  // the automatic one at creation and the health one
}

TEST_F(ScreeningAppTest, StatisticsExportAnonymises) {
  ASSERT_THAT(CreateScreening(*store_, actor_, Shipped(),
                              Adult({"unodc.gen.deceived", "unodc.lab.excessive_hours",
                                     "ilo.cd.debt_bondage"})),
              IsOk());
  ASSERT_THAT(CreateScreening(*store_, actor_, Shipped(), Adult({"ilo.ec.excessive_hours"})), IsOk());
  auto all = ExportScreeningStatistics(*store_, actor_, 1);
  ASSERT_THAT(all, IsOk());
  ASSERT_EQ(all->rows.size(), 1u);  // only the presumed victim
  EXPECT_EQ(all->rows[0], (scr::VictimRow{all->rows[0][0], "Female", "24--26", "NG", "Financial",
                                          "Forced Labor", "", ""}));
  EXPECT_EQ(LastEvent().action, "screening.export");
  auto eleven = ExportScreeningStatistics(*store_, actor_, 11);
  ASSERT_THAT(eleven, IsOk());
  EXPECT_TRUE(eleven->rows.empty());  // one victim cannot be 11-anonymous
  EXPECT_EQ(eleven->dropped_rows, 1);
}

}  // namespace
}  // namespace tafkik::app
