// FtM NDJSON in and out: FtM -> Tafkik -> FtM keeps entities, relations and properties.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/json.h"
#include "exchange/exchange_test_util.h"
#include "exchange/export.h"

namespace tafkik::exchange {
namespace {

using testing::Import;
using testing::NewWorkspace;

constexpr char kFtm[] =
    R"({"id":"p-ahmed","schema":"Person","properties":{"name":["Ahmed Ben Salah","أحمد بن صالح"],"nationality":["tn"],"phone":["+21620123456"],"birthDate":["1988-04-02"]}})"
    "\n"
    R"({"id":"p-karim","schema":"Person","properties":{"name":["Karim Haddad"],"phone":["+212612345678"]}})"
    "\n"
    // A relation before one of its ends: the reader's two passes put the end first.
    R"({"id":"call-1","schema":"Call","properties":{"caller":["p-ahmed"],"receiver":["c-sahel"],"callerNumber":["+21620123456"],"duration":["125"],"startDate":["2024-03-01T21:10:00Z"],"endDate":["2024-03-01T21:12:05Z"]}})"
    "\n"
    R"({"id":"c-sahel","schema":"Company","properties":{"name":["Sahel Transport SARL"],"country":["ly"]}})"
    "\n"
    R"({"id":"own-1","schema":"Ownership","properties":{"owner":["p-karim"],"asset":["c-sahel"],"percentage":["60"],"startDate":["2021-06-15"]}})"
    "\n"
    R"({"id":"pay-1","schema":"Payment","properties":{"payer":["p-karim"],"beneficiary":["p-ahmed"],"amount":["1500"],"currency":["EUR"],"startDate":["2024-02-28"]}})"
    "\n";

// "id schema prop=v1|v2 ..." per line, sorted: the comparable content of an FtM file.
std::set<std::string> Canonical(const std::string& ndjson) {
  std::set<std::string> out;
  std::istringstream in(ndjson);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Json entity = Json::parse(line);
    std::string text = entity["id"].get<std::string>() + " " + entity["schema"].get<std::string>();
    for (const auto& [name, values] : entity["properties"].items()) {
      std::set<std::string> sorted;
      for (const Json& value : values) sorted.insert(value.get<std::string>());
      text += " " + name + "=";
      for (const std::string& value : sorted) text += value + "|";
    }
    out.insert(text);
  }
  return out;
}

std::string ExportToString(store::Store& store, OutFormat format, ExportFilter filter = {}) {
  std::ostringstream out;
  ExportOptions options;
  options.format = format;
  options.filter = std::move(filter);
  options.output = "-";
  options.stdout_stream = &out;
  options.page_size = 2;  // several pages even for small data
  Result<ExportSummary> summary = Export(store, {"tester"}, options);
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  return out.str();
}

TEST(Ftm, RoundTripKeepsEntitiesRelationsAndProperties) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.ftm.json");
  testing::WriteAll(path, kFtm);
  auto result = Import(*workspace, path, InFormat::kFtmNdjson);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_TRUE(result.rejects.empty()) << result.rejects[0].reason;
  EXPECT_EQ(result.entities, 3);
  EXPECT_EQ(result.relations, 3);
  std::string exported = ExportToString(*workspace->store, OutFormat::kFtm);
  EXPECT_EQ(Canonical(exported), Canonical(kFtm));
}

TEST(Ftm, UnknownSchemaAndBadValuesAreRejectedNotFatal) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.ftm.json");
  testing::WriteAll(path,
                    R"({"id":"s1","schema":"Sanction","properties":{"entity":["p1"]}})"
                    "\n"
                    R"({"id":"p1","schema":"Person","properties":{"name":["A"],"birthDate":["1990-13-45"]}})"
                    "\n"
                    "not json\n"
                    R"({"id":"a1","schema":"Associate","properties":{"person":["p1"],"associate":["nobody"]}})"
                    "\n");
  auto result = Import(*workspace, path, InFormat::kFtmNdjson);
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(result.entities, 1);
  EXPECT_EQ(result.relations, 0);
  std::set<std::string> reasons;
  for (const model::Reject& reject : result.rejects) {
    reasons.insert(std::to_string(reject.row) + ":" + reject.column);
  }
  EXPECT_EQ(reasons, (std::set<std::string>{"1:schema", "2:birthDate", "3:", "4:associate"}));
}

// Found by fuzz/ndjson_fuzz: a Payment whose currency property was misspelled passed every
// per-value check, then the store refused it and the whole import failed.
TEST(Ftm, RegressionAmountWithoutCurrencyIsARejectNotAFailedImport) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.ftm.json");
  testing::WriteAll(path,
                    R"({"id":"p1","schema":"Person","properties":{"name":["A"]}})"
                    "\n"
                    R"({"id":"pay-1","schema":"Payment","properties":{"payer":["p1"],"beneficiary":["p1"],"amount":["1500.50"],"lurrency":["EUR"]}})"
                    "\n");
  auto result = Import(*workspace, path, InFormat::kFtmNdjson);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.entities, 1);
  EXPECT_EQ(result.relations, 0);
  ASSERT_EQ(result.rejects.size(), 2u);  // the unknown property, then the record
  EXPECT_EQ(result.rejects[1].row, 2);
  EXPECT_NE(result.rejects[1].reason.find("currency"), std::string::npos)
      << result.rejects[1].reason;
}

// Found by fuzz/ndjson_fuzz: an empty id (or an empty end) reached MakeEntityId, whose
// precondition is a non-empty key, and aborted the process.
TEST(Ftm, RegressionEmptyIdsAreRejectsNotACrash) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.ftm.json");
  testing::WriteAll(path,
                    R"({"id":"","schema":"Company","properties":{"name":["X"]}})"
                    "\n"
                    R"({"id":"p1","schema":"Person","properties":{"name":["A"]}})"
                    "\n"
                    R"({"id":"a1","schema":"Associate","properties":{"person":["p1"],"associate":[""]}})"
                    "\n");
  auto result = Import(*workspace, path, InFormat::kFtmNdjson);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.entities, 1);
  EXPECT_EQ(result.relations, 0);
  ASSERT_EQ(result.rejects.size(), 2u);
  EXPECT_EQ(result.rejects[0].row, 1);
  EXPECT_EQ(result.rejects[1].row, 3);
}

TEST(Ftm, PhonesBecomeOwnerPropertiesAndCallNumbers) {
  auto workspace = NewWorkspace();
  auto transaction = *workspace->store->BeginWrite({"tester"});
  model::Provenance provenance = store::testing::TestProvenance();
  model::Entity person = store::testing::MakePerson("k1", "Youssef");
  model::Entity phone = store::testing::MakePhone("+212612345678");
  phone.Add("owner", person.id.value(), provenance);
  model::Entity other = store::testing::MakePhone("+218912345678");
  model::Relation call;
  call.id = MakeEntityId("test", {"call"});
  call.schema = "Call";
  call.source = phone.id;
  call.target = other.id;
  call.start = Timestamp::FromSeconds(1'700'000'000);
  for (const model::Entity* entity : {&person, &phone, &other}) {
    ASSERT_TRUE(transaction->PutEntity(*entity).ok());
  }
  ASSERT_TRUE(transaction->PutRelation(call).ok());
  ASSERT_TRUE(transaction->Commit({"test", "seed"}).ok());
  transaction.reset();

  std::string exported = ExportToString(*workspace->store, OutFormat::kFtm);
  std::set<std::string> expected = {
      person.id.value() + " Person name=Youssef| phone=+212612345678|",
      call.id.value() + " Call caller=" + person.id.value() +
          "| callerNumber=+212612345678| receiverNumber=+218912345678| startDate=" +
          FormatTimestamp(*call.start) + "|"};
  EXPECT_EQ(Canonical(exported), expected);
}

}  // namespace
}  // namespace tafkik::exchange
