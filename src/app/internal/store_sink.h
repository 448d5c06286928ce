// A synth::Sink that writes what the generator makes into a Store, committing every
// `chunk_records` records as one transaction with one "generate.chunk" audit event, so that
// memory stays bounded however large the run and a crash loses at most one chunk.
// Private to app/. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "core/json.h"
#include "store/store.h"
#include "synth/generator.h"

namespace tafkik::app::internal {

struct SinkCounters {
  int64_t entities = 0;
  int64_t relations = 0;
  int64_t cases = 0;
  int64_t members = 0;  // case memberships
  int64_t chunks = 0;   // committed transactions
  int64_t Records() const { return entities + relations + cases + members; }
};

class StoreSink : public synth::Sink {
 public:
  using ChunkCallback = std::function<void(const SinkCounters& totals)>;

  // `context` is merged into every chunk's audit details (seed, scale). `on_chunk` (may be
  // empty) is called after each commit. REQUIRES: chunk_records >= 1.
  StoreSink(store::Store& store, store::Actor actor, int64_t chunk_records, Json context,
            ChunkCallback on_chunk);

  Status OnEntity(const model::Entity& entity) override;
  Status OnRelation(const model::Relation& relation) override;
  Status OnCase(const model::Case& c) override;

  // Commits the last chunk (possibly empty) with `final_details` merged into its audit
  // details, so that the log always ends a run with one event saying it completed.
  Status Finish(const Json& final_details);

  const SinkCounters& totals() const { return totals_; }

 private:
  Status Begin();
  Status AfterPut(int64_t SinkCounters::*counter, int64_t added);
  Status Commit(const Json& extra_details);

  // Constant after construction.
  store::Store& store_;
  const store::Actor actor_;
  const int64_t chunk_records_;
  const Json context_;
  const ChunkCallback on_chunk_;

  // The open transaction (null between chunks) and what it holds.
  std::unique_ptr<store::WriteTransaction> write_;
  SinkCounters chunk_;
  SinkCounters totals_;
};

}  // namespace tafkik::app::internal
