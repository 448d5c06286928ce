#include "access/roles.h"

#include <array>
#include <utility>

namespace tafkik::access {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoles = {{
    {Role::kFirstResponder, "first_responder"},
    {Role::kInvestigator, "investigator"},
    {Role::kAnalyst, "analyst"},
    {Role::kProsecutor, "prosecutor"},
    {Role::kNgoCaseworker, "ngo_caseworker"},
    {Role::kTrainer, "trainer"},
    {Role::kAdministrator, "administrator"},
}};

constexpr std::array<std::pair<AgencyKind, std::string_view>, 5> kAgencyKinds = {{
    {AgencyKind::kPolice, "police"},
    {AgencyKind::kProsecution, "prosecution"},
    {AgencyKind::kFinancialIntelligence, "fiu"},
    {AgencyKind::kNgo, "ngo"},
    {AgencyKind::kOther, "other"},
}};

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                        Enum value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
Result<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& table,
                   std::string_view name, std::string_view what) {
  std::string accepted;
  for (const auto& [entry, entry_name] : table) {
    if (entry_name == name) return entry;
    accepted += (accepted.empty() ? "" : ", ") + std::string(entry_name);
  }
  return InvalidArgumentError("unknown " + std::string(what) + " '" + std::string(name) +
                              "'; use one of: " + accepted);
}

}  // namespace

std::string_view RoleName(Role role) { return NameOf(kRoles, role); }
std::string_view AgencyKindName(AgencyKind kind) { return NameOf(kAgencyKinds, kind); }
Result<Role> ParseRole(std::string_view name) { return Parse(kRoles, name, "role"); }
Result<AgencyKind> ParseAgencyKind(std::string_view name) {
  return Parse(kAgencyKinds, name, "agency kind");
}

}  // namespace tafkik::access
