// The members and holdings of one trafficking ring, shared by trafficking.cc (people and
// holdings) and trafficking_plans.cc (wages, debts, recruitment, exploitation, calling
// structure). Private to synth.
#pragma once

#include <array>
#include <vector>

#include "synth/theatres.h"
#include "synth/world_builder.h"

namespace tafkik::synth::internal {

struct TraffickingRing {
  uint32_t unit = 0;
  const TraffickingSetting* setting = nullptr;
  uint32_t organiser = kNobody;          // the broker
  std::array<uint32_t, 2> recruiters{};  // in the victims' home region, at the hub
  std::array<uint32_t, 4> exploiters{};  // one per workplace, plus a second household
  uint32_t collector = kNobody;          // receives the victims' wages
  uint32_t organiser_bank = kNobody;
  uint32_t collector_bank = kNobody;
  uint32_t collector_wallet = kNobody;
  std::array<uint32_t, 2> recruiter_wallets{};
  std::array<uint32_t, 4> exploiter_banks{};
  std::vector<uint32_t> victims;
  std::vector<int> starts;  // per victim: the day exploitation began (may precede the period)
};

// The workplace (into setting->workplaces) of exploiter `exploiter_index`.
size_t WorkplaceOf(const TraffickingRing& ring, size_t exploiter_index);

void PlanTraffickingMoney(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng);
void PlanTraffickingLinks(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng);
void PlanTraffickingDyads(WorldBuilder& builder, const TraffickingRing& ring);

}  // namespace tafkik::synth::internal
