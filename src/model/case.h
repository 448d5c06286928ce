// Cases: the unit of investigation and prosecution. Plain values. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::model {

enum class Offence { kTraffickingInPersons, kSmugglingOfMigrants, kOther };
enum class CaseStatus { kOpen, kUnderInvestigation, kReferredToProsecution, kClosed };
enum class Role { kSuspect, kVictim, kWitness, kInformant, kOther };

// Stable names used in storage, JSON and the CLI: "tip", "som", "other"; "open",
// "investigation", "prosecution", "closed"; "suspect", "victim", "witness", "informant", "other".
std::string_view OffenceName(Offence offence);
std::string_view CaseStatusName(CaseStatus status);
std::string_view RoleName(Role role);
// InvalidArgument listing the accepted names when `name` is none of them.
Result<Offence> ParseOffence(std::string_view name);
Result<CaseStatus> ParseCaseStatus(std::string_view name);
Result<Role> ParseRole(std::string_view name);

struct Jurisdiction {
  std::string country;  // ISO 3166-1 alpha-2, lower case: "ma", "eg", "ly", "tn"
  std::string region;   // free text: "Tanger-Tétouan-Al Hoceïma"
  bool operator==(const Jurisdiction&) const = default;
};

struct CaseMember {
  EntityId entity;
  Role role = Role::kOther;
  bool operator==(const CaseMember&) const = default;
};

struct Case {
  CaseId id;                   // assigned by the store; 0 before creation
  std::string reference;       // unique, e.g. "MA-2026-0001"
  std::string title;
  Jurisdiction jurisdiction;
  std::vector<Offence> offences;
  CaseStatus status = CaseStatus::kOpen;
  std::string lead_unit;       // "BNPJ Tanger"
  Timestamp opened;
  std::vector<CaseMember> members;
};

// InvalidArgument naming the field: empty reference (or not [A-Za-z0-9/_.-]{1,64}), country
// not ISO 3166 (lower case), no offence, empty lead unit, title/region/lead unit not valid
// UTF-8, a member whose entity id is not valid (IsValidEntityId).
Status ValidateCase(const Case& c);

}  // namespace tafkik::model
