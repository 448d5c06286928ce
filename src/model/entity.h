// Entities and relations with FollowTheMoney-compatible schema and property names.
// Plain values: no I/O, no validation here (see schema.h). Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/time.h"

namespace tafkik::model {

// Where a value came from. Every stored value carries one.
struct Provenance {
  std::string dataset;        // "ma-dgsn-cdr-2025" or "manual"
  std::string source_sha256;  // SHA-256 hex of the source file; empty for manual entry
  int64_t row = -1;           // 1-based data row in the source file; -1 when not from a file
  std::string evidence_id;    // evidence item reference; empty when none
  std::string user;           // who entered or imported it

  auto operator<=>(const Provenance&) const = default;
};

struct Value {
  std::string value;  // the normalised value (E.164 phone, ISO date, lower-case country, ...)
  Provenance provenance;

  auto operator<=>(const Value&) const = default;
};

// property name -> values, in insertion order per property.
using PropertyMap = std::map<std::string, std::vector<Value>>;

// A thing: Person, Organization, Phone, BankAccount, ... (see schema.h for the list).
struct Entity {
  EntityId id;
  std::string schema;
  PropertyMap properties;

  // Appends a value of `property`.
  void Add(const std::string& property, std::string value, const Provenance& provenance);
  // The first value of `property`, or "" when it has none.
  std::string First(const std::string& property) const;
  // All values of `property` (empty when none).
  std::vector<std::string> All(const std::string& property) const;
};

// An interval-bearing link between two entities: Call, Payment, Family, ... . `source` and
// `target` are the entity ids of the schema's two ends (e.g. Call: caller -> receiver,
// Payment: payer -> beneficiary); start/end are the time interval (end may equal start).
struct Relation {
  EntityId id;
  std::string schema;
  EntityId source;
  EntityId target;
  std::optional<Timestamp> start;
  std::optional<Timestamp> end;
  PropertyMap properties;  // everything except the two ends and the interval

  void Add(const std::string& property, std::string value, const Provenance& provenance);
  std::string First(const std::string& property) const;
};

}  // namespace tafkik::model
