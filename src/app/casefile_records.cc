#include "app/casefile_records.h"

#include "core/ids.h"
#include "core/text.h"

namespace tafkik::app::casefile_records {

Result<std::vector<model::Record>> ListAll(store::Store& store, const std::string& kind,
                                           const std::string& case_reference) {
  constexpr int64_t kPage = 1000;
  std::vector<model::Record> all;
  for (int64_t offset = 0;; offset += kPage) {
    store::RecordQuery query{kind, case_reference, std::nullopt, kPage, offset};
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> page, store.ListRecords(query));
    for (model::Record& record : page) all.push_back(std::move(record));
    if (static_cast<int64_t>(page.size()) < kPage) break;
  }
  return all;
}

Result<int> NextNumber(store::Store& store, const std::string& kind,
                       const std::string& case_reference) {
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records,
                          ListAll(store, kind, case_reference));
  return static_cast<int>(records.size()) + 1;
}

Status RequireEntities(store::Store& store, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    if (!IsValidEntityId(id)) return InvalidArgumentError("'" + id + "' is not an entity id");
    Result<model::Entity> entity = store.GetEntity(EntityId(id));
    if (!entity.ok() && entity.status().code() == StatusCode::kNotFound) {
      return NotFoundError("entity " + id + " does not exist");
    }
    TAFKIK_RETURN_IF_ERROR(entity.status());
  }
  return Status::Ok();
}

Result<Timestamp> ParseField(const std::string& text, const std::string& field) {
  if (Trim(text).empty()) return Timestamp();
  Result<Timestamp> parsed = ParseTimestamp(Trim(text));
  if (!parsed.ok()) return parsed.status().WithContext(field);
  return *parsed;
}

}  // namespace tafkik::app::casefile_records
