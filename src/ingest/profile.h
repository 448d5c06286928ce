// Mapping profiles: how the columns of a tabular source (CSV, XLSX) become entities and
// relations. The semantics are FollowTheMoney's mapping format (per entity a schema, `keys`
// hashed into stable ids, properties from a `column`, `columns`, `literal` or `template`,
// row `filters`/`filters_not`, relations as entities whose end properties name other
// entities of the row) plus Tafkik's per-property normalisers. See data/mappings/README.md.
// A Profile is a plain value; LoadProfile is thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace tafkik::ingest {

// What is done to a raw cell before it becomes a value. kAuto picks from the property's type
// (phone -> kPhone, date -> kDate, amount/number -> kNumber, IMEI/IBAN formats, country).
enum class Normalizer {
  kAuto,
  kNone,      // trimmed text, Eastern Arabic digits turned into ASCII
  kPhone,     // E.164 through libphonenumber with the dataset's region
  kImei,      // 15 digits, Luhn check digit recomputed from the first 14 when wrong
  kImsi,      // digits only
  kIban,      // upper case, no spaces, mod-97 checked
  kDate,      // a date or a local time (with `format`) converted to UTC with the zone
  kNumber,    // decimal, '.' or ',' as decimal separator, spaces and grouping removed
  kCountry,   // ISO 3166-1 alpha-2, lower case (alpha-3 and common names too)
  kCurrency,  // ISO 4217, upper case
  kLower,     // lower case ASCII (enumerations)
  kDuration,  // seconds, from "hh:mm:ss", "mm:ss" or a plain number of seconds
};

// "phone", "imei", ...; InvalidArgument listing the names for anything else.
Result<Normalizer> ParseNormalizer(const std::string& name);

struct PropertyMapping {
  std::string property;               // FtM property name
  std::vector<std::string> columns;   // `column` or `columns` (joined with `join`)
  std::string join = " ";
  std::string literal;                // `literal`: a fixed value
  std::string template_text;          // `template`: "{first} {last}"
  std::string entity;                 // `entity`: another entity of the row (relation ends)
  Normalizer normalizer = Normalizer::kAuto;
  std::string format;                 // dates: "%d/%m/%Y %H:%M:%S"; "" = ISO 8601
  std::string region;                 // phones: overrides the dataset's region
  std::string timezone;               // dates: overrides the dataset's zone
  std::map<std::string, std::string> value_map;  // `map`: raw (case-insensitive) -> value
  bool required = false;              // a failing value drops the whole record, not the value
};

struct EntityMapping {
  std::string name;                   // the key in `entities:` ("caller", "call")
  std::string schema;                 // "Phone", "Call"
  std::vector<std::string> keys;      // columns hashed into the id
  std::string key_literal;            // hashed before the keys
  std::string id_namespace;           // `namespace`: "" = the dataset
  std::vector<PropertyMapping> properties;
  // `filters` / `filters_not` of this entity alone: column -> values (any of them, compared
  // case-insensitively); a row that fails them makes no such entity (e.g. the incoming and
  // the outgoing calls of an extraction report, whose ends are swapped).
  std::map<std::string, std::vector<std::string>> filters, filters_not;
};

struct Profile {
  std::string name;                   // file stem: "cdr"
  std::string path;                   // the file it was read from ("" for text)
  std::string title;
  std::string region;                 // default phone region, ISO 3166 alpha-2 ("MA")
  std::string timezone;               // default zone for local times ("Africa/Casablanca")
  std::map<std::string, std::string> filters;      // column -> value every row must have
  std::map<std::string, std::string> filters_not;  // column -> value no row may have
  // column -> other names the same column goes by (French, Arabic, other operators).
  std::map<std::string, std::vector<std::string>> aliases;
  // `parameters`: name -> what to give. Values the whole file shares but no row holds (the
  // examined handset's IMEI and number, from an extraction report's summary); given on the
  // command line (`--param NAME=VALUE`, all required) and read like columns of every row.
  std::map<std::string, std::string> parameters;
  // `skip_lines`: rows above the header (the title block extraction tools write); blank
  // rows are skipped anyway.
  int skip_lines = 0;
  std::vector<EntityMapping> entities;  // in file order; relations after the things they use
};

// Reads a profile from a YAML file. InvalidArgument whose message names the file, the entity
// and the key at fault ("cdr.yaml: entity 'call': property 'duration': unknown key 'colum'");
// NotFound when the file is missing. Schemata and properties are checked against the
// registry; relation ends must name entities of the same profile.
Result<Profile> LoadProfile(const std::string& path);
// The same from YAML text; `name` stands for the file in messages.
Result<Profile> ParseProfile(const std::string& yaml_text, const std::string& name);

// Every column a profile reads (keys, properties, filters), in first-use order; parameters
// are not columns of the file and are left out.
std::vector<std::string> ColumnsOf(const Profile& profile);

}  // namespace tafkik::ingest
