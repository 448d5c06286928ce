#include "model/case.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/status_matchers.h"

namespace tafkik::model {
namespace {

using ::tafkik::IsOk;
using ::tafkik::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(CaseNamesTest, EveryOffenceRoundTrips) {
  for (Offence offence :
       {Offence::kTraffickingInPersons, Offence::kSmugglingOfMigrants, Offence::kOther}) {
    auto parsed = ParseOffence(OffenceName(offence));
    ASSERT_THAT(parsed, IsOk());
    EXPECT_EQ(*parsed, offence);
  }
  EXPECT_EQ(OffenceName(Offence::kTraffickingInPersons), "tip");
  EXPECT_EQ(OffenceName(Offence::kSmugglingOfMigrants), "som");
}

TEST(CaseNamesTest, EveryStatusRoundTrips) {
  for (CaseStatus status : {CaseStatus::kOpen, CaseStatus::kUnderInvestigation,
                            CaseStatus::kReferredToProsecution, CaseStatus::kClosed}) {
    auto parsed = ParseCaseStatus(CaseStatusName(status));
    ASSERT_THAT(parsed, IsOk());
    EXPECT_EQ(*parsed, status);
  }
  EXPECT_EQ(CaseStatusName(CaseStatus::kReferredToProsecution), "prosecution");
}

TEST(CaseNamesTest, EveryRoleRoundTrips) {
  for (Role role :
       {Role::kSuspect, Role::kVictim, Role::kWitness, Role::kInformant, Role::kOther}) {
    auto parsed = ParseRole(RoleName(role));
    ASSERT_THAT(parsed, IsOk());
    EXPECT_EQ(*parsed, role);
  }
}

TEST(CaseNamesTest, UnknownNamesListTheAcceptedOnes) {
  EXPECT_THAT(ParseOffence("TIP"),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("offence 'TIP'"), HasSubstr("tip, som, other"))));
  EXPECT_THAT(ParseCaseStatus("archived"),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("'archived'"),
                             HasSubstr("open, investigation, prosecution, closed"))));
  EXPECT_THAT(ParseRole("perpetrator"),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("'perpetrator'"),
                             HasSubstr("suspect, victim, witness, informant, other"))));
}

Case MakeCase() {
  return Case{.reference = "MA-2026-0001",
              .title = "Réseau de passeurs Nador",
              .jurisdiction = {.country = "ma", .region = "Oriental"},
              .offences = {Offence::kSmugglingOfMigrants, Offence::kTraffickingInPersons},
              .lead_unit = "BNPJ Tanger",
              .opened = Timestamp::FromSeconds(1'767'225'600),
              .members = {{EntityId("p1"), Role::kSuspect}, {EntityId("p2"), Role::kVictim}}};
}

TEST(ValidateCaseTest, AcceptsAValidCase) { EXPECT_THAT(ValidateCase(MakeCase()), IsOk()); }

TEST(ValidateCaseTest, AcceptsAnEntityInTwoRoles) {
  // Victims coerced into recruiting others are both victim and suspect.
  Case c = MakeCase();
  c.members.push_back({EntityId("p2"), Role::kSuspect});
  EXPECT_THAT(ValidateCase(c), IsOk());
}

TEST(ValidateCaseTest, RejectsAnEmptyReference) {
  Case c = MakeCase();
  c.reference = "";
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("case reference: is empty")));
}

TEST(ValidateCaseTest, RejectsAReferenceWithSpaces) {
  Case c = MakeCase();
  c.reference = "MA 2026 0001";
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("reference"), HasSubstr("'MA 2026 0001'"))));
}

TEST(ValidateCaseTest, RejectsAReferenceLongerThan64) {
  Case c = MakeCase();
  c.reference = std::string(65, 'A');
  EXPECT_THAT(ValidateCase(c), StatusIs(StatusCode::kInvalidArgument, HasSubstr("reference")));
  c.reference = std::string(64, 'A');
  EXPECT_THAT(ValidateCase(c), IsOk());
}

TEST(ValidateCaseTest, RejectsAnUpperCaseCountryWithAHint) {
  Case c = MakeCase();
  c.jurisdiction.country = "MA";
  EXPECT_THAT(ValidateCase(c), StatusIs(StatusCode::kInvalidArgument,
                                        AllOf(HasSubstr("jurisdiction.country"), HasSubstr("'MA'"),
                                              HasSubstr("use 'ma'"))));
}

TEST(ValidateCaseTest, RejectsACountryName) {
  Case c = MakeCase();
  c.jurisdiction.country = "Maroc";
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("jurisdiction.country"), HasSubstr("'Maroc'"))));
}

TEST(ValidateCaseTest, RejectsAMissingCountry) {
  Case c = MakeCase();
  c.jurisdiction.country = "";
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("jurisdiction.country: is empty")));
}

TEST(ValidateCaseTest, RejectsNoOffence) {
  Case c = MakeCase();
  c.offences.clear();
  EXPECT_THAT(ValidateCase(c), StatusIs(StatusCode::kInvalidArgument, HasSubstr("offences")));
}

TEST(ValidateCaseTest, RejectsABlankLeadUnit) {
  Case c = MakeCase();
  c.lead_unit = "  ";
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("lead_unit: is empty")));
}

TEST(ValidateCaseTest, RejectsInvalidUtf8InTheRegion) {
  Case c = MakeCase();
  c.jurisdiction.region = "T\xe9touan";  // Latin-1, not UTF-8
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("jurisdiction.region"), HasSubstr("'T\\xe9touan'"))));
}

TEST(ValidateCaseTest, RejectsAMemberWithAnInvalidId) {
  Case c = MakeCase();
  c.members.push_back({EntityId("Karim Benali"), Role::kWitness});
  EXPECT_THAT(ValidateCase(c),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("members[2].entity"), HasSubstr("'Karim Benali'"))));
}

}  // namespace
}  // namespace tafkik::model
