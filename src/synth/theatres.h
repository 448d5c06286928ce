// The settings the generator's networks operate in: smuggling routes (where the smugglers
// live, where migrants come from, the legs they travel, the fee) and trafficking settings
// (where victims come from, the forms of exploitation, the workplaces). Constant tables;
// thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "synth/names.h"

namespace tafkik::synth::internal {

// Where people of one nationality come from, and how their names and phones look.
struct Origin {
  std::string_view nationality;  // "ne"
  NameOrigin names;
  std::string_view home;           // place key
  std::string_view phone_country;  // country of the SIM they arrive with ("ne")
  std::string_view currency;       // what their families send ("XOF")
  uint32_t weight;                 // relative frequency
};

struct CaseSetting {
  std::string_view country;  // jurisdiction, lower case
  std::string_view region;
  std::string_view lead_unit;
  std::string_view title;  // smuggling: the case title; trafficking: what follows the agency
};

struct SmugglingRoute {
  std::string_view key;                    // "central-libya"
  NameOrigin smugglers;                    // names of the organiser and lieutenants
  std::string_view phone_country;          // the smugglers' SIMs
  std::string_view hub;                    // place key where the organiser lives
  std::span<const std::string_view> legs;  // place keys, first transit to arrival
  std::string_view departure;              // the beach the boats leave from (one of legs)
  std::string_view currency;               // the fee's currency
  int64_t fee_min;                         // per migrant, in major units
  int64_t fee_max;
  bool satellite;  // drivers and pilots carry Thuraya phones
  std::span<const Origin> origins;
  CaseSetting setting;
};

struct TraffickingSetting {
  std::string_view key;  // "cairo"
  NameOrigin traffickers;
  std::string_view phone_country;
  std::string_view hub;
  std::string_view currency;
  std::span<const Origin> origins;
  // Workplaces with their form of exploitation (an Exploitation.form value).
  std::span<const std::pair<std::string_view, std::string_view>> workplaces;
  std::string_view promise;  // what the recruiters promised
  CaseSetting setting;
};

// Unit u runs the smuggling route SmugglingRoutes()[u % 4] and the trafficking setting
// TraffickingSettings()[u % 3]: unit 0 is Morocco (smuggling) and Egypt (trafficking).
std::span<const SmugglingRoute> SmugglingRoutes();
std::span<const TraffickingSetting> TraffickingSettings();

}  // namespace tafkik::synth::internal
