#include "app/json_view.h"

#include <gtest/gtest.h>

namespace tafkik::app {
namespace {

model::Entity Phone() {
  model::Entity phone;
  phone.id = EntityId("phone-1");
  phone.schema = "Phone";
  phone.Add("number", "+212612345678", {"ma-cdr-2025", std::string(4, 'a'), 12, "", ""});
  return phone;
}

TEST(JsonViewTest, EntityCarriesProvenanceWithoutEmptyFields) {
  EXPECT_EQ(
      ToJson(Phone()).dump(),
      R"({"caption":"+212612345678","id":"phone-1","properties":{"number":[{"provenance":)"
      R"({"dataset":"ma-cdr-2025","row":12,"source_sha256":"aaaa"},"value":"+212612345678"}]},)"
      R"("schema":"Phone"})");
}

TEST(JsonViewTest, RelationOmitsAbsentInterval) {
  model::Relation call;
  call.id = EntityId("call-1");
  call.schema = "Call";
  call.source = EntityId("a");
  call.target = EntityId("b");
  call.start = Timestamp::FromSeconds(1'751'365'230);
  EXPECT_EQ(ToJson(call).dump(), R"({"id":"call-1","properties":{},"schema":"Call","source":"a",)"
                                 R"("start":"2025-07-01T10:20:30Z","target":"b"})");
}

TEST(JsonViewTest, CaseUsesStableNames) {
  model::Case record;
  record.reference = "MA-2026-0001";
  record.jurisdiction = {"ma", "Oriental"};
  record.offences = {model::Offence::kSmugglingOfMigrants, model::Offence::kTraffickingInPersons};
  record.lead_unit = "BNPJ Oujda";
  record.members = {{EntityId("p1"), model::Role::kVictim}};
  Json json = ToJson(record);
  EXPECT_EQ(json["offences"].dump(), R"(["som","tip"])");
  EXPECT_EQ(json["status"], "open");
  // Not the members: a listed case has none loaded, so "members": [] would say it has none.
  EXPECT_FALSE(json.contains("members"));
  CaseView view;
  view.record = record;
  view.members = {{record.members[0], "Person", "Amina"}};
  EXPECT_EQ(ToJson(view)["members"].dump(),
            R"([{"caption":"Amina","entity":"p1","role":"victim","schema":"Person"}])");
  EXPECT_EQ(json["opened"], "1970-01-01T00:00:00Z");
}

TEST(JsonViewTest, ArrayOfEntities) {
  EXPECT_EQ(ToJsonArray(std::vector<model::Entity>{Phone(), Phone()}).size(), 2u);
}

}  // namespace
}  // namespace tafkik::app
