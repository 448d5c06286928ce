// The people around the networks: background subscribers and bare numbers that members call
// for reasons unrelated to the crime (family, shops, taxis), noise calls among them, the
// links that join one unit to the previous one (organisers who work together, a hawaladar
// serving both networks); then the cell sites and the operators' subscriber links.
#include <algorithm>

#include "synth/places.h"
#include "synth/world_builder.h"

namespace tafkik::synth::internal {
namespace {

constexpr int kBackgroundPersons = 30;
constexpr int kBackgroundNumbers = 50;
constexpr int kNoisePairs = 40;

NameOrigin NamesOf(std::string_view country) {
  if (country == "ma" || country == "tn") return NameOrigin::kMaghreb;
  if (country == "eg") return NameOrigin::kEgypt;
  if (country == "ly") return NameOrigin::kLibya;
  if (country == "ng") return NameOrigin::kNigeria;
  return NameOrigin::kWestAfricaFr;
}

// The countries a unit's background phones come from, with the places they are used around.
std::vector<std::pair<std::string_view, uint32_t>> BackgroundCountries(const World& world,
                                                                       uint32_t unit_index) {
  const Unit& unit = world.units[unit_index];
  const SmugglingRoute& route = SmugglingRoutes()[unit.route];
  const TraffickingSetting& setting = TraffickingSettings()[unit.setting];
  std::vector<std::pair<std::string_view, uint32_t>> countries = {
      {route.phone_country, PlaceIndex(route.hub)},
      {route.phone_country, PlaceIndex(route.hub)},
      {setting.phone_country, PlaceIndex(setting.hub)},
      {setting.phone_country, PlaceIndex(setting.hub)}};
  for (const Origin& origin : route.origins) {
    countries.emplace_back(origin.phone_country, PlaceIndex(origin.home));
  }
  return countries;
}

std::vector<uint32_t> AddBackground(WorldBuilder& builder, uint32_t unit_index, Rng& rng) {
  const auto countries = BackgroundCountries(builder.world(), unit_index);
  std::vector<uint32_t> phones;
  for (int count = 0; count < kBackgroundPersons; ++count) {
    const auto& [country, place] = rng.Pick(countries);
    Person person;
    person.unit = unit_index;
    person.nationality = country;
    person.home = place;
    std::vector<Dataset> records = {CdrDataset(country, countries.front().first)};
    if (rng.Chance(200)) records.push_back(Dataset::kPhoneExtraction);
    if (rng.Chance(100)) records.push_back(Dataset::kPoliceRegister);
    const uint32_t index = builder.AddPerson(person, NamesOf(country), rng.Chance(450), {18, 70},
                                             records, {country}, rng);
    phones.push_back(builder.PhoneOf(index));
    if (count == 0) builder.world().units[unit_index].informant = index;
  }
  static constexpr std::string_view kAbroad[] = {"es", "it"};
  for (int count = 0; count < kBackgroundNumbers; ++count) {
    const bool abroad = rng.Chance(150);
    const auto& [country, place] = rng.Pick(countries);
    phones.push_back(
        builder.AddNumber(abroad ? kAbroad[rng.Below(2)] : country, unit_index, place, rng));
  }
  return phones;
}

void LinkUnits(WorldBuilder& builder, uint32_t unit_index) {
  const World& world = builder.world();
  const Unit& unit = world.units[unit_index];
  const uint32_t hawaladar = unit.som_members[8];
  builder.Dyad(builder.PhoneOf(unit.tip_members[0], 1), builder.PhoneOf(hawaladar), 2);
  builder.Link("Associate", unit.tip_members[0], hawaladar, "hawala client");
  if (unit_index == 0) return;
  const uint32_t previous = world.units[unit_index - 1].som_members[0];
  builder.Dyad(builder.PhoneOf(unit.som_members[0], 1), builder.PhoneOf(previous, 1), 3);
  builder.Link("Associate", unit.som_members[0], previous, "business partner");
}

std::vector<CellSite> CellSitesAround(uint32_t place_index, int64_t count, Rng& rng) {
  const Place& place = Places()[place_index];
  std::vector<CellSite> sites;
  const std::string_view mcc = MobileCountryCode(place.country);
  if (!place.has_cells || mcc.empty()) return sites;
  const std::string network = "0" + std::to_string(rng.Between(1, 3));
  // Location areas differ per place, so cell ids never repeat across places.
  const std::string area = std::to_string(1000 + place_index * 1200 + rng.Below(1000));
  for (int64_t index = 0; index < count; ++index) {
    CellSite site;
    site.id = std::string(mcc) + "-" + network + "-" + area + "-" +
              std::to_string(10000 + index * 1009 + static_cast<int64_t>(rng.Below(1000)));
    site.latitude_e6 = place.latitude_e6 + static_cast<int32_t>(rng.Between(-30000, 30000));
    site.longitude_e6 = place.longitude_e6 + static_cast<int32_t>(rng.Between(-30000, 30000));
    sites.push_back(std::move(site));
  }
  return sites;
}

bool HasOperatorData(std::string_view country) {
  return country == "ma" || country == "eg" || country == "ly" || country == "tn" ||
         country == "ne";
}

}  // namespace

void BuildContacts(WorldBuilder& builder, uint32_t unit_index, Rng& rng) {
  const std::vector<uint32_t> background = AddBackground(builder, unit_index, rng);
  const Unit& unit = builder.world().units[unit_index];
  std::vector<uint32_t> members = unit.som_members;
  members.insert(members.end(), unit.tip_members.begin(), unit.tip_members.end());
  for (uint32_t member : members) {
    const int contacts = static_cast<int>(rng.Between(3, 6));
    for (int count = 0; count < contacts; ++count) {
      builder.Dyad(builder.PhoneOf(member, static_cast<uint32_t>(count)), rng.Pick(background), 5);
    }
  }
  for (uint32_t migrant : unit.migrants) {
    if (rng.Chance(500)) builder.Dyad(builder.PhoneOf(migrant), rng.Pick(background), 1);
  }
  for (int count = 0; count < kNoisePairs; ++count) {
    builder.Dyad(rng.Pick(background), rng.Pick(background), 3);
  }
  LinkUnits(builder, unit_index);
}

void FinishWorld(WorldBuilder& builder, Rng& rng) {
  World& world = builder.world();
  // More cells per town as the data grows, as a bigger operator extract would show.
  int64_t per_place = 2;
  while ((per_place - 1) * (per_place - 1) < world.scale && per_place < 40) ++per_place;
  for (uint32_t place = 0; place < Places().size(); ++place) {
    world.cells.push_back(CellSitesAround(place, per_place, rng));
  }
  for (uint32_t phone = 0; phone < world.phones.size(); ++phone) {
    const PhoneLine& line = world.phones[phone];
    if (line.subscriber == kNobody || !HasOperatorData(line.country)) continue;
    builder.Own(line.subscriber, TargetKind::kPhone, phone, "subscriber");
  }
}

}  // namespace tafkik::synth::internal
