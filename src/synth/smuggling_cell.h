// The members and holdings of one migrant-smuggling cell, shared by the files that build it
// (smuggling.cc: people and holdings; smuggling_money.cc: fees and flows;
// smuggling_journeys.cc: travel, meetings, links and calling structure). Private to synth.
#pragma once

#include <array>
#include <vector>

#include "synth/theatres.h"
#include "synth/world_builder.h"

namespace tafkik::synth::internal {

struct SmugglingCell {
  uint32_t unit = 0;
  const SmugglingRoute* route = nullptr;
  uint32_t organiser = kNobody;
  std::array<uint32_t, 3> recruiters{};
  std::array<uint32_t, 2> drivers{};
  uint32_t pilot = kNobody;
  uint32_t collector = kNobody;  // receives fees by money transfer and mobile money
  uint32_t hawaladar = kNobody;  // a collector who settles through hawala
  uint32_t exploiter = kNobody;  // keeps a "connection house" on the route
  uint32_t organiser_bank = kNobody;
  uint32_t collector_wallet = kNobody;
  uint32_t collector_bank = kNobody;
  uint32_t hawaladar_bank = kNobody;
  std::array<uint32_t, 2> vehicles{};
  uint32_t vessel = kNobody;
  std::vector<uint32_t> migrants;  // including those who became victims
  std::vector<int> crossings;      // days of the sea crossings
};

void AddSmugglers(WorldBuilder& builder, SmugglingCell& cell, Rng& rng);
void AddMigrants(WorldBuilder& builder, SmugglingCell& cell, Rng& rng);
void PlanSmugglingMoney(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng);
void PlanJourneys(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng);
void PlanSmugglingLinks(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng);
void PlanSmugglingDyads(WorldBuilder& builder, const SmugglingCell& cell);

// The person's Thuraya phone if they have one, else their first phone.
uint32_t SatelliteOrFirst(const World& world, uint32_t person);

}  // namespace tafkik::synth::internal
