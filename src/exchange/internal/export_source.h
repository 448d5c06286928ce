// What an export reads: the entities and relations a filter selects, page by page, and a
// scan of them (counts, the properties used per schema, which schemata hold Arabic text,
// phone owners for FtM). Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "exchange/export.h"
#include "model/entity.h"
#include "store/store.h"

namespace tafkik::exchange::internal {

struct Scan {
  std::map<std::string, int64_t> entities_by_schema;
  std::map<std::string, int64_t> relations_by_schema;
  std::map<std::string, std::set<std::string>> properties_by_schema;  // things and relations
  std::set<std::string> arabic_schemata;  // a value in Arabic script somewhere
  std::optional<Timestamp> earliest;      // of relation starts
  // Phone entities: id -> (number, owner id or "").
  std::unordered_map<std::string, std::pair<std::string, std::string>> phones;
  // owner id -> numbers of the phones it owns.
  std::unordered_map<std::string, std::vector<std::string>> phones_of_owner;
  // Ids of the entities that are victims' data (store::IsVictimData), in scan order.
  std::vector<std::string> victims;
};

class ExportSource {
 public:
  // NotFound for an unknown case; InvalidArgument for an unknown schema.
  static Result<ExportSource> Open(store::Store& store, const ExportFilter& filter,
                                   int64_t page_size);

  // Entities: those of the entity schemata asked for (all when none), in the case when one is
  // given; when the filter names only relation schemata or a time window, only the ends of
  // the relations it selects (a `--schema Call` export holds the calls and their phones,
  // not the whole workspace).
  Status ForEachEntity(const std::function<Status(const model::Entity&)>& visit);
  // Relations of the relation schemata asked for, in the time window, whose two ends are
  // exported entities.
  Status ForEachRelation(const std::function<Status(const model::Relation&)>& visit);
  // Reads everything once (ForEachEntity, ForEachRelation) and fills scan().
  Status RunScan();
  const Scan& scan() const { return scan_; }

 private:
  ExportSource(store::Store& store, int64_t page_size) : store_(&store), page_size_(page_size) {}
  Status PageEntities(const std::function<Status(const model::Entity&)>& visit);
  Status PageRelations(const std::function<Status(const model::Relation&)>& visit);
  Status CollectEnds();

  store::Store* store_;
  int64_t page_size_;
  std::optional<CaseId> case_id_;
  std::vector<std::string> entity_schemata_;    // "" alone: all
  std::vector<std::string> relation_schemata_;  // "" alone: all
  std::optional<Timestamp> from_, to_;
  bool restrict_ends_ = false;                  // relations need both ends in ids_
  std::unordered_set<std::string> ids_;         // filled by the first entity pass
  bool ids_ready_ = false;
  bool ends_only_ = false;                      // entities: only ends of selected relations
  std::unordered_set<std::string> ends_;        // filled by CollectEnds
  bool ends_ready_ = false;
  Scan scan_;
};

// True when `text` contains a letter of the Arabic blocks (U+0600-06FF, 0750-077F, 08A0-08FF,
// FB50-FDFF, FE70-FEFF).
bool HasArabic(std::string_view text);

// Values of a property joined with "; ".
std::string Joined(const std::vector<model::Value>& values);

}  // namespace tafkik::exchange::internal
