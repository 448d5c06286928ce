#include "screening/screening.h"

#include <array>
#include <set>

#include "core/ids.h"
#include "core/text.h"
#include "screening/internal/parse_name.h"

namespace tafkik::screening {
namespace {

using internal::ParseName;

constexpr std::array<std::string_view, 3> kSourceNames = {"observed", "stated", "document"};
constexpr std::array<std::string_view, 3> kBasisNames = {"document", "stated", "estimated"};
constexpr std::array<std::string_view, 6> kRelationNames = {
    "unknown", "intimate_partner", "family", "friend", "employer", "other"};


Status FieldError(const std::string& field, const std::string& why) {
  return InvalidArgumentError("screening field '" + field + "': " + why);
}

Status CheckKeys(const Json& object, const std::string& where,
                 const std::set<std::string>& allowed) {
  if (!object.is_object()) return FieldError(where, "is not a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (allowed.count(key) == 0) {
      std::string names;
      for (const std::string& name : allowed) names += (names.empty() ? "" : ", ") + name;
      return FieldError(where.empty() ? key : where + "." + key,
                        "unknown field (accepted: " + names + ")");
    }
  }
  return Status::Ok();
}

Result<std::string> StringField(const Json& object, const std::string& key,
                                const std::string& where) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::string();
  if (!found->is_string()) return FieldError(where + key, "is not a string");
  return found->get<std::string>();
}

Result<AgeEvidence> AgeFromJson(const Json& json, const std::string& where) {
  TAFKIK_RETURN_IF_ERROR(CheckKeys(json, where, {"years", "basis"}));
  AgeEvidence age;
  auto years = json.find("years");
  if (years == json.end() || !years->is_number_integer()) {
    return FieldError(where + ".years", "is missing or not a whole number");
  }
  age.years = years->get<int>();
  TAFKIK_ASSIGN_OR_RETURN(std::string basis, StringField(json, "basis", where + "."));
  if (!basis.empty()) {
    auto parsed = ParseAgeBasis(basis);
    if (!parsed.ok()) return FieldError(where + ".basis", parsed.status().message());
    age.basis = *parsed;
  }
  return age;
}

Result<Observation> ObservationFromJson(const Json& json, const std::string& where) {
  if (json.is_string()) return Observation{json.get<std::string>(), "", Source::kObserved};
  TAFKIK_RETURN_IF_ERROR(CheckKeys(json, where, {"id", "note", "source"}));
  Observation observation;
  TAFKIK_ASSIGN_OR_RETURN(observation.id, StringField(json, "id", where + "."));
  TAFKIK_ASSIGN_OR_RETURN(observation.note, StringField(json, "note", where + "."));
  TAFKIK_ASSIGN_OR_RETURN(std::string source, StringField(json, "source", where + "."));
  if (!source.empty()) {
    auto parsed = ParseSource(source);
    if (!parsed.ok()) return FieldError(where + ".source", parsed.status().message());
    observation.source = *parsed;
  }
  return observation;
}

Status ReadLists(const Json& json, Screening& screening) {
  if (auto ages = json.find("ages"); ages != json.end() && !ages->is_null()) {
    if (!ages->is_array()) return FieldError("ages", "is not a list");
    for (size_t index = 0; index < ages->size(); ++index) {
      TAFKIK_ASSIGN_OR_RETURN(AgeEvidence age,
                              AgeFromJson((*ages)[index], "ages[" + std::to_string(index) + "]"));
      screening.input.ages.push_back(age);
    }
  }
  if (auto items = json.find("observations"); items != json.end() && !items->is_null()) {
    if (!items->is_array()) return FieldError("observations", "is not a list");
    for (size_t index = 0; index < items->size(); ++index) {
      std::string where = "observations[" + std::to_string(index) + "]";
      TAFKIK_ASSIGN_OR_RETURN(Observation observation, ObservationFromJson((*items)[index], where));
      screening.input.observations.push_back(std::move(observation));
    }
  }
  return Status::Ok();
}

Status ReadFlags(const Json& json, Screening& screening) {
  if (auto consent = json.find("consent_to_share"); consent != json.end() && !consent->is_null()) {
    if (!consent->is_boolean()) return FieldError("consent_to_share", "is not true, false or null");
    screening.input.consent_to_share = consent->get<bool>();
  }
  if (auto interpreter = json.find("interpreter"); interpreter != json.end()) {
    if (!interpreter->is_boolean()) return FieldError("interpreter", "is not true or false");
    screening.interpreter = interpreter->get<bool>();
  }
  TAFKIK_ASSIGN_OR_RETURN(std::string relation, StringField(json, "recruiter_relation", ""));
  if (!relation.empty()) {
    auto parsed = ParseRecruiterRelation(relation);
    if (!parsed.ok()) return FieldError("recruiter_relation", parsed.status().message());
    screening.recruiter_relation = *parsed;
  }
  TAFKIK_ASSIGN_OR_RETURN(std::string at, StringField(json, "screened_at", ""));
  if (!at.empty()) {
    auto parsed = ParseTimestamp(at);
    if (!parsed.ok()) return FieldError("screened_at", parsed.status().message());
    screening.screened_at = *parsed;
  }
  return Status::Ok();
}

}  // namespace

std::string_view SourceName(Source source) { return kSourceNames[static_cast<size_t>(source)]; }
std::string_view AgeBasisName(AgeBasis basis) { return kBasisNames[static_cast<size_t>(basis)]; }
std::string_view RecruiterRelationName(RecruiterRelation relation) {
  return kRelationNames[static_cast<size_t>(relation)];
}
Result<Source> ParseSource(std::string_view name) {
  return ParseName<Source>("observation source", name, kSourceNames);
}
Result<AgeBasis> ParseAgeBasis(std::string_view name) {
  return ParseName<AgeBasis>("age basis", name, kBasisNames);
}
Result<RecruiterRelation> ParseRecruiterRelation(std::string_view name) {
  return ParseName<RecruiterRelation>("recruiter relation", name, kRelationNames);
}

Status ValidateScreening(const Screening& screening) {
  if (!IsValidEntityId(screening.person)) {
    return FieldError("person", "'" + screening.person + "' is not an entity id");
  }
  if (Trim(screening.place).empty()) return FieldError("place", "is empty: say where it happened");
  for (const std::string* text : {&screening.place, &screening.screened_by, &screening.unit,
                                  &screening.notes, &screening.language}) {
    if (!IsValidUtf8(*text)) return FieldError("text", "is not valid UTF-8");
  }
  for (size_t index = 0; index < screening.input.ages.size(); ++index) {
    int years = screening.input.ages[index].years;
    if (years < 0 || years > 120) {
      return FieldError("ages[" + std::to_string(index) + "].years",
                        std::to_string(years) + " is not an age (0 to 120)");
    }
  }
  for (size_t index = 0; index < screening.input.observations.size(); ++index) {
    const Observation& observation = screening.input.observations[index];
    std::string where = "observations[" + std::to_string(index) + "]";
    if (Trim(observation.id).empty()) return FieldError(where + ".id", "is empty");
    if (!IsValidUtf8(observation.note)) return FieldError(where + ".note", "is not valid UTF-8");
  }
  return Status::Ok();
}

Json ToJson(const Screening& screening) {
  Json ages = Json::array();
  for (const AgeEvidence& age : screening.input.ages) {
    ages.push_back({{"years", age.years}, {"basis", AgeBasisName(age.basis)}});
  }
  Json observations = Json::array();
  for (const Observation& observation : screening.input.observations) {
    observations.push_back({{"id", observation.id},
                            {"note", observation.note},
                            {"source", SourceName(observation.source)}});
  }
  Json json{{"person", screening.person},
            {"screened_by", screening.screened_by},
            {"place", screening.place},
            {"screened_at", FormatTimestamp(screening.screened_at)},
            {"interpreter", screening.interpreter},
            {"recruiter_relation", RecruiterRelationName(screening.recruiter_relation)},
            {"ages", ages},
            {"observations", observations},
            {"consent_to_share", screening.input.consent_to_share
                                     ? Json(*screening.input.consent_to_share)
                                     : Json(nullptr)}};
  if (!screening.case_reference.empty()) json["case"] = screening.case_reference;
  if (!screening.unit.empty()) json["unit"] = screening.unit;
  if (!screening.language.empty()) json["language"] = screening.language;
  if (!screening.notes.empty()) json["notes"] = screening.notes;
  return json;
}

Result<Screening> ScreeningFromJson(const Json& json) {
  TAFKIK_RETURN_IF_ERROR(CheckKeys(
      json, "",
      {"person", "case", "screened_by", "unit", "place", "screened_at", "language", "interpreter",
       "recruiter_relation", "notes", "ages", "observations", "consent_to_share"}));
  Screening screening;
  TAFKIK_ASSIGN_OR_RETURN(screening.person, StringField(json, "person", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.case_reference, StringField(json, "case", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.screened_by, StringField(json, "screened_by", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.unit, StringField(json, "unit", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.place, StringField(json, "place", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.language, StringField(json, "language", ""));
  TAFKIK_ASSIGN_OR_RETURN(screening.notes, StringField(json, "notes", ""));
  TAFKIK_RETURN_IF_ERROR(ReadFlags(json, screening));
  TAFKIK_RETURN_IF_ERROR(ReadLists(json, screening));
  return screening;
}

}  // namespace tafkik::screening
