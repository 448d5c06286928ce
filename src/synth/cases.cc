// The cases: for each unit, the smuggling investigation in the route's country and the
// trafficking investigation in the setting's country, with suspects, victims, witnesses and
// an informant as members (their police records where the police hold one).
#include <algorithm>
#include <cstdio>

#include "synth/emitter.h"
#include "synth/theatres.h"

namespace tafkik::synth::internal {
namespace {

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return upper;
}

void AddMembers(const World& world, const std::vector<uint32_t>& persons, model::Role role,
                model::Case& investigation) {
  for (uint32_t person : persons) {
    investigation.members.push_back({PrimaryRecord(world, person).id, role});
  }
}

model::Case SmugglingCase(const World& world, uint32_t unit_index) {
  const Unit& unit = world.units[unit_index];
  const SmugglingRoute& route = SmugglingRoutes()[unit.route];
  model::Case investigation;
  investigation.reference = CaseReference(world, unit_index, true);
  investigation.title = std::string(route.setting.title);
  if (unit_index >= SmugglingRoutes().size()) {
    investigation.title +=
        " (cell " + std::to_string(unit_index / SmugglingRoutes().size() + 1) + ")";
  }
  investigation.jurisdiction = {std::string(route.setting.country),
                                std::string(route.setting.region)};
  investigation.offences = {model::Offence::kSmugglingOfMigrants,
                            model::Offence::kTraffickingInPersons};
  investigation.status = model::CaseStatus::kUnderInvestigation;
  investigation.lead_unit = std::string(route.setting.lead_unit);
  investigation.opened = AtDay(30 + static_cast<int>(unit_index % 20), 9 * 3600);
  AddMembers(world, unit.som_members, model::Role::kSuspect, investigation);
  std::vector<uint32_t> victims;
  for (uint32_t victim : unit.victims) {
    if (world.persons[victim].smuggled) victims.push_back(victim);
  }
  AddMembers(world, victims, model::Role::kVictim, investigation);
  const size_t witnesses = std::min<size_t>(4, unit.witnesses.size());
  AddMembers(world, {unit.witnesses.begin(), unit.witnesses.begin() + witnesses},
             model::Role::kWitness, investigation);
  return investigation;
}

model::Case TraffickingCase(const World& world, uint32_t unit_index) {
  const Unit& unit = world.units[unit_index];
  const TraffickingSetting& setting = TraffickingSettings()[unit.setting];
  model::Case investigation;
  investigation.reference = CaseReference(world, unit_index, false);
  // Named after the agency the ring hides behind: "Nile Star Employment Office: ...".
  investigation.title = OrganizationName(world, world.assets[unit.agency]) + ": " +
                        std::string(setting.setting.title);
  investigation.jurisdiction = {std::string(setting.setting.country),
                                std::string(setting.setting.region)};
  investigation.offences = {model::Offence::kTraffickingInPersons};
  investigation.status = model::CaseStatus::kOpen;
  investigation.lead_unit = std::string(setting.setting.lead_unit);
  investigation.opened = AtDay(45 + static_cast<int>(unit_index % 30), 10 * 3600);
  AddMembers(world, unit.tip_members, model::Role::kSuspect, investigation);
  std::vector<uint32_t> victims;
  std::vector<uint32_t> witnesses;
  for (uint32_t victim : unit.victims) {
    if (world.persons[victim].smuggled) continue;
    victims.push_back(victim);
    if (world.persons[victim].relative != kNobody)
      witnesses.push_back(world.persons[victim].relative);
  }
  AddMembers(world, victims, model::Role::kVictim, investigation);
  AddMembers(world, witnesses, model::Role::kWitness, investigation);
  if (unit.informant != kNobody) {
    AddMembers(world, {unit.informant}, model::Role::kInformant, investigation);
  }
  return investigation;
}

}  // namespace

std::string CaseReference(const World& world, uint32_t unit, bool smuggling) {
  // Smuggling cases are numbered 1, 11, 21, ... and trafficking cases 7, 17, 27, ... per
  // country, so that the two series never collide.
  const Unit& plan = world.units[unit];
  const std::string_view country = smuggling ? SmugglingRoutes()[plan.route].setting.country
                                             : TraffickingSettings()[plan.setting].setting.country;
  const size_t cycle = smuggling ? SmugglingRoutes().size() : TraffickingSettings().size();
  const uint32_t number = (smuggling ? 1 : 7) + 10 * static_cast<uint32_t>(unit / cycle);
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04u", number);
  return Upper(country) + "-2026-" + digits;
}

Status EmitCases(const World& world, Emitter& emitter) {
  for (uint32_t unit = 0; unit < world.units.size(); ++unit) {
    TAFKIK_RETURN_IF_ERROR(emitter.Emit(SmugglingCase(world, unit)));
    TAFKIK_RETURN_IF_ERROR(emitter.Emit(TraffickingCase(world, unit)));
  }
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
