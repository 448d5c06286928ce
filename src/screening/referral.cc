#include "screening/referral.h"

#include <array>

#include "screening/internal/parse_name.h"

namespace tafkik::screening {
namespace {

using internal::ParseName;

constexpr std::array<std::string_view, 6> kActorNames = {
    "ngo", "shelter", "child_protection", "health", "legal_aid", "other"};
constexpr std::array<std::string_view, 4> kStatusNames = {"sent", "accepted", "assisted", "closed"};
constexpr std::array<std::string_view, 2> kConsentNames = {"person_consented",
                                                           "child_best_interests"};

Status FieldError(const std::string& field, const std::string& why) {
  return InvalidArgumentError("referral field '" + field + "': " + why);
}

Result<std::string> Text(const Json& json, const std::string& key, bool required) {
  auto found = json.find(key);
  if (found == json.end() || found->is_null()) {
    if (required) return FieldError(key, "is missing");
    return std::string();
  }
  if (!found->is_string()) return FieldError(key, "is not a string");
  return found->get<std::string>();
}

template <typename Enum>
Result<Enum> EnumField(const Json& json, const std::string& key,
                       Result<Enum> (*parse)(std::string_view)) {
  TAFKIK_ASSIGN_OR_RETURN(std::string name, Text(json, key, true));
  auto parsed = parse(name);
  if (!parsed.ok()) return FieldError(key, parsed.status().message());
  return *parsed;
}

Result<ReferralEvent> EventFromJson(const Json& json, const std::string& where) {
  if (!json.is_object()) return FieldError(where, "is not an object");
  ReferralEvent event;
  TAFKIK_ASSIGN_OR_RETURN(event.status, EnumField(json, "status", &ParseReferralStatus));
  TAFKIK_ASSIGN_OR_RETURN(std::string at, Text(json, "at", true));
  auto parsed = ParseTimestamp(at);
  if (!parsed.ok()) return FieldError(where + ".at", parsed.status().message());
  event.at = *parsed;
  TAFKIK_ASSIGN_OR_RETURN(event.by, Text(json, "by", false));
  TAFKIK_ASSIGN_OR_RETURN(event.note, Text(json, "note", false));
  return event;
}

}  // namespace

std::string_view ProtectionActorName(ProtectionActor actor) {
  return kActorNames[static_cast<size_t>(actor)];
}
std::string_view ReferralStatusName(ReferralStatus status) {
  return kStatusNames[static_cast<size_t>(status)];
}
std::string_view ConsentBasisName(ConsentBasis basis) {
  return kConsentNames[static_cast<size_t>(basis)];
}
Result<ProtectionActor> ParseProtectionActor(std::string_view name) {
  return ParseName<ProtectionActor>("protection actor", name, kActorNames);
}
Result<ReferralStatus> ParseReferralStatus(std::string_view name) {
  return ParseName<ReferralStatus>("referral status", name, kStatusNames);
}
Result<ConsentBasis> ParseConsentBasis(std::string_view name) {
  return ParseName<ConsentBasis>("consent basis", name, kConsentNames);
}

Result<ConsentBasis> ConsentFor(ProtectionActor actor, bool treated_as_child,
                                std::optional<bool> consent_to_share) {
  if (actor == ProtectionActor::kChildProtection && treated_as_child) {
    return ConsentBasis::kChildBestInterests;
  }
  if (consent_to_share == true) return ConsentBasis::kPersonConsented;
  std::string state = consent_to_share ? "refused" : "not recorded";
  return FailedPreconditionError(
      "consent to share with " + std::string(ProtectionActorName(actor)) + " is " + state +
      ": ask the person (and record it in a new screening) before referring; a child is "
      "referred to child_protection without waiting for consent");
}

Status CheckTransition(ReferralStatus from, ReferralStatus to) {
  bool allowed = (from == ReferralStatus::kSent &&
                  (to == ReferralStatus::kAccepted || to == ReferralStatus::kClosed)) ||
                 (from == ReferralStatus::kAccepted &&
                  (to == ReferralStatus::kAssisted || to == ReferralStatus::kClosed)) ||
                 (from == ReferralStatus::kAssisted && to == ReferralStatus::kClosed);
  if (allowed) return Status::Ok();
  return FailedPreconditionError("a referral that is " + std::string(ReferralStatusName(from)) +
                                 " cannot become " + std::string(ReferralStatusName(to)) +
                                 " (sent -> accepted -> assisted -> closed; closed is final)");
}

Json ToJson(const Referral& referral) {
  Json history = Json::array();
  for (const ReferralEvent& event : referral.history) {
    history.push_back({{"status", ReferralStatusName(event.status)},
                       {"at", FormatTimestamp(event.at)},
                       {"by", event.by},
                       {"note", event.note}});
  }
  Json json{{"screening", referral.screening},
            {"person", referral.person},
            {"actor", ProtectionActorName(referral.actor)},
            {"organisation", referral.organisation},
            {"consent", ConsentBasisName(referral.consent)},
            {"status", ReferralStatusName(referral.status())},
            {"history", history}};
  if (!referral.case_reference.empty()) json["case"] = referral.case_reference;
  return json;
}

Result<Referral> ReferralFromJson(const Json& json) {
  if (!json.is_object()) return FieldError("", "the body is not an object");
  Referral referral;
  TAFKIK_ASSIGN_OR_RETURN(referral.screening, Text(json, "screening", true));
  TAFKIK_ASSIGN_OR_RETURN(referral.person, Text(json, "person", true));
  TAFKIK_ASSIGN_OR_RETURN(referral.case_reference, Text(json, "case", false));
  TAFKIK_ASSIGN_OR_RETURN(referral.organisation, Text(json, "organisation", false));
  TAFKIK_ASSIGN_OR_RETURN(referral.actor, EnumField(json, "actor", &ParseProtectionActor));
  TAFKIK_ASSIGN_OR_RETURN(referral.consent, EnumField(json, "consent", &ParseConsentBasis));
  auto history = json.find("history");
  if (history == json.end() || !history->is_array() || history->empty()) {
    return FieldError("history", "is missing or empty");
  }
  for (size_t index = 0; index < history->size(); ++index) {
    TAFKIK_ASSIGN_OR_RETURN(ReferralEvent event, EventFromJson((*history)[index],
                                                               "history[" + std::to_string(index) + "]"));
    referral.history.push_back(std::move(event));
  }
  return referral;
}

}  // namespace tafkik::screening
