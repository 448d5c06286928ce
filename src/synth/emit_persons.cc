// Person entities: one per record, written the way its source writes people. The same real
// person appears in Arabic script in police registers and hawala ledgers, in capitals in
// money transfer and border exports, in title case in bank statements and NGO interviews, and
// by nickname in seized phones, with the identity numbers each source keeps.
#include <array>

#include "synth/emitter.h"
#include "synth/identifiers.h"
#include "synth/places.h"

namespace tafkik::synth::internal {
namespace {

enum PersonStream : uint64_t { kRecordStream = 11, kDocumentStream };

struct Documents {
  std::string national_id;  // "" for nationalities without one in our sources
  std::string passport;
};

std::string EgyptianNationalId(const Person& person, Rng& rng) {
  const std::string born = FormatDay(person.birth_day);  // YYYY-MM-DD
  const std::string century = born[0] == '2' ? "3" : "2";
  return century + born.substr(2, 2) + born.substr(5, 2) + born.substr(8, 2) + rng.Digits(2) +
         rng.Digits(4) + rng.Digits(1);
}

Documents DocumentsOf(const World& world, uint32_t person_index) {
  const Person& person = world.persons[person_index];
  Rng rng = Rng(world.seed).Fork({kDocumentStream, person_index});
  Documents documents;
  const std::string_view country = person.nationality;
  if (country == "ma") {
    static constexpr std::array<std::string_view, 6> kPrefixes = {"S", "SH", "J", "Z", "CD", "FA"};
    documents.national_id = std::string(rng.Pick(kPrefixes)) + rng.Digits(6);
  } else if (country == "eg") {
    documents.national_id = EgyptianNationalId(person, rng);
  } else if (country == "tn") {
    documents.national_id = "0" + rng.Digits(7);
  } else if (country == "ly") {
    documents.national_id =
        (person.name.female ? "2" : "1") + FormatDay(person.birth_day).substr(0, 4) + rng.Digits(7);
  }
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTUVWXZ";
  documents.passport = std::string(1, kLetters[rng.Below(kLetters.size())]) + rng.Digits(8);
  return documents;
}

std::string_view RoleWord(const Person& person, Rng& rng) {
  static constexpr std::array<std::string_view, 3> kBosses = {"Boss", "Hajj", "Chef"};
  switch (person.role) {
    case Role::kOrganiser:
      if (person.network == Network::kTip && person.name.female) return "Mama";
      return rng.Pick(kBosses);
    case Role::kBoatPilot:
      return "Capitano";
    case Role::kDriver:
      return "Chauffeur";
    case Role::kCollector:
      return rng.Chance(500) ? "Hajj" : "";
    default:
      return "";
  }
}

std::string FirstWord(std::string_view text) { return std::string(text.substr(0, text.find(' '))); }

std::string FirstPhone(const World& world, const Person& person) {
  return person.phone_count == 0 ? "" : world.phones[person.first_phone].number;
}

// Adds the identity number a source of `dataset`'s kind would record.
void AddIdentity(model::Entity& entity, const Person& person, const Documents& documents,
                 bool prefer_passport, const model::Provenance& row) {
  if (!documents.national_id.empty() && !prefer_passport) {
    entity.Add("idNumber", documents.national_id, row);
  } else if (person.role != Role::kBackground || prefer_passport) {
    entity.Add("passportNumber", documents.passport, row);
  }
}

void AddIfSet(model::Entity& entity, const std::string& property, std::string value,
              const model::Provenance& row) {
  if (!value.empty()) entity.Add(property, std::move(value), row);
}

std::string NameFor(const World& world, const Record& record, Rng& rng) {
  const Person& person = world.persons[record.person];
  switch (record.dataset) {
    case Dataset::kPhoneExtraction: {
      // Contacts are tagged with the town, not with a beach or a camp.
      const Place& home = Places()[person.home];
      const bool town = home.kind == "city" || home.kind == "town";
      return Nickname(person.name, town ? FirstWord(home.name) : "",
                      town ? FirstWord(home.arabic) : "", RoleWord(person, rng), rng);
    }
    case Dataset::kHawalaLedger:
      if (rng.Chance(400)) return Nickname(person.name, "", "", RoleWord(person, rng), rng);
      return RenderName(person.name, NameStyle::kArabic, rng);
    case Dataset::kNgoScreening:
      if (rng.Chance(300)) return FirstWord(RenderName(person.name, NameStyle::kTitle, rng));
      return RenderName(person.name, NameStyle::kTitle, rng);
    default:
      return RenderName(person.name, StyleOf(record.dataset), rng);
  }
}

void AddDatasetProperties(const World& world, const Record& record, model::Entity& entity,
                          const model::Provenance& row, Rng& rng) {
  const Person& person = world.persons[record.person];
  const Documents documents = DocumentsOf(world, record.person);
  const std::string gender = person.name.female ? "female" : "male";
  const std::string born = FormatDay(person.birth_day);
  const std::string phone = FirstPhone(world, person);
  const bool foreign =
      person.nationality != Places()[person.home].country || documents.national_id.empty();
  switch (record.dataset) {
    case Dataset::kPoliceRegister:
      entity.Add("gender", gender, row);
      entity.Add("birthDate", born, row);
      entity.Add("nationality", std::string(person.nationality), row);
      AddIdentity(entity, person, documents, foreign, row);
      if (rng.Chance(800)) AddIfSet(entity, "phone", phone, row);
      return;
    case Dataset::kBorderPolice:
      entity.Add("gender", gender, row);
      entity.Add("birthDate", born, row);
      entity.Add("nationality", std::string(person.nationality), row);
      entity.Add("passportNumber", documents.passport, row);
      return;
    case Dataset::kMtoExport:
      entity.Add("nationality", std::string(person.nationality), row);
      entity.Add("country", std::string(Places()[person.home].country), row);
      AddIdentity(entity, person, documents, foreign, row);
      if (rng.Chance(700)) AddIfSet(entity, "phone", phone, row);
      if (rng.Chance(500)) entity.Add("birthDate", born, row);
      return;
    case Dataset::kNgoScreening:
      entity.Add("gender", gender, row);
      entity.Add("birthDate", rng.Chance(300) ? born.substr(0, 4) : born, row);
      entity.Add("nationality", std::string(person.nationality), row);
      AddIfSet(entity, "phone", phone, row);
      return;
    case Dataset::kPhoneExtraction:
    case Dataset::kMobileMoney:
      AddIfSet(entity, "phone", phone, row);
      if (record.dataset == Dataset::kMobileMoney && rng.Chance(500)) {
        AddIdentity(entity, person, documents, foreign, row);
      }
      return;
    case Dataset::kHawalaLedger:
      if (rng.Chance(300)) AddIfSet(entity, "phone", phone, row);
      return;
    default:  // bank, company and vehicle registers, operators' subscriber data
      entity.Add("country", std::string(Places()[person.home].country), row);
      entity.Add("address", std::string(Places()[person.home].name), row);
      AddIdentity(entity, person, documents, foreign, row);
      if (record.dataset != Dataset::kBankStatement || rng.Chance(500)) {
        AddIfSet(entity, "phone", phone, row);
      }
      return;
  }
}

std::string EvidenceFor(const Record& record, const Person& person) {
  if (record.dataset != Dataset::kPhoneExtraction) return "";
  return "EXH-" + std::to_string(person.unit + 1) + "-PHONES";
}

}  // namespace

model::Entity PersonRecord(const World& world, uint32_t index, const model::Provenance& row) {
  const Record& record = world.records[index];
  Rng rng = Rng(world.seed).Fork({kRecordStream, index});
  model::Entity entity{record.id, "Person", {}};
  entity.Add("name", NameFor(world, record, rng), row);
  AddDatasetProperties(world, record, entity, row, rng);
  return entity;
}

Status EmitPersons(const World& world, Emitter& emitter) {
  for (uint32_t index = 0; index < world.records.size(); ++index) {
    const Record& record = world.records[index];
    const model::Provenance row =
        emitter.Row(record.dataset, EvidenceFor(record, world.persons[record.person]));
    const model::Entity entity = PersonRecord(world, index, row);
    if (emitter.files() != nullptr && record.dataset == Dataset::kMtoExport) {
      emitter.files()->KeepCustomer(entity);  // for the rows of the export file
    }
    TAFKIK_RETURN_IF_ERROR(emitter.Emit(entity));
  }
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
