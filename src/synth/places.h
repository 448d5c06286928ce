// Places on the North African migration routes (cities, border crossings, ports, beaches,
// camps, workplaces) with approximate public coordinates, and the CDR cell sites the
// generator puts around them. Small sites (beaches, camps, farms) have descriptive, fictional
// names. Thread-safe (constant tables).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tafkik::synth::internal {

struct Place {
  std::string_view key;      // stable key used in ids and routes: "nador"
  std::string_view name;     // "Nador"
  std::string_view arabic;   // "الناظور"
  std::string_view country;  // ISO 3166-1 alpha-2, lower case
  std::string_view region;   // "Oriental"
  std::string_view kind;     // a Location.kind value: "city", "beach", "border_crossing", ...
  int32_t latitude_e6;       // micro-degrees, so coordinates print the same everywhere
  int32_t longitude_e6;
  bool has_cells;  // mobile coverage: calls made here carry a cell id
};

std::span<const Place> Places();
// Index of the place with `key`. REQUIRES: the key exists (a typo is a programming error).
uint32_t PlaceIndex(std::string_view key);

// "35.168100" from micro-degrees.
std::string FormatMicroDegrees(int32_t micro_degrees);

// The GSM mobile country code used in cell ids for a country ("604" for Morocco), or "" for
// countries whose cells the generator does not model.
std::string_view MobileCountryCode(std::string_view country);

}  // namespace tafkik::synth::internal
