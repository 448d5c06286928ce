#include "synth/truth.h"

#include <cstdio>
#include <fstream>

#include "core/json.h"
#include "synth/emitter.h"
#include "synth/identifiers.h"
#include "synth/theatres.h"

namespace tafkik::synth::internal {
namespace {

// Writes a JSON object or array one member at a time, so the whole never sits in memory.
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) {}
  void Open(char bracket) {
    out_ << bracket;
    first_ = true;
  }
  void Close(char bracket) {
    out_ << bracket;
    first_ = false;
  }
  void Member(const std::string& key, const Json& value) {
    Separate();
    out_ << Json(key).dump() << ':' << value.dump();
  }
  void Element(const Json& value) {
    Separate();
    out_ << value.dump();
  }
  void Key(const std::string& key) {
    Separate();
    out_ << Json(key).dump() << ':';
  }

 private:
  void Separate() {
    if (!first_) out_ << ",\n";
    first_ = false;
  }
  std::ostream& out_;
  bool first_ = true;
};

Json RecordIds(const World& world, uint32_t person) {
  Json ids = Json::array();
  const Person& owner = world.persons[person];
  for (uint32_t offset = 0; offset < owner.record_count; ++offset) {
    ids.push_back(world.records[owner.first_record + offset].id.value());
  }
  return ids;
}

Json PersonFacts(const World& world, uint32_t index) {
  const Person& person = world.persons[index];
  Json facts = {{"cluster", ClusterId(index)},
                {"role", RoleName(person.role)},
                {"network", NetworkName(person.network)},
                {"unit", person.unit}};
  if (person.role == Role::kVictim) {
    facts["form"] = person.form;
    facts["child"] = person.child;
    facts["smuggled"] = person.smuggled;
  }
  return facts;
}

Json ClusterFacts(const World& world, uint32_t index) {
  const Person& person = world.persons[index];
  Json facts = PersonFacts(world, index);
  facts.erase("cluster");
  facts["id"] = ClusterId(index);
  facts["records"] = RecordIds(world, index);
  facts["name_latin"] = CanonicalLatin(person.name);
  facts["name_arabic"] = CanonicalArabic(person.name);
  facts["gender"] = person.name.female ? "female" : "male";
  facts["birth_date"] = FormatDay(person.birth_day);
  facts["nationality"] = person.nationality;
  facts["phones"] = Json::array();
  for (uint32_t offset = 0; offset < person.phone_count; ++offset) {
    facts["phones"].push_back(world.phones[person.first_phone + offset].number);
  }
  return facts;
}

bool IsKeyPlayer(const Person& person) {
  return person.role == Role::kOrganiser ||
         (person.role == Role::kCollector && person.network == Network::kSom);
}

Json PatternFacts(const World& world, const MoneyPattern& pattern) {
  Json facts = {{"type", pattern.type},
                {"unit", pattern.unit},
                {"holder_cluster", ClusterId(pattern.holder)},
                {"holder_records", RecordIds(world, pattern.holder)},
                {"payments", pattern.payments},
                {"note", pattern.note}};
  facts["account"] =
      pattern.account == kNobody ? Json() : Json(world.accounts[pattern.account].id.value());
  return facts;
}

Json Counts(const World& world, const GenerationSummary& summary) {
  return {{"entities", summary.entities_by_schema},
          {"relations", summary.relations_by_schema},
          {"cases", summary.cases},
          {"real_persons", world.persons.size()},
          {"person_records", world.records.size()}};
}

void WritePersons(const World& world, JsonStream& json) {
  json.Key("persons");
  json.Open('{');
  for (const Record& record : world.records) {
    Json facts = PersonFacts(world, record.person);
    facts["dataset"] = DatasetName(record.dataset);
    json.Member(record.id.value(), facts);
  }
  json.Close('}');
}

void WriteClusters(const World& world, JsonStream& json) {
  json.Key("clusters");
  json.Open('[');
  for (uint32_t index = 0; index < world.persons.size(); ++index) {
    json.Element(ClusterFacts(world, index));
  }
  json.Close(']');
}

void WriteKeyPlayersAndPatterns(const World& world, JsonStream& json) {
  json.Key("key_players");
  json.Open('[');
  for (uint32_t index = 0; index < world.persons.size(); ++index) {
    if (!IsKeyPlayer(world.persons[index])) continue;
    Json facts = PersonFacts(world, index);
    facts["records"] = RecordIds(world, index);
    json.Element(facts);
  }
  json.Close(']');
  json.Key("money_patterns");
  json.Open('[');
  for (const MoneyPattern& pattern : world.patterns) json.Element(PatternFacts(world, pattern));
  json.Close(']');
}

void WriteCases(const World& world, JsonStream& json) {
  json.Key("cases");
  json.Open('[');
  for (uint32_t unit = 0; unit < world.units.size(); ++unit) {
    json.Element(
        {{"reference", CaseReference(world, unit, true)}, {"unit", unit}, {"network", "som"}});
    json.Element(
        {{"reference", CaseReference(world, unit, false)}, {"unit", unit}, {"network", "tip"}});
  }
  json.Close(']');
}

}  // namespace

std::string ClusterId(uint32_t person) {
  char id[24];
  std::snprintf(id, sizeof id, "rp-%06u", person);
  return id;
}

Status WriteTruth(const World& world, const GenerationSummary& summary, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return UnavailableError("cannot write the ground truth to " + path);
  JsonStream json(out);
  json.Open('{');
  json.Member("generator", "tafkik-synth");
  json.Member("format", 1);
  json.Member("seed", world.seed);
  json.Member("scale", world.scale);
  json.Member("period",
              {{"start", FormatDay(kFirstDay)}, {"end", FormatDay(kFirstDay + kPeriodDays - 1)}});
  json.Member("counts", Counts(world, summary));
  WritePersons(world, json);
  WriteClusters(world, json);
  WriteKeyPlayersAndPatterns(world, json);
  WriteCases(world, json);
  json.Close('}');
  out << '\n';
  out.flush();
  if (!out) return UnavailableError("failed while writing the ground truth to " + path);
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
