#include "app/internal/store_sink.h"

#include <utility>

namespace tafkik::app::internal {

StoreSink::StoreSink(store::Store& store, store::Actor actor, int64_t chunk_records, Json context,
                     ChunkCallback on_chunk)
    : store_(store),
      actor_(std::move(actor)),
      chunk_records_(chunk_records),
      context_(std::move(context)),
      on_chunk_(std::move(on_chunk)) {
  TAFKIK_CHECK(chunk_records_ >= 1, "chunk_records must be at least 1");
}

Status StoreSink::Begin() {
  if (write_ != nullptr) return Status::Ok();
  TAFKIK_ASSIGN_OR_RETURN(write_, store_.BeginWrite(actor_));
  return Status::Ok();
}

Status StoreSink::OnEntity(const model::Entity& entity) {
  TAFKIK_RETURN_IF_ERROR(Begin());
  TAFKIK_RETURN_IF_ERROR(write_->PutEntity(entity));
  return AfterPut(&SinkCounters::entities, 1);
}

Status StoreSink::OnRelation(const model::Relation& relation) {
  TAFKIK_RETURN_IF_ERROR(Begin());
  TAFKIK_RETURN_IF_ERROR(write_->PutRelation(relation));
  return AfterPut(&SinkCounters::relations, 1);
}

Status StoreSink::OnCase(const model::Case& c) {
  TAFKIK_RETURN_IF_ERROR(Begin());
  // Members are added one by one, whatever CreateCase does with them, so that every
  // backend ends up with the same memberships.
  model::Case without_members = c;
  without_members.members.clear();
  TAFKIK_RETURN_IF_ERROR(write_->CreateCase(without_members).status());
  for (const model::CaseMember& member : c.members) {
    TAFKIK_RETURN_IF_ERROR(write_->AddCaseMember(c.reference, member));
  }
  chunk_.members += static_cast<int64_t>(c.members.size());
  totals_.members += static_cast<int64_t>(c.members.size());
  return AfterPut(&SinkCounters::cases, 1);
}

Status StoreSink::AfterPut(int64_t SinkCounters::*counter, int64_t added) {
  chunk_.*counter += added;
  totals_.*counter += added;
  if (chunk_.Records() < chunk_records_) return Status::Ok();
  return Commit(Json::object());
}

Status StoreSink::Commit(const Json& extra_details) {
  Json details = context_;
  details.update(extra_details);
  details["chunk"] = totals_.chunks + 1;
  details["entities"] = chunk_.entities;
  details["relations"] = chunk_.relations;
  details["cases"] = chunk_.cases;
  details["members"] = chunk_.members;
  store::AuditRecord record{"generate.chunk", "workspace:generate", store::AuditOutcome::kOk,
                             std::move(details)};
  Status committed = write_->Commit(record);
  write_.reset();
  chunk_ = SinkCounters();
  if (!committed.ok()) return committed;
  ++totals_.chunks;
  if (on_chunk_) on_chunk_(totals_);
  return Status::Ok();
}

Status StoreSink::Finish(const Json& final_details) {
  TAFKIK_RETURN_IF_ERROR(Begin());
  return Commit(final_details);
}

}  // namespace tafkik::app::internal
