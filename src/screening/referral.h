// Referral of a screened person to a protection actor (NGO, shelter, child protection,
// health): the consent it rests on, its status (sent, accepted, assisted, closed) with the
// date of each change. A child is always referred to child protection, without waiting for
// consent (the child's best interests); every other referral needs the person's consent to
// share. Plain values with their JSON form (the body of a "referral" record).
// Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::screening {

enum class ProtectionActor { kNgo, kShelter, kChildProtection, kHealth, kLegalAid, kOther };
enum class ReferralStatus { kSent, kAccepted, kAssisted, kClosed };
enum class ConsentBasis { kPersonConsented, kChildBestInterests };

// "ngo", "shelter", "child_protection", "health", "legal_aid", "other"
std::string_view ProtectionActorName(ProtectionActor actor);
// "sent", "accepted", "assisted", "closed"
std::string_view ReferralStatusName(ReferralStatus status);
// "person_consented", "child_best_interests"
std::string_view ConsentBasisName(ConsentBasis basis);
Result<ProtectionActor> ParseProtectionActor(std::string_view name);
Result<ReferralStatus> ParseReferralStatus(std::string_view name);
Result<ConsentBasis> ParseConsentBasis(std::string_view name);

struct ReferralEvent {
  ReferralStatus status = ReferralStatus::kSent;
  Timestamp at;
  std::string by;    // who recorded the change
  std::string note;  // default "": "bed at the Oujda shelter from tonight"
};

struct Referral {
  std::string id;              // "ref-..."
  std::string screening;       // the screening record id it follows
  std::string person;          // the Person entity id
  std::string case_reference;  // "" when the screening has no case
  ProtectionActor actor = ProtectionActor::kNgo;
  std::string organisation;    // "" when not named yet (an automatic child referral)
  ConsentBasis consent = ConsentBasis::kPersonConsented;
  std::vector<ReferralEvent> history;  // oldest first; never empty; the first is kSent

  ReferralStatus status() const { return history.back().status; }
};

// The consent a referral to `actor` rests on: the child's best interests for child protection
// when the person is treated as a child; otherwise the person's consent to share.
// FailedPrecondition when consent is needed and not given (false) or not asked (unset),
// saying what to do.
Result<ConsentBasis> ConsentFor(ProtectionActor actor, bool treated_as_child,
                                std::optional<bool> consent_to_share);

// OK for sent -> accepted | closed, accepted -> assisted | closed, assisted -> closed.
// FailedPrecondition naming both statuses otherwise (closed is final; no step back).
Status CheckTransition(ReferralStatus from, ReferralStatus to);

// {"screening", "person", "case"?, "actor", "organisation", "consent", "status",
//  "history": [{"status", "at", "by", "note"}]}
Json ToJson(const Referral& referral);
// Reads what ToJson writes (the id is the record's, not in the body). InvalidArgument naming
// the field.
Result<Referral> ReferralFromJson(const Json& json);

}  // namespace tafkik::screening
