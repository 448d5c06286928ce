#include "synth/generator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/status_matchers.h"
#include "core/text.h"
#include "model/schema.h"
#include "synth/files.h"
#include "synth/test_sinks.h"

namespace tafkik::synth {
namespace {

using testing::CountingSink;
using ::testing::HasSubstr;
using testing::RecordingSink;

// ctest runs each test in its own process, in parallel: paths carry the process id.
std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/synth-" + std::to_string(getpid()) + "-" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct GeneratedRun {
  RecordingSink sink;
  GenerationSummary summary;
  Json truth;
  std::string truth_text;
};

std::unique_ptr<GeneratedRun> Generated(uint64_t seed, int64_t scale) {
  auto run = std::make_unique<GeneratedRun>();
  GeneratorOptions options;
  options.seed = seed;
  options.scale = scale;
  options.truth_path = TempPath("truth-" + std::to_string(seed) + "-" + std::to_string(scale));
  Result<GenerationSummary> summary = Generate(options, run->sink);
  EXPECT_THAT(summary, IsOk());
  if (summary.ok()) run->summary = *summary;
  run->truth_text = ReadFile(options.truth_path);
  std::remove(options.truth_path.c_str());
  run->truth = Json::parse(run->truth_text);
  return run;
}

// One scale-1 run shared by the read-only tests below.
const GeneratedRun& Demo() {
  static const std::unique_ptr<GeneratedRun> run = Generated(2026, 1);
  return *run;
}

bool HasArabicLetter(std::string_view text) {
  // Arabic block U+0600..U+06FF is encoded with lead bytes 0xD8..0xDB.
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xD8 && byte <= 0xDB;
  });
}

bool HasLatinLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::map<std::string, const model::Entity*> EntitiesById(const RecordingSink& sink) {
  std::map<std::string, const model::Entity*> by_id;
  for (const model::Entity& entity : sink.entities) by_id[entity.id.value()] = &entity;
  return by_id;
}

TEST(GeneratorTest, SameSeedGivesIdenticalOutputAndTruth) {
  auto first = Generated(7, 1);
  auto second = Generated(7, 1);
  EXPECT_EQ(first->sink.Digest(), second->sink.Digest());
  EXPECT_EQ(first->truth_text, second->truth_text);
}

TEST(GeneratorTest, DifferentSeedGivesDifferentOutput) {
  auto first = Generated(7, 1);
  auto second = Generated(8, 1);
  EXPECT_NE(first->sink.Digest(), second->sink.Digest());
  EXPECT_NE(first->truth_text, second->truth_text);
}

// The ranges README.md documents for scale 1.
TEST(GeneratorTest, ScaleOneCountsStayInDocumentedRanges) {
  const GenerationSummary& summary = Demo().summary;
  auto entities = [&](const char* schema) { return summary.entities_by_schema.at(schema); };
  auto relations = [&](const char* schema) { return summary.relations_by_schema.at(schema); };
  EXPECT_THAT(entities("Person"), ::testing::AllOf(::testing::Ge(180), ::testing::Le(260)));
  EXPECT_THAT(entities("Phone"), ::testing::AllOf(::testing::Ge(150), ::testing::Le(220)));
  EXPECT_THAT(entities("Location"), ::testing::AllOf(::testing::Ge(120), ::testing::Le(150)));
  EXPECT_THAT(entities("BankAccount"), ::testing::AllOf(::testing::Ge(25), ::testing::Le(50)));
  EXPECT_THAT(relations("Call"), ::testing::AllOf(::testing::Ge(4500), ::testing::Le(5800)));
  EXPECT_THAT(relations("Payment"), ::testing::AllOf(::testing::Ge(140), ::testing::Le(240)));
  EXPECT_THAT(relations("Travel"), ::testing::AllOf(::testing::Ge(170), ::testing::Le(260)));
  for (const char* schema : {"Device", "Vehicle", "Vessel", "Organization"}) {
    EXPECT_GE(entities(schema), 1) << schema;
  }
  for (const char* schema : {"Ownership", "Family", "Associate", "Membership", "Employment",
                             "Recruitment", "Exploitation", "Meeting"}) {
    EXPECT_GE(relations(schema), 1) << schema;
  }
  EXPECT_EQ(summary.cases, 2);
}

TEST(GeneratorTest, SummaryCountsWhatTheSinkReceived) {
  const GeneratedRun& run = Demo();
  std::map<std::string, int64_t> entities;
  std::map<std::string, int64_t> relations;
  for (const auto& entity : run.sink.entities) ++entities[entity.schema];
  for (const auto& relation : run.sink.relations) ++relations[relation.schema];
  EXPECT_EQ(entities, run.summary.entities_by_schema);
  EXPECT_EQ(relations, run.summary.relations_by_schema);
  EXPECT_EQ(static_cast<int64_t>(run.sink.cases.size()), run.summary.cases);
}

TEST(GeneratorTest, EveryEntityAndRelationPassesTheSchemaRegistry) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  for (const model::Entity& entity : Demo().sink.entities) {
    ASSERT_THAT(registry.Validate(entity), IsOk()) << entity.schema << " " << entity.id.value();
  }
  for (const model::Relation& relation : Demo().sink.relations) {
    ASSERT_THAT(registry.Validate(relation), IsOk())
        << relation.schema << " " << relation.id.value();
  }
}

TEST(GeneratorTest, EveryValueCarriesProvenanceFromANamedSourceRow) {
  auto check = [](const model::PropertyMap& properties) {
    for (const auto& [name, values] : properties) {
      for (const model::Value& value : values) {
        EXPECT_FALSE(value.provenance.dataset.empty()) << name;
        EXPECT_GE(value.provenance.row, 1) << name;
        EXPECT_EQ(value.provenance.user, "generator");
        EXPECT_EQ(value.provenance.source_sha256.size(), 64u);
      }
    }
  };
  for (const auto& entity : Demo().sink.entities) check(entity.properties);
  for (const auto& relation : Demo().sink.relations) check(relation.properties);
}

TEST(GeneratorTest, EntitiesArriveBeforeAnythingThatRefersToThem) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  const RecordingSink& sink = Demo().sink;
  // Entities, then relations, then cases: never interleaved.
  EXPECT_EQ(sink.order.find_first_of('R'), sink.order.find_last_of('E') + 1);
  EXPECT_EQ(sink.order.find_first_of('C'), sink.order.find_last_of('R') + 1);
  std::set<std::string> seen;
  for (const model::Entity& entity : sink.entities) {
    ASSERT_TRUE(seen.insert(entity.id.value()).second) << "duplicate id " << entity.id.value();
  }
  std::set<std::string> relation_ids;
  for (const model::Relation& relation : sink.relations) {
    ASSERT_TRUE(relation_ids.insert(relation.id.value()).second) << relation.id.value();
    ASSERT_TRUE(seen.contains(relation.source.value())) << relation.schema;
    ASSERT_TRUE(seen.contains(relation.target.value())) << relation.schema;
    for (const auto& [name, values] : relation.properties) {
      const auto property = registry.FindProperty(relation.schema, name);
      ASSERT_THAT(property, IsOk());
      if ((*property)->type != model::PropertyType::kEntity) continue;
      for (const auto& value : values) {
        EXPECT_TRUE(seen.contains(value.value)) << relation.schema << "." << name;
      }
    }
  }
  for (const model::Case& investigation : sink.cases) {
    for (const model::CaseMember& member : investigation.members) {
      EXPECT_TRUE(seen.contains(member.entity.value())) << investigation.reference;
    }
  }
}

// Checks everything as it streams by, keeping only ids: for runs too big to record.
class ValidatingSink : public Sink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    Check(model::SchemaRegistry::Default().Validate(entity));
    if (!ids_.insert(entity.id.value()).second) Fail("duplicate id " + entity.id.value());
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    Check(model::SchemaRegistry::Default().Validate(relation));
    if (!ids_.contains(relation.source.value()) || !ids_.contains(relation.target.value())) {
      Fail(relation.schema + " " + relation.id.value() + " refers to an unknown entity");
    }
    return Status::Ok();
  }
  Status OnCase(const model::Case& investigation) override {
    Check(model::ValidateCase(investigation));
    references.insert(investigation.reference);
    return Status::Ok();
  }
  int failures = 0;
  std::string first_failure;
  std::set<std::string> references;

 private:
  void Check(const Status& status) {
    if (!status.ok()) Fail(status.ToString());
  }
  void Fail(const std::string& why) {
    if (failures++ == 0) first_failure = why;
  }
  std::set<std::string> ids_;
};

// Twelve units run every smuggling route (Morocco, Libya, Tunisia, Egypt) and every
// trafficking setting (Egypt, Morocco, Tunisia) at least twice.
TEST(GeneratorTest, EveryRouteAndSettingValidates) {
  ValidatingSink sink;
  GeneratorOptions options;
  options.seed = 5;
  options.scale = 12;
  ASSERT_THAT(Generate(options, sink), IsOk());
  EXPECT_EQ(sink.failures, 0) << sink.first_failure;
  EXPECT_EQ(sink.references.size(), 24u);  // references are unique
  EXPECT_THAT(sink.references,
              ::testing::IsSupersetOf({"LY-2026-0001", "TN-2026-0001", "EG-2026-0001",
                                       "MA-2026-0007", "TN-2026-0007", "MA-2026-0011"}));
}

TEST(GeneratorTest, CasesAreValidWithMembersInEveryRole) {
  const auto& cases = Demo().sink.cases;
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].reference, "MA-2026-0001");
  EXPECT_EQ(cases[0].jurisdiction.country, "ma");
  EXPECT_EQ(cases[1].reference, "EG-2026-0007");
  EXPECT_EQ(cases[1].lead_unit, "Anti-Trafficking Unit Cairo");
  std::set<model::Role> roles;
  for (const model::Case& investigation : cases) {
    EXPECT_THAT(model::ValidateCase(investigation), IsOk()) << investigation.reference;
    for (const auto& member : investigation.members) roles.insert(member.role);
  }
  EXPECT_THAT(roles, ::testing::IsSupersetOf({model::Role::kSuspect, model::Role::kVictim,
                                              model::Role::kWitness, model::Role::kInformant}));
}

TEST(GeneratorTest, TruthNamesExactlyTheEmittedPersons) {
  const GeneratedRun& run = Demo();
  std::set<std::string> emitted;
  for (const auto& entity : run.sink.entities) {
    if (entity.schema == "Person") emitted.insert(entity.id.value());
  }
  std::set<std::string> in_truth;
  for (const auto& [id, facts] : run.truth["persons"].items()) in_truth.insert(id);
  EXPECT_EQ(in_truth, emitted);
  for (const Json& cluster : run.truth["clusters"]) {
    ASSERT_FALSE(cluster["records"].empty());
    for (const Json& record : cluster["records"]) {
      EXPECT_EQ(run.truth["persons"][record.get<std::string>()]["cluster"], cluster["id"]);
    }
  }
  EXPECT_EQ(run.truth["seed"], 2026);
  EXPECT_EQ(run.truth["counts"]["relations"]["Call"], run.summary.relations_by_schema.at("Call"));
}

TEST(GeneratorTest, ManyRealPersonsAreWrittenInBothArabicAndLatinScript) {
  const GeneratedRun& run = Demo();
  const auto by_id = EntitiesById(run.sink);
  int both_scripts = 0;
  for (const Json& cluster : run.truth["clusters"]) {
    bool arabic = false;
    bool latin = false;
    for (const Json& record : cluster["records"]) {
      const std::string name = by_id.at(record.get<std::string>())->First("name");
      arabic = arabic || HasArabicLetter(name);
      latin = latin || HasLatinLetter(name);
    }
    if (arabic && latin) ++both_scripts;
  }
  EXPECT_GE(both_scripts, 30);
}

TEST(GeneratorTest, OrganiserAppearsInPoliceMoneyTransferAndSeizedPhoneRecords) {
  const GeneratedRun& run = Demo();
  const auto by_id = EntitiesById(run.sink);
  const Json& organiser = run.truth["key_players"][0];
  ASSERT_EQ(organiser["role"], "organiser");
  std::map<std::string, std::string> names_by_dataset;
  for (const Json& record : organiser["records"]) {
    const model::Entity& entity = *by_id.at(record.get<std::string>());
    names_by_dataset[entity.properties.at("name")[0].provenance.dataset] = entity.First("name");
  }
  EXPECT_TRUE(HasArabicLetter(names_by_dataset["police-register"]));
  const std::string transfer_name = names_by_dataset["mto-export"];
  EXPECT_TRUE(HasLatinLetter(transfer_name));
  EXPECT_EQ(transfer_name, AsciiUpper(transfer_name));
  EXPECT_FALSE(names_by_dataset["phone-extraction"].empty());
}

TEST(GeneratorTest, ChildVictimsAreUnder18InTheirRecordsAndAdultsAreNot) {
  const GeneratedRun& run = Demo();
  const auto by_id = EntitiesById(run.sink);
  int children = 0;
  for (const Json& cluster : run.truth["clusters"]) {
    if (cluster["role"] != "victim") continue;
    const bool child = cluster["child"].get<bool>();
    children += child ? 1 : 0;
    // "2025-09-01" minus 18 years: born after this date means under 18 at the period start.
    const bool born_after = cluster["birth_date"].get<std::string>() > "2007-09-01";
    EXPECT_EQ(child, born_after) << cluster["id"];
    for (const Json& record : cluster["records"]) {
      const std::string born = by_id.at(record.get<std::string>())->First("birthDate");
      if (born.size() != 10) continue;  // NGO records sometimes give the year only
      EXPECT_EQ(child, born > "2007-09-01") << cluster["id"];
    }
    EXPECT_FALSE(cluster["form"].get<std::string>().empty());
  }
  EXPECT_GE(children, 2);
}

TEST(GeneratorTest, TruthPlantsFanInStructuringAndWageDiversion) {
  const GeneratedRun& run = Demo();
  const auto by_id = EntitiesById(run.sink);
  std::set<std::string> types;
  for (const Json& pattern : run.truth["money_patterns"]) {
    types.insert(pattern["type"].get<std::string>());
    if (!pattern["account"].is_null()) {
      EXPECT_EQ(by_id.at(pattern["account"].get<std::string>())->schema, "BankAccount");
    }
    EXPECT_GT(pattern["payments"].get<int>(), 0) << pattern.dump();
  }
  EXPECT_THAT(types, ::testing::IsSupersetOf(
                         {"fan_in", "structuring", "hawala_settlement", "wage_diversion"}));
  // The fan-in really is one account receiving many payments.
  const std::string wallet = run.truth["money_patterns"][0]["account"];
  int into_wallet = 0;
  for (const auto& relation : run.sink.relations) {
    if (relation.schema == "Payment" && relation.First("beneficiaryAccount") == wallet) {
      ++into_wallet;
    }
  }
  EXPECT_EQ(into_wallet, run.truth["money_patterns"][0]["payments"].get<int>());
  EXPECT_GE(into_wallet, 10);
}

TEST(GeneratorTest, PaymentsUseEveryChannelAndSeveralCurrencies) {
  std::set<std::string> channels;
  std::set<std::string> currencies;
  for (const auto& relation : Demo().sink.relations) {
    if (relation.schema != "Payment") continue;
    channels.insert(relation.First("channel"));
    currencies.insert(relation.First("currency"));
  }
  EXPECT_THAT(channels, ::testing::UnorderedElementsAre("bank", "money_transfer", "mobile_money",
                                                        "hawala", "cash"));
  EXPECT_GE(currencies.size(), 3u);
}

TEST(GeneratorTest, CallsComeInTimeOrderAndNameKnownCellsAndNumbers) {
  const RecordingSink& sink = Demo().sink;
  std::set<std::string> cell_ids;
  std::map<std::string, std::string> numbers;
  for (const auto& entity : sink.entities) {
    if (entity.schema == "Location" && !entity.First("cellId").empty()) {
      cell_ids.insert(entity.First("cellId"));
    }
    if (entity.schema == "Phone") numbers[entity.id.value()] = entity.First("number");
  }
  Timestamp previous;
  int with_cells = 0;
  for (const auto& call : sink.relations) {
    if (call.schema != "Call") continue;
    EXPECT_LE(previous, *call.start);
    previous = *call.start;
    EXPECT_EQ(call.First("callerNumber"), numbers.at(call.source.value()));
    EXPECT_EQ(call.First("receiverNumber"), numbers.at(call.target.value()));
    if (call.First("cellFirst").empty()) continue;
    ++with_cells;
    EXPECT_TRUE(cell_ids.contains(call.First("cellFirst")));
    EXPECT_TRUE(cell_ids.contains(call.First("cellLast")));
  }
  EXPECT_GT(with_cells, 3000);
}

// The organiser's calls go mostly to the lieutenants (recruiters and collectors), and the
// contacts he calls most are all lieutenants.
TEST(GeneratorTest, OrganiserTalksMostlyToLieutenants) {
  const GeneratedRun& run = Demo();
  std::map<std::string, std::string> role_of_number;  // the smuggling cell of unit 0
  for (const Json& cluster : run.truth["clusters"]) {
    if (cluster["network"] != "som") continue;
    for (const Json& phone : cluster["phones"]) role_of_number[phone] = cluster["role"];
  }
  std::map<std::string, int> calls_with;  // counterpart number -> calls
  for (const auto& call : run.sink.relations) {
    if (call.schema != "Call") continue;
    const std::string caller = call.First("callerNumber");
    const std::string receiver = call.First("receiverNumber");
    if (role_of_number[caller] == "organiser") ++calls_with[receiver];
    if (role_of_number[receiver] == "organiser") ++calls_with[caller];
  }
  int lieutenants = 0;
  int others = 0;
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [number, calls] : calls_with) {
    const std::string role = role_of_number[number];
    (role == "recruiter" || role == "collector" ? lieutenants : others) += calls;
    ranked.emplace_back(calls, role);
  }
  EXPECT_GT(lieutenants, others);
  std::sort(ranked.rbegin(), ranked.rend());
  ASSERT_GE(ranked.size(), 4u);
  for (size_t rank = 0; rank < 4; ++rank) {
    EXPECT_THAT(ranked[rank].second, ::testing::AnyOf("recruiter", "collector")) << rank;
  }
}

TEST(GeneratorTest, CallsGrowLinearlyWithScale) {
  auto calls = [](int64_t scale) {
    CountingSink sink;
    GeneratorOptions options;
    options.seed = 3;
    options.scale = scale;
    EXPECT_THAT(Generate(options, sink), IsOk());
    return sink.relations["Call"];
  };
  const double ratio = static_cast<double>(calls(4)) / static_cast<double>(calls(1));
  EXPECT_NEAR(ratio, 4.0, 0.3);
}

TEST(GeneratorTest, RejectsScaleOutOfRange) {
  CountingSink sink;
  for (int64_t scale : {int64_t{0}, int64_t{-3}, kMaxScale + 1}) {
    GeneratorOptions options;
    options.scale = scale;
    EXPECT_THAT(Generate(options, sink),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("scale")));
  }
  EXPECT_TRUE(sink.entities.empty());
}

TEST(GeneratorTest, UnwritableTruthPathIsUnavailable) {
  CountingSink sink;
  GeneratorOptions options;
  options.truth_path = TempPath("no-such-directory/truth.json");
  EXPECT_THAT(Generate(options, sink),
              StatusIs(StatusCode::kUnavailable, HasSubstr("no-such-directory")));
}

// A sink that refuses the fifth relation: generation stops there and returns its error.
class FailingSink : public CountingSink {
 public:
  Status OnRelation(const model::Relation& relation) override {
    if (++seen_ == 5) return AbortedError("store busy");
    EXPECT_LT(seen_, 5) << "called after an error";
    return CountingSink::OnRelation(relation);
  }

 private:
  int seen_ = 0;
};

TEST(GeneratorTest, SinkErrorStopsGeneration) {
  FailingSink sink;
  GeneratorOptions options;
  EXPECT_THAT(Generate(options, sink), StatusIs(StatusCode::kAborted, "store busy"));
  EXPECT_EQ(sink.cases, 0);
}

}  // namespace
}  // namespace tafkik::synth

namespace tafkik::synth {
namespace {

int64_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// With files_dir, the Moroccan operator's calls and the money transfer export become CSV
// files in the profiles' shapes instead of records; the rest is as without it.
TEST(GeneratorFilesTest, OperatorCallsAndTransfersBecomeFilesInstead) {
  const std::string dir = TempPath("files");
  GeneratorOptions options;
  options.seed = 7;
  options.files_dir = dir;
  RecordingSink with_files;
  Result<GenerationSummary> summary = Generate(options, with_files);
  ASSERT_THAT(summary, IsOk());
  CountingSink without_files;
  options.files_dir.clear();
  ASSERT_THAT(Generate(options, without_files), IsOk());

  const std::string cdr = ReadFile(dir + "/cdr.csv");
  const std::string transfers = ReadFile(dir + "/money_transfer.csv");
  EXPECT_TRUE(cdr.starts_with("caller,callee,start,duration,type,imsi,imei,cell_first,cell_last\n"));
  EXPECT_TRUE(transfers.starts_with("control_number,send_date,sender_name,"));
  EXPECT_EQ(summary->file_rows.at("cdr.csv"), Lines(cdr) - 1);
  EXPECT_EQ(summary->file_rows.at("money_transfer.csv"), Lines(transfers) - 1);
  EXPECT_GT(summary->file_rows.at("cdr.csv"), 500);
  EXPECT_GT(summary->file_rows.at("money_transfer.csv"), 5);
  // Nothing lost, nothing twice: held-back rows plus sent records make the full run.
  EXPECT_EQ(summary->relations_by_schema.at("Call") + summary->file_rows.at("cdr.csv"),
            without_files.relations.at("Call"));
  EXPECT_EQ(summary->relations_by_schema.at("Payment") + summary->file_rows.at("money_transfer.csv"),
            without_files.relations.at("Payment"));
  EXPECT_EQ(summary->entities_by_schema, without_files.entities);
  for (const model::Relation& relation : with_files.relations) {
    if (relation.schema == "Call") {
      EXPECT_NE(relation.properties.at("callType")[0].provenance.dataset, "cdr-operator-ma");
    }
    if (relation.schema == "Payment") {
      EXPECT_NE(relation.properties.at("amount")[0].provenance.dataset, "mto-export");
    }
  }
  // Numbers as the operator writes them; a handset's IMEI on some calls; local times.
  EXPECT_THAT(cdr, HasSubstr("\n06"));
  EXPECT_THAT(cdr, ::testing::ContainsRegex(",VOICE,,35[0-9]{13},"));
  EXPECT_THAT(cdr, ::testing::ContainsRegex("\n0[0-9]+,0[0-9]+,2025-[0-9-]+ [0-9:]+,"));
  std::filesystem::remove_all(dir);
}

TEST(GeneratorFilesTest, LocalTimesFollowTheZone) {
  // Morocco: UTC+1, but UTC+0 during Ramadan (2025-02-23 to 2025-04-06).
  EXPECT_EQ(internal::LocalTime(*ParseTimestamp("2025-03-01T10:15:00Z"), "Africa/Casablanca"),
            "2025-03-01 10:15:00");
  EXPECT_EQ(internal::LocalTime(*ParseTimestamp("2025-06-01T10:15:00Z"), "Africa/Casablanca"),
            "2025-06-01 11:15:00");
  EXPECT_EQ(internal::LocalTime(*ParseTimestamp("2025-06-01T10:15:00Z"), "Africa/Cairo"),
            "2025-06-01 13:15:00");
  EXPECT_EQ(internal::OperatorNumber("+212612345678"), "0612345678");
  EXPECT_EQ(internal::OperatorNumber("+8821621234567"), "008821621234567");
}

}  // namespace
}  // namespace tafkik::synth
