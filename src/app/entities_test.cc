#include "app/entities.h"

#include "app/app_test_util.h"
#include "app/cases.h"

namespace tafkik::app {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class EntitiesTest : public testing::WorkspaceTest {
 protected:
  model::Entity AddPerson(const std::string& name) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {"Person", {"name=" + name}});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? *added : model::Entity{};
  }

  void OpenCaseWith(const model::Entity& entity, const std::string& role) {
    CreateCaseRequest request{"MA-2026-0001", "", "ma", "Tanger-Tétouan-Al Hoceïma", {"tip"}};
    request.lead_unit = "BNPJ Tanger";
    ASSERT_THAT(CreateCase(*store_, actor_, request), IsOk());
    ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", entity.id.value(), role), IsOk());
  }
};

TEST_F(EntitiesTest, AddStoresNormalisedValuesWithManualProvenance) {
  Result<model::Entity> added =
      AddEntity(*store_, actor_, {"Person", {"name=محمد بن عبد الرحمن", "nationality=MA"}});
  ASSERT_THAT(added, IsOk());

  Result<model::Entity> stored = store_->GetEntity(added->id);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->First("name"), "محمد بن عبد الرحمن");
  EXPECT_EQ(stored->First("nationality"), "ma");
  const model::Provenance& provenance = stored->properties.at("name").front().provenance;
  EXPECT_EQ(provenance.dataset, "manual");
  EXPECT_EQ(provenance.user, "inspector.alaoui");
  EXPECT_EQ(LastEvent().action, "entity.add");
  EXPECT_EQ(LastEvent().object, "entity:" + added->id.value());
}

// Neither the values nor a hash of them (a phone number is brute-forced from its SHA-256):
// property names and value counts only.
TEST_F(EntitiesTest, AuditDetailsKeepNeitherValuesNorTheirHash) {
  ASSERT_THAT(AddEntity(*store_, actor_, {"Phone", {"number=+212612345678"}}), IsOk());
  const std::string details = LastEvent().details;
  EXPECT_THAT(details, Not(HasSubstr("212612345678")));
  EXPECT_THAT(details, Not(HasSubstr("sha256")));
  Json parsed = Json::parse(details);
  EXPECT_EQ(parsed["schema"], "Phone");
  EXPECT_EQ(parsed["properties"], Json::array({"number"}));
  EXPECT_EQ(parsed["value_counts"]["number"], 1);
  AddPerson("Fatima Zahra El Idrissi");
  EXPECT_THAT(LastEvent().details, Not(HasSubstr("Fatima")));
}

TEST_F(EntitiesTest, BadDateIsRejectedNamingPropertyAndValueAndNothingIsWritten) {
  int64_t events_before = AuditCount();
  Result<model::Entity> added =
      AddEntity(*store_, actor_, {"Person", {"name=Youssef Amrani", "birthDate=2024-13-01"}});
  EXPECT_THAT(added, StatusIs(StatusCode::kInvalidArgument,
                              AllOf(HasSubstr("birthDate"), HasSubstr("2024-13-01"))));
  EXPECT_EQ(AuditCount(), events_before);
  EXPECT_THAT(*ListEntities(*store_, actor_, {}), IsEmpty());
}

TEST_F(EntitiesTest, UnknownPropertyIsRejectedListingTheSchemasProperties) {
  Result<model::Entity> added = AddEntity(*store_, actor_, {"Person", {"nmae=Youssef"}});
  EXPECT_THAT(added, StatusIs(StatusCode::kInvalidArgument,
                              AllOf(HasSubstr("nmae"), HasSubstr("birthDate"))));
}

TEST_F(EntitiesTest, RelationAndUnknownSchemataAreRejected) {
  EXPECT_THAT(AddEntity(*store_, actor_, {"Call", {}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Call")));
  EXPECT_THAT(AddEntity(*store_, actor_, {"Persn", {}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Person")));
}

TEST_F(EntitiesTest, AssignmentWithoutEqualsIsRejectedQuotingIt) {
  EXPECT_THAT(AddEntity(*store_, actor_, {"Person", {"name Youssef"}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'name Youssef'")));
}

TEST_F(EntitiesTest, NationalPhoneNumbersNeedTheRegionTheyAreWrittenFor) {
  AddEntityRequest request{"Phone", {"number=06 12 34 56 78"}};
  EXPECT_THAT(AddEntity(*store_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("06 12 34 56 78")));
  request.phone_region = "ma";
  Result<model::Entity> added = AddEntity(*store_, actor_, request);
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(added->First("number"), "+212612345678");
}

TEST_F(EntitiesTest, ExplicitIdIsKeptAndABadOneRejected) {
  Result<model::Entity> added = AddEntity(*store_, actor_, {"Person", {"name=A"}, "witness-7"});
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(added->id.value(), "witness-7");
  EXPECT_THAT(AddEntity(*store_, actor_, {"Person", {"name=A"}, "Bad Id"}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Bad Id")));
}

TEST_F(EntitiesTest, ShowingAVictimRecordsTheReadBeforeReturning) {
  model::Entity victim = AddPerson("Aminata Diallo");
  OpenCaseWith(victim, "victim");
  int64_t events_before = AuditCount();

  Result<EntityView> shown = ShowEntity(*store_, actor_, victim.id);
  ASSERT_THAT(shown, IsOk());
  EXPECT_EQ(shown->entity.First("name"), "Aminata Diallo");
  EXPECT_EQ(AuditCount(), events_before + 1);
  store::AuditEvent read = LastEvent();
  EXPECT_EQ(read.action, "entity.read");
  EXPECT_EQ(read.object, "entity:" + victim.id.value());
  EXPECT_EQ(read.actor, "inspector.alaoui");
  EXPECT_THAT(read.details, HasSubstr(victim.id.value()));
}

TEST_F(EntitiesTest, ShowingANonVictimRecordsNothing) {
  model::Entity suspect = AddPerson("Karim Benali");
  OpenCaseWith(suspect, "suspect");
  int64_t events_before = AuditCount();

  Result<EntityView> shown = ShowEntity(*store_, actor_, suspect.id);
  ASSERT_THAT(shown, IsOk());
  ASSERT_EQ(shown->roles.size(), 1u);
  EXPECT_EQ(shown->roles[0].role, model::Role::kSuspect);
  EXPECT_EQ(AuditCount(), events_before);
}

TEST_F(EntitiesTest, ShowingAnUnknownIdIsNotFound) {
  EXPECT_THAT(ShowEntity(*store_, actor_, EntityId("nobody")), StatusIs(StatusCode::kNotFound));
}

TEST_F(EntitiesTest, ListingVictimsRecordsOneReadNamingThem) {
  model::Entity victim = AddPerson("Aminata Diallo");
  AddPerson("Karim Benali");
  OpenCaseWith(victim, "victim");
  int64_t events_before = AuditCount();

  Result<std::vector<model::Entity>> listed = ListEntities(*store_, actor_, {"Person"});
  ASSERT_THAT(listed, IsOk());
  EXPECT_EQ(listed->size(), 2u);
  EXPECT_EQ(AuditCount(), events_before + 1);
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_THAT(LastEvent().details, HasSubstr(victim.id.value()));
}

TEST_F(EntitiesTest, ListingByCaseReturnsOnlyMembers) {
  model::Entity suspect = AddPerson("Karim Benali");
  AddPerson("Someone Else");
  OpenCaseWith(suspect, "suspect");
  ListEntitiesRequest request;
  request.case_reference = "MA-2026-0001";
  Result<std::vector<model::Entity>> listed = ListEntities(*store_, actor_, request);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, suspect.id);
}

TEST_F(EntitiesTest, SearchIgnoresCaseAndAccents) {
  model::Entity person = AddPerson("Hélène Benali");
  Result<std::vector<model::Entity>> found = SearchEntities(*store_, actor_, {"HELENE"});
  ASSERT_THAT(found, IsOk());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, person.id);
}

TEST_F(EntitiesTest, SearchRejectsEmptyText) {
  EXPECT_THAT(SearchEntities(*store_, actor_, {"  "}), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::app
