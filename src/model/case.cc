#include "model/case.h"

#include <algorithm>
#include <span>

#include "core/ids.h"
#include "core/text.h"
#include "model/internal/value_checks.h"

namespace tafkik::model {
namespace {

using internal::QuoteForMessage;

template <typename Enum>
struct NamedValue {
  Enum value;
  std::string_view name;
};

// The names are stored and exchanged: changing one breaks existing workspaces.
constexpr NamedValue<Offence> kOffenceNames[] = {
    {Offence::kTraffickingInPersons, "tip"},
    {Offence::kSmugglingOfMigrants, "som"},
    {Offence::kOther, "other"},
};
constexpr NamedValue<CaseStatus> kCaseStatusNames[] = {
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kUnderInvestigation, "investigation"},
    {CaseStatus::kReferredToProsecution, "prosecution"},
    {CaseStatus::kClosed, "closed"},
};
constexpr NamedValue<Role> kRoleNames[] = {
    {Role::kSuspect, "suspect"},     {Role::kVictim, "victim"}, {Role::kWitness, "witness"},
    {Role::kInformant, "informant"}, {Role::kOther, "other"},
};

template <typename Enum>
std::string_view NameOf(std::span<const NamedValue<Enum>> table, Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "unknown";  // only reachable through a cast from an out-of-range integer
}

template <typename Enum>
Result<Enum> ParseName(std::span<const NamedValue<Enum>> table, std::string_view what,
                       std::string_view name) {
  std::vector<std::string> accepted;
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
    accepted.emplace_back(entry.name);
  }
  return InvalidArgumentError(std::string(what) + " " + QuoteForMessage(name) +
                              " is not one of: " + Join(accepted, ", "));
}

Status FieldError(std::string_view field, std::string_view why) {
  return InvalidArgumentError("case " + std::string(field) + ": " + std::string(why));
}

bool IsReferenceCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
         c == '_' || c == '.' || c == '-';
}

Status CheckReference(const std::string& reference) {
  if (reference.empty()) return FieldError("reference", "is empty");
  if (reference.size() <= 64 &&
      std::all_of(reference.begin(), reference.end(), IsReferenceCharacter)) {
    return Status::Ok();
  }
  return FieldError("reference", QuoteForMessage(reference) +
                                     " is not 1 to 64 of A-Z, a-z, 0-9, '/', '_', '.', '-'");
}

Status CheckCountry(const std::string& country) {
  if (country.empty()) return FieldError("jurisdiction.country", "is empty");
  if (IsCountryCode(country)) return Status::Ok();
  const std::string lower = AsciiLower(country);
  std::string why = QuoteForMessage(country) + " is not an ISO 3166-1 alpha-2 country code";
  if (IsCountryCode(lower)) why += " in lower case: use '" + lower + "'";
  return FieldError("jurisdiction.country", why);
}

// Free-text fields end up in reports and JSON, which need valid UTF-8.
Status CheckText(std::string_view field, const std::string& text) {
  if (IsValidUtf8(text)) return Status::Ok();
  return FieldError(field, QuoteForMessage(text) + " is not valid UTF-8");
}

Status CheckMembers(const std::vector<CaseMember>& members) {
  for (size_t member_idx = 0; member_idx < members.size(); ++member_idx) {
    const std::string& id = members[member_idx].entity.value();
    if (IsValidEntityId(id)) continue;
    return FieldError("members[" + std::to_string(member_idx) + "].entity",
                      QuoteForMessage(id) + " is not a valid entity id");
  }
  return Status::Ok();
}

}  // namespace

std::string_view OffenceName(Offence offence) { return NameOf<Offence>(kOffenceNames, offence); }
std::string_view CaseStatusName(CaseStatus status) {
  return NameOf<CaseStatus>(kCaseStatusNames, status);
}
std::string_view RoleName(Role role) { return NameOf<Role>(kRoleNames, role); }

Result<Offence> ParseOffence(std::string_view name) {
  return ParseName<Offence>(kOffenceNames, "offence", name);
}
Result<CaseStatus> ParseCaseStatus(std::string_view name) {
  return ParseName<CaseStatus>(kCaseStatusNames, "case status", name);
}
Result<Role> ParseRole(std::string_view name) { return ParseName<Role>(kRoleNames, "role", name); }

Status ValidateCase(const Case& c) {
  TAFKIK_RETURN_IF_ERROR(CheckReference(c.reference));
  TAFKIK_RETURN_IF_ERROR(CheckCountry(c.jurisdiction.country));
  if (c.offences.empty()) return FieldError("offences", "none given (tip, som or other)");
  if (Trim(c.lead_unit).empty()) return FieldError("lead_unit", "is empty");
  TAFKIK_RETURN_IF_ERROR(CheckText("title", c.title));
  TAFKIK_RETURN_IF_ERROR(CheckText("jurisdiction.region", c.jurisdiction.region));
  TAFKIK_RETURN_IF_ERROR(CheckText("lead_unit", c.lead_unit));
  return CheckMembers(c.members);
}

}  // namespace tafkik::model
