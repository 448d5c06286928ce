// One trafficking ring: a broker running a placement agency, recruiters in the victims' home
// regions, employers who exploit the victims (domestic servitude, sexual exploitation, farm
// and building work; some victims are children), a collector who receives the victims' wages.
#include <array>

#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/trafficking_ring.h"

namespace tafkik::synth::internal {
namespace {

constexpr int kVictimsPerRing = 12;
Person Member(Role role, uint32_t unit, std::string_view nationality, uint32_t home) {
  Person person;
  person.role = role;
  person.network = Network::kTip;
  person.unit = unit;
  person.nationality = nationality;
  person.home = home;
  return person;
}

void AddTraffickers(WorldBuilder& builder, TraffickingRing& ring, Rng& rng) {
  const TraffickingSetting& setting = *ring.setting;
  const std::string_view local = setting.phone_country;
  const uint32_t hub = PlaceIndex(setting.hub);
  ring.organiser = builder.AddPerson(Member(Role::kOrganiser, ring.unit, local, hub),
                                     setting.traffickers, rng.Chance(350), {35, 60},
                                     {Dataset::kPoliceRegister, Dataset::kPhoneExtraction,
                                      Dataset::kBankStatement, Dataset::kCompanyRegister},
                                     {local, local}, rng);
  const std::vector<Dataset> recruiter_records = {Dataset::kPoliceRegister,
                                                  Dataset::kPhoneExtraction, Dataset::kMobileMoney};
  const Origin& origin = DrawOrigin(setting.origins, rng);
  ring.recruiters[0] = builder.AddPerson(
      Member(Role::kRecruiter, ring.unit, origin.nationality, PlaceIndex(origin.home)),
      origin.names, rng.Chance(400), {28, 55}, recruiter_records, {origin.phone_country}, rng);
  ring.recruiters[1] =
      builder.AddPerson(Member(Role::kRecruiter, ring.unit, local, hub), setting.traffickers,
                        rng.Chance(300), {25, 50}, recruiter_records, {local}, rng);
  for (size_t index = 0; index < ring.exploiters.size(); ++index) {
    const auto& [place_key, form] = setting.workplaces[WorkplaceOf(ring, index)];
    std::vector<Dataset> records = {Dataset::kPoliceRegister, Dataset::kBankStatement};
    if (rng.Chance(500)) records.push_back(Dataset::kPhoneExtraction);
    ring.exploiters[index] = builder.AddPerson(
        Member(Role::kExploiter, ring.unit, local, PlaceIndex(place_key)), setting.traffickers,
        form == "domestic_servitude" && rng.Chance(500), {35, 65}, records, {local}, rng);
  }
  ring.collector = builder.AddPerson(
      Member(Role::kCollector, ring.unit, local, hub), setting.traffickers, rng.Chance(400),
      {24, 45}, {Dataset::kBankStatement, Dataset::kMobileMoney, Dataset::kPoliceRegister}, {local},
      rng);
}

void AddRingHoldings(WorldBuilder& builder, TraffickingRing& ring, Rng& rng) {
  const std::string_view country = ring.setting->phone_country;
  const std::string_view currency = ring.setting->currency;
  ring.organiser_bank = builder.AddAccount(ring.organiser, false, country, currency, rng);
  ring.collector_bank = builder.AddAccount(ring.collector, false, country, currency, rng);
  ring.collector_wallet = builder.AddAccount(ring.collector, true, country, currency, rng);
  std::vector<uint32_t> accounts = {ring.organiser_bank, ring.collector_bank,
                                    ring.collector_wallet};
  for (size_t index = 0; index < ring.recruiters.size(); ++index) {
    const World& world = builder.world();
    const std::string_view phone_country =
        world.phones[builder.PhoneOf(ring.recruiters[index])].country;
    ring.recruiter_wallets[index] =
        builder.AddAccount(ring.recruiters[index], true, phone_country, currency, rng);
    accounts.push_back(ring.recruiter_wallets[index]);
  }
  for (size_t index = 0; index < ring.exploiters.size(); ++index) {
    ring.exploiter_banks[index] =
        builder.AddAccount(ring.exploiters[index], false, country, currency, rng);
    accounts.push_back(ring.exploiter_banks[index]);
  }
  for (uint32_t account : accounts) {
    builder.Own(builder.world().accounts[account].holder, TargetKind::kAccount, account, "holder");
  }
  const uint32_t agency = builder.AddAsset(AssetKind::kOrganization, ring.organiser, ring.unit);
  builder.world().units[ring.unit].agency = agency;
  builder.Link("Membership", ring.organiser, agency, "director", kNobody, 0, TargetKind::kAsset);
  builder.Link("Membership", ring.collector, agency, "employee", kNobody, 0, TargetKind::kAsset);
  builder.Link("Membership", ring.recruiters[1], agency, "agent", kNobody, 0, TargetKind::kAsset);
  for (uint32_t member : {ring.organiser, ring.recruiters[0], ring.recruiters[1]}) {
    builder.Own(member, TargetKind::kAsset, builder.AddAsset(AssetKind::kDevice, member, ring.unit),
                "user");
  }
}

// Children are most often found in domestic servitude and on farms.
int ChildPerMille(std::string_view form) {
  if (form == "domestic_servitude") return 450;
  if (form == "agriculture") return 300;
  if (form == "construction") return 200;
  return 150;
}

uint32_t AddVictim(WorldBuilder& builder, TraffickingRing& ring, Rng& rng) {
  const TraffickingSetting& setting = *ring.setting;
  const size_t exploiter_index = rng.Weighted({5, 3, 4, 3});
  const size_t workplace = WorkplaceOf(ring, exploiter_index);
  const std::string_view form = setting.workplaces[workplace].second;
  const bool female =
      form == "sexual" || (form == "domestic_servitude" ? rng.Chance(900) : rng.Chance(200));
  const bool child = rng.Chance(ChildPerMille(form));
  const Origin& origin = DrawOrigin(setting.origins, rng);
  Person person = Member(Role::kVictim, ring.unit, origin.nationality, PlaceIndex(origin.home));
  person.form = form;
  person.exploiter = ring.exploiters[exploiter_index];
  person.workplace = PlaceIndex(setting.workplaces[workplace].first);
  person.recruiter = ring.recruiters[rng.Chance(700) ? 0 : 1];
  std::vector<Dataset> records = {Dataset::kNgoScreening};
  if (rng.Chance(600)) records.push_back(Dataset::kPoliceRegister);
  if (rng.Chance(200)) records.push_back(Dataset::kMobileMoney);
  if (rng.Chance(300)) records.push_back(Dataset::kPhoneExtraction);
  std::vector<std::string_view> phones;
  if (rng.Chance(450)) phones.push_back(origin.phone_country);
  const AgeRange age = child ? AgeRange{12, 16} : AgeRange{18, 32};
  return builder.AddPerson(person, origin.names, female, age, records, phones, rng);
}

void AddVictims(WorldBuilder& builder, TraffickingRing& ring, Rng& rng) {
  for (int count = 0; count < kVictimsPerRing; ++count) {
    const uint32_t victim = AddVictim(builder, ring, rng);
    ring.victims.push_back(victim);
    ring.starts.push_back(static_cast<int>(rng.Between(-120, 120)));
    builder.world().units[ring.unit].victims.push_back(victim);
    const Person person = builder.world().persons[victim];
    if (!person.child && !rng.Chance(300)) continue;
    // The family that was paid an "advance": the debt the victim is told to work off.
    Person relative = Member(Role::kFamilyMember, ring.unit, person.nationality, person.home);
    const std::string_view country = Places()[person.home].country;
    const uint32_t family = builder.AddPerson(
        relative, person.name.origin, rng.Chance(500), {35, 60}, {Dataset::kMobileMoney},
        {country == "sd" ? std::string_view("eg") : country}, rng);
    builder.world().persons[victim].relative = family;
    builder.AddWallet(family, builder.PhoneOf(family));
    builder.Link("Family", victim, family, person.child ? "parent" : "sibling");
  }
}

}  // namespace

size_t WorkplaceOf(const TraffickingRing& ring, size_t exploiter_index) {
  return exploiter_index % ring.setting->workplaces.size();
}

void BuildTraffickingRing(WorldBuilder& builder, uint32_t unit_index, Rng& rng) {
  TraffickingRing ring;
  ring.unit = unit_index;
  ring.setting = &TraffickingSettings()[builder.world().units[unit_index].setting];
  AddTraffickers(builder, ring, rng);
  AddRingHoldings(builder, ring, rng);
  AddVictims(builder, ring, rng);
  Unit& unit = builder.world().units[unit_index];
  unit.tip_members = {ring.organiser, ring.recruiters[0], ring.recruiters[1], ring.collector};
  unit.tip_members.insert(unit.tip_members.end(), ring.exploiters.begin(), ring.exploiters.end());
  PlanTraffickingMoney(builder, ring, rng);
  PlanTraffickingLinks(builder, ring, rng);
  PlanTraffickingDyads(builder, ring);
}

}  // namespace tafkik::synth::internal
