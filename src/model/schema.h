// The schema registry: which schemata exist, their properties and the type of each, and
// validation of values against those types. Names follow FollowTheMoney where it has them.
// The registry is immutable after construction and thread-safe; Default() is built once.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/entity.h"

namespace tafkik::model {

enum class PropertyType {
  kString,      // free text, one line
  kText,        // free text, may be long
  kName,        // a person's or organisation's name (indexed by NameKey)
  kDate,        // ISO 8601 date or timestamp (core/time.h IsValidIsoDate)
  kCountry,     // ISO 3166-1 alpha-2, lower case
  kPhone,       // E.164
  kEmail,       // local@domain
  kIdentifier,  // document number, IBAN, IMEI, account number (indexed)
  kNumber,      // integer or decimal, '.' separator
  kAmount,      // decimal amount; the schema's "currency" property gives the minor digits
  kCurrency,    // ISO 4217
  kEntity,      // reference to another entity's id
  kUrl,         // http(s)://...
  kEnum,        // one of Property::allowed
};

std::string_view PropertyTypeName(PropertyType type);

// A check applied on top of the type (Tafkik rules; FtM has none of these).
enum class ValueFormat {
  kAny,
  kImei,          // 15 digits whose last is the Luhn check digit
  kImsi,          // 14 or 15 digits
  kIban,          // ISO 13616: upper case, no spaces, mod-97 check
  kBic,           // ISO 9362: 8 or 11 upper-case letters and digits
  kLatitude,      // decimal in [-90, 90]
  kLongitude,     // decimal in [-180, 180]
  kNonNegative,   // decimal >= 0 (durations, amounts)
  kPercentage,    // decimal in [0, 100]
  kUnitInterval,  // decimal in [0, 1] (match scores)
};

struct Property {
  std::string name;
  PropertyType type = PropertyType::kString;
  std::vector<std::string> allowed;  // for kEnum only
  bool indexed = false;              // looked up by value (phones, identifiers, names)
  ValueFormat format = ValueFormat::kAny;
  // kAmount only: the fixed ISO 4217 currency of the value ("EUR" for amountEur); empty means
  // the currency is the record's "currency" property.
  std::string currency;
};

struct Schema {
  std::string name;          // "Person", "Call"
  std::string parent;        // "LegalEntity"; "" for roots ("Thing")
  bool is_relation = false;  // an edge with two ends and an interval
  std::string source_property;  // relations: "caller", "payer"; "" otherwise
  std::string target_property;  // relations: "receiver", "beneficiary"
  std::map<std::string, Property> properties;  // including inherited ones
  bool abstract = false;  // a parent only (Thing, Interval): no entity or relation has it
};

class SchemaRegistry {
 public:
  // The built-in Tafkik schemata (FtM names; Tafkik additions and departures from FtM
  // are documented in builtin_schemata.cc).
  static const SchemaRegistry& Default();

  // NotFound naming the schema when unknown.
  Result<const Schema*> Find(std::string_view schema) const;
  // NotFound naming "Schema.property" when either is unknown.
  Result<const Property*> FindProperty(std::string_view schema, std::string_view property) const;
  // All schema names in alphabetical order, abstract ones included.
  std::vector<std::string> SchemaNames() const;
  // True when `schema` is `ancestor` or inherits from it ("Person" is a "LegalEntity").
  // False when either is unknown.
  bool IsA(std::string_view schema, std::string_view ancestor) const;

  // Checks one value against a property's type: InvalidArgument whose message names the
  // schema, property and value and says why ("Person.birthDate: '2024-13-01' is not an
  // ISO 8601 date"). NotFound when the schema or property does not exist.
  Status ValidateValue(std::string_view schema, std::string_view property,
                       std::string_view value) const;

  // Validates every value (and, for Payment-like schemata, amounts against the currency),
  // the id and the schema. Stops at the first error. InvalidArgument for a bad id, an
  // abstract or relation schema, a bad value, or an amount without a currency or with more
  // decimals than its currency has; NotFound for an unknown schema or property.
  Status Validate(const Entity& entity) const;
  // As above, plus: the schema is a relation schema, both ends are set to valid ids,
  // start <= end when both are given, and `properties` holds neither the ends nor
  // startDate/endDate (those live in source/target/start/end).
  Status Validate(const Relation& relation) const;

 private:
  std::map<std::string, Schema, std::less<>> schemata_;
  void AddSchema(Schema schema);
};

}  // namespace tafkik::model
