#include "synth/world.h"

#include <algorithm>

#include "core/phone.h"
#include "core/status.h"
#include "synth/identifiers.h"
#include "synth/places.h"
#include "synth/world_builder.h"

namespace tafkik::synth::internal {
namespace {

// Short prefixes for the register numbers that key person records in each source.
constexpr std::string_view kRecordPrefixes[] = {
    "PV",  "MTO", "BNK", "MM",     "HWL",    "EXT",    "BRD",    "NGO",   "SRV",
    "VEH", "RC",  "GAZ", "SUB-MA", "SUB-EG", "SUB-LY", "SUB-TN", "SUB-NE"};
static_assert(std::size(kRecordPrefixes) == static_cast<size_t>(Dataset::kCount));

// Stream labels for Rng::Fork: each part of the world draws from its own stream, so adding
// draws to one part does not shift the others.
enum StreamLabel : uint64_t {
  kSmugglingStream = 1,
  kTraffickingStream,
  kContactsStream,
  kFinishStream,
  kImeiStream
};

}  // namespace

std::string_view RoleName(Role role) {
  static constexpr std::string_view kNames[] = {
      "organiser", "recruiter", "driver",    "boat_pilot",    "collector",
      "migrant",   "victim",    "exploiter", "family_member", "background"};
  return kNames[static_cast<size_t>(role)];
}

std::string_view NetworkName(Network network) {
  static constexpr std::string_view kNames[] = {"som", "tip", "none"};
  return kNames[static_cast<size_t>(network)];
}

std::string_view ChannelName(Channel channel) {
  static constexpr std::string_view kNames[] = {"bank", "money_transfer", "mobile_money", "hawala",
                                                "cash"};
  return kNames[static_cast<size_t>(channel)];
}

bool IsUnder18(int64_t birth_day, int64_t day) {
  const std::string born = FormatDay(birth_day);
  const std::string eighteenth = std::to_string(std::stoi(born.substr(0, 4)) + 18) + born.substr(4);
  return eighteenth > FormatDay(day);
}

const Origin& DrawOrigin(std::span<const Origin> origins, Rng& rng) {
  std::vector<uint32_t> weights;
  for (const Origin& origin : origins) weights.push_back(origin.weight);
  return origins[rng.Weighted(weights)];
}

uint32_t WorldBuilder::AddPerson(Person person, NameOrigin origin, bool female, AgeRange age,
                                 const std::vector<Dataset>& datasets,
                                 const std::vector<std::string_view>& phone_countries, Rng& rng) {
  const uint32_t index = static_cast<uint32_t>(world_.persons.size());
  person.name = DrawName(origin, female, rng);
  const int years = static_cast<int>(rng.Between(age.min, age.max));
  person.birth_day = kFirstDay - years * 365 - years / 4 - static_cast<int64_t>(rng.Below(365));
  person.child = IsUnder18(person.birth_day, kFirstDay);
  person.first_record = static_cast<uint32_t>(world_.records.size());
  person.record_count = static_cast<uint32_t>(datasets.size());
  for (Dataset dataset : datasets) {
    const int64_t key = ++record_keys_[static_cast<size_t>(dataset)];
    Record record;
    record.id = MakeEntityId(DatasetName(dataset),
                             {kRecordPrefixes[static_cast<size_t>(dataset)], std::to_string(key)});
    record.person = index;
    record.dataset = dataset;
    world_.records.push_back(std::move(record));
  }
  if (!phone_countries.empty()) {
    person.first_phone = static_cast<uint32_t>(world_.phones.size());
    person.phone_count = static_cast<uint32_t>(phone_countries.size());
  }
  world_.persons.push_back(person);
  for (std::string_view country : phone_countries) {
    const uint32_t phone = AddNumber(country, person.unit, person.home, rng);
    world_.phones[phone].user = index;
    world_.phones[phone].subscriber = index;
  }
  return index;
}

std::string WorldBuilder::UniqueNumber(std::string_view country, Rng& rng) {
  for (;;) {
    std::string number = MobileNumber(country, rng);
    if (numbers_.insert(number).second) return number;
  }
}

uint32_t WorldBuilder::AddNumber(std::string_view country, uint32_t unit, uint32_t place,
                                 Rng& rng) {
  PhoneLine line;
  line.place = place;
  line.number = UniqueNumber(country, rng);
  line.country = country;
  line.unit = unit;
  // One Phone per number across datasets (docs/exchange-ids.md), as imports give it.
  line.id = PhoneEntityId(line.number);
  world_.phones.push_back(std::move(line));
  return static_cast<uint32_t>(world_.phones.size() - 1);
}

uint32_t WorldBuilder::AddAccount(uint32_t holder, bool wallet, std::string_view country,
                                  std::string_view currency, Rng& rng) {
  Account account;
  account.holder = holder;
  account.wallet = wallet;
  account.country = country;
  account.currency = currency;
  if (wallet) {
    // Wallets are keyed by the holder's number; fall back to a fresh one if they have none.
    const uint32_t phone = PhoneOf(holder);
    account.number = phone == kNobody ? UniqueNumber(country, rng) : world_.phones[phone].number;
    account.number.erase(0, 1);  // operators list MSISDNs without the '+'
    account.id = MakeEntityId(DatasetName(Dataset::kMobileMoney), {"account", account.number});
  } else {
    do {
      account.number = Iban(country, rng);
    } while (!numbers_.insert(account.number).second);
    account.id = IbanEntityId(account.number);  // as a bank statement import gives it
  }
  world_.accounts.push_back(std::move(account));
  return static_cast<uint32_t>(world_.accounts.size() - 1);
}

uint32_t WorldBuilder::AddWallet(uint32_t holder, uint32_t phone) {
  const std::string_view country = world_.phones[phone].country;
  Account account;
  account.holder = holder;
  account.wallet = true;
  account.country = country;
  account.currency = CurrencyOf(country);
  account.number = world_.phones[phone].number.substr(1);
  account.id = MakeEntityId(DatasetName(Dataset::kMobileMoney), {"account", account.number});
  world_.accounts.push_back(std::move(account));
  const uint32_t index = static_cast<uint32_t>(world_.accounts.size() - 1);
  world_.persons[holder].wallet = index;
  Own(holder, TargetKind::kAccount, index, "holder");
  return index;
}

uint32_t WorldBuilder::AddAsset(AssetKind kind, uint32_t owner, uint32_t unit) {
  static constexpr std::string_view kKinds[] = {"device", "vehicle", "vessel", "organization"};
  static constexpr Dataset kSources[] = {Dataset::kPhoneExtraction, Dataset::kVehicleRegister,
                                         Dataset::kBorderPolice, Dataset::kCompanyRegister};
  const size_t kind_index = static_cast<size_t>(kind);
  Asset asset;
  asset.kind = kind;
  asset.owner = owner;
  asset.unit = unit;
  asset.serial = ++asset_serials_[kind_index];
  if (kind == AssetKind::kDevice) {
    // A handset is known by its IMEI in every source (docs/exchange-ids.md).
    Rng rng = Rng(world_.seed).Fork({kImeiStream, world_.assets.size()});
    do {
      asset.imei = Imei(rng);
    } while (!numbers_.insert(asset.imei).second);
    asset.id = HandsetEntityId(asset.imei);
  } else {
    asset.id = MakeEntityId(DatasetName(kSources[kind_index]),
                            {kKinds[kind_index], std::to_string(asset.serial)});
  }
  world_.assets.push_back(std::move(asset));
  return static_cast<uint32_t>(world_.assets.size() - 1);
}

void WorldBuilder::Link(std::string_view schema, uint32_t source, uint32_t target,
                        std::string_view detail, uint32_t place, int day, TargetKind target_kind) {
  LinkPlan link;
  link.schema = schema;
  link.source = source;
  link.target = target;
  link.detail = detail;
  link.place = place;
  link.day = day;
  link.target_kind = target_kind;
  world_.links.push_back(link);
}

void WorldBuilder::Own(uint32_t owner, TargetKind target_kind, uint32_t target,
                       std::string_view role) {
  Link("Ownership", owner, target, role, kNobody, 0, target_kind);
}

void WorldBuilder::Dyad(uint32_t phone_a, uint32_t phone_b, uint32_t weight) {
  if (phone_a == kNobody || phone_b == kNobody || phone_a == phone_b || weight == 0) return;
  world_.dyads.push_back({phone_a, phone_b, weight});
}

uint32_t WorldBuilder::PhoneOf(uint32_t person, uint32_t index) const {
  const Person& owner = world_.persons[person];
  if (owner.phone_count == 0) return kNobody;
  return owner.first_phone + index % owner.phone_count;
}

World BuildWorld(uint64_t seed, int64_t scale) {
  World world;
  world.seed = seed;
  world.scale = scale;
  WorldBuilder builder(world);
  const Rng root(seed);
  for (uint32_t unit_index = 0; unit_index < static_cast<uint32_t>(scale); ++unit_index) {
    Unit unit;
    unit.route = unit_index % SmugglingRoutes().size();
    unit.setting = unit_index % TraffickingSettings().size();
    unit.first_dyad = static_cast<uint32_t>(world.dyads.size());
    world.units.push_back(std::move(unit));
    Rng smuggling = root.Fork({kSmugglingStream, unit_index});
    BuildSmugglingCell(builder, unit_index, smuggling);
    Rng trafficking = root.Fork({kTraffickingStream, unit_index});
    BuildTraffickingRing(builder, unit_index, trafficking);
    Rng contacts = root.Fork({kContactsStream, unit_index});
    BuildContacts(builder, unit_index, contacts);
    Unit& built = world.units.back();
    built.dyad_count = static_cast<uint32_t>(world.dyads.size()) - built.first_dyad;
    for (uint32_t dyad = built.first_dyad; dyad < world.dyads.size(); ++dyad) {
      built.dyad_weight += world.dyads[dyad].weight;
    }
  }
  Rng finish = root.Fork({kFinishStream});
  FinishWorld(builder, finish);
  return world;
}

const Record& RecordOf(const World& world, uint32_t person, Dataset dataset) {
  const Person& owner = world.persons[person];
  for (uint32_t offset = 0; offset < owner.record_count; ++offset) {
    const Record& record = world.records[owner.first_record + offset];
    if (record.dataset == dataset) return record;
  }
  return world.records[owner.first_record];
}

const Record& PrimaryRecord(const World& world, uint32_t person) {
  return RecordOf(world, person, Dataset::kPoliceRegister);
}

}  // namespace tafkik::synth::internal
