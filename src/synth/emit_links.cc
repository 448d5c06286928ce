// Relations other than calls: ownership and membership, family and associates, recruitment,
// exploitation and employment, meetings, payments and travel. Each names the record of each
// end that its source would hold (a bank payment links the bank's records of payer and
// beneficiary; a hawala entry the ledger's), so resolution has to join them.
#include "synth/emitter.h"
#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/theatres.h"

namespace tafkik::synth::internal {
namespace {

enum LinkStream : uint64_t { kPaymentStream = 31, kTravelStream, kLinkStream };

Dataset OwnershipSource(const World& world, const LinkPlan& link) {
  if (link.target_kind == TargetKind::kPhone) {
    const PhoneLine& line = world.phones[link.target];
    return CdrDataset(line.country, SmugglingRoutes()[world.units[line.unit].route].phone_country);
  }
  if (link.target_kind == TargetKind::kAccount) {
    return world.accounts[link.target].wallet ? Dataset::kMobileMoney : Dataset::kBankStatement;
  }
  switch (world.assets[link.target].kind) {
    case AssetKind::kDevice:
      return Dataset::kPhoneExtraction;
    case AssetKind::kVehicle:
      return Dataset::kVehicleRegister;
    case AssetKind::kVessel:
      return Dataset::kBorderPolice;
    case AssetKind::kOrganization:
      return Dataset::kCompanyRegister;
  }
  return Dataset::kPoliceRegister;
}

Dataset LinkSource(const World& world, const LinkPlan& link) {
  if (link.schema == "Ownership" || link.schema == "Membership") {
    return OwnershipSource(world, link);
  }
  if (link.schema == "Meeting") return Dataset::kSurveillanceLog;
  if (link.schema == "Recruitment" || link.schema == "Exploitation" ||
      link.schema == "Employment") {
    return world.persons[link.target].smuggled ? Dataset::kPoliceRegister : Dataset::kNgoScreening;
  }
  return Dataset::kPoliceRegister;
}

EntityId TargetId(const World& world, const LinkPlan& link, Dataset source) {
  switch (link.target_kind) {
    case TargetKind::kPhone:
      return world.phones[link.target].id;
    case TargetKind::kAccount:
      return world.accounts[link.target].id;
    case TargetKind::kAsset:
      return world.assets[link.target].id;
    case TargetKind::kPerson:
      break;
  }
  return RecordOf(world, link.target, source).id;
}

std::string_view DetailProperty(std::string_view schema) {
  if (schema == "Family" || schema == "Associate") return "relationship";
  if (schema == "Recruitment") return "method";
  if (schema == "Exploitation") return "form";
  if (schema == "Meeting") return "";
  return "role";
}

void AddTimes(const LinkPlan& link, model::Relation& relation, Rng& rng) {
  if (link.schema == "Meeting") {
    relation.start = AtDay(link.day, rng.Between(9, 21) * 3600 + rng.Below(60) * 60);
    relation.end = Timestamp::FromSeconds(relation.start->seconds() + rng.Between(20, 120) * 60);
  } else if (link.schema == "Recruitment" || link.schema == "Exploitation" ||
             link.schema == "Employment") {
    relation.start = AtDay(link.day, 12 * 3600);
  }
}

void AddSpecifics(const World& world, const PlaceIds& places, const LinkPlan& link,
                  model::Relation& relation, const model::Provenance& row) {
  if (link.place != kNobody && (link.schema == "Meeting" || link.schema == "Exploitation")) {
    relation.Add("location", places.places[link.place].value(), row);
  }
  if (link.schema == "Meeting") relation.Add("place", std::string(Places()[link.place].name), row);
  if (link.schema == "Employment") relation.Add("status", "unpaid", row);
  if (link.schema != "Recruitment") return;
  const Person& recruiter = world.persons[link.source];
  const std::string_view promise =
      recruiter.network == Network::kSom
          ? "work for a few weeks to pay the rest of the crossing"
          : TraffickingSettings()[world.units[recruiter.unit].setting].promise;
  relation.Add("promise", std::string(promise), row);
}

Status EmitLink(const World& world, const PlaceIds& places, uint32_t index, Emitter& emitter) {
  const LinkPlan& link = world.links[index];
  const Dataset source = LinkSource(world, link);
  const EntityId target = TargetId(world, link, source);
  model::Provenance row;
  model::Relation relation = emitter.NewRelation(
      link.schema, source, RecordOf(world, link.source, source).id, target, row);
  Rng rng = Rng(world.seed).Fork({kLinkStream, index});
  const std::string_view property = DetailProperty(link.schema);
  if (!property.empty() && !link.detail.empty()) {
    relation.Add(std::string(property), std::string(link.detail), row);
  }
  AddTimes(link, relation, rng);
  AddSpecifics(world, places, link, relation, row);
  return emitter.Emit(relation);
}

std::string_view PaymentProvider(const World& world, const PaymentPlan& plan) {
  const uint32_t account =
      plan.payer_account != kNobody ? plan.payer_account : plan.beneficiary_account;
  switch (plan.channel) {
    case Channel::kMoneyTransfer:
      return TransferOperator(Places()[world.persons[plan.payer].home].country);
    case Channel::kBank:
    case Channel::kMobileMoney:
      return account == kNobody ? "" : AccountProvider(world.accounts[account]);
    default:
      return "";
  }
}

std::string TransactionNumber(Channel channel, Rng& rng) {
  switch (channel) {
    case Channel::kMoneyTransfer:
      return rng.Digits(10);  // a control number
    case Channel::kBank:
      return "VIR" + rng.Digits(10);
    case Channel::kMobileMoney:
      return "MP" + rng.Digits(12);
    case Channel::kHawala:
      return "p." + std::to_string(rng.Between(1, 96)) + "/" + std::to_string(rng.Between(1, 20));
    case Channel::kCash:
      return "";
  }
  return "";
}

void AddAmounts(const PaymentPlan& plan, model::Relation& relation, const model::Provenance& row) {
  const int digits = MinorDigits(plan.currency);
  relation.Add("amount", FormatMinor(plan.minor, digits), row);
  relation.Add("currency", std::string(plan.currency), row);
  relation.Add("amountEur", FormatMinor(ToEuroCents(plan.minor, plan.currency), 2), row);
  if (plan.channel == Channel::kMoneyTransfer) {
    relation.Add("fee", FormatMinor(plan.minor * 4 / 100, digits), row);  // 4%, typical
  }
}

Status EmitPayment(const World& world, uint32_t index, Emitter& emitter) {
  const PaymentPlan& plan = world.payments[index];
  model::Provenance row;
  model::Relation relation =
      emitter.NewRelation("Payment", plan.dataset, RecordOf(world, plan.payer, plan.dataset).id,
                          RecordOf(world, plan.beneficiary, plan.dataset).id, row);
  Rng rng = Rng(world.seed).Fork({kPaymentStream, index});
  relation.start = AtDay(plan.day, plan.second_of_day);
  relation.end = relation.start;
  AddAmounts(plan, relation, row);
  relation.Add("channel", std::string(ChannelName(plan.channel)), row);
  const std::string_view provider = PaymentProvider(world, plan);
  if (!provider.empty()) relation.Add("serviceProvider", std::string(provider), row);
  relation.Add("purpose", std::string(plan.purpose), row);
  const std::string transaction = TransactionNumber(plan.channel, rng);
  if (!transaction.empty()) relation.Add("transactionNumber", transaction, row);
  if (plan.payer_account != kNobody) {
    relation.Add("payerAccount", world.accounts[plan.payer_account].id.value(), row);
  }
  if (plan.beneficiary_account != kNobody) {
    relation.Add("beneficiaryAccount", world.accounts[plan.beneficiary_account].id.value(), row);
  }
  if (emitter.files() != nullptr && plan.dataset == Dataset::kMtoExport) {
    return emitter.files()->AddTransfer(relation, plan);
  }
  return emitter.Emit(relation);
}

Status EmitTravel(const World& world, const PlaceIds& places, uint32_t index, Emitter& emitter) {
  const TravelPlan& plan = world.travels[index];
  const Person& traveller = world.persons[plan.traveller];
  const Dataset source = traveller.role == Role::kVictim && !traveller.smuggled
                             ? Dataset::kNgoScreening
                             : Dataset::kBorderPolice;
  model::Provenance row;
  model::Relation relation = emitter.NewRelation(
      "Travel", source, RecordOf(world, plan.traveller, source).id, places.places[plan.to], row);
  Rng rng = Rng(world.seed).Fork({kTravelStream, index});
  const int64_t hours = plan.mode == "sea" ? rng.Between(10, 30) : rng.Between(3, 14);
  relation.start = AtDay(plan.day, rng.Between(0, 23) * 3600);
  relation.end = Timestamp::FromSeconds(relation.start->seconds() + hours * 3600);
  relation.Add("origin", places.places[plan.from].value(), row);
  relation.Add("mode", std::string(plan.mode), row);
  if (Places()[plan.to].kind == "border_crossing") {
    relation.Add("borderCrossing", places.places[plan.to].value(), row);
  }
  if (plan.leg != 0) {
    relation.Add("routeLeg",
                 "leg " + std::to_string(plan.leg) + ": " + std::string(Places()[plan.from].name) +
                     " -> " + std::string(Places()[plan.to].name),
                 row);
  }
  if (plan.vehicle != kNobody) relation.Add("vehicle", world.assets[plan.vehicle].id.value(), row);
  return emitter.Emit(relation);
}

}  // namespace

Status EmitLinks(const World& world, const PlaceIds& places, Emitter& emitter) {
  for (uint32_t index = 0; index < world.links.size(); ++index) {
    TAFKIK_RETURN_IF_ERROR(EmitLink(world, places, index, emitter));
  }
  return Status::Ok();
}

Status EmitPayments(const World& world, Emitter& emitter) {
  for (uint32_t index = 0; index < world.payments.size(); ++index) {
    TAFKIK_RETURN_IF_ERROR(EmitPayment(world, index, emitter));
  }
  return Status::Ok();
}

Status EmitTravels(const World& world, const PlaceIds& places, Emitter& emitter) {
  for (uint32_t index = 0; index < world.travels.size(); ++index) {
    TAFKIK_RETURN_IF_ERROR(EmitTravel(world, places, index, emitter));
  }
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
