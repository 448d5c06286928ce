// Call detail records, streamed day by day: each unit draws its calls for the day from its
// weighted dyads (who habitually calls whom), plus bursts around dated events (calls between
// payer and collector in the days before a payment, the organiser on the satellite phone with
// the boat pilot on a crossing night, recruiters ringing the migrants of that crossing). Only
// one day's calls (compact CallSpecs) are held at a time: memory is O(units), not O(calls).
#include <algorithm>

#include "synth/emitter.h"
#include "synth/places.h"
#include "synth/theatres.h"

namespace tafkik::synth::internal {
namespace {

enum CallStream : uint64_t { kSteadyStream = 41, kEventStream };

struct CallSpec {
  uint32_t caller = 0;  // phone indexes
  uint32_t receiver = 0;
  int32_t second = 0;  // of the day
  uint16_t duration = 0;
  uint8_t cell_first = 0;
  uint8_t cell_last = 0;
  bool sms = false;
};

struct EventCall {
  uint32_t a = 0;
  uint32_t b = 0;
  uint8_t count = 0;
  bool night = false;
};

// Relative call volume by hour of day (UTC; the region is UTC+0..+2).
const std::vector<uint32_t>& HourWeights() {
  static const std::vector<uint32_t> kWeights = {1,  1, 1, 1, 1, 2,  4,  6,  8, 9, 10, 10,
                                                 10, 9, 9, 9, 9, 10, 10, 10, 9, 7, 4,  2};
  return kWeights;
}

CallSpec DrawCall(uint32_t a, uint32_t b, bool night, Rng& rng) {
  CallSpec spec;
  const bool a_calls = rng.Chance(500);
  spec.caller = a_calls ? a : b;
  spec.receiver = a_calls ? b : a;
  const int64_t hour =
      night ? rng.Between(0, 4) : static_cast<int64_t>(rng.Weighted(HourWeights()));
  spec.second = static_cast<int32_t>(hour * 3600 + rng.Below(3600));
  spec.sms = rng.Chance(200);
  if (!spec.sms) {
    const uint64_t band = rng.Below(100);
    spec.duration = static_cast<uint16_t>(band < 70   ? rng.Between(8, 120)
                                          : band < 95 ? rng.Between(120, 600)
                                                      : rng.Between(600, 1800));
  }
  spec.cell_first = static_cast<uint8_t>(rng.Below(40));
  spec.cell_last = spec.duration > 300 && rng.Chance(400) ? static_cast<uint8_t>(rng.Below(40))
                                                          : spec.cell_first;
  return spec;
}

// Calls in payment and crossing bursts, bucketed by day.
class EventCalendar {
 public:
  explicit EventCalendar(const World& world) : days_(kPeriodDays) {
    for (const PaymentPlan& plan : world.payments) AddPayment(world, plan);
    for (const Unit& unit : world.units) AddCrossings(world, unit);
  }
  const std::vector<EventCall>& On(int day) const { return days_[day]; }

 private:
  void Add(int day, uint32_t a, uint32_t b, uint8_t count, bool night) {
    if (day < 0 || day >= kPeriodDays || a == kNobody || b == kNobody || a == b) return;
    days_[day].push_back({a, b, count, night});
  }
  static uint32_t PhoneOf(const World& world, uint32_t person) {
    return person == kNobody || world.persons[person].phone_count == 0
               ? kNobody
               : world.persons[person].first_phone;
  }
  void AddPayment(const World& world, const PaymentPlan& plan) {
    const uint32_t payer = PhoneOf(world, plan.payer);
    const uint32_t beneficiary = PhoneOf(world, plan.beneficiary);
    Add(plan.day - 2, payer, beneficiary, 1, false);
    Add(plan.day - 1, payer, beneficiary, 1, false);
    Add(plan.day, payer, beneficiary, 2, false);
  }
  void AddCrossings(const World& world, const Unit& unit) {
    const uint32_t organiser = unit.som_members[0];
    const uint32_t pilot = unit.som_members[6];
    for (int day : unit.crossing_days) {
      Add(day, Satellite(world, organiser), Satellite(world, pilot), 6, true);
      Add(day - 1, PhoneOf(world, organiser), PhoneOf(world, unit.som_members[4]), 2, false);
      Add(day - 1, PhoneOf(world, organiser), PhoneOf(world, unit.som_members[5]), 2, false);
      for (uint32_t migrant : unit.migrants) {
        const Person& person = world.persons[migrant];
        if (person.crossing_day != day || person.phone_count == 0) continue;
        const uint32_t local_sim = person.first_phone + person.phone_count - 1;
        Add(day - 1, local_sim, PhoneOf(world, person.recruiter), 1, false);
      }
    }
  }
  static uint32_t Satellite(const World& world, uint32_t person) {
    const Person& owner = world.persons[person];
    for (uint32_t offset = 0; offset < owner.phone_count; ++offset) {
      if (world.phones[owner.first_phone + offset].country == "thuraya") {
        return owner.first_phone + offset;
      }
    }
    return PhoneOf(world, person);
  }

  std::vector<std::vector<EventCall>> days_;
};

// Where the user of `phone` is on `day` (place index), or kNobody when unknown.
uint32_t WhereIs(const World& world, uint32_t phone, int day) {
  const PhoneLine& line = world.phones[phone];
  if (line.user == kNobody) return line.place;
  const Person& person = world.persons[line.user];
  const bool travelling = person.role == Role::kMigrant || person.smuggled;
  if (!travelling || day < person.depart_day) return person.home;
  const SmugglingRoute& route = SmugglingRoutes()[world.units[person.unit].route];
  const uint32_t departure = PlaceIndex(route.departure);
  if (day >= person.crossing_day) {
    if (person.smuggled) return person.workplace;
    return person.intercepted ? departure : PlaceIndex(route.legs.back());
  }
  size_t last = 0;
  while (last + 1 < route.legs.size() && PlaceIndex(route.legs[last]) != departure) ++last;
  const int span = std::max(1, person.crossing_day - person.depart_day);
  const size_t stop = std::min(
      last, static_cast<size_t>(day - person.depart_day) * (last + 1) / static_cast<size_t>(span));
  return PlaceIndex(route.legs[stop]);
}

bool HasOperator(std::string_view country) {
  return country == "ma" || country == "eg" || country == "ly" || country == "tn" ||
         country == "ne";
}

// The operator whose records hold the call: the caller's, else the receiver's, else the
// operator of the unit's route (which saw a roaming or transit leg).
Dataset CallSource(const World& world, const CallSpec& spec) {
  const PhoneLine& caller = world.phones[spec.caller];
  const PhoneLine& receiver = world.phones[spec.receiver];
  if (HasOperator(caller.country)) return CdrDataset(caller.country, "ma");
  if (HasOperator(receiver.country)) return CdrDataset(receiver.country, "ma");
  return CdrDataset(SmugglingRoutes()[world.units[caller.unit].route].phone_country, "ma");
}

Status EmitCall(const World& world, int day, const CallSpec& spec, Emitter& emitter) {
  const PhoneLine& caller = world.phones[spec.caller];
  const PhoneLine& receiver = world.phones[spec.receiver];
  model::Provenance row;
  const Dataset source = CallSource(world, spec);
  model::Relation call = emitter.NewRelation("Call", source, caller.id, receiver.id, row);
  call.start = AtDay(day, spec.second);
  call.end = Timestamp::FromSeconds(call.start->seconds() + spec.duration);
  call.Add("callerNumber", caller.number, row);
  call.Add("receiverNumber", receiver.number, row);
  call.Add("duration", std::to_string(spec.duration), row);
  call.Add("callType", spec.sms ? "sms" : "voice", row);
  const uint32_t place = caller.country == "thuraya" ? kNobody : WhereIs(world, spec.caller, day);
  if (place != kNobody && !world.cells[place].empty()) {
    const auto& cells = world.cells[place];
    call.Add("cellFirst", cells[spec.cell_first % cells.size()].id, row);
    call.Add("cellLast", cells[spec.cell_last % cells.size()].id, row);
  }
  if (emitter.files() != nullptr && source == Dataset::kCdrMa) {
    return emitter.files()->AddCall(call, spec.caller);
  }
  return emitter.Emit(call);
}

// The unit's habitual calls of one day.
void DrawSteadyCalls(const World& world, const std::vector<uint64_t>& cumulative,
                     uint32_t unit_index, int day, std::vector<CallSpec>& specs) {
  const Unit& unit = world.units[unit_index];
  if (unit.dyad_weight == 0) return;
  Rng rng = Rng(world.seed).Fork({kSteadyStream, unit_index, static_cast<uint64_t>(day)});
  const int calls = static_cast<int>(rng.Between(21, 29));
  const auto begin = cumulative.begin() + unit.first_dyad;
  const auto end = begin + unit.dyad_count;
  const uint64_t base = unit.first_dyad == 0 ? 0 : cumulative[unit.first_dyad - 1];
  for (int count = 0; count < calls; ++count) {
    const uint64_t draw = base + rng.Below(unit.dyad_weight);
    const Dyad& dyad = world.dyads[std::upper_bound(begin, end, draw) - cumulative.begin()];
    specs.push_back(DrawCall(dyad.a, dyad.b, false, rng));
  }
}

void DrawEventCalls(const World& world, const EventCalendar& calendar, int day,
                    std::vector<CallSpec>& specs) {
  Rng rng = Rng(world.seed).Fork({kEventStream, static_cast<uint64_t>(day)});
  for (const EventCall& event : calendar.On(day)) {
    for (uint8_t count = 0; count < event.count; ++count) {
      specs.push_back(DrawCall(event.a, event.b, event.night, rng));
    }
  }
}

}  // namespace

Status EmitCalls(const World& world, Emitter& emitter) {
  std::vector<uint64_t> cumulative;
  cumulative.reserve(world.dyads.size());
  uint64_t running = 0;
  for (const Dyad& dyad : world.dyads) cumulative.push_back(running += dyad.weight);
  const EventCalendar calendar(world);
  std::vector<CallSpec> specs;
  for (int day = 0; day < kPeriodDays; ++day) {
    specs.clear();
    for (uint32_t unit = 0; unit < world.units.size(); ++unit) {
      DrawSteadyCalls(world, cumulative, unit, day, specs);
    }
    DrawEventCalls(world, calendar, day, specs);
    std::stable_sort(specs.begin(), specs.end(),
                     [](const CallSpec& a, const CallSpec& b) { return a.second < b.second; });
    for (const CallSpec& spec : specs) TAFKIK_RETURN_IF_ERROR(EmitCall(world, day, spec, emitter));
  }
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
