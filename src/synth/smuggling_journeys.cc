// Journeys, meetings, links and the calling structure of a smuggling cell. Calls themselves
// are drawn later (calls.cc) from the dyads planned here: the organiser talks mostly to the
// lieutenants (recruiters, collectors), the lieutenants to the crew, recruiters to their
// migrants, migrants to the relatives who pay.
#include "synth/places.h"
#include "synth/smuggling_cell.h"

namespace tafkik::synth::internal {
namespace {

void PlanMigrantJourney(WorldBuilder& builder, const SmugglingCell& cell, uint32_t migrant) {
  const World& world = builder.world();
  const Person& person = world.persons[migrant];
  const SmugglingRoute& route = *cell.route;
  const uint32_t departure = PlaceIndex(route.departure);
  // Land stops: home, then the legs up to the departure beach (or the place of exploitation).
  std::vector<uint32_t> stops = {person.home};
  for (std::string_view key : route.legs) {
    const uint32_t place = PlaceIndex(key);
    stops.push_back(place);
    if (place == departure || (person.smuggled && place == person.workplace)) break;
  }
  const int span = std::max(1, person.crossing_day - person.depart_day);
  const size_t land_legs = stops.size() - 1;
  for (size_t leg = 0; leg < land_legs; ++leg) {
    TravelPlan plan;
    plan.traveller = migrant;
    plan.from = stops[leg];
    plan.to = stops[leg + 1];
    plan.day = person.depart_day + static_cast<int>(span * leg / land_legs);
    plan.mode = "land";
    plan.vehicle = leg == 0 ? kNobody : cell.vehicles[leg * 2 < land_legs ? 0 : 1];
    plan.leg = static_cast<uint32_t>(leg + 1);
    builder.Travel(plan);
  }
  if (person.smuggled || person.intercepted || stops.back() != departure) return;
  TravelPlan sea;
  sea.traveller = migrant;
  sea.from = departure;
  sea.to = PlaceIndex(route.legs.back());
  sea.day = person.crossing_day;
  sea.mode = "sea";
  sea.vehicle = cell.vessel;
  sea.leg = static_cast<uint32_t>(land_legs + 1);
  builder.Travel(sea);
}

void PlanMeetings(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng) {
  const uint32_t hub = PlaceIndex(cell.route->hub);
  for (uint32_t lieutenant : {cell.recruiters[0], cell.collector, cell.hawaladar}) {
    const int meetings = static_cast<int>(rng.Between(1, 2));
    for (int count = 0; count < meetings; ++count) {
      builder.Link("Meeting", cell.organiser, lieutenant, "", hub,
                   static_cast<int>(rng.Below(kPeriodDays)));
    }
  }
  // The organiser briefs the pilot on the beach the day before the first crossings.
  for (size_t index = 0; index < std::min<size_t>(2, cell.crossings.size()); ++index) {
    builder.Link("Meeting", cell.organiser, cell.pilot, "", PlaceIndex(cell.route->departure),
                 cell.crossings[index] - 1);
  }
  builder.Link("Meeting", cell.organiser, cell.exploiter, "",
               builder.world().persons[cell.exploiter].home,
               static_cast<int>(rng.Below(kPeriodDays)));
}

}  // namespace

void PlanJourneys(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng) {
  for (uint32_t migrant : cell.migrants) PlanMigrantJourney(builder, cell, migrant);
  PlanMeetings(builder, cell, rng);
}

void PlanSmugglingLinks(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng) {
  builder.Link("Associate", cell.organiser, cell.exploiter, "supplies labour from the route");
  if (rng.Chance(500)) builder.Link("Family", cell.organiser, cell.hawaladar, "cousin");
  for (uint32_t victim : builder.world().units[cell.unit].victims) {
    const Person& person = builder.world().persons[victim];
    if (!person.smuggled) continue;
    const int held_from = std::max(0, person.crossing_day - 12);
    builder.Link("Recruitment", cell.exploiter, victim, "debt_bondage", person.workplace,
                 held_from);
    builder.Link("Exploitation", cell.exploiter, victim, person.form, person.workplace, held_from);
  }
}

void PlanSmugglingDyads(WorldBuilder& builder, const SmugglingCell& cell) {
  const World& world = builder.world();
  const uint32_t boss = builder.PhoneOf(cell.organiser, 0);
  const uint32_t boss_second = builder.PhoneOf(cell.organiser, 1);
  const uint32_t boss_satellite = SatelliteOrFirst(world, cell.organiser);
  for (uint32_t recruiter : cell.recruiters) builder.Dyad(boss, builder.PhoneOf(recruiter), 40);
  builder.Dyad(boss, builder.PhoneOf(cell.collector), 40);
  builder.Dyad(boss_second, builder.PhoneOf(cell.hawaladar), 25);
  for (uint32_t driver : cell.drivers) {
    builder.Dyad(boss_satellite, SatelliteOrFirst(world, driver), 6);
    builder.Dyad(boss, builder.PhoneOf(driver), 5);
    builder.Dyad(builder.PhoneOf(cell.recruiters[0]), builder.PhoneOf(driver), 10);
    builder.Dyad(builder.PhoneOf(cell.recruiters[1]), builder.PhoneOf(driver), 6);
  }
  builder.Dyad(boss_satellite, SatelliteOrFirst(world, cell.pilot), 4);
  builder.Dyad(boss_second, builder.PhoneOf(cell.pilot), 5);
  builder.Dyad(boss_second, builder.PhoneOf(cell.exploiter), 6);
  for (size_t first = 0; first < cell.recruiters.size(); ++first) {
    for (size_t second = first + 1; second < cell.recruiters.size(); ++second) {
      builder.Dyad(builder.PhoneOf(cell.recruiters[first]),
                   builder.PhoneOf(cell.recruiters[second]), 8);
    }
    builder.Dyad(builder.PhoneOf(cell.recruiters[first]), builder.PhoneOf(cell.collector, 1), 10);
  }
  builder.Dyad(builder.PhoneOf(cell.drivers[1]), builder.PhoneOf(cell.pilot), 6);
  builder.Dyad(builder.PhoneOf(cell.collector), builder.PhoneOf(cell.hawaladar), 12);
  for (uint32_t migrant : cell.migrants) {
    const Person& person = world.persons[migrant];
    const uint32_t local_sim = builder.PhoneOf(migrant, person.phone_count - 1);
    builder.Dyad(local_sim, builder.PhoneOf(person.recruiter), 2);
    if (person.relative != kNobody) {
      builder.Dyad(builder.PhoneOf(migrant), builder.PhoneOf(person.relative), 3);
    }
    if (person.smuggled) builder.Dyad(local_sim, builder.PhoneOf(cell.exploiter), 3);
  }
}

}  // namespace tafkik::synth::internal
