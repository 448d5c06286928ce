// Sinks for the synth tests: one that keeps everything a small run emits (and a running
// SHA-256 of it), one that only counts (for large runs). Test-only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/json.h"
#include "core/time.h"
#include "synth/generator.h"

namespace tafkik::synth::testing {

inline Json ToJson(const model::PropertyMap& properties) {
  Json json = Json::object();
  for (const auto& [name, values] : properties) {
    for (const model::Value& value : values) {
      json[name].push_back({value.value, value.provenance.dataset, value.provenance.row,
                            value.provenance.source_sha256, value.provenance.evidence_id,
                            value.provenance.user});
    }
  }
  return json;
}

// Keeps every entity, relation and case, in order, and hashes their serialisation.
class RecordingSink : public Sink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    entities.push_back(entity);
    order.push_back('E');
    Hash({"E", entity.id.value(), entity.schema, ToJson(entity.properties)});
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    relations.push_back(relation);
    order.push_back('R');
    Hash({"R", relation.id.value(), relation.schema, relation.source.value(),
          relation.target.value(), relation.start ? FormatTimestamp(*relation.start) : "",
          relation.end ? FormatTimestamp(*relation.end) : "", ToJson(relation.properties)});
    return Status::Ok();
  }
  Status OnCase(const model::Case& investigation) override {
    cases.push_back(investigation);
    order.push_back('C');
    Json members = Json::array();
    for (const model::CaseMember& member : investigation.members) {
      members.push_back({member.entity.value(), model::RoleName(member.role)});
    }
    Hash({"C", investigation.reference, investigation.title, investigation.jurisdiction.country,
          investigation.jurisdiction.region, investigation.lead_unit,
          FormatTimestamp(investigation.opened), members});
    return Status::Ok();
  }
  std::string Digest() { return ToHex(hasher_.Finish().data(), 32); }

  std::vector<model::Entity> entities;
  std::vector<model::Relation> relations;
  std::vector<model::Case> cases;
  std::string order;  // 'E', 'R', 'C' per callback

 private:
  void Hash(const Json& item) { hasher_.Update(item.dump() + "\n"); }
  Sha256Hasher hasher_;
};

// Counts by schema only: memory stays flat however much is generated.
class CountingSink : public Sink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    ++entities[entity.schema];
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    ++relations[relation.schema];
    return Status::Ok();
  }
  Status OnCase(const model::Case&) override {
    ++cases;
    return Status::Ok();
  }
  std::map<std::string, int64_t> entities;
  std::map<std::string, int64_t> relations;
  int64_t cases = 0;
};

}  // namespace tafkik::synth::testing
