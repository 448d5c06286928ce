// What a trafficking ring does over the period: recruitment by deception, the move to the
// workplace, exploitation; the employers paying the victims' wages to the ring's collector
// (wage diversion, a planted pattern), the collector passing them on to the broker,
// commissions to recruiters, "advances" to families, debts repaid in cash; meetings and the
// calling structure.
#include <array>

#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/trafficking_ring.h"

namespace tafkik::synth::internal {
namespace {

constexpr int kMonths = 6;

int64_t MajorUnit(std::string_view currency) {
  int64_t unit = 1;
  for (int digit = 0; digit < MinorDigits(currency); ++digit) unit *= 10;
  return unit;
}

// A monthly wage in major units, as the employers declare it.
int64_t MonthlyWage(std::string_view currency, Rng& rng) {
  if (currency == "EGP") return rng.Between(40, 70) * 100;
  if (currency == "MAD") return rng.Between(20, 35) * 100;
  return rng.Between(50, 90) * 10;  // TND
}

PaymentPlan Plan(uint32_t payer, uint32_t beneficiary, int64_t minor, std::string_view currency,
                 Channel channel, Dataset dataset, int day, std::string_view purpose, Rng& rng) {
  PaymentPlan plan;
  plan.payer = payer;
  plan.beneficiary = beneficiary;
  plan.minor = minor;
  plan.currency = currency;
  plan.channel = channel;
  plan.dataset = dataset;
  plan.day = day;
  plan.second_of_day = static_cast<int>(rng.Between(9 * 3600, 18 * 3600));
  plan.purpose = purpose;
  return plan;
}

int64_t PayWages(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng) {
  const std::string_view currency = ring.setting->currency;
  const int64_t major = MajorUnit(currency);
  int64_t payments = 0;
  for (size_t index = 0; index < ring.exploiters.size(); ++index) {
    int64_t monthly = 0;
    for (size_t victim = 0; victim < ring.victims.size(); ++victim) {
      const Person& person = builder.world().persons[ring.victims[victim]];
      if (person.exploiter != ring.exploiters[index] || person.form == "sexual") continue;
      monthly += MonthlyWage(currency, rng) * major;
    }
    if (monthly == 0) continue;
    for (int month = 0; month < kMonths; ++month) {
      PaymentPlan plan = Plan(ring.exploiters[index], ring.collector, monthly, currency,
                              Channel::kBank, Dataset::kBankStatement,
                              month * 30 + static_cast<int>(rng.Between(1, 5)), "salaire", rng);
      plan.payer_account = ring.exploiter_banks[index];
      plan.beneficiary_account = ring.collector_bank;
      builder.Pay(plan);
      ++payments;
    }
  }
  return payments;
}

void PassToBroker(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng) {
  const std::string_view currency = ring.setting->currency;
  for (int month = 0; month < kMonths; ++month) {
    const int64_t amount = rng.Between(150, 300) * 100 * MajorUnit(currency);
    PaymentPlan plan = Plan(ring.collector, ring.organiser, amount, currency, Channel::kBank,
                            Dataset::kBankStatement, month * 30 + 8, "virement", rng);
    plan.payer_account = ring.collector_bank;
    plan.beneficiary_account = ring.organiser_bank;
    builder.Pay(plan);
  }
}

void PayPerVictim(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng) {
  const std::string_view currency = ring.setting->currency;
  const int64_t major = MajorUnit(currency);
  for (size_t index = 0; index < ring.victims.size(); ++index) {
    const Person& person = builder.world().persons[ring.victims[index]];
    const int start = ring.starts[index];
    const size_t recruiter = person.recruiter == ring.recruiters[0] ? 0 : 1;
    PaymentPlan commission =
        Plan(ring.collector, person.recruiter, rng.Between(10, 30) * 100 * major, currency,
             Channel::kMobileMoney, Dataset::kMobileMoney, start + 2, "commission", rng);
    commission.payer_account = ring.collector_wallet;
    commission.beneficiary_account = ring.recruiter_wallets[recruiter];
    builder.Pay(commission);
    if (person.relative != kNobody) {
      PaymentPlan advance =
          Plan(ring.collector, person.relative, rng.Between(5, 20) * 100 * major, currency,
               Channel::kMobileMoney, Dataset::kMobileMoney, start - 3, "avance", rng);
      advance.payer_account = ring.collector_wallet;
      advance.beneficiary_account = builder.world().persons[person.relative].wallet;
      builder.Pay(advance);
    }
    if (person.form != "sexual") continue;
    for (int week = 0; week < 6; ++week) {
      builder.Pay(Plan(ring.victims[index], ring.organiser, rng.Between(5, 15) * 100 * major,
                       currency, Channel::kCash, Dataset::kPoliceRegister,
                       std::max(start, 0) + week * 7 + static_cast<int>(rng.Below(3)),
                       "debt repayment (declared in hearing)", rng));
    }
  }
}

std::string_view RecruitmentMethod(Rng& rng) {
  static constexpr std::array<std::string_view, 4> kMethods = {"deception", "personal_network",
                                                               "debt_bondage", "agency"};
  return kMethods[rng.Weighted({70, 15, 10, 5})];
}

std::string_view JobTitle(std::string_view form) {
  if (form == "domestic_servitude") return "housemaid";
  if (form == "agriculture") return "farm worker";
  return "labourer";
}

}  // namespace

void PlanTraffickingMoney(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng) {
  const int64_t wages = PayWages(builder, ring, rng);
  PassToBroker(builder, ring, rng);
  PayPerVictim(builder, ring, rng);
  builder.Pattern({"wage_diversion", ring.unit, ring.collector, ring.collector_bank, wages,
                   "employers pay the victims' wages to the agency's collector, not to them"});
}

void PlanTraffickingLinks(WorldBuilder& builder, const TraffickingRing& ring, Rng& rng) {
  for (size_t index = 0; index < ring.victims.size(); ++index) {
    const uint32_t victim = ring.victims[index];
    const Person person = builder.world().persons[victim];
    const int start = ring.starts[index];
    builder.Link("Recruitment", person.recruiter, victim, RecruitmentMethod(rng), person.home,
                 start - static_cast<int>(rng.Between(5, 40)));
    builder.Link("Exploitation", person.exploiter, victim, person.form, person.workplace, start);
    if (person.form != "sexual") {
      builder.Link("Employment", person.exploiter, victim, JobTitle(person.form), kNobody, start);
    }
    TravelPlan move;
    move.traveller = victim;
    move.from = person.home;
    move.to = person.workplace;
    move.day = start - 1;
    move.mode =
        Places()[person.home].country == Places()[person.workplace].country ? "land" : "air";
    builder.Travel(move);
  }
  const uint32_t hub = PlaceIndex(ring.setting->hub);
  for (uint32_t member : {ring.recruiters[1], ring.collector, ring.exploiters[0]}) {
    builder.Link("Meeting", ring.organiser, member, "", hub,
                 static_cast<int>(rng.Below(kPeriodDays)));
  }
  for (uint32_t exploiter : ring.exploiters) {
    builder.Link("Associate", ring.organiser, exploiter, "client of the agency");
  }
}

void PlanTraffickingDyads(WorldBuilder& builder, const TraffickingRing& ring) {
  const World& world = builder.world();
  const uint32_t broker = builder.PhoneOf(ring.organiser, 0);
  const uint32_t broker_second = builder.PhoneOf(ring.organiser, 1);
  builder.Dyad(broker, builder.PhoneOf(ring.recruiters[0]), 35);
  builder.Dyad(broker, builder.PhoneOf(ring.recruiters[1]), 35);
  builder.Dyad(broker, builder.PhoneOf(ring.collector), 25);
  builder.Dyad(builder.PhoneOf(ring.recruiters[0]), builder.PhoneOf(ring.recruiters[1]), 10);
  for (uint32_t exploiter : ring.exploiters) {
    builder.Dyad(broker_second, builder.PhoneOf(exploiter), 20);
    builder.Dyad(builder.PhoneOf(ring.collector), builder.PhoneOf(exploiter), 8);
  }
  for (uint32_t victim : ring.victims) {
    const Person& person = world.persons[victim];
    builder.Dyad(builder.PhoneOf(person.exploiter), builder.PhoneOf(victim), 4);
    if (person.relative == kNobody) continue;
    builder.Dyad(builder.PhoneOf(victim), builder.PhoneOf(person.relative), 2);
    builder.Dyad(builder.PhoneOf(ring.recruiters[0]), builder.PhoneOf(person.relative), 3);
  }
}

}  // namespace tafkik::synth::internal
