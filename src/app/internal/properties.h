// Turning an investigator's typed input ("birthDate=1990-04-02") into validated model values.
// Private to app/. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/time.h"
#include "model/entity.h"
#include "model/schema.h"
#include "store/store.h"

namespace tafkik::app::internal {

// "name=Mohamed" -> {"name", "Mohamed"}; the value may itself contain '='. InvalidArgument
// quoting the text when there is no '=' or the property name is empty.
// An optional time given by a user: "" is none; otherwise ParseTimestamp, with `field`
// named in the error.
Result<std::optional<Timestamp>> OptionalTime(const std::string& field, const std::string& text);

Result<std::pair<std::string, std::string>> ParseAssignment(std::string_view text);

// The schema named `name`, which must be a relation schema when `relation` is true and a
// thing schema otherwise. InvalidArgument naming the schema and listing the valid ones.
Result<const model::Schema*> FindSchema(std::string_view name, bool relation);

// Light normalisation before validation, so that what investigators type in the usual ways
// is accepted: countries lower case, currencies upper case, phones to E.164 when they are
// written internationally with spaces or dashes ("+212 6-12-34-56-78"), or nationally
// ("0612345678") when `phone_region` (ISO 3166, "ma") says whose national format it is;
// spaces trimmed.
std::string NormalizeValue(const model::Property& property, std::string_view value,
                           std::string_view phone_region);

// Parses, normalises (with `phone_region`, see NormalizeValue) and validates `assignments`
// against `schema` and adds them to `properties` with `provenance`. InvalidArgument naming the
// schema, property and value of the first bad one (unknown properties list the schema's
// properties).
Status AddAssignments(const model::Schema& schema, const std::vector<std::string>& assignments,
                      std::string_view phone_region, const model::Provenance& provenance,
                      model::PropertyMap& properties);

// Provenance of a value typed in by `actor` (dataset "manual", no source file).
model::Provenance ManualProvenance(const store::Actor& actor);

// A fresh id for a manually entered entity or relation: there are no mapping keys to derive
// it from, so it hashes the actor, the time and 128 random bits. InvalidArgument when
// `requested` is given but is not a valid id; `requested` itself otherwise.
Result<EntityId> ManualId(std::string_view requested, const store::Actor& actor);

// Audit details for a written entity or relation: schema, property names and how many values
// each has, never the values nor a hash of them (a phone number is brute-forced from its
// SHA-256) — the audit log cannot be erased, personal data belongs in the store where it can
// be corrected.
Json WriteDetails(const std::string& schema, const model::PropertyMap& properties);

}  // namespace tafkik::app::internal
