// The planted world: every real person, the records the sources hold about them, their
// phones, accounts and assets, and the plans of the relations between them (payments,
// journeys, meetings, recruitment, exploitation). Everything here is O(entities); calls are
// not stored: they are drawn day by day from the per-unit contact structure (`dyads`) and the
// dated events (payments, crossings). Built once by BuildWorld; read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "synth/datasets.h"
#include "synth/names.h"
#include "synth/random.h"

namespace tafkik::synth::internal {

constexpr uint32_t kNobody = UINT32_MAX;

// The period the generated investigation covers: 2025-09-01 to 2026-02-28 (UTC).
constexpr int64_t kFirstDay = 20332;  // days since 1970-01-01
constexpr int kPeriodDays = 181;

enum class Role : uint8_t {
  kOrganiser,
  kRecruiter,
  kDriver,
  kBoatPilot,
  kCollector,
  kMigrant,
  kVictim,
  kExploiter,
  kFamilyMember,
  kBackground,
};
enum class Network : uint8_t { kSom, kTip, kNone };
std::string_view RoleName(Role role);           // "organiser", "boat_pilot", ...
std::string_view NetworkName(Network network);  // "som", "tip", "none"

struct Person {
  PersonName name;
  Role role = Role::kBackground;
  Network network = Network::kNone;
  bool child = false;     // under 18 on the first day of the period
  bool smuggled = false;  // a victim who is also a smuggled migrant
  std::string_view form;  // victims: the Exploitation.form value; "" otherwise
  std::string_view nationality;
  uint32_t unit = 0;
  int64_t birth_day = 0;      // days since 1970-01-01
  uint32_t home = 0;          // place index
  uint32_t first_record = 0;  // records [first_record, first_record + record_count)
  uint32_t record_count = 0;
  uint32_t first_phone = kNobody;  // phones [first_phone, first_phone + phone_count)
  uint32_t phone_count = 0;
  uint32_t relative = kNobody;   // the family member who pays for or hears from them
  uint32_t recruiter = kNobody;  // migrants and victims
  uint32_t exploiter = kNobody;  // victims
  uint32_t workplace = kNobody;  // victims: place index
  uint32_t wallet = kNobody;     // the mobile money wallet they pay from (account index)
  int depart_day = -1;           // migrants: day (from the period start) they leave home
  int crossing_day = -1;         // migrants: day of the sea crossing (or interception)
  bool intercepted = false;
};

// One Person entity: what one source holds about one real person.
struct Record {
  EntityId id;
  uint32_t person = 0;
  Dataset dataset = Dataset::kPoliceRegister;
};

struct PhoneLine {
  EntityId id;
  std::string number;
  std::string_view country;       // the SIM's country, "thuraya" for satellite
  uint32_t user = kNobody;        // the person who uses it (kNobody: a number only)
  uint32_t subscriber = kNobody;  // whom the operator has it registered to
  uint32_t unit = 0;
  uint32_t place = 0;  // where it is usually used (place index)
};

struct Account {
  EntityId id;
  uint32_t holder = kNobody;
  bool wallet = false;  // a mobile money wallet rather than a bank account
  std::string_view country;
  std::string_view currency;
  std::string number;  // IBAN, or the wallet's phone number digits
};

enum class AssetKind : uint8_t { kDevice, kVehicle, kVessel, kOrganization };
struct Asset {
  EntityId id;
  AssetKind kind = AssetKind::kDevice;
  uint32_t owner = kNobody;  // person (organisations: the manager)
  uint32_t unit = 0;
  uint32_t serial = 0;  // per kind and unit, to vary models and names
  std::string imei;     // devices: the handset's IMEI (it keys the Device's id)
};

enum class Channel : uint8_t { kBank, kMoneyTransfer, kMobileMoney, kHawala, kCash };
std::string_view ChannelName(Channel channel);

struct PaymentPlan {
  uint32_t payer = kNobody;  // persons
  uint32_t beneficiary = kNobody;
  uint32_t payer_account = kNobody;
  uint32_t beneficiary_account = kNobody;
  int64_t minor = 0;
  std::string_view currency;
  Channel channel = Channel::kCash;
  int day = 0;  // from the period start
  int second_of_day = 0;
  std::string_view purpose;
  Dataset dataset = Dataset::kPoliceRegister;
};

struct TravelPlan {
  uint32_t traveller = kNobody;
  uint32_t from = 0;  // place indexes
  uint32_t to = 0;
  int day = 0;
  std::string_view mode;       // "land", "sea", "air"
  uint32_t vehicle = kNobody;  // asset index
  uint32_t leg = 0;
};

// What a link's target index points into.
enum class TargetKind : uint8_t { kPerson, kPhone, kAccount, kAsset };

// Links without money or movement: Family, Associate, Membership, Recruitment,
// Exploitation, Meeting, Ownership.
struct LinkPlan {
  std::string_view schema;
  uint32_t source = kNobody;  // person
  uint32_t target = kNobody;  // person, or for Ownership/Membership the asset/account/phone
  std::string_view detail;    // relationship, role, method, form
  uint32_t place = kNobody;
  int day = 0;
  TargetKind target_kind = TargetKind::kPerson;
};

// Who calls whom in a unit, with how much weight per day.
struct Dyad {
  uint32_t a = 0;  // phone indexes
  uint32_t b = 0;
  uint32_t weight = 0;
};

// A planted money pattern, for the ground truth.
struct MoneyPattern {
  std::string_view type;  // "fan_in", "structuring", "wage_diversion", "hawala_settlement"
  uint32_t unit = 0;
  uint32_t holder = kNobody;
  uint32_t account = kNobody;
  int64_t payments = 0;
  std::string note;
};

struct CellSite {
  std::string id;  // "604-01-2214-31407": MCC-MNC-LAC-CI, as CDRs give it
  int32_t latitude_e6 = 0;
  int32_t longitude_e6 = 0;
};

struct Unit {
  uint32_t route = 0;                 // into SmugglingRoutes()
  uint32_t setting = 0;               // into TraffickingSettings()
  std::vector<uint32_t> som_members;  // organiser first
  std::vector<uint32_t> tip_members;  // organiser first
  std::vector<uint32_t> migrants;
  std::vector<uint32_t> victims;
  std::vector<uint32_t> witnesses;
  uint32_t informant = kNobody;  // a background person who tipped off the police
  uint32_t agency = kNobody;     // the trafficking ring's placement agency (asset index)
  std::vector<int> crossing_days;
  uint32_t first_dyad = 0;
  uint32_t dyad_count = 0;
  uint64_t dyad_weight = 0;
};

struct World {
  uint64_t seed = 0;
  int64_t scale = 1;
  std::vector<Person> persons;
  std::vector<Record> records;
  std::vector<PhoneLine> phones;
  std::vector<Account> accounts;
  std::vector<Asset> assets;
  std::vector<PaymentPlan> payments;
  std::vector<TravelPlan> travels;
  std::vector<LinkPlan> links;
  std::vector<Dyad> dyads;
  std::vector<MoneyPattern> patterns;
  std::vector<Unit> units;
  std::vector<std::vector<CellSite>> cells;  // per place: the cell sites around it
};

// Builds the world for `seed` and `scale` (scale units of one smuggling cell and one
// trafficking ring each). Deterministic.
World BuildWorld(uint64_t seed, int64_t scale);

// The record of `person` from `dataset`, or the person's first record when that source holds
// none.
const Record& RecordOf(const World& world, uint32_t person, Dataset dataset);
// The person's record the police hold, or the first: what cases and truth name first.
const Record& PrimaryRecord(const World& world, uint32_t person);

}  // namespace tafkik::synth::internal
