// A screening of one person by a first responder: who screened, where and when, the person
// (a pseudonymised Person entity), the age as stated, documented or estimated, the observed
// indicators (each with a note and a source) and the consent to share with protection
// services. Plain values with their JSON form (the body of a "screening" record).
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

// Where an observation comes from.
enum class Source { kObserved, kStated, kDocument };
// How an age is known.
enum class AgeBasis { kDocument, kStated, kEstimated };
// Who recruited the person, as the CTDC/HTCDS "recruiter relation" field.
enum class RecruiterRelation { kUnknown, kIntimatePartner, kFamily, kFriend, kEmployer, kOther };

std::string_view SourceName(Source source);          // "observed", "stated", "document"
std::string_view AgeBasisName(AgeBasis basis);       // "document", "stated", "estimated"
std::string_view RecruiterRelationName(RecruiterRelation relation);
// "unknown", "intimate_partner", "family", "friend", "employer", "other"
Result<Source> ParseSource(std::string_view name);
Result<AgeBasis> ParseAgeBasis(std::string_view name);
Result<RecruiterRelation> ParseRecruiterRelation(std::string_view name);

// One indicator (catalogue id) or legal element (elements.yaml id) the screener recorded.
struct Observation {
  std::string id;                    // "ilo.cd.documents", "som.benefit"
  std::string note;                  // default "": what was seen or said
  Source source = Source::kObserved;
  bool operator==(const Observation&) const = default;
};

struct AgeEvidence {
  int years = 0;                     // 0..120
  AgeBasis basis = AgeBasis::kStated;
  bool operator==(const AgeEvidence&) const = default;
};

// What the rules read.
struct ScreeningInput {
  std::vector<AgeEvidence> ages;          // empty: age unknown
  std::vector<Observation> observations;  // empty: nothing recorded (the outcome says so)
  std::optional<bool> consent_to_share;   // unset: not asked yet
};

struct Screening {
  std::string id;                     // "scr-..." (set by app/ when created)
  std::string person;                 // the Person entity id (pseudonymised)
  std::string case_reference;         // default "": not tied to a case
  std::string screened_by;            // the officer (defaults to the actor)
  std::string unit;                   // default "": the screener's unit or organisation
  std::string place;                  // "Tanger Med port, terminal 2"
  Timestamp screened_at;              // when (UTC)
  std::string language;               // default "": language of the interview ("ar", "fr", ...)
  bool interpreter = false;           // an interpreter was used
  RecruiterRelation recruiter_relation = RecruiterRelation::kUnknown;
  std::string notes;                  // default "": free text
  ScreeningInput input;
};

// InvalidArgument naming the field: empty person (or not an entity id), empty place, an age
// outside 0..120, an observation with an empty id, text that is not valid UTF-8.
Status ValidateScreening(const Screening& screening);

// {"person", "case"?, "screened_by", "unit"?, "place", "screened_at", "language"?,
//  "interpreter", "recruiter_relation", "notes"?, "ages": [{"years", "basis"}],
//  "observations": [{"id", "note", "source"}], "consent_to_share": true|false|null}
Json ToJson(const Screening& screening);
// Reads what ToJson writes; missing optional fields take their defaults. `screened_at` may be
// absent (left at 0: the caller sets now). InvalidArgument naming the JSON field (as
// "observations[2].source") and why. Unknown fields are refused (a misspelt field would
// otherwise be dropped silently).
Result<Screening> ScreeningFromJson(const Json& json);

}  // namespace tafkik::screening
