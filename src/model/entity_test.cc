#include "model/entity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace tafkik::model {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Provenance kCdrRow{.dataset = "ma-cdr-2025",
                         .source_sha256 = std::string(64, 'a'),
                         .row = 17,
                         .user = "analyst.one"};
const Provenance kManual{.dataset = "manual", .evidence_id = "EV-3", .user = "officer.two"};

TEST(EntityTest, AddAppendsInOrderAndKeepsEachValuesProvenance) {
  Entity phone{.id = EntityId("ph1"), .schema = "Phone"};
  phone.Add("number", "+212612345678", kCdrRow);
  phone.Add("number", "+212698765432", kManual);
  ASSERT_EQ(phone.properties.at("number").size(), 2u);
  EXPECT_EQ(phone.properties.at("number")[0], (Value{"+212612345678", kCdrRow}));
  EXPECT_EQ(phone.properties.at("number")[1], (Value{"+212698765432", kManual}));
}

TEST(EntityTest, FirstIsTheEarliestValueOrEmpty) {
  Entity person{.id = EntityId("p1"), .schema = "Person"};
  EXPECT_EQ(person.First("name"), "");
  person.Add("name", "Karim Benali", kManual);
  person.Add("name", "كريم بن علي", kCdrRow);
  EXPECT_EQ(person.First("name"), "Karim Benali");
}

TEST(EntityTest, AllListsValuesInOrder) {
  Entity person{.id = EntityId("p1"), .schema = "Person"};
  EXPECT_THAT(person.All("alias"), IsEmpty());
  person.Add("alias", "Abou Karim", kManual);
  person.Add("alias", "Le Marocain", kManual);
  EXPECT_THAT(person.All("alias"), ElementsAre("Abou Karim", "Le Marocain"));
}

TEST(EntityTest, SameValueFromTwoSourcesIsKeptTwice) {
  // Corroboration matters in court: two sources for one fact are two values.
  Entity person{.id = EntityId("p1"), .schema = "Person"};
  person.Add("birthDate", "1988", kManual);
  person.Add("birthDate", "1988", kCdrRow);
  EXPECT_THAT(person.All("birthDate"), ElementsAre("1988", "1988"));
}

TEST(RelationTest, AddAndFirst) {
  Relation call{
      .id = EntityId("c1"), .schema = "Call", .source = EntityId("ph1"), .target = EntityId("ph2")};
  EXPECT_EQ(call.First("duration"), "");
  call.Add("duration", "75", kCdrRow);
  call.Add("duration", "76", kManual);
  EXPECT_EQ(call.First("duration"), "75");
  EXPECT_EQ(call.properties.at("duration")[1].provenance, kManual);
}

}  // namespace
}  // namespace tafkik::model
