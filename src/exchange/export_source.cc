#include "exchange/internal/export_source.h"

#include "model/schema.h"
#include "store/victim_data.h"

namespace tafkik::exchange::internal {

bool HasArabic(std::string_view text) {
  for (size_t pos = 0; pos + 1 < text.size(); ++pos) {
    auto lead = static_cast<uint8_t>(text[pos]);
    auto next = static_cast<uint8_t>(text[pos + 1]);
    // U+0600-07FF are D8..DF lead bytes; U+08A0-08FF is E0 A2-A3; FB50-FEFF is EF AD-BB.
    if (lead >= 0xD8 && lead <= 0xDD) return true;
    if (lead == 0xE0 && (next == 0xA2 || next == 0xA3)) return true;
    if (lead == 0xEF && next >= 0xAD && next <= 0xBB) return true;
  }
  return false;
}

std::string Joined(const std::vector<model::Value>& values) {
  std::string out;
  for (const model::Value& value : values) {
    if (!out.empty()) out += "; ";
    out += value.value;
  }
  return out;
}

Result<ExportSource> ExportSource::Open(store::Store& store, const ExportFilter& filter,
                                        int64_t page_size) {
  ExportSource source(store, page_size < 1 ? 1000 : page_size);
  if (!filter.case_reference.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(model::Case found, store.GetCase(filter.case_reference));
    source.case_id_ = found.id;
    source.restrict_ends_ = true;
  }
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  for (const std::string& name : filter.schemata) {
    Result<const model::Schema*> schema = registry.Find(name);
    if (!schema.ok()) return InvalidArgumentError("--schema: " + schema.status().message());
    if ((*schema)->abstract) {
      return InvalidArgumentError("--schema: " + name + " is abstract; name a concrete schema");
    }
    ((*schema)->is_relation ? source.relation_schemata_ : source.entity_schemata_)
        .push_back(name);
  }
  if (!source.entity_schemata_.empty()) source.restrict_ends_ = true;
  source.ends_only_ = source.entity_schemata_.empty() &&
                      (!source.relation_schemata_.empty() || filter.from || filter.to);
  if (source.entity_schemata_.empty()) source.entity_schemata_.push_back("");
  if (source.relation_schemata_.empty()) source.relation_schemata_.push_back("");
  source.from_ = filter.from;
  source.to_ = filter.to;
  return source;
}

// Every entity of the schemata and case, unfiltered by ends; fills ids_ the first time.
Status ExportSource::PageEntities(const std::function<Status(const model::Entity&)>& visit) {
  for (const std::string& schema : entity_schemata_) {
    for (int64_t offset = 0;; offset += page_size_) {
      store::EntityQuery query{schema, case_id_, page_size_, offset};
      TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> page, store_->ListEntities(query));
      for (const model::Entity& entity : page) {
        if (restrict_ends_ && !ids_ready_) ids_.insert(entity.id.value());
        TAFKIK_RETURN_IF_ERROR(visit(entity));
      }
      if (static_cast<int64_t>(page.size()) < page_size_) break;
    }
  }
  ids_ready_ = true;
  return Status::Ok();
}

// The ends of the relations the filter selects (one pass over the relations).
Status ExportSource::CollectEnds() {
  if (ends_ready_) return Status::Ok();
  TAFKIK_RETURN_IF_ERROR(PageRelations([&](const model::Relation& relation) {
    ends_.insert(relation.source.value());
    ends_.insert(relation.target.value());
    return Status::Ok();
  }));
  ends_ready_ = true;
  return Status::Ok();
}

Status ExportSource::ForEachEntity(const std::function<Status(const model::Entity&)>& visit) {
  if (!ends_only_) return PageEntities(visit);
  TAFKIK_RETURN_IF_ERROR(CollectEnds());
  return PageEntities([&](const model::Entity& entity) {
    return ends_.contains(entity.id.value()) ? visit(entity) : Status::Ok();
  });
}

Status ExportSource::ForEachRelation(
    const std::function<Status(const model::Relation&)>& visit) {
  // The ends collected here are those of the relations selected, so every relation visited
  // has both its ends among the exported entities.
  return PageRelations(visit);
}

Status ExportSource::PageRelations(const std::function<Status(const model::Relation&)>& visit) {
  if (restrict_ends_ && !ids_ready_) {
    TAFKIK_RETURN_IF_ERROR(PageEntities([](const model::Entity&) { return Status::Ok(); }));
  }
  for (const std::string& schema : relation_schemata_) {
    for (int64_t offset = 0;; offset += page_size_) {
      store::RelationQuery query;
      query.schema = schema;
      query.from = from_;
      query.to = to_;
      query.limit = page_size_;
      query.offset = offset;
      TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> page, store_->ListRelations(query));
      for (const model::Relation& relation : page) {
        if (restrict_ends_ && (!ids_.contains(relation.source.value()) ||
                               !ids_.contains(relation.target.value()))) {
          continue;
        }
        TAFKIK_RETURN_IF_ERROR(visit(relation));
      }
      if (static_cast<int64_t>(page.size()) < page_size_) break;
    }
  }
  return Status::Ok();
}

Status ExportSource::RunScan() {
  scan_ = Scan();
  auto note_properties = [&](const std::string& schema, const model::PropertyMap& properties) {
    std::set<std::string>& names = scan_.properties_by_schema[schema];
    for (const auto& [name, values] : properties) {
      names.insert(name);
      if (scan_.arabic_schemata.contains(schema)) continue;
      for (const model::Value& value : values) {
        if (HasArabic(value.value)) scan_.arabic_schemata.insert(schema);
      }
    }
  };
  TAFKIK_RETURN_IF_ERROR(ForEachEntity([&](const model::Entity& entity) {
    ++scan_.entities_by_schema[entity.schema];
    TAFKIK_ASSIGN_OR_RETURN(bool victim, store::IsVictimData(*store_, entity));
    if (victim) scan_.victims.push_back(entity.id.value());
    note_properties(entity.schema, entity.properties);
    if (entity.schema == "Phone") {
      std::string owner = entity.First("owner");
      scan_.phones[entity.id.value()] = {entity.First("number"), owner};
      if (!owner.empty()) scan_.phones_of_owner[owner].push_back(entity.First("number"));
    }
    return Status::Ok();
  }));
  return ForEachRelation([&](const model::Relation& relation) {
    ++scan_.relations_by_schema[relation.schema];
    scan_.properties_by_schema[relation.schema];
    note_properties(relation.schema, relation.properties);
    if (relation.start && (!scan_.earliest || *relation.start < *scan_.earliest)) {
      scan_.earliest = relation.start;
    }
    return Status::Ok();
  });
}

}  // namespace tafkik::exchange::internal
