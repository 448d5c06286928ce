// Phones (lines), bank accounts and mobile money wallets, handsets, vehicles, boats and the
// organisations the networks hide behind.
#include <array>

#include "synth/emitter.h"
#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/theatres.h"

namespace tafkik::synth::internal {
namespace {

enum HoldingStream : uint64_t { kPhoneStream = 21, kAssetStream };

struct Operator {
  std::string_view country, name, network_code;
};
constexpr Operator kOperators[] = {{"ma", "Atlas Telecom", "01"},  {"eg", "Nile Mobile", "02"},
                                   {"ly", "Libya Link", "01"},     {"tn", "Carthage Telecom", "03"},
                                   {"ne", "Ténéré Mobile", "04"},  {"sn", "Teranga Mobile", "01"},
                                   {"ng", "Delta Wireless", "30"}, {"es", "Iberia Móvil", "07"},
                                   {"it", "Tirreno Mobile", "10"}, {"thuraya", "Thuraya", ""}};

const Operator& OperatorOf(std::string_view country) {
  for (const Operator& candidate : kOperators) {
    if (candidate.country == country) return candidate;
  }
  return kOperators[0];
}

// The operator dataset in which a line shows up: its own, or that of the unit's route.
Dataset SourceOfLine(const World& world, const PhoneLine& line) {
  const std::string_view route_country =
      SmugglingRoutes()[world.units[line.unit].route].phone_country;
  return CdrDataset(line.country, route_country);
}

Status EmitPhone(const World& world, uint32_t index, Emitter& emitter) {
  const PhoneLine& line = world.phones[index];
  Rng rng = Rng(world.seed).Fork({kPhoneStream, index});
  const model::Provenance row = emitter.Row(SourceOfLine(world, line));
  const Operator& carrier = OperatorOf(line.country);
  model::Entity phone{line.id, "Phone", {}};
  phone.Add("number", line.number, row);
  phone.Add("serviceProvider", std::string(carrier.name), row);
  if (line.country == "thuraya") return emitter.Emit(phone);
  phone.Add("country", std::string(line.country), row);
  const std::string_view mcc = MobileCountryCode(line.country);
  if (!mcc.empty()) phone.Add("imsi", Imsi(mcc, carrier.network_code, rng), row);
  return emitter.Emit(phone);
}

std::string Bic(const Account& account) {
  const std::string_view provider = AccountProvider(account);
  std::string bic;
  for (char letter : provider) {
    if (letter >= 'A' && letter <= 'Z') bic.push_back(letter);
    if (letter >= 'a' && letter <= 'z' && bic.size() < 2)
      bic.push_back(static_cast<char>(letter - 32));
  }
  bic = (bic + "XXXX").substr(0, 4);
  for (char letter : account.country) bic.push_back(static_cast<char>(letter - 32));
  return bic + "XX";
}

Status EmitAccount(const Account& account, Emitter& emitter) {
  const model::Provenance row =
      emitter.Row(account.wallet ? Dataset::kMobileMoney : Dataset::kBankStatement);
  model::Entity entity{account.id, "BankAccount", {}};
  entity.Add(account.wallet ? "accountNumber" : "iban", account.number, row);
  entity.Add("bankName", std::string(AccountProvider(account)), row);
  if (!account.wallet) entity.Add("bic", Bic(account), row);
  entity.Add("currency", std::string(account.currency), row);
  entity.Add("accountType", account.wallet ? "mobile money wallet" : "current account", row);
  entity.Add("country", std::string(account.country), row);
  return emitter.Emit(entity);
}

std::string EvidenceOf(const Asset& asset) {
  return "EXH-" + std::to_string(asset.unit + 1) + "-PHONES";
}

void DescribeDevice(const Asset& asset, model::Entity& entity, Rng& rng,
                    const model::Provenance& row) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kModels = {
      {{"Samsung", "Galaxy A14"},
       {"Tecno", "Spark 10"},
       {"Infinix", "Hot 30"},
       {"Xiaomi", "Redmi 12C"},
       {"Nokia", "105"},
       {"Oppo", "A17"}}};
  const auto& [maker, model] = rng.Pick(kModels);
  entity.Add("imei", asset.imei, row);
  entity.Add("manufacturer", std::string(maker), row);
  entity.Add("model", std::string(model), row);
}

void DescribeVehicle(const World& world, const Asset& asset, model::Entity& entity, Rng& rng,
                     const model::Provenance& row) {
  const std::string_view country = Places()[world.persons[asset.owner].home].country;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kModels = {
      {{"pickup", "Toyota Hilux"},
       {"pickup", "Toyota Land Cruiser 79"},
       {"van", "Mercedes-Benz Sprinter"}}};
  const auto& [type, model] = rng.Pick(kModels);
  entity.Add("registrationNumber", Plate(country, rng), row);
  entity.Add("type", std::string(type), row);
  entity.Add("model", std::string(model), row);
  entity.Add("country", std::string(country), row);
}

void DescribeVessel(const World& world, const Asset& asset, model::Entity& entity, Rng& rng,
                    const model::Provenance& row) {
  static constexpr std::array<std::string_view, 6> kNames = {
      "Nour El Bahr", "Al Baraka", "Bahr Essalam", "Zahrat Al Bahr", "Al Fajr", "Rizk"};
  static constexpr std::array<std::string_view, 3> kTypes = {"inflatable boat",
                                                             "wooden fishing boat", "iron boat"};
  const SmugglingRoute& route = SmugglingRoutes()[world.units[asset.unit].route];
  entity.Add("name", std::string(rng.Pick(kNames)) + " " + std::to_string(rng.Between(1, 9)), row);
  entity.Add("type", std::string(rng.Pick(kTypes)), row);
  entity.Add("flag", std::string(route.phone_country), row);
  entity.Add("registrationPort", std::string(Places()[PlaceIndex(route.departure)].name), row);
}

void DescribeOrganization(const World& world, const Asset& asset, model::Entity& entity, Rng& rng,
                          const model::Provenance& row) {
  const Person& manager = world.persons[asset.owner];
  const std::string_view country = Places()[manager.home].country;
  entity.Add("name", OrganizationName(world, asset), row);
  entity.Add("country", std::string(country), row);
  entity.Add("legalForm", country == "eg" ? "LLC" : "SARL", row);
  entity.Add("registrationNumber", "RC " + rng.Digits(6), row);
  entity.Add("address", std::string(Places()[manager.home].name), row);
  entity.Add("incorporationDate", FormatDay(kFirstDay - rng.Between(400, 3000)), row);
}

Status EmitAsset(const World& world, uint32_t index, Emitter& emitter) {
  static constexpr std::string_view kSchemata[] = {"Device", "Vehicle", "Vessel", "Organization"};
  static constexpr Dataset kSources[] = {Dataset::kPhoneExtraction, Dataset::kVehicleRegister,
                                         Dataset::kBorderPolice, Dataset::kCompanyRegister};
  const Asset& asset = world.assets[index];
  const size_t kind = static_cast<size_t>(asset.kind);
  Rng rng = Rng(world.seed).Fork({kAssetStream, index});
  const model::Provenance row =
      emitter.Row(kSources[kind], asset.kind == AssetKind::kDevice ? EvidenceOf(asset) : "");
  model::Entity entity{asset.id, std::string(kSchemata[kind]), {}};
  switch (asset.kind) {
    case AssetKind::kDevice:
      DescribeDevice(asset, entity, rng, row);
      break;
    case AssetKind::kVehicle:
      DescribeVehicle(world, asset, entity, rng, row);
      break;
    case AssetKind::kVessel:
      DescribeVessel(world, asset, entity, rng, row);
      break;
    case AssetKind::kOrganization:
      DescribeOrganization(world, asset, entity, rng, row);
      break;
  }
  return emitter.Emit(entity);
}

}  // namespace

Status EmitPhones(const World& world, Emitter& emitter) {
  for (uint32_t index = 0; index < world.phones.size(); ++index) {
    TAFKIK_RETURN_IF_ERROR(EmitPhone(world, index, emitter));
  }
  return Status::Ok();
}

Status EmitHoldings(const World& world, Emitter& emitter) {
  for (const Account& account : world.accounts) {
    TAFKIK_RETURN_IF_ERROR(EmitAccount(account, emitter));
  }
  for (uint32_t index = 0; index < world.assets.size(); ++index) {
    TAFKIK_RETURN_IF_ERROR(EmitAsset(world, index, emitter));
  }
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
