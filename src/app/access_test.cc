#include "app/access.h"

#include "app/app_test_util.h"
#include "app/cases.h"

namespace tafkik::app {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AccessTest : public testing::WorkspaceTest {
 protected:
  NewUser Analyst(std::string name = "k.bennani") {
    return {std::move(name), "analyst", "fiu-ma", "fiu", "long enough password", false};
  }
  void MakeCase(const std::string& reference) {
    ASSERT_THAT(CreateCase(*store_, actor_, {reference, "", "ma", "", {"tip"}, "open", "BNPJ"}),
                IsOk());
  }
};

TEST_F(AccessTest, UsersAreCreatedListedAndNeverShowTheirSecrets) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  NewUser with_totp = Analyst("a.haddad");
  with_totp.second_factor = true;
  Result<std::string> secret = CreateUser(*store_, actor_, with_totp);
  ASSERT_THAT(secret, IsOk());
  EXPECT_EQ(secret->size(), 32u);
  auto users = ListUsers(*store_);
  ASSERT_THAT(users, IsOk());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_TRUE((*users)[0].second_factor || (*users)[1].second_factor);
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "access.user.create");
  EXPECT_THAT(event.details, Not(HasSubstr("long enough")));
  EXPECT_THAT(event.details, Not(HasSubstr("argon2")));
  EXPECT_THAT(event.details, Not(HasSubstr(*secret)));
}

TEST_F(AccessTest, BadUsersAreRefusedNamingTheField) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  EXPECT_THAT(CreateUser(*store_, actor_, Analyst()), StatusIs(StatusCode::kAlreadyExists));
  NewUser bad = Analyst("Bad Name");
  EXPECT_THAT(CreateUser(*store_, actor_, bad), StatusIs(StatusCode::kInvalidArgument));
  bad = Analyst("ok");
  bad.role = "root";
  EXPECT_THAT(CreateUser(*store_, actor_, bad).status().message(), HasSubstr("unknown role"));
  bad = Analyst("ok");
  bad.password = "short";
  EXPECT_THAT(CreateUser(*store_, actor_, bad).status().message(), HasSubstr("too short"));
}

TEST_F(AccessTest, LoginAcceptsTheRightPasswordOnly) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  access::LoginThrottle throttle;
  auto ok = CheckLogin(*store_, throttle, "k.bennani", "long enough password");
  ASSERT_THAT(ok, IsOk());
  EXPECT_EQ(ok->principal.role, access::Role::kAnalyst);
  EXPECT_FALSE(ok->second_factor_required);
  EXPECT_EQ(LastEvent().action, "access.login");

  auto wrong = CheckLogin(*store_, throttle, "k.bennani", "wrong password!!");
  auto unknown = CheckLogin(*store_, throttle, "nobody", "long enough password");
  EXPECT_THAT(wrong, StatusIs(StatusCode::kUnauthenticated));
  // An unknown name and a wrong password give the same answer.
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  EXPECT_EQ(LastEvent().outcome, "denied");
  EXPECT_THAT(LastEvent().details, Not(HasSubstr("long enough")));
}

TEST_F(AccessTest, FiveFailuresLockRealAndUnknownNamesAlike) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  access::LoginThrottle throttle;
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)CheckLogin(*store_, throttle, "k.bennani", "wrong password!!");
    (void)CheckLogin(*store_, throttle, "ghost", "wrong password!!");
  }
  auto real = CheckLogin(*store_, throttle, "k.bennani", "long enough password");
  auto ghost = CheckLogin(*store_, throttle, "ghost", "long enough password");
  EXPECT_THAT(real.status().message(), HasSubstr("too many failed attempts"));
  EXPECT_EQ(real.status().message(), ghost.status().message());
}

TEST_F(AccessTest, DisabledUsersCannotLogIn) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  ASSERT_THAT(SetUserDisabled(*store_, actor_, "k.bennani", true), IsOk());
  access::LoginThrottle throttle;
  EXPECT_THAT(CheckLogin(*store_, throttle, "k.bennani", "long enough password"),
              StatusIs(StatusCode::kUnauthenticated));
  ASSERT_THAT(SetUserDisabled(*store_, actor_, "k.bennani", false), IsOk());
  EXPECT_THAT(CheckLogin(*store_, throttle, "k.bennani", "long enough password"), IsOk());
}

TEST_F(AccessTest, MembershipsAndGrantsMakeThePrincipal) {
  ASSERT_THAT(CreateUser(*store_, actor_, Analyst()), IsOk());
  MakeCase("MA-2026-0001");
  MakeCase("MA/2026/0002");
  ASSERT_THAT(AddCaseMembership(*store_, actor_, "k.bennani", "MA-2026-0001"), IsOk());
  ASSERT_THAT(AddCaseMembership(*store_, actor_, "k.bennani", "MA/2026/0002"), IsOk());
  ASSERT_THAT(AddCaseMembership(*store_, actor_, "k.bennani", "MA-2026-0001"), IsOk());
  EXPECT_THAT(GrantVictimIdentities(*store_, actor_, "k.bennani", "MA-2026-0001", ""),
              StatusIs(StatusCode::kInvalidArgument));
  ASSERT_THAT(GrantVictimIdentities(*store_, actor_, "k.bennani", "MA-2026-0001",
                                    "hearing preparation"),
              IsOk());
  EXPECT_THAT(AddCaseMembership(*store_, actor_, "nobody", "MA-2026-0001"),
              StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(AddCaseMembership(*store_, actor_, "k.bennani", "XX-1"),
              StatusIs(StatusCode::kNotFound));
  auto principal = LoadPrincipal(*store_, "k.bennani");
  ASSERT_THAT(principal, IsOk());
  EXPECT_THAT(principal->cases, ElementsAre("MA-2026-0001", "MA/2026/0002"));
  EXPECT_THAT(principal->identity_grants, ElementsAre("MA-2026-0001"));
  EXPECT_EQ(principal->agency, "fiu-ma");
}

}  // namespace
}  // namespace tafkik::app
