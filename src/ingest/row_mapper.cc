#include "ingest/row_mapper.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <unordered_set>

#include "core/hash.h"
#include "core/phone.h"
#include "ingest/normalize.h"
#include "model/schema.h"

namespace tafkik::ingest {
namespace {

constexpr size_t kMaxRejectValue = 200;
constexpr char kKeySeparator = '\x1f';

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class Source { kColumn, kColumns, kLiteral, kTemplate, kEntity };

struct TemplatePiece {
  std::string text;  // literal text before the column
  int column = -1;   // -1: text only
};

struct CompiledProperty {
  std::string name;
  const model::Property* property = nullptr;
  Source source = Source::kColumn;
  std::vector<int> columns;
  std::string join;
  std::string literal;
  std::vector<TemplatePiece> pieces;
  int entity_index = -1;
  Normalizer normalizer = Normalizer::kNone;
  std::string region;
  LocalTimeConverter* converter = nullptr;
  std::string format;
  std::map<std::string, std::string> value_map;  // lower-case raw -> value
  bool required = false;
  std::string label;  // for rejects: the column name(s)
};

// Per-row outcome of one property.
struct PropertyResult {
  bool present = false;  // a value was produced
  bool failed = false;   // normalisation or validation failed
  std::string raw;
  std::string value;
  std::optional<Timestamp> time;  // dates with a time, converted to UTC
};

struct CompiledEntity {
  std::string name;
  std::string schema;
  bool is_relation = false;
  std::string id_namespace;
  std::string key_literal;
  std::vector<int> key_columns;
  std::vector<int> key_property;  // index of the property reading that column alone, or -1
  std::vector<CompiledProperty> properties;
  std::string source_end, target_end;  // relation end properties
  // This entity's own filters: column -> lower-case values (any of).
  std::vector<std::pair<int, std::vector<std::string>>> filters, filters_not;
};

Normalizer DefaultNormalizer(const model::Property& property) {
  using model::PropertyType;
  using model::ValueFormat;
  if (property.format == ValueFormat::kImei) return Normalizer::kImei;
  if (property.format == ValueFormat::kImsi) return Normalizer::kImsi;
  if (property.format == ValueFormat::kIban) return Normalizer::kIban;
  switch (property.type) {
    case PropertyType::kPhone: return Normalizer::kPhone;
    case PropertyType::kDate: return Normalizer::kDate;
    case PropertyType::kNumber:
    case PropertyType::kAmount: return Normalizer::kNumber;
    case PropertyType::kCountry: return Normalizer::kCountry;
    case PropertyType::kCurrency: return Normalizer::kCurrency;
    case PropertyType::kEnum: return Normalizer::kLower;
    default: return Normalizer::kNone;
  }
}

}  // namespace

// A set of 64-bit hashes with open addressing: the node-based std::unordered_set cost a
// cache miss and an allocation per insert (17% of a dry-run import's time).
class HashSet {
 public:
  // True when `hash` was not in the set yet.
  bool Insert(uint64_t hash) {
    if (hash == 0) hash = 1;  // 0 marks an empty slot
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      if (slots_[at] == hash) return false;
      if (slots_[at] == 0) {
        slots_[at] = hash;
        ++size_;
        return true;
      }
    }
  }

 private:
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (uint64_t hash : old) {
      if (hash != 0) Insert(hash);
    }
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

struct RowMapper::Compiled {
  Profile profile;
  MapperOptions options;
  std::vector<std::pair<int, std::string>> filters, filters_not;
  std::vector<CompiledEntity> entities;
  PhoneCache phones;
  std::map<std::string, std::unique_ptr<LocalTimeConverter>> converters;
  HashSet sent;  // hashes of (entity id, property, value) already sent

  // Scratch reused across rows.
  std::vector<std::optional<EntityId>> row_ids;
  std::vector<PropertyResult> results;
  std::string material;
  std::string notes;
  std::vector<std::string> rejected_columns;  // this row's, so a bad cell is reported once

  LocalTimeConverter* Converter(const std::string& zone) {
    auto& slot = converters[zone];
    if (!slot) slot = std::make_unique<LocalTimeConverter>(zone);
    return slot.get();
  }
};

namespace {

using Compiled = RowMapper::Compiled;

Result<int> FindColumn(const Profile& profile, const std::vector<std::string>& lower_header,
                       const std::string& column) {
  auto find = [&](const std::string& name) -> int {
    auto at = std::find(lower_header.begin(), lower_header.end(), Lower(TrimValue(name)));
    return at == lower_header.end() ? -1 : static_cast<int>(at - lower_header.begin());
  };
  int index = find(column);
  if (index >= 0) return index;
  auto aliases = profile.aliases.find(column);
  if (aliases != profile.aliases.end()) {
    for (const std::string& alias : aliases->second) {
      if ((index = find(alias)) >= 0) return index;
    }
  }
  return NotFoundError(column);
}

Status CompileProperty(const PropertyMapping& mapping, const EntityMapping& entity,
                       const model::Schema& schema, Compiled& compiled,
                       const std::function<Result<int>(const std::string&)>& column_of,
                       CompiledProperty& out) {
  out.name = mapping.property;
  out.property = &schema.properties.at(mapping.property);
  out.join = mapping.join;
  out.required = mapping.required;
  out.format = mapping.format;
  for (const auto& [raw, value] : mapping.value_map) out.value_map[Lower(raw)] = value;
  if (!mapping.entity.empty()) {
    out.source = Source::kEntity;
    for (size_t at = 0; at < compiled.entities.size(); ++at) {
      if (compiled.entities[at].name == mapping.entity) out.entity_index = static_cast<int>(at);
    }
    out.label = mapping.property;
    return Status::Ok();
  }
  if (!mapping.literal.empty()) {
    out.source = Source::kLiteral;
    out.literal = mapping.literal;
    out.label = mapping.property;
  } else if (!mapping.template_text.empty()) {
    out.source = Source::kTemplate;
    const std::string& text = mapping.template_text;
    size_t at = 0;
    while (at < text.size()) {
      size_t open = text.find('{', at);
      size_t close = open == std::string::npos ? open : text.find('}', open);
      if (close == std::string::npos) {
        out.pieces.push_back({text.substr(at), -1});
        break;
      }
      TAFKIK_ASSIGN_OR_RETURN(int column, column_of(text.substr(open + 1, close - open - 1)));
      out.pieces.push_back({text.substr(at, open - at), column});
      at = close + 1;
    }
    out.label = mapping.template_text;
  } else {
    out.source = mapping.columns.size() == 1 ? Source::kColumn : Source::kColumns;
    for (const std::string& column : mapping.columns) {
      TAFKIK_ASSIGN_OR_RETURN(int index, column_of(column));
      out.columns.push_back(index);
      out.label += (out.label.empty() ? "" : "+") + column;
    }
  }
  out.normalizer = mapping.normalizer == Normalizer::kAuto ? DefaultNormalizer(*out.property)
                                                            : mapping.normalizer;
  out.region = !mapping.region.empty()            ? mapping.region
               : !compiled.options.region.empty() ? compiled.options.region
               : !compiled.profile.region.empty() ? compiled.profile.region
                                                  : "MA";
  const std::string zone = !mapping.timezone.empty()            ? mapping.timezone
                           : !compiled.options.timezone.empty() ? compiled.options.timezone
                           : !compiled.profile.timezone.empty() ? compiled.profile.timezone
                                                                : "UTC";
  if (out.normalizer == Normalizer::kDate) out.converter = compiled.Converter(zone);
  (void)entity;
  return Status::Ok();
}

Status CompileEntity(const EntityMapping& mapping, Compiled& compiled,
                     const std::function<Result<int>(const std::string&)>& column_of,
                     CompiledEntity& out) {
  const model::Schema* schema = *model::SchemaRegistry::Default().Find(mapping.schema);
  out.name = mapping.name;
  out.schema = mapping.schema;
  out.is_relation = schema->is_relation;
  out.source_end = schema->source_property;
  out.target_end = schema->target_property;
  out.id_namespace =
      mapping.id_namespace.empty() ? compiled.options.dataset : mapping.id_namespace;
  out.key_literal = mapping.key_literal;
  for (const PropertyMapping& property : mapping.properties) {
    CompiledProperty compiled_property;
    TAFKIK_RETURN_IF_ERROR(
        CompileProperty(property, mapping, *schema, compiled, column_of, compiled_property));
    out.properties.push_back(std::move(compiled_property));
  }
  for (const auto& [filters, target] :
       {std::pair{&mapping.filters, &out.filters}, std::pair{&mapping.filters_not, &out.filters_not}}) {
    for (const auto& [column, values] : *filters) {
      TAFKIK_ASSIGN_OR_RETURN(int index, column_of(column));
      std::vector<std::string> lower;
      for (const std::string& value : values) lower.push_back(Lower(value));
      target->emplace_back(index, std::move(lower));
    }
  }
  for (const std::string& key : mapping.keys) {
    TAFKIK_ASSIGN_OR_RETURN(int column, column_of(key));
    out.key_columns.push_back(column);
    int reader = -1;
    for (size_t at = 0; at < out.properties.size(); ++at) {
      const CompiledProperty& property = out.properties[at];
      if (property.source == Source::kColumn && property.columns[0] == column &&
          property.value_map.empty()) {
        reader = static_cast<int>(at);
        break;
      }
    }
    out.key_property.push_back(reader);
  }
  // Global identifiers (docs/exchange-ids.md): a Phone keyed by its number alone, a Device by
  // its IMEI alone or a BankAccount by its IBAN alone gets the id every dataset gives it, so
  // the same number in a CDR, a money transfer export and a seized phone is one entity. An
  // explicit `namespace` or `key_literal` keeps the profile's own id space.
  if (mapping.id_namespace.empty() && mapping.key_literal.empty() && out.key_columns.size() == 1 &&
      out.key_property[0] >= 0) {
    const CompiledProperty& key = out.properties[out.key_property[0]];
    if (mapping.schema == "Phone" && key.name == "number" && key.normalizer == Normalizer::kPhone) {
      out.id_namespace = std::string(kPhoneIdNamespace);
    } else if (mapping.schema == "Device" && key.name == "imei" &&
               key.normalizer == Normalizer::kImei) {
      out.id_namespace = std::string(kHandsetIdNamespace);
    } else if (mapping.schema == "BankAccount" && key.name == "iban" &&
               key.normalizer == Normalizer::kIban) {
      out.id_namespace = std::string(kIbanIdNamespace);
    }
  }
  return Status::Ok();
}

// --- per row ------------------------------------------------------------------------------

std::string_view Cell(const readers::TableRow& row, int column) {
  return column < static_cast<int>(row.cells.size()) ? std::string_view(row.cells[column])
                                                     : std::string_view();
}

void RawValue(const CompiledProperty& property, const readers::TableRow& row, std::string& raw) {
  raw.clear();
  switch (property.source) {
    case Source::kColumn:
      raw.assign(TrimValue(Cell(row, property.columns[0])));
      break;
    case Source::kColumns:
      for (int column : property.columns) {
        std::string_view cell = TrimValue(Cell(row, column));
        if (cell.empty()) continue;
        if (!raw.empty()) raw += property.join;
        raw.append(cell);
      }
      break;
    case Source::kLiteral:
      raw = property.literal;
      break;
    case Source::kTemplate: {
      bool any = false;
      for (const TemplatePiece& piece : property.pieces) {
        raw += piece.text;
        if (piece.column < 0) continue;
        std::string_view cell = TrimValue(Cell(row, piece.column));
        any |= !cell.empty();
        raw.append(cell);
      }
      if (!any) raw.clear();
      raw.assign(TrimValue(raw));
      break;
    }
    case Source::kEntity:
      break;
  }
}

// Normalises result.raw into result.value (and result.time for date-times).
Status Normalize(const CompiledProperty& property, Compiled& compiled, PropertyResult& result) {
  std::string text = result.raw;
  AsciiDigitsInPlace(text);
  if (!property.value_map.empty()) {
    auto found = property.value_map.find(Lower(text));
    if (found != property.value_map.end()) text = found->second;
  }
  switch (property.normalizer) {
    case Normalizer::kAuto:
    case Normalizer::kNone:
      result.value = std::move(text);
      return Status::Ok();
    case Normalizer::kPhone: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, compiled.phones.Normalize(text, property.region));
      return Status::Ok();
    }
    case Normalizer::kImei: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, NormalizeImei(text));
      return Status::Ok();
    }
    case Normalizer::kImsi:
      result.value.clear();
      for (char c : text) {
        if (c >= '0' && c <= '9') result.value.push_back(c);
      }
      return Status::Ok();
    case Normalizer::kIban: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, NormalizeIban(text));
      return Status::Ok();
    }
    case Normalizer::kNumber: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, NormalizeNumber(text));
      return Status::Ok();
    }
    case Normalizer::kDuration: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, NormalizeDuration(text));
      return Status::Ok();
    }
    case Normalizer::kCountry: {
      TAFKIK_ASSIGN_OR_RETURN(result.value, NormalizeCountry(text));
      return Status::Ok();
    }
    case Normalizer::kCurrency:
      result.value = text;
      for (char& c : result.value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return Status::Ok();
    case Normalizer::kLower:
      result.value = Lower(text);
      return Status::Ok();
    case Normalizer::kDate: {
      bool has_time = false;
      TAFKIK_ASSIGN_OR_RETURN(std::string local, ParseLocalDateTime(text, property.format, has_time));
      if (!has_time) {
        result.value = std::move(local);
        return Status::Ok();
      }
      TAFKIK_ASSIGN_OR_RETURN(Timestamp utc, property.converter->ToUtc(local));
      result.time = utc;
      result.value = FormatTimestamp(utc);
      return Status::Ok();
    }
  }
  return Status::Ok();
}

void AddReject(model::RecordSink& sink, MapStats& stats, int64_t row, const std::string& column,
               std::string_view value, std::string reason) {
  model::Reject reject;
  reject.row = row;
  reject.column = column;
  reject.value = std::string(value.substr(0, kMaxRejectValue));
  reject.reason = std::move(reason);
  sink.OnReject(reject);
  ++stats.rejects;
}

bool AnyOf(const std::vector<std::string>& lower_values, std::string_view cell) {
  const std::string value = Lower(TrimValue(cell));
  return std::find(lower_values.begin(), lower_values.end(), value) != lower_values.end();
}

bool PassesFilters(const CompiledEntity& entity, const readers::TableRow& row) {
  for (const auto& [column, values] : entity.filters) {
    if (!AnyOf(values, Cell(row, column))) return false;
  }
  for (const auto& [column, values] : entity.filters_not) {
    if (AnyOf(values, Cell(row, column))) return false;
  }
  return true;
}

uint64_t ValueHash(const EntityId& id, const std::string& property, const std::string& value) {
  std::hash<std::string_view> hash;
  uint64_t h = hash(id.value());
  h ^= hash(property) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= hash(value) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

}  // namespace

RowMapper::RowMapper(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
RowMapper::~RowMapper() = default;

Result<std::unique_ptr<RowMapper>> RowMapper::Bind(const Profile& profile,
                                                   const std::vector<std::string>& header,
                                                   const MapperOptions& options) {
  if (options.dataset.empty()) return InvalidArgumentError("an import needs a dataset name");
  auto compiled = std::make_unique<Compiled>();
  compiled->profile = profile;
  compiled->options = options;
  std::vector<std::string> lower_header;
  for (const std::string& name : header) lower_header.push_back(Lower(TrimValue(name)));
  std::vector<std::string> missing;
  auto column_of = [&](const std::string& column) -> Result<int> {
    Result<int> index = FindColumn(profile, lower_header, column);
    if (index.ok()) return index;
    if (std::find(missing.begin(), missing.end(), column) == missing.end()) missing.push_back(column);
    return 0;  // keep compiling to list every missing column at once
  };
  for (const auto& [column, value] : profile.filters) {
    compiled->filters.emplace_back(*column_of(column), value);
  }
  for (const auto& [column, value] : profile.filters_not) {
    compiled->filters_not.emplace_back(*column_of(column), value);
  }
  for (const EntityMapping& entity : profile.entities) {
    CompiledEntity compiled_entity;
    TAFKIK_RETURN_IF_ERROR(CompileEntity(entity, *compiled, column_of, compiled_entity));
    compiled->entities.push_back(std::move(compiled_entity));
  }
  if (!missing.empty()) {
    std::string needed, have;
    for (const std::string& column : missing) needed += (needed.empty() ? "" : ", ") + column;
    for (const std::string& column : header) have += (have.empty() ? "" : ", ") + column;
    return InvalidArgumentError("profile '" + profile.name + "' needs column(s) " + needed +
                                " that the file's header lacks (header: " + have + ")");
  }
  return std::unique_ptr<RowMapper>(new RowMapper(std::move(compiled)));
}

void RowMapper::RejectUnreadableRow(int64_t row, const std::string& column, const Status& why,
                                    model::RecordSink& sink) {
  ++stats_.rows;
  AddReject(sink, stats_, row, column, "", why.message());
}

Status RowMapper::MapRow(const readers::TableRow& row, model::RecordSink& sink) {
  Compiled& c = *compiled_;
  ++stats_.rows;
  for (const auto& [column, value] : c.filters) {
    if (TrimValue(Cell(row, column)) != value) return ++stats_.rows_filtered, Status::Ok();
  }
  for (const auto& [column, value] : c.filters_not) {
    if (TrimValue(Cell(row, column)) == value) return ++stats_.rows_filtered, Status::Ok();
  }
  const model::Provenance provenance{c.options.dataset, c.options.source_sha256, row.number, "",
                                     c.options.user};
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  c.row_ids.assign(c.entities.size(), std::nullopt);
  c.rejected_columns.clear();

  for (size_t entity_index = 0; entity_index < c.entities.size(); ++entity_index) {
    const CompiledEntity& entity = c.entities[entity_index];
    if (!PassesFilters(entity, row)) continue;
    c.results.resize(std::max(c.results.size(), entity.properties.size()));
    bool dropped = false;
    // 1. Values.
    for (size_t at = 0; at < entity.properties.size(); ++at) {
      const CompiledProperty& property = entity.properties[at];
      PropertyResult& result = c.results[at];
      result.present = result.failed = false;
      result.time.reset();
      if (property.source == Source::kEntity) continue;
      RawValue(property, row, result.raw);
      if (result.raw.empty()) {
        if (property.required) dropped = true;
        continue;
      }
      Status status = Normalize(property, c, result);
      if (status.ok() && !result.value.empty()) {
        status = registry.ValidateValue(entity.schema, property.name, result.value);
      }
      if (!status.ok()) {
        result.failed = true;
        if (std::find(c.rejected_columns.begin(), c.rejected_columns.end(), property.label) ==
            c.rejected_columns.end()) {
          c.rejected_columns.push_back(property.label);
          AddReject(sink, stats_, row.number, property.label, result.raw,
                    entity.name + "." + property.name + ": " + status.message());
        }
        if (property.required) dropped = true;
        continue;
      }
      result.present = !result.value.empty();
    }
    if (dropped) continue;
    // 2. The id, from the keys (normalised when a property reads the key column).
    c.material = entity.id_namespace;
    bool any_key = false;
    if (!entity.key_literal.empty()) c.material.append(1, kKeySeparator).append(entity.key_literal);
    for (size_t key = 0; key < entity.key_columns.size() && !dropped; ++key) {
      c.material.push_back(kKeySeparator);
      int reader = entity.key_property[key];
      if (reader >= 0) {
        const PropertyResult& result = c.results[reader];
        if (result.failed) dropped = true;
        if (result.present) c.material += result.value, any_key = true;
        continue;
      }
      std::string key_text(TrimValue(Cell(row, entity.key_columns[key])));
      AsciiDigitsInPlace(key_text);
      any_key |= !key_text.empty();
      c.material += key_text;
    }
    if (dropped || !any_key) continue;
    const EntityId id(Sha256Hex(c.material).substr(0, 40));

    // 3. Raw values kept beside normalised ones (see data/mappings/README.md).
    c.notes.clear();
    for (size_t at = 0; at < entity.properties.size(); ++at) {
      const PropertyResult& result = c.results[at];
      if (!result.present || result.raw == result.value) continue;
      const CompiledProperty& property = entity.properties[at];
      if (property.normalizer == Normalizer::kNone || property.normalizer == Normalizer::kLower ||
          property.normalizer == Normalizer::kCurrency) {
        continue;  // trimming and case are not worth a note
      }
      c.notes += (c.notes.empty() ? "source " : "; ") + property.name + ": " + result.raw;
    }

    if (!entity.is_relation) {
      model::Entity record;
      record.id = id;
      record.schema = entity.schema;
      auto add = [&](const std::string& name, const std::string& value) {
        if (c.sent.Insert(ValueHash(id, name, value))) record.Add(name, value, provenance);
      };
      for (size_t at = 0; at < entity.properties.size(); ++at) {
        const CompiledProperty& property = entity.properties[at];
        if (property.source == Source::kEntity) {
          const auto& target = c.row_ids[property.entity_index];
          if (target) add(property.name, target->value());
          continue;
        }
        if (c.results[at].present) add(property.name, c.results[at].value);
      }
      if (!c.notes.empty()) add("notes", c.notes);
      c.row_ids[entity_index] = id;
      const bool first_time = c.sent.Insert(ValueHash(id, "", ""));
      if (record.properties.empty() && !first_time) continue;
      Status valid = registry.Validate(record);
      if (!valid.ok()) {
        AddReject(sink, stats_, row.number, "", "", entity.name + ": " + valid.message());
        c.row_ids[entity_index].reset();
        continue;
      }
      TAFKIK_RETURN_IF_ERROR(sink.OnEntity(record));
      ++stats_.entities;
      continue;
    }

    model::Relation relation;
    relation.id = id;
    relation.schema = entity.schema;
    for (size_t at = 0; at < entity.properties.size() && !dropped; ++at) {
      const CompiledProperty& property = entity.properties[at];
      const PropertyResult& result = c.results[at];
      if (property.source == Source::kEntity) {
        const auto& target = c.row_ids[property.entity_index];
        if (property.name != entity.source_end && property.name != entity.target_end) {
          if (target) relation.Add(property.name, target->value(), provenance);
          continue;
        }
        if (!target) {
          AddReject(sink, stats_, row.number, property.name, "",
                    entity.name + ": no " + property.name + " in this row (entity '" +
                        c.entities[property.entity_index].name + "' has no key value)");
          dropped = true;
          continue;
        }
        (property.name == entity.source_end ? relation.source : relation.target) = *target;
        continue;
      }
      if (!result.present) continue;
      if (property.name == "startDate" || property.name == "endDate") {
        std::optional<Timestamp> when = result.time;
        if (!when) {
          Result<Timestamp> parsed = ParseTimestamp(result.value);
          if (parsed.ok()) when = *parsed;
        }
        (property.name == "startDate" ? relation.start : relation.end) = when;
        continue;
      }
      relation.Add(property.name, result.value, provenance);
    }
    if (dropped) continue;
    if (!c.notes.empty()) relation.Add("notes", c.notes, provenance);
    Status valid = registry.Validate(relation);
    if (!valid.ok()) {
      AddReject(sink, stats_, row.number, "", "", entity.name + ": " + valid.message());
      continue;
    }
    c.row_ids[entity_index] = id;
    TAFKIK_RETURN_IF_ERROR(sink.OnRelation(relation));
    ++stats_.relations;
  }
  return Status::Ok();
}

}  // namespace tafkik::ingest
