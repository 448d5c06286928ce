#include "model/schema.h"

#include <utility>

#include "core/ids.h"
#include "core/text.h"
#include "core/time.h"
#include "model/internal/builtin_schemata.h"
#include "model/internal/value_checks.h"

namespace tafkik::model {
namespace {

using internal::QuoteForMessage;

constexpr std::string_view kCurrencyProperty = "currency";
constexpr std::string_view kStartDateProperty = "startDate";
constexpr std::string_view kEndDateProperty = "endDate";

std::string Where(const Schema& schema, std::string_view property) {
  return schema.name + "." + std::string(property);
}

Status ValueError(const Schema& schema, std::string_view property, std::string_view value,
                  std::string_view why) {
  return InvalidArgumentError(Where(schema, property) + ": " + QuoteForMessage(value) + " " +
                              std::string(why));
}

// A name that differs only in case is the commonest mapping mistake ("birthdate").
template <typename Map>
std::string CaseHint(const Map& names, std::string_view name) {
  const std::string lower = AsciiLower(name);
  for (const auto& entry : names) {
    if (AsciiLower(entry.first) == lower) return " (did you mean '" + entry.first + "'?)";
  }
  return "";
}

// Takes a std::string because Schema::properties has no transparent comparator; callers on
// the hot path (Validate) already hold one, so no copy is made per property.
Result<const Property*> FindIn(const Schema& schema, const std::string& name) {
  auto it = schema.properties.find(name);
  if (it != schema.properties.end()) return &it->second;
  return NotFoundError("unknown property " + QuoteForMessage(Where(schema, name)) +
                       CaseHint(schema.properties, name));
}

Status CheckValue(const Schema& schema, const Property& property, std::string_view value) {
  const std::string why = internal::WhyInvalid(property, value);
  if (why.empty()) return Status::Ok();
  return ValueError(schema, property.name, value, why);
}

// The currencies an amount is in: the property's fixed one, else the record's "currency".
std::vector<std::string> CurrenciesOf(const Property& property, const PropertyMap& properties) {
  if (!property.currency.empty()) return {property.currency};
  std::vector<std::string> currencies;
  auto it = properties.find(std::string(kCurrencyProperty));
  if (it == properties.end()) return currencies;
  for (const Value& value : it->second) currencies.push_back(value.value);
  return currencies;
}

// An amount is only meaningful with its currency, and must fit every currency the record
// gives (a record listing MAD and LYD cannot hold "12.345").
Status CheckAmounts(const Schema& schema, const Property& property,
                    const std::vector<Value>& values, const PropertyMap& properties) {
  const std::vector<std::string> currencies = CurrenciesOf(property, properties);
  for (const Value& value : values) {
    if (currencies.empty()) {
      return ValueError(schema, property.name, value.value,
                        "has no currency (set " + Where(schema, kCurrencyProperty) + ")");
    }
    for (const std::string& currency : currencies) {
      const std::string why = internal::WhyInvalidAmount(value.value, currency);
      if (!why.empty()) return ValueError(schema, property.name, value.value, why);
    }
  }
  return Status::Ok();
}

Status CheckProperties(const Schema& schema, const PropertyMap& properties) {
  for (const auto& [name, values] : properties) {
    TAFKIK_ASSIGN_OR_RETURN(const Property* property, FindIn(schema, name));
    for (const Value& value : values) {
      TAFKIK_RETURN_IF_ERROR(CheckValue(schema, *property, value.value));
    }
  }
  // Amounts last, once the currencies they depend on are known to be valid.
  for (const auto& [name, values] : properties) {
    const Property& property = schema.properties.at(name);
    if (property.type != PropertyType::kAmount) continue;
    TAFKIK_RETURN_IF_ERROR(CheckAmounts(schema, property, values, properties));
  }
  return Status::Ok();
}

Status CheckKind(const Schema& schema, bool want_relation) {
  if (schema.abstract) {
    return InvalidArgumentError("schema " + schema.name +
                                " is abstract: use a schema that inherits from it");
  }
  if (schema.is_relation == want_relation) return Status::Ok();
  if (schema.is_relation) {
    return InvalidArgumentError(schema.name + " is a relation schema: store it as a relation");
  }
  return InvalidArgumentError(schema.name + " is not a relation schema: store it as an entity");
}

Status CheckId(const Schema& schema, const EntityId& id) {
  if (id.value().empty()) return InvalidArgumentError(schema.name + " has no id");
  if (IsValidEntityId(id.value())) return Status::Ok();
  return InvalidArgumentError(schema.name + " id " + QuoteForMessage(id.value()) +
                              " is not a valid entity id (1 to 64 of [a-z0-9._-], starting "
                              "with a letter or digit)");
}

Status CheckEnd(const Schema& schema, const std::string& property, const EntityId& end,
                std::string_view field) {
  if (end.value().empty()) {
    return InvalidArgumentError(Where(schema, property) + " (the relation's " + std::string(field) +
                                ") is not set");
  }
  return CheckValue(schema, schema.properties.at(property), end.value());
}

Status CheckInterval(const Schema& schema, const Relation& relation) {
  if (!relation.start || !relation.end || *relation.start <= *relation.end) return Status::Ok();
  return InvalidArgumentError(schema.name + " " + QuoteForMessage(relation.id.value()) +
                              ": start " + FormatTimestamp(*relation.start) + " is after end " +
                              FormatTimestamp(*relation.end));
}

// The ends and the interval have fields of their own; a second copy in `properties` could
// disagree with them, so it is refused rather than silently preferred.
Status CheckNoStructuralProperties(const Schema& schema, const PropertyMap& properties) {
  const std::pair<std::string_view, std::string_view> structural[] = {
      {schema.source_property, "source"},
      {schema.target_property, "target"},
      {kStartDateProperty, "start"},
      {kEndDateProperty, "end"}};
  for (const auto& [property, field] : structural) {
    if (!properties.contains(std::string(property))) continue;
    return InvalidArgumentError(Where(schema, property) + " belongs in the relation's " +
                                std::string(field) + ", not in its properties");
  }
  return Status::Ok();
}

}  // namespace

std::string_view PropertyTypeName(PropertyType type) {
  switch (type) {
    case PropertyType::kString:
      return "string";
    case PropertyType::kText:
      return "text";
    case PropertyType::kName:
      return "name";
    case PropertyType::kDate:
      return "date";
    case PropertyType::kCountry:
      return "country";
    case PropertyType::kPhone:
      return "phone";
    case PropertyType::kEmail:
      return "email";
    case PropertyType::kIdentifier:
      return "identifier";
    case PropertyType::kNumber:
      return "number";
    case PropertyType::kAmount:
      return "amount";
    case PropertyType::kCurrency:
      return "currency";
    case PropertyType::kEntity:
      return "entity";
    case PropertyType::kUrl:
      return "url";
    case PropertyType::kEnum:
      return "enum";
  }
  return "unknown";
}

const SchemaRegistry& SchemaRegistry::Default() {
  static const SchemaRegistry registry = [] {
    SchemaRegistry built;
    for (Schema& schema : internal::BuiltinSchemata()) built.AddSchema(std::move(schema));
    return built;
  }();
  return registry;
}

// Flattens inheritance at construction so that lookups never walk the parent chain.
void SchemaRegistry::AddSchema(Schema schema) {
  TAFKIK_CHECK(!schemata_.contains(schema.name), "schema declared twice");
  if (!schema.parent.empty()) {
    auto parent = schemata_.find(schema.parent);
    TAFKIK_CHECK(parent != schemata_.end(), "schema declared before its parent");
    TAFKIK_CHECK(parent->second.is_relation == schema.is_relation,
                 "relation and entity schemata do not inherit from each other");
    for (const auto& [name, property] : parent->second.properties) {
      // One property name means one type in a whole family of schemata.
      TAFKIK_CHECK(!schema.properties.contains(name), "schema redefines an inherited property");
      schema.properties.emplace(name, property);
    }
  }
  if (schema.is_relation && !schema.abstract) {
    TAFKIK_CHECK(schema.properties.contains(schema.source_property) &&
                     schema.properties.contains(schema.target_property),
                 "relation schema without both ends");
  }
  std::string name = schema.name;
  schemata_.emplace(std::move(name), std::move(schema));
}

Result<const Schema*> SchemaRegistry::Find(std::string_view schema) const {
  auto it = schemata_.find(schema);
  if (it != schemata_.end()) return &it->second;
  return NotFoundError("unknown schema " + QuoteForMessage(schema) + CaseHint(schemata_, schema));
}

Result<const Property*> SchemaRegistry::FindProperty(std::string_view schema,
                                                     std::string_view property) const {
  TAFKIK_ASSIGN_OR_RETURN(const Schema* found, Find(schema));
  return FindIn(*found, std::string(property));
}

std::vector<std::string> SchemaRegistry::SchemaNames() const {
  std::vector<std::string> names;
  for (const auto& entry : schemata_) names.push_back(entry.first);
  return names;
}

bool SchemaRegistry::IsA(std::string_view schema, std::string_view ancestor) const {
  auto it = schemata_.find(schema);
  while (it != schemata_.end()) {
    if (it->first == ancestor) return true;
    if (it->second.parent.empty()) return false;
    it = schemata_.find(it->second.parent);
  }
  return false;
}

Status SchemaRegistry::ValidateValue(std::string_view schema, std::string_view property,
                                     std::string_view value) const {
  TAFKIK_ASSIGN_OR_RETURN(const Schema* found, Find(schema));
  TAFKIK_ASSIGN_OR_RETURN(const Property* declared, FindIn(*found, std::string(property)));
  return CheckValue(*found, *declared, value);
}

Status SchemaRegistry::Validate(const Entity& entity) const {
  TAFKIK_ASSIGN_OR_RETURN(const Schema* schema, Find(entity.schema));
  TAFKIK_RETURN_IF_ERROR(CheckKind(*schema, /*want_relation=*/false));
  TAFKIK_RETURN_IF_ERROR(CheckId(*schema, entity.id));
  return CheckProperties(*schema, entity.properties);
}

Status SchemaRegistry::Validate(const Relation& relation) const {
  TAFKIK_ASSIGN_OR_RETURN(const Schema* schema, Find(relation.schema));
  TAFKIK_RETURN_IF_ERROR(CheckKind(*schema, /*want_relation=*/true));
  TAFKIK_RETURN_IF_ERROR(CheckId(*schema, relation.id));
  TAFKIK_RETURN_IF_ERROR(CheckEnd(*schema, schema->source_property, relation.source, "source"));
  TAFKIK_RETURN_IF_ERROR(CheckEnd(*schema, schema->target_property, relation.target, "target"));
  TAFKIK_RETURN_IF_ERROR(CheckInterval(*schema, relation));
  TAFKIK_RETURN_IF_ERROR(CheckNoStructuralProperties(*schema, relation.properties));
  return CheckProperties(*schema, relation.properties);
}

}  // namespace tafkik::model
