// The authorisation matrix: every role x capability x situation, against a table written
// from the rules (access/policy.h), not from the code.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "access/policy.h"

namespace tafkik::access {
namespace {

// Situations, one character each in the table below:
//   N no case named, O a case the user is not a member of, M a case the user is a member of,
//   G a member case with a grant of victims' identities, R a victim referred to the user's
//   agency (the user is not a member of the case).
constexpr char kSituations[] = "NOMGR";

Resource ResourceFor(char situation) {
  switch (situation) {
    case 'N': return {};
    case 'O': return {"EG-2026-0002", false};
    case 'R': return {"EG-2026-0002", true};
    default: return {"MA-2026-0001", false};
  }
}

Principal PrincipalFor(Role role, char situation) {
  Principal principal{"user", role, "agency-1", AgencyKind::kPolice, {"MA-2026-0001"}, {}};
  if (situation == 'G') principal.identity_grants.insert("MA-2026-0001");
  return principal;
}

using Row = std::map<Capability, std::string>;

const std::map<Role, Row>& Expected() {
  using C = Capability;
  static const std::map<Role, Row> table = {
      {Role::kInvestigator,
       {{C::kListCases, "YYYYY"}, {C::kReadCase, "..YY."}, {C::kWriteCase, "..YY."},
        {C::kReadIntelligence, "..YY."}, {C::kImport, "..YY."},
        {C::kReadVictimIdentity, "...Y."}, {C::kScreen, "..YY."}, {C::kRefer, "..YY."},
        {C::kReadProtectionData, "..YY."}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "....."}}},
      {Role::kAnalyst,
       {{C::kListCases, "YYYYY"}, {C::kReadCase, "..YY."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "..YY."}, {C::kImport, "..YY."},
        {C::kReadVictimIdentity, "...Y."}, {C::kScreen, "....."}, {C::kRefer, "....."},
        {C::kReadProtectionData, "..YY."}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "....."}}},
      {Role::kProsecutor,
       {{C::kListCases, "YYYYY"}, {C::kReadCase, "..YY."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "..YY."}, {C::kImport, "....."},
        {C::kReadVictimIdentity, "...Y."}, {C::kScreen, "....."}, {C::kRefer, "....."},
        {C::kReadProtectionData, "..YY."}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "....."}}},
      {Role::kFirstResponder,
       {{C::kListCases, "YYYYY"}, {C::kReadCase, "....."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "....."}, {C::kImport, "....."},
        {C::kReadVictimIdentity, "....."}, {C::kScreen, "Y.YY."}, {C::kRefer, "Y.YY."},
        {C::kReadProtectionData, "....."}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "....."}}},
      {Role::kNgoCaseworker,
       {{C::kListCases, "....."}, {C::kReadCase, "....."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "....."}, {C::kImport, "....."},
        {C::kReadVictimIdentity, "....."}, {C::kScreen, "....."}, {C::kRefer, "....."},
        {C::kReadProtectionData, "....Y"}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "....."}}},
      {Role::kTrainer,
       {{C::kListCases, "....."}, {C::kReadCase, "....."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "....."}, {C::kImport, "....."},
        {C::kReadVictimIdentity, "....."}, {C::kScreen, "....."}, {C::kRefer, "....."},
        {C::kReadProtectionData, "....."}, {C::kManageUsers, "....."},
        {C::kVerifyAudit, "....."}, {C::kRunTraining, "YYYYY"}}},
      {Role::kAdministrator,
       {{C::kListCases, "YYYYY"}, {C::kReadCase, "....."}, {C::kWriteCase, "....."},
        {C::kReadIntelligence, "....."}, {C::kImport, "....."},
        {C::kReadVictimIdentity, "....."}, {C::kScreen, "....."}, {C::kRefer, "....."},
        {C::kReadProtectionData, "....."}, {C::kManageUsers, "YYYYY"},
        {C::kVerifyAudit, "YYYYY"}, {C::kRunTraining, "....."}}},
  };
  return table;
}

TEST(PolicyTest, EveryRoleCapabilityAndSituationMatchesTheTable) {
  int checked = 0;
  for (const auto& [role, row] : Expected()) {
    ASSERT_EQ(row.size(), 12u) << RoleName(role) << " lacks a capability in the table";
    for (const auto& [capability, expected] : row) {
      for (int index = 0; index < 5; ++index) {
        const char situation = kSituations[index];
        Decision decision =
            Decide(PrincipalFor(role, situation), capability, ResourceFor(situation));
        EXPECT_EQ(decision.allowed, expected[index] == 'Y')
            << RoleName(role) << " / " << CapabilityName(capability) << " / situation "
            << situation << ": " << decision.reason;
        EXPECT_FALSE(decision.reason.empty());
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 7 * 12 * 5);
}

TEST(PolicyTest, DenialsSayWhy) {
  Principal analyst{"k.bennani", Role::kAnalyst, "fiu", AgencyKind::kFinancialIntelligence,
                    {"MA-2026-0001"}, {}};
  Decision outsider = Decide(analyst, Capability::kReadCase, {"TN-2026-0003", false});
  EXPECT_EQ(outsider.reason, "analyst k.bennani is not a member of case TN-2026-0003");
  Decision vault = Decide(analyst, Capability::kReadVictimIdentity, {"MA-2026-0001", false});
  EXPECT_EQ(vault.reason,
            "victims' identities in case MA-2026-0001 are not granted to k.bennani "
            "(pseudonyms only)");
}

}  // namespace
}  // namespace tafkik::access
