// A RecordSink that keeps everything in memory, rendered as strings for comparisons. Tests only.
#pragma once

#include <string>
#include <vector>

#include "core/time.h"
#include "model/record_sink.h"

namespace tafkik::ingest::testing {

class MemorySink : public model::RecordSink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    entities.push_back(entity);
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    relations.push_back(relation);
    return Status::Ok();
  }
  void OnReject(const model::Reject& reject) override { rejects.push_back(reject); }
  Status OnEvidenceFile(const std::string&, const std::string&) override { return Status::Ok(); }

  // "row 3 duration 'abc': call.duration: ..." per reject, one per line.
  std::string RejectLines() const {
    std::string out;
    for (const model::Reject& reject : rejects) {
      out += "row " + std::to_string(reject.row) + " " + reject.column + " '" + reject.value +
             "': " + reject.reason + "\n";
    }
    return out;
  }

  std::vector<model::Entity> entities;
  std::vector<model::Relation> relations;
  std::vector<model::Reject> rejects;
};

}  // namespace tafkik::ingest::testing
