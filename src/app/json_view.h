// JSON shapes of what the use cases return, shared by `tafkik --json` and the HTTP server so
// that both speak the same language. Field names are snake_case; times are ISO 8601 UTC
// strings; absent optional fields are omitted. Audit events and verify reports use
// store::ToJson (store/audit.h). Pure functions; thread-safe.
#pragma once

#include <vector>

#include "app/cases.h"
#include "app/entities.h"
#include "app/generate.h"
#include "app/tour.h"
#include "core/json.h"
#include "model/case.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::app {

// {"dataset", "source_sha256"?, "row"?, "evidence_id"?, "user"?}: empty fields omitted.
Json ToJson(const model::Provenance& provenance);
// {"name": [{"value", "provenance"}...]...}
Json ToJson(const model::PropertyMap& properties);
// {"id", "schema", "caption", "properties"}
Json ToJson(const model::Entity& entity);
// {"id", "schema", "source", "target", "start"?, "end"?, "properties"}
Json ToJson(const model::Relation& relation);
// {"id", "reference", "title", "country", "region", "offences": [...], "status",
//  "lead_unit", "opened"}: no members (ListCases does not load them; CaseView has them)
Json ToJson(const model::Case& record);
// {"case", "role"}
Json ToJson(const store::CaseRole& role);
// The entity plus "cases": [{"case", "role"}...]
Json ToJson(const EntityView& view);
// The case, with "members": [{"entity", "role", "schema", "caption"}...]
Json ToJson(const CaseView& view);
// {"entities_by_schema", "relations_by_schema", "values", "cases", "audit_events"}
Json ToJson(const store::Counts& counts);
// {"counts", "cases": [case views], "audit": verify report}
Json ToJson(const TourReport& report);
// {"event": "progress", "entities", "relations", "cases", "chunks", "elapsed_ms",
//  "expected_records"}
Json ToJson(const GenerateProgress& progress);
// {"entities_by_schema", "relations_by_schema", "cases", "truth_path", "chunks", "elapsed_ms"}
Json ToJson(const GenerateReport& report);

// A JSON array of ToJson(item) for each item.
template <typename T>
Json ToJsonArray(const std::vector<T>& items) {
  Json array = Json::array();
  for (const T& item : items) array.push_back(ToJson(item));
  return array;
}

}  // namespace tafkik::app
