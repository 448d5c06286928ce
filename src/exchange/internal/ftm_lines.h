// One FollowTheMoney entity per line (as `ftm export` and Aleph write them):
//   {"id": "...", "schema": "Person", "properties": {"name": ["..."], ...}}
// Things become entities; interval schemata (Call, Payment, Ownership, ...) become relations
// whose ends are the schema's two FtM end properties and whose interval is startDate/endDate.
// FtM ids that are valid Tafkik ids are kept, so that FtM -> Tafkik -> FtM keeps them; longer
// ones (Aleph's namespaced ids) are hashed with the dataset. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/status.h"
#include "model/entity.h"
#include "model/record_sink.h"

namespace tafkik::exchange::internal {

class FtmLineReader {
 public:
  FtmLineReader(const model::Provenance& provenance, model::RecordSink& sink)
      : provenance_(provenance), sink_(sink) {}

  // Pass 1 sends the line's entity (if it is a thing), pass 2 its relations (if it is an
  // interval whose ends were seen in pass 1). Problems go to the sink as rejects; only the
  // sink's own failures are returned.
  Status Line(std::string_view line, int64_t row, int pass);

  int64_t entities() const { return entities_; }
  int64_t relations() const { return relations_; }

 private:
  EntityId MapId(const std::string& ftm_id) const;

  // Constant after construction.
  const model::Provenance provenance_;
  model::RecordSink& sink_;

  std::unordered_set<std::string> known_ids_;  // entities sent in pass 1
  int64_t entities_ = 0;
  int64_t relations_ = 0;
};

}  // namespace tafkik::exchange::internal
