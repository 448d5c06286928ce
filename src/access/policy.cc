#include "access/policy.h"

namespace tafkik::access {
namespace {

bool IsMember(const Principal& principal, const Resource& resource) {
  return !resource.case_reference.empty() && principal.cases.count(resource.case_reference) > 0;
}

Decision Allow(std::string reason) { return {true, std::move(reason)}; }
Decision Deny(std::string reason) { return {false, std::move(reason)}; }

std::string Who(const Principal& principal) {
  return std::string(RoleName(principal.role)) + " " + principal.user;
}

// The case-scoped capabilities each role has on the cases it is a member of.
bool RoleMayOnOwnCase(Role role, Capability capability) {
  switch (role) {
    case Role::kInvestigator:
      return capability == Capability::kReadCase || capability == Capability::kWriteCase ||
             capability == Capability::kReadIntelligence || capability == Capability::kImport ||
             capability == Capability::kScreen || capability == Capability::kRefer;
    case Role::kAnalyst:
      return capability == Capability::kReadCase ||
             capability == Capability::kReadIntelligence || capability == Capability::kImport;
    case Role::kProsecutor:
      return capability == Capability::kReadCase || capability == Capability::kReadIntelligence;
    case Role::kFirstResponder:
      return capability == Capability::kScreen || capability == Capability::kRefer;
    case Role::kNgoCaseworker:
    case Role::kTrainer:
    case Role::kAdministrator:
      return false;
  }
  return false;
}

Decision DecideCaseScoped(const Principal& principal, Capability capability,
                          const Resource& resource) {
  if (resource.case_reference.empty()) {
    return Deny(std::string(CapabilityName(capability)) + " needs a case");
  }
  if (!IsMember(principal, resource)) {
    return Deny(Who(principal) + " is not a member of case " + resource.case_reference);
  }
  if (!RoleMayOnOwnCase(principal.role, capability)) {
    return Deny("the " + std::string(RoleName(principal.role)) + " role may not " +
                std::string(CapabilityName(capability)));
  }
  return Allow("member of case " + resource.case_reference);
}

Decision DecideVictimIdentity(const Principal& principal, const Resource& resource) {
  const bool may_read_case = RoleMayOnOwnCase(principal.role, Capability::kReadCase);
  if (!may_read_case || !IsMember(principal, resource)) {
    return Deny(Who(principal) + " may not see victims' identities in case " +
                resource.case_reference);
  }
  if (principal.identity_grants.count(resource.case_reference) == 0) {
    return Deny("victims' identities in case " + resource.case_reference +
                " are not granted to " + principal.user + " (pseudonyms only)");
  }
  return Allow("identity grant for case " + resource.case_reference);
}

Decision DecideProtectionData(const Principal& principal, const Resource& resource) {
  if (principal.role == Role::kNgoCaseworker && resource.referred_to_agency) {
    return Allow("victim referred to agency " + principal.agency);
  }
  if (principal.role == Role::kNgoCaseworker) {
    return Deny("victim not referred to agency " + principal.agency);
  }
  return DecideCaseScoped(principal, Capability::kReadCase, resource);
}

}  // namespace

std::string_view CapabilityName(Capability capability) {
  switch (capability) {
    case Capability::kListCases: return "list cases";
    case Capability::kReadCase: return "read the case";
    case Capability::kWriteCase: return "write to the case";
    case Capability::kReadIntelligence: return "read intelligence";
    case Capability::kImport: return "import";
    case Capability::kReadVictimIdentity: return "read victims' identities";
    case Capability::kScreen: return "screen persons";
    case Capability::kRefer: return "refer to protection";
    case Capability::kReadProtectionData: return "read protection data";
    case Capability::kManageUsers: return "manage users";
    case Capability::kVerifyAudit: return "verify the audit log";
    case Capability::kRunTraining: return "run training";
  }
  return "unknown";
}

Decision Decide(const Principal& principal, Capability capability, const Resource& resource) {
  switch (capability) {
    case Capability::kManageUsers:
    case Capability::kVerifyAudit:
      if (principal.role == Role::kAdministrator) return Allow("administrator");
      return Deny("only administrators may " + std::string(CapabilityName(capability)));
    case Capability::kRunTraining:
      if (principal.role == Role::kTrainer) return Allow("trainer");
      return Deny("only trainers may run training");
    case Capability::kListCases:
      if (principal.role == Role::kNgoCaseworker) return Deny("NGO caseworkers see no case list");
      if (principal.role == Role::kTrainer) return Deny("trainers see no case list");
      return Allow("cases are listed by reference; each shows only to its members");
    case Capability::kScreen:
    case Capability::kRefer:
      // First responders screen before any case exists.
      if (principal.role == Role::kFirstResponder && resource.case_reference.empty()) {
        return Allow("first responder screening outside a case");
      }
      return DecideCaseScoped(principal, capability, resource);
    case Capability::kReadVictimIdentity:
      return DecideVictimIdentity(principal, resource);
    case Capability::kReadProtectionData:
      return DecideProtectionData(principal, resource);
    case Capability::kReadCase:
    case Capability::kWriteCase:
    case Capability::kReadIntelligence:
    case Capability::kImport:
      return DecideCaseScoped(principal, capability, resource);
  }
  return Deny("unknown capability");
}

}  // namespace tafkik::access
