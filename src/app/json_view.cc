#include "app/json_view.h"

#include "model/caption.h"
#include "core/time.h"

namespace tafkik::app {
namespace {

void SetIfNotEmpty(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

Json OffencesJson(const std::vector<model::Offence>& offences) {
  Json array = Json::array();
  for (model::Offence offence : offences) array.push_back(model::OffenceName(offence));
  return array;
}

Json MemberJson(const model::CaseMember& member) {
  return Json{{"entity", member.entity.value()}, {"role", model::RoleName(member.role)}};
}

}  // namespace

Json ToJson(const model::Provenance& provenance) {
  Json out{{"dataset", provenance.dataset}};
  SetIfNotEmpty(out, "source_sha256", provenance.source_sha256);
  if (provenance.row >= 0) out["row"] = provenance.row;
  SetIfNotEmpty(out, "evidence_id", provenance.evidence_id);
  SetIfNotEmpty(out, "user", provenance.user);
  return out;
}

Json ToJson(const model::PropertyMap& properties) {
  Json out = Json::object();
  for (const auto& [name, values] : properties) {
    Json list = Json::array();
    for (const model::Value& value : values) {
      list.push_back(Json{{"value", value.value}, {"provenance", ToJson(value.provenance)}});
    }
    out[name] = std::move(list);
  }
  return out;
}

Json ToJson(const model::Entity& entity) {
  return Json{{"id", entity.id.value()},
              {"schema", entity.schema},
              {"caption", model::Caption(entity)},
              {"properties", ToJson(entity.properties)}};
}

Json ToJson(const model::Relation& relation) {
  Json out{{"id", relation.id.value()},
           {"schema", relation.schema},
           {"source", relation.source.value()},
           {"target", relation.target.value()}};
  if (relation.start) out["start"] = FormatTimestamp(*relation.start);
  if (relation.end) out["end"] = FormatTimestamp(*relation.end);
  out["properties"] = ToJson(relation.properties);
  return out;
}

Json ToJson(const model::Case& record) {
  return Json{{"id", record.id.value()},
              {"reference", record.reference},
              {"title", record.title},
              {"country", record.jurisdiction.country},
              {"region", record.jurisdiction.region},
              {"offences", OffencesJson(record.offences)},
              {"status", model::CaseStatusName(record.status)},
              {"lead_unit", record.lead_unit},
              {"opened", FormatTimestamp(record.opened)}};
}

Json ToJson(const store::CaseRole& role) {
  return Json{{"case", role.case_reference}, {"role", model::RoleName(role.role)}};
}

Json ToJson(const EntityView& view) {
  Json out = ToJson(view.entity);
  out["cases"] = ToJsonArray(view.roles);
  return out;
}

Json ToJson(const CaseView& view) {
  Json out = ToJson(view.record);
  Json members = Json::array();
  for (const MemberView& member : view.members) {
    Json item = MemberJson(member.member);
    item["schema"] = member.schema;
    item["caption"] = member.caption;
    members.push_back(std::move(item));
  }
  out["members"] = std::move(members);
  return out;
}

Json ToJson(const store::Counts& counts) {
  return Json{{"entities_by_schema", counts.entities_by_schema},
              {"relations_by_schema", counts.relations_by_schema},
              {"values", counts.values},
              {"cases", counts.cases},
              {"audit_events", counts.audit_events}};
}

Json ToJson(const TourReport& report) {
  return Json{{"counts", ToJson(report.counts)},
              {"cases", ToJsonArray(report.cases)},
              {"audit", store::ToJson(report.audit)}};
}

Json ToJson(const GenerateProgress& progress) {
  return Json{{"event", "progress"},
              {"entities", progress.entities},
              {"relations", progress.relations},
              {"cases", progress.cases},
              {"chunks", progress.chunks},
              {"elapsed_ms", progress.elapsed_ms},
              {"expected_records", progress.expected_records}};
}

Json ToJson(const GenerateReport& report) {
  return Json{{"entities_by_schema", report.summary.entities_by_schema},
              {"relations_by_schema", report.summary.relations_by_schema},
              {"cases", report.summary.cases},
              {"truth_path", report.truth_path},
              {"chunks", report.final_progress.chunks},
              {"elapsed_ms", report.final_progress.elapsed_ms}};
}

}  // namespace tafkik::app
