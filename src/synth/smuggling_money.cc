// The money of a smuggling cell: migrants' fees paid in instalments (by their families
// through money transfer operators, mobile money and hawala, or by themselves in cash), the
// collector passing the takings to the organiser in transfers kept under a reporting
// threshold, the hawaladar settling in cash, and the crew paid per crossing. The fan-in to
// the collector and the structuring are recorded as planted patterns.
#include <algorithm>

#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/smuggling_cell.h"

namespace tafkik::synth::internal {
namespace {

// Fictional per-transfer reporting thresholds the collector stays under, in major units.
int64_t ReportingThreshold(std::string_view currency) {
  if (currency == "MAD") return 100000;
  if (currency == "LYD") return 20000;
  if (currency == "TND") return 30000;
  return 500000;  // EGP
}

int64_t MajorUnit(std::string_view currency) {
  int64_t unit = 1;
  for (int digit = 0; digit < MinorDigits(currency); ++digit) unit *= 10;
  return unit;
}

// `minor` of `from` converted to `to` through the euro, rounded down to a round figure in
// `to` (1,000 francs CFA or naira, 10 of the others).
int64_t Convert(int64_t minor, std::string_view from, std::string_view to) {
  if (from == to) return minor;
  const int64_t step = (to == "XOF" || to == "NGN" ? 1000 : 10) * MajorUnit(to);
  return std::max<int64_t>(step, FromEuroCents(ToEuroCents(minor, from), to) / step * step);
}

int BusinessSecond(Rng& rng) { return static_cast<int>(rng.Between(8 * 3600, 20 * 3600)); }

struct Takings {
  int64_t collector_minor = 0;  // in the route's currency
  int64_t hawaladar_minor = 0;
  int64_t wallet_payments = 0;
  int64_t transfer_payments = 0;
};

PaymentPlan Instalment(uint32_t payer, uint32_t beneficiary, Channel channel, Dataset dataset,
                       std::string_view currency, int64_t minor, std::string_view purpose) {
  PaymentPlan plan;
  plan.payer = payer;
  plan.beneficiary = beneficiary;
  plan.channel = channel;
  plan.dataset = dataset;
  plan.currency = currency;
  plan.minor = minor;
  plan.purpose = purpose;
  return plan;
}

// From a wallet to the collector's wallet, in the payer's wallet currency.
PaymentPlan ByMobileMoney(const World& world, const SmugglingCell& cell, uint32_t payer,
                          int64_t minor) {
  const Account& wallet = world.accounts[world.persons[payer].wallet];
  PaymentPlan plan = Instalment(payer, cell.collector, Channel::kMobileMoney, Dataset::kMobileMoney,
                                wallet.currency,
                                Convert(minor, cell.route->currency, wallet.currency), "transfert");
  plan.payer_account = world.persons[payer].wallet;
  plan.beneficiary_account = cell.collector_wallet;
  return plan;
}

// One instalment of a migrant's fee (`minor` in the route's currency), paid the way the payer
// can: a relative through hawala, mobile money or a transfer operator; the migrant from a
// wallet, through a transfer operator, or in cash to the recruiter.
void PayInstalment(WorldBuilder& builder, const SmugglingCell& cell, uint32_t migrant,
                   int64_t minor, int day, bool first, Takings& takings, Rng& rng) {
  const World& world = builder.world();
  const Person& person = world.persons[migrant];
  const std::string_view currency = cell.route->currency;
  const bool family_pays = person.relative != kNobody && (first || rng.Chance(500));
  const uint32_t payer = family_pays ? person.relative : migrant;
  const bool has_transfer_record =
      RecordOf(world, payer, Dataset::kMtoExport).dataset == Dataset::kMtoExport;
  PaymentPlan plan;
  if (family_pays && rng.Chance(250)) {
    plan = Instalment(payer, cell.hawaladar, Channel::kHawala, Dataset::kHawalaLedger, currency,
                      minor, "أمانة");
    takings.hawaladar_minor += minor;
  } else if (world.persons[payer].wallet != kNobody && (family_pays || first || rng.Chance(600))) {
    plan = ByMobileMoney(world, cell, payer, minor);
    takings.collector_minor += minor;
    ++takings.wallet_payments;
  } else if (has_transfer_record && (family_pays || first || rng.Chance(500))) {
    const std::string_view home =
        CurrencyOf(world.phones[world.persons[payer].first_phone].country);
    plan = Instalment(payer, cell.collector, Channel::kMoneyTransfer, Dataset::kMtoExport, home,
                      Convert(minor, currency, home), "FAMILY SUPPORT");
    takings.collector_minor += minor;
    ++takings.transfer_payments;
  } else {
    plan = Instalment(migrant, person.recruiter, Channel::kCash, Dataset::kPoliceRegister, currency,
                      minor, "passage (declared in hearing)");
  }
  plan.day = day;
  plan.second_of_day = BusinessSecond(rng);
  builder.Pay(plan);
}

void PayFees(WorldBuilder& builder, const SmugglingCell& cell, Takings& takings, Rng& rng) {
  const SmugglingRoute& route = *cell.route;
  const int64_t major = MajorUnit(route.currency);
  for (uint32_t migrant : cell.migrants) {
    const Person& person = builder.world().persons[migrant];
    const int64_t fee = rng.Between(route.fee_min / 100, route.fee_max / 100) * 100 * major;
    const int instalments = static_cast<int>(rng.Between(1, 3));
    for (int part = 0; part < instalments; ++part) {
      const int day = part == 0 ? person.depart_day - static_cast<int>(rng.Below(8))
                                : person.crossing_day -
                                      (instalments - part) * static_cast<int>(rng.Between(2, 6));
      const int64_t hundred = 100 * major;
      PayInstalment(builder, cell, migrant, fee / instalments / hundred * hundred, day, part == 0,
                    takings, rng);
    }
  }
}

// Collector -> organiser by bank, in transfers just under the threshold.
int64_t PassTakings(WorldBuilder& builder, const SmugglingCell& cell, int64_t total, Rng& rng) {
  const std::string_view currency = cell.route->currency;
  const int64_t threshold = ReportingThreshold(currency) * MajorUnit(currency);
  int64_t count = 0;
  for (int64_t left = total; left > 0; ++count) {
    const int64_t chunk =
        std::min(left, threshold / 1000 * static_cast<int64_t>(rng.Between(850, 990)));
    PaymentPlan plan;
    plan.payer = cell.collector;
    plan.beneficiary = cell.organiser;
    plan.payer_account = cell.collector_bank;
    plan.beneficiary_account = cell.organiser_bank;
    plan.minor = chunk / MajorUnit(currency) * MajorUnit(currency);
    plan.currency = currency;
    plan.channel = Channel::kBank;
    plan.dataset = Dataset::kBankStatement;
    plan.day = static_cast<int>(rng.Below(kPeriodDays));
    plan.second_of_day = BusinessSecond(rng);
    plan.purpose = "virement";
    if (plan.minor > 0) builder.Pay(plan);
    left -= chunk;
  }
  return count;
}

// Hawaladar -> organiser, in cash, after each crossing; and the crew's pay.
void SettleAndPayCrew(WorldBuilder& builder, const SmugglingCell& cell, int64_t hawala_total,
                      Rng& rng) {
  const std::string_view currency = cell.route->currency;
  const int64_t major = MajorUnit(currency);
  const int64_t share = hawala_total / std::max<int64_t>(1, cell.crossings.size()) / major * major;
  for (int day : cell.crossings) {
    PaymentPlan plan;
    plan.currency = currency;
    plan.channel = Channel::kCash;
    plan.day = day + 1;
    plan.second_of_day = BusinessSecond(rng);
    if (share > 0) {
      plan.payer = cell.hawaladar;
      plan.beneficiary = cell.organiser;
      plan.minor = share;
      plan.dataset = Dataset::kHawalaLedger;
      plan.purpose = "تسوية";
      builder.Pay(plan);
    }
    plan.payer = cell.organiser;
    plan.dataset = Dataset::kPoliceRegister;
    plan.purpose = "crew pay (declared in hearing)";
    for (uint32_t crew : {cell.pilot, cell.drivers[0], cell.drivers[1]}) {
      plan.beneficiary = crew;
      plan.minor = cell.route->fee_min / 4 * major;
      plan.day = day - static_cast<int>(rng.Below(3));
      builder.Pay(plan);
    }
  }
}

void RecordPatterns(WorldBuilder& builder, const SmugglingCell& cell, const Takings& takings,
                    int64_t transfers) {
  MoneyPattern wallet{"fan_in",
                      cell.unit,
                      cell.collector,
                      cell.collector_wallet,
                      takings.wallet_payments,
                      "mobile money fees from migrants"};
  MoneyPattern pickups{"fan_in",
                       cell.unit,
                       cell.collector,
                       kNobody,
                       takings.transfer_payments,
                       "money transfer pick-ups of fees sent by migrants and their families"};
  MoneyPattern structuring{"structuring",
                           cell.unit,
                           cell.collector,
                           cell.collector_bank,
                           transfers,
                           "bank transfers to the organiser each kept under " +
                               std::to_string(ReportingThreshold(cell.route->currency)) + " " +
                               std::string(cell.route->currency)};
  MoneyPattern hawala{"hawala_settlement",
                      cell.unit,
                      cell.hawaladar,
                      cell.hawaladar_bank,
                      static_cast<int64_t>(cell.crossings.size()),
                      "fees received through hawala, settled to the organiser in cash"};
  for (MoneyPattern* pattern : {&wallet, &pickups, &structuring, &hawala}) {
    builder.Pattern(std::move(*pattern));
  }
}

}  // namespace

void PlanSmugglingMoney(WorldBuilder& builder, const SmugglingCell& cell, Rng& rng) {
  Takings takings;
  PayFees(builder, cell, takings, rng);
  const int64_t transfers = PassTakings(builder, cell, takings.collector_minor, rng);
  SettleAndPayCrew(builder, cell, takings.hawaladar_minor, rng);
  RecordPatterns(builder, cell, takings, transfers);
}

}  // namespace tafkik::synth::internal
