// Helpers that add persons (with their records and phones), accounts, assets, plans and
// dyads to a World while keeping its invariants: a person's records and phones are
// contiguous, phone numbers and account numbers are unique, ids are stable. Used by the
// per-unit builders (smuggling.cc, trafficking.cc, contacts.cc). Not thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "synth/theatres.h"
#include "synth/world.h"

namespace tafkik::synth::internal {

// Age range of a new person, in whole years on the first day of the period.
struct AgeRange {
  int min = 20;
  int max = 50;
};

class WorldBuilder {
 public:
  explicit WorldBuilder(World& world) : world_(world) {}

  // Adds a person with a drawn name, records in `datasets` (the first is the primary one)
  // and SIMs of `phone_countries` (used and registered by the person). Returns its index.
  uint32_t AddPerson(Person person, NameOrigin origin, bool female, AgeRange age,
                     const std::vector<Dataset>& datasets,
                     const std::vector<std::string_view>& phone_countries, Rng& rng);
  // A number with no known user (background noise), used around `place`.
  uint32_t AddNumber(std::string_view country, uint32_t unit, uint32_t place, Rng& rng);
  uint32_t AddAccount(uint32_t holder, bool wallet, std::string_view country,
                      std::string_view currency, Rng& rng);
  // A mobile money wallet on the holder's `phone`, in that country's currency; it becomes the
  // person's wallet and they are recorded as its holder.
  uint32_t AddWallet(uint32_t holder, uint32_t phone);
  uint32_t AddAsset(AssetKind kind, uint32_t owner, uint32_t unit);

  void Link(std::string_view schema, uint32_t source, uint32_t target, std::string_view detail,
            uint32_t place = kNobody, int day = 0, TargetKind target_kind = TargetKind::kPerson);
  void Own(uint32_t owner, TargetKind target_kind, uint32_t target, std::string_view role);
  void Pay(PaymentPlan plan) { world_.payments.push_back(plan); }
  void Travel(TravelPlan plan) { world_.travels.push_back(plan); }
  // A steady calling relation between two phones (weight: expected share of a unit's calls).
  void Dyad(uint32_t phone_a, uint32_t phone_b, uint32_t weight);
  void Pattern(MoneyPattern pattern) { world_.patterns.push_back(std::move(pattern)); }

  // The person's phone `index` (wrapping when the person has fewer). kNobody if none.
  uint32_t PhoneOf(uint32_t person, uint32_t index = 0) const;
  World& world() { return world_; }
  const World& world() const { return world_; }

 private:
  std::string UniqueNumber(std::string_view country, Rng& rng);

  World& world_;
  std::unordered_set<std::string> numbers_;  // every SIM number handed out, to avoid twins
  std::vector<int64_t> record_keys_ = std::vector<int64_t>(static_cast<size_t>(Dataset::kCount));
  std::vector<uint32_t> asset_serials_ = std::vector<uint32_t>(4);
};

// True when someone born on `birth_day` is under 18 on `day` (both days since 1970).
bool IsUnder18(int64_t birth_day, int64_t day);

// An origin drawn by the origins' weights.
const Origin& DrawOrigin(std::span<const Origin> origins, Rng& rng);

// Per-unit builders (smuggling.cc, trafficking.cc, contacts.cc).
void BuildSmugglingCell(WorldBuilder& builder, uint32_t unit_index, Rng& rng);
void BuildTraffickingRing(WorldBuilder& builder, uint32_t unit_index, Rng& rng);
void BuildContacts(WorldBuilder& builder, uint32_t unit_index, Rng& rng);
// After all units: the cell sites around each covered place, and the operators' subscriber
// links (Ownership person -> phone) for SIMs of countries whose operator data is modelled.
void FinishWorld(WorldBuilder& builder, Rng& rng);

}  // namespace tafkik::synth::internal
