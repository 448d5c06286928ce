// One migrant-smuggling cell on a route: the organiser and lieutenants, the migrants and the
// relatives who pay for them, and two migrants who end up exploited on the way (trafficking
// that grows out of smuggling). Money, journeys and calls are planned in the sibling files.
#include <array>

#include "synth/places.h"
#include "synth/smuggling_cell.h"

namespace tafkik::synth::internal {
namespace {

constexpr int kMigrantsPerCell = 36;
constexpr int kPayingRelatives = 10;
constexpr int kSmuggledVictims = 2;

Person Member(Role role, uint32_t unit, std::string_view nationality, uint32_t home) {
  Person person;
  person.role = role;
  person.network = Network::kSom;
  person.unit = unit;
  person.nationality = nationality;
  person.home = home;
  return person;
}

uint32_t ExploitationPlace(const SmugglingRoute& route) {
  for (std::string_view key : route.legs) {
    const std::string_view kind = Places()[PlaceIndex(key)].kind;
    if (kind == "camp" || kind == "safehouse") return PlaceIndex(key);
  }
  return PlaceIndex(route.legs[route.legs.size() - 2]);
}

void AddLeaders(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  const SmugglingRoute& route = *cell.route;
  const std::string_view local = route.phone_country;
  const uint32_t hub = PlaceIndex(route.hub);
  cell.organiser = builder.AddPerson(
      Member(Role::kOrganiser, cell.unit, local, hub), route.smugglers, false, {38, 58},
      {Dataset::kPoliceRegister, Dataset::kPhoneExtraction, Dataset::kBankStatement,
       Dataset::kHawalaLedger, Dataset::kMtoExport},
      {local, local, route.satellite ? "thuraya" : local}, rng);
  cell.collector = builder.AddPerson(Member(Role::kCollector, cell.unit, local, hub),
                                     route.smugglers, rng.Chance(300), {26, 45},
                                     {Dataset::kPoliceRegister, Dataset::kMtoExport,
                                      Dataset::kMobileMoney, Dataset::kBankStatement},
                                     {local, local}, rng);
  cell.hawaladar = builder.AddPerson(Member(Role::kCollector, cell.unit, local, hub),
                                     route.smugglers, false, {45, 65},
                                     {Dataset::kPoliceRegister, Dataset::kHawalaLedger,
                                      Dataset::kBankStatement, Dataset::kPhoneExtraction},
                                     {local}, rng);
}

void AddRecruiters(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  const SmugglingRoute& route = *cell.route;
  const std::string_view local = route.phone_country;
  const std::vector<Dataset> records = {Dataset::kPoliceRegister, Dataset::kPhoneExtraction,
                                        Dataset::kMobileMoney};
  cell.recruiters[0] =
      builder.AddPerson(Member(Role::kRecruiter, cell.unit, local, PlaceIndex(route.hub)),
                        route.smugglers, false, {25, 45}, records, {local, local}, rng);
  // The second works at the first transit town, the third among the migrants' own people.
  const Place& transit = Places()[PlaceIndex(route.legs[0])];
  const bool foreign_transit = transit.country != local;
  cell.recruiters[1] = builder.AddPerson(
      Member(Role::kRecruiter, cell.unit, transit.country, PlaceIndex(route.legs[0])),
      foreign_transit ? NameOrigin::kWestAfricaFr : route.smugglers, false, {25, 45}, records,
      {transit.country}, rng);
  const Origin& origin = DrawOrigin(route.origins, rng);
  cell.recruiters[2] = builder.AddPerson(
      Member(Role::kRecruiter, cell.unit, origin.nationality, PlaceIndex(origin.home)),
      origin.names, rng.Chance(200), {24, 40}, records, {origin.phone_country}, rng);
}

void AddCrew(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  const SmugglingRoute& route = *cell.route;
  const std::vector<Dataset> records = {Dataset::kPoliceRegister, Dataset::kPhoneExtraction,
                                        Dataset::kVehicleRegister};
  for (size_t index = 0; index < cell.drivers.size(); ++index) {
    const uint32_t base = PlaceIndex(route.legs[index * (route.legs.size() / 3)]);
    const Place& place = Places()[base];
    const bool foreign = place.country != route.phone_country;
    std::vector<std::string_view> phones = {place.country};
    if (route.satellite) phones.push_back("thuraya");
    cell.drivers[index] = builder.AddPerson(Member(Role::kDriver, cell.unit, place.country, base),
                                            foreign ? NameOrigin::kWestAfricaFr : route.smugglers,
                                            false, {22, 50}, records, phones, rng);
  }
  // Often a migrant who steers the boat in exchange for a free passage.
  const bool migrant_pilot = rng.Chance(500);
  const Origin& origin = DrawOrigin(route.origins, rng);
  cell.pilot = builder.AddPerson(
      Member(Role::kBoatPilot, cell.unit, migrant_pilot ? origin.nationality : route.phone_country,
             PlaceIndex(route.departure)),
      migrant_pilot ? origin.names : route.smugglers, false, {20, 45},
      {Dataset::kPoliceRegister, Dataset::kPhoneExtraction, Dataset::kBorderPolice},
      {route.phone_country, "thuraya"}, rng);
  cell.exploiter = builder.AddPerson(
      Member(Role::kExploiter, cell.unit, route.phone_country, ExploitationPlace(route)),
      route.smugglers, rng.Chance(250), {30, 55},
      {Dataset::kPoliceRegister, Dataset::kPhoneExtraction}, {route.phone_country}, rng);
}

void AddAccounts(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  const std::string_view country = cell.route->phone_country;
  const std::string_view currency = cell.route->currency;
  cell.organiser_bank = builder.AddAccount(cell.organiser, false, country, currency, rng);
  cell.collector_bank = builder.AddAccount(cell.collector, false, country, currency, rng);
  cell.collector_wallet = builder.AddAccount(cell.collector, true, country, currency, rng);
  cell.hawaladar_bank = builder.AddAccount(cell.hawaladar, false, country, currency, rng);
  for (uint32_t account :
       {cell.organiser_bank, cell.collector_bank, cell.collector_wallet, cell.hawaladar_bank}) {
    builder.Own(builder.world().accounts[account].holder, TargetKind::kAccount, account, "holder");
  }
}

void AddAssets(WorldBuilder& builder, SmugglingCell& cell) {
  for (size_t index = 0; index < cell.drivers.size(); ++index) {
    cell.vehicles[index] = builder.AddAsset(AssetKind::kVehicle, cell.drivers[index], cell.unit);
    builder.Own(cell.drivers[index], TargetKind::kAsset, cell.vehicles[index], "registered owner");
  }
  cell.vessel = builder.AddAsset(AssetKind::kVessel, cell.organiser, cell.unit);
  builder.Own(cell.organiser, TargetKind::kAsset, cell.vessel, "owner");
  const uint32_t front = builder.AddAsset(AssetKind::kOrganization, cell.organiser, cell.unit);
  builder.Link("Membership", cell.organiser, front, "manager", kNobody, 0, TargetKind::kAsset);
  builder.Link("Membership", cell.collector, front, "accountant", kNobody, 0, TargetKind::kAsset);
  // Handsets seized from the members whose phones were extracted.
  for (uint32_t member :
       {cell.organiser, cell.recruiters[0], cell.recruiters[1], cell.recruiters[2], cell.drivers[0],
        cell.drivers[1], cell.pilot, cell.hawaladar, cell.exploiter}) {
    const uint32_t device = builder.AddAsset(AssetKind::kDevice, member, cell.unit);
    builder.Own(member, TargetKind::kAsset, device, "user");
  }
}

std::vector<int> PlanCrossingDays(Rng& rng) {
  std::vector<int> days;
  for (int day = static_cast<int>(rng.Between(12, 25)); day < kPeriodDays;
       day += static_cast<int>(rng.Between(16, 28))) {
    days.push_back(day);
  }
  return days;
}

uint32_t AddMigrant(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng) {
  const SmugglingRoute& route = *cell.route;
  const Origin& origin = DrawOrigin(route.origins, rng);
  Person person = Member(Role::kMigrant, cell.unit, origin.nationality, PlaceIndex(origin.home));
  person.recruiter = cell.recruiters[rng.Below(cell.recruiters.size())];
  person.crossing_day = rng.Pick(cell.crossings);
  person.depart_day =
      person.crossing_day - static_cast<int>(10 + 4 * route.legs.size() + rng.Below(12));
  person.intercepted = rng.Chance(250);
  std::vector<Dataset> records = {rng.Chance(600) ? Dataset::kMtoExport : Dataset::kMobileMoney};
  if (rng.Chance(600) || person.intercepted) records.push_back(Dataset::kBorderPolice);
  if (rng.Chance(150)) records.push_back(Dataset::kPoliceRegister);
  if (rng.Chance(350)) records.push_back(Dataset::kPhoneExtraction);
  std::vector<std::string_view> phones = {origin.phone_country};
  if (rng.Chance(500) && origin.phone_country != route.phone_country) {
    phones.push_back(route.phone_country);  // a local SIM bought on the way
  }
  const AgeRange age = rng.Chance(80) ? AgeRange{15, 17} : AgeRange{18, 34};
  const uint32_t migrant =
      builder.AddPerson(person, origin.names, rng.Chance(250), age, records, phones, rng);
  // Mobile money users pay from a wallet on their newest SIM.
  if (records.front() == Dataset::kMobileMoney) {
    builder.AddWallet(migrant, builder.PhoneOf(migrant, static_cast<uint32_t>(phones.size() - 1)));
  }
  return migrant;
}

void AddRelative(WorldBuilder& builder, uint32_t migrant, Rng& rng) {
  World& world = builder.world();
  const Person traveller = world.persons[migrant];
  Person person;
  person.role = Role::kFamilyMember;
  person.network = Network::kSom;
  person.unit = traveller.unit;
  person.nationality = traveller.nationality;
  person.home = traveller.home;
  const std::string_view country = Places()[traveller.home].country;
  const Dataset channel = rng.Chance(650) ? Dataset::kMtoExport : Dataset::kMobileMoney;
  const uint32_t relative =
      builder.AddPerson(person, traveller.name.origin, rng.Chance(500), {35, 65}, {channel},
                        {country == "sd" ? std::string_view("eg") : country}, rng);
  static constexpr std::array<std::string_view, 5> kTies = {"mother", "father", "brother", "uncle",
                                                            "sister"};
  builder.Link("Family", migrant, relative, rng.Pick(kTies));
  world.persons[migrant].relative = relative;
  if (channel == Dataset::kMobileMoney) builder.AddWallet(relative, builder.PhoneOf(relative));
}

// Migrants who ran out of money on the route and were made to "work off" the rest.
void TurnIntoVictims(WorldBuilder& builder, SmugglingCell& cell) {
  World& world = builder.world();
  for (int count = 0; count < kSmuggledVictims; ++count) {
    Person& person = world.persons[cell.migrants[cell.migrants.size() - 1 - count]];
    person.role = Role::kVictim;
    person.smuggled = true;
    person.form = person.name.female ? "sexual" : "forced_labour";
    person.exploiter = cell.exploiter;
    person.workplace = world.persons[cell.exploiter].home;
    person.intercepted = false;
    world.units[cell.unit].victims.push_back(cell.migrants[cell.migrants.size() - 1 - count]);
  }
}

}  // namespace

uint32_t SatelliteOrFirst(const World& world, uint32_t person) {
  const Person& owner = world.persons[person];
  for (uint32_t offset = 0; offset < owner.phone_count; ++offset) {
    if (world.phones[owner.first_phone + offset].country == "thuraya") {
      return owner.first_phone + offset;
    }
  }
  return owner.phone_count == 0 ? kNobody : owner.first_phone;
}

void AddSmugglers(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  AddLeaders(builder, cell, rng);
  AddRecruiters(builder, cell, rng);
  AddCrew(builder, cell, rng);
  AddAccounts(builder, cell, rng);
  AddAssets(builder, cell);
  Unit& unit = builder.world().units[cell.unit];
  unit.som_members = {cell.organiser,  cell.recruiters[0], cell.recruiters[1], cell.recruiters[2],
                      cell.drivers[0], cell.drivers[1],    cell.pilot,         cell.collector,
                      cell.hawaladar,  cell.exploiter};
}

void AddMigrants(WorldBuilder& builder, SmugglingCell& cell, Rng& rng) {
  cell.crossings = PlanCrossingDays(rng);
  for (int count = 0; count < kMigrantsPerCell; ++count) {
    cell.migrants.push_back(AddMigrant(builder, cell, rng));
  }
  for (int count = 0; count < kPayingRelatives; ++count) {
    AddRelative(builder, cell.migrants[count], rng);
  }
  TurnIntoVictims(builder, cell);
  Unit& unit = builder.world().units[cell.unit];
  unit.migrants = cell.migrants;
  unit.crossing_days = cell.crossings;
  // Migrants the police heard: the witnesses of the case.
  for (uint32_t migrant : cell.migrants) {
    if (RecordOf(builder.world(), migrant, Dataset::kPoliceRegister).dataset ==
            Dataset::kPoliceRegister &&
        builder.world().persons[migrant].role == Role::kMigrant) {
      unit.witnesses.push_back(migrant);
    }
  }
}

void BuildSmugglingCell(WorldBuilder& builder, uint32_t unit_index, Rng& rng) {
  SmugglingCell cell;
  cell.unit = unit_index;
  cell.route = &SmugglingRoutes()[builder.world().units[unit_index].route];
  AddSmugglers(builder, cell, rng);
  AddMigrants(builder, cell, rng);
  PlanSmugglingMoney(builder, cell, rng);
  PlanJourneys(builder, cell, rng);
  PlanSmugglingLinks(builder, cell, rng);
  PlanSmugglingDyads(builder, cell);
}

}  // namespace tafkik::synth::internal
