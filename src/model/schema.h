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

struct Property {
  std::string name;
  PropertyType type = PropertyType::kString;
  std::vector<std::string> allowed;  // for kEnum only
  bool indexed = false;              // looked up by value (phones, identifiers, names)
};

struct Schema {
  std::string name;          // "Person", "Call"
  std::string parent;        // "LegalEntity"; "" for roots ("Thing")
  bool is_relation = false;  // an edge with two ends and an interval
  std::string source_property;  // relations: "caller", "payer"; "" otherwise
  std::string target_property;  // relations: "receiver", "beneficiary"
  std::map<std::string, Property> properties;  // including inherited ones
};

class SchemaRegistry {
 public:
  // The built-in Tafkik schemata (FtM names; Tafkik additions documented in schema.cc).
  static const SchemaRegistry& Default();

  // NotFound naming the schema when unknown.
  Result<const Schema*> Find(std::string_view schema) const;
  std::vector<std::string> SchemaNames() const;

  // Checks one value against a property's type: InvalidArgument whose message names the
  // schema, property and value and says why ("Person.birthDate: '2024-13-01' is not an
  // ISO 8601 date"). NotFound when the schema or property does not exist.
  Status ValidateValue(std::string_view schema, std::string_view property,
                       std::string_view value) const;

  // Validates every value (and, for Payment-like schemata, amounts against the currency),
  // the id and the schema. Stops at the first error.
  Status Validate(const Entity& entity) const;
  // As above, plus: the schema is a relation schema and both ends are set.
  Status Validate(const Relation& relation) const;

 private:
  std::map<std::string, Schema, std::less<>> schemata_;
  void AddSchema(Schema schema);
};

}  // namespace tafkik::model
