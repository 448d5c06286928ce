#include "screening/referral.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::screening {
namespace {

using ::testing::HasSubstr;

TEST(ReferralTest, ChildGoesToChildProtectionWithoutConsent) {
  EXPECT_EQ(*ConsentFor(ProtectionActor::kChildProtection, true, std::nullopt),
            ConsentBasis::kChildBestInterests);
  EXPECT_EQ(*ConsentFor(ProtectionActor::kChildProtection, true, false),
            ConsentBasis::kChildBestInterests);
}

TEST(ReferralTest, EveryOtherReferralNeedsConsent) {
  EXPECT_EQ(*ConsentFor(ProtectionActor::kShelter, false, true), ConsentBasis::kPersonConsented);
  EXPECT_THAT(ConsentFor(ProtectionActor::kShelter, false, std::nullopt),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("not recorded")));
  EXPECT_THAT(ConsentFor(ProtectionActor::kHealth, true, false),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("refused")));
  EXPECT_THAT(ConsentFor(ProtectionActor::kChildProtection, false, std::nullopt),
              StatusIs(StatusCode::kFailedPrecondition));
}

TEST(ReferralTest, StatusMovesForwardOnly) {
  using S = ReferralStatus;
  EXPECT_THAT(CheckTransition(S::kSent, S::kAccepted), IsOk());
  EXPECT_THAT(CheckTransition(S::kSent, S::kClosed), IsOk());
  EXPECT_THAT(CheckTransition(S::kAccepted, S::kAssisted), IsOk());
  EXPECT_THAT(CheckTransition(S::kAssisted, S::kClosed), IsOk());
  EXPECT_THAT(CheckTransition(S::kSent, S::kAssisted), StatusIs(StatusCode::kFailedPrecondition));
  EXPECT_THAT(CheckTransition(S::kClosed, S::kSent),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("closed is final")));
  EXPECT_THAT(CheckTransition(S::kAccepted, S::kAccepted), StatusIs(StatusCode::kFailedPrecondition));
}

TEST(ReferralTest, JsonRoundTrips) {
  Referral referral;
  referral.screening = "scr-1";
  referral.person = "p1";
  referral.case_reference = "MA-2026-0001";
  referral.actor = ProtectionActor::kShelter;
  referral.organisation = "Foyer Oujda";
  referral.history = {{ReferralStatus::kSent, Timestamp::FromSeconds(1'790'000'000), "a", ""},
                      {ReferralStatus::kAccepted, Timestamp::FromSeconds(1'790'003'600), "b", "bed"}};
  auto back = ReferralFromJson(ToJson(referral));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(ToJson(*back), ToJson(referral));
  EXPECT_EQ(back->status(), ReferralStatus::kAccepted);
  EXPECT_THAT(ReferralFromJson(Json{{"screening", "s"}, {"person", "p"}, {"actor", "police"}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("unknown protection actor 'police'")));
}

}  // namespace
}  // namespace tafkik::screening
