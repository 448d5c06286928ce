#include "app/relations.h"

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

class RelationsTest : public testing::WorkspaceTest {
 protected:
  std::string AddPhone(const std::string& number) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {"Phone", {"number=" + number}});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }

  AddRelationRequest Call(const std::string& start) {
    AddRelationRequest request;
    request.schema = "Call";
    request.source = AddPhone("+212612345678");
    request.target = AddPhone("+218912345678");
    request.start = start;
    request.assignments = {"duration=120"};
    return request;
  }
};

TEST_F(RelationsTest, AddedCallIsListedByEitherEnd) {
  AddRelationRequest request = Call("2025-07-01T10:20:30Z");
  Result<model::Relation> added = AddRelation(*store_, actor_, request);
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(LastEvent().action, "relation.add");

  ListRelationsRequest query;
  query.entity = request.target;
  Result<std::vector<model::Relation>> listed = ListRelations(*store_, actor_, query);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, added->id);
  EXPECT_EQ(listed->front().First("duration"), "120");
  EXPECT_EQ(FormatTimestamp(*listed->front().start), "2025-07-01T10:20:30Z");
}

TEST_F(RelationsTest, ListingAVictimsCallsRecordsTheRead) {
  AddRelationRequest request = Call("2025-07-01T10:20:30Z");
  ASSERT_THAT(AddRelation(*store_, actor_, request), IsOk());
  CreateCaseRequest c;
  c.reference = "MA-2026-0001";
  c.country = "ma";
  c.offences = {"tip"};
  c.lead_unit = "BNPJ";
  ASSERT_THAT(CreateCase(*store_, actor_, c), IsOk());
  ListRelationsRequest query;
  query.entity = request.source;
  ASSERT_THAT(ListRelations(*store_, actor_, query), IsOk());
  const int64_t before = AuditCount();  // a non-victim's calls: nothing recorded
  ASSERT_THAT(ListRelations(*store_, actor_, query), IsOk());
  EXPECT_EQ(AuditCount(), before);

  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", request.target, "victim"), IsOk());
  ASSERT_THAT(ListRelations(*store_, actor_, query), IsOk());
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_THAT(LastEvent().details, HasSubstr(request.target));
  EXPECT_THAT(LastEvent().details, HasSubstr("relation.list"));
}

// A victim's phone (linked by Ownership, as the generator links SIMs) and identity document
// (IdentityDocument.holder) are victims' data: showing them or listing the phone's calls is
// on the record, naming them.
TEST_F(RelationsTest, ReadingAVictimsPhoneOrDocumentRecordsTheRead) {
  Result<model::Entity> person = AddEntity(*store_, actor_, {"Person", {"name=Amina"}});
  ASSERT_THAT(person, IsOk());
  AddRelationRequest call = Call("2025-07-01T10:20:30Z");
  ASSERT_THAT(AddRelation(*store_, actor_, call), IsOk());
  AddRelationRequest owns;
  owns.schema = "Ownership";
  owns.source = person->id.value();
  owns.target = call.source;
  owns.assignments = {"role=subscriber"};
  ASSERT_THAT(AddRelation(*store_, actor_, owns), IsOk());
  Result<model::Entity> document = AddEntity(
      *store_, actor_,
      {"IdentityDocument", {"number=AB123456", "type=passport", "holder=" + person->id.value()}});
  ASSERT_THAT(document, IsOk());
  CreateCaseRequest c;
  c.reference = "MA-2026-0001";
  c.country = "ma";
  c.offences = {"tip"};
  c.lead_unit = "BNPJ";
  ASSERT_THAT(CreateCase(*store_, actor_, c), IsOk());
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", person->id.value(), "victim"),
              IsOk());

  int64_t before = AuditCount();
  ASSERT_THAT(ShowEntity(*store_, actor_, EntityId(call.source)), IsOk());
  ASSERT_EQ(AuditCount(), before + 1);
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_EQ(LastEvent().object, "entity:" + call.source);
  EXPECT_THAT(LastEvent().details, HasSubstr(call.source));

  ListRelationsRequest calls;
  calls.entity = call.source;
  calls.schema = "Call";
  before = AuditCount();
  ASSERT_THAT(ListRelations(*store_, actor_, calls), IsOk());
  ASSERT_EQ(AuditCount(), before + 1);
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_THAT(LastEvent().details, HasSubstr(call.source));
  EXPECT_THAT(LastEvent().details, HasSubstr("relation.list"));
  EXPECT_THAT(LastEvent().details, ::testing::Not(HasSubstr(call.target)));  // not a victim's

  before = AuditCount();
  ASSERT_THAT(ShowEntity(*store_, actor_, document->id), IsOk());
  ASSERT_EQ(AuditCount(), before + 1);
  EXPECT_THAT(LastEvent().details, HasSubstr(document->id.value()));

  before = AuditCount();  // the other phone is nobody's: nothing recorded
  ASSERT_THAT(ShowEntity(*store_, actor_, EntityId(call.target)), IsOk());
  EXPECT_EQ(AuditCount(), before);
}

TEST_F(RelationsTest, TimeWindowFiltersByStart) {
  ASSERT_THAT(AddRelation(*store_, actor_, Call("2025-07-01T10:00:00Z")), IsOk());
  ListRelationsRequest query;
  query.since = "2025-07-02";
  Result<std::vector<model::Relation>> listed = ListRelations(*store_, actor_, query);
  ASSERT_THAT(listed, IsOk());
  EXPECT_TRUE(listed->empty());
}

TEST_F(RelationsTest, MissingEndIsNotFoundAndNothingIsWritten) {
  AddRelationRequest request = Call("2025-07-01T10:20:30Z");
  request.target = "no-such-phone";
  int64_t events_before = AuditCount();
  EXPECT_THAT(AddRelation(*store_, actor_, request),
              StatusIs(StatusCode::kNotFound, HasSubstr("no-such-phone")));
  EXPECT_EQ(AuditCount(), events_before);
}

TEST_F(RelationsTest, BadStartIsRejectedNamingTheField) {
  EXPECT_THAT(AddRelation(*store_, actor_, Call("yesterday")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("start")));
}

TEST_F(RelationsTest, EndBeforeStartIsRejected) {
  AddRelationRequest request = Call("2025-07-01T10:20:30Z");
  request.end = "2025-07-01T09:00:00Z";
  EXPECT_THAT(AddRelation(*store_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("before")));
}

TEST_F(RelationsTest, ThingSchemaIsNotARelation) {
  AddRelationRequest request = Call("");
  request.schema = "Person";
  EXPECT_THAT(AddRelation(*store_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Payment")));
}

}  // namespace
}  // namespace tafkik::app
