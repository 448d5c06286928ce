#include <gmock/gmock.h>

#include "store/store_conformance.h"
#include "store/victim_data.h"

namespace tafkik::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

std::vector<std::string> IdsOf(const std::vector<model::Entity>& entities) {
  std::vector<std::string> ids;
  for (const model::Entity& entity : entities) ids.push_back(entity.id.value());
  return ids;
}

model::Relation MakeCall(const model::Entity& from, const model::Entity& to, int64_t seconds) {
  model::Relation call;
  call.id = MakeEntityId("test-cdr", {from.id.value(), to.id.value(), std::to_string(seconds)});
  call.schema = "Call";
  call.source = from.id;
  call.target = to.id;
  call.start = Timestamp::FromSeconds(seconds);
  call.end = Timestamp::FromSeconds(seconds + 60);
  call.Add("duration", "60", TestProvenance(7));
  return call;
}

TEST_P(StoreConformanceTest, EntityKeepsItsValuesAndProvenance) {
  model::Entity person = MakePerson("p1", "Mohamed Ben Ali");
  person.Add("nationality", "ma", {"manual", "", -1, "EV-12", "officer.k"});
  PutAll({person});
  Result<model::Entity> stored = store_->GetEntity(person.id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->schema, "Person");
  EXPECT_EQ(stored->properties, person.properties);
}

TEST_P(StoreConformanceTest, PuttingTheSameEntityTwiceChangesNothing) {
  model::Entity person = MakePerson("p1", "Mohamed Ben Ali");
  PutAll({person});
  const Counts before = *store_->Count();
  PutAll({person});
  const Counts after = *store_->Count();
  EXPECT_EQ(after.values, before.values);
  EXPECT_EQ(after.entities_by_schema, before.entities_by_schema);
}

TEST_P(StoreConformanceTest, NewValuesMergeIntoTheStoredEntity) {
  model::Entity first = MakePerson("p1", "Mohamed Ben Ali");
  model::Entity second = MakePerson("p1", "محمد بن علي");
  PutAll({first});
  PutAll({second});
  EXPECT_THAT(store_->GetEntity(first.id)->All("name"),
              ElementsAre("Mohamed Ben Ali", "محمد بن علي"));
}

TEST_P(StoreConformanceTest, SameIdWithAnotherSchemaIsRefused) {
  model::Entity person = MakePerson("x", "Someone");
  PutAll({person});
  model::Entity phone = MakePhone("+212612345678");
  phone.id = person.id;
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ((*txn)->PutEntity(phone).code(), StatusCode::kFailedPrecondition);
}

TEST_P(StoreConformanceTest, InvalidValueIsRejectedAndNothingIsWritten) {
  const int64_t audit_before = AuditCount();
  model::Entity person = MakePerson("p1", "Amina");
  person.Add("birthDate", "2024-13-01", TestProvenance());
  {
    auto txn = store_->BeginWrite({"tester"});
    ASSERT_TRUE(txn.ok());
    Status status = (*txn)->PutEntity(person);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(status.message().find("birthDate"), std::string::npos) << status.message();
  }  // dropped without Commit: rolled back
  EXPECT_EQ(store_->GetEntity(person.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(StoreConformanceTest, UncommittedWritesAreRolledBack) {
  model::Entity person = MakePerson("p1", "Amina");
  {
    auto txn = store_->BeginWrite({"tester"});
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->PutEntity(person).ok());
  }
  EXPECT_EQ(store_->GetEntity(person.id).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, RelationNeedsBothEnds) {
  model::Entity caller = MakePhone("+212612345678");
  model::Entity receiver = MakePhone("+201012345678");
  PutAll({caller});
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  Status status = (*txn)->PutRelation(MakeCall(caller, receiver, 1'700'000'000));
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find(receiver.id.value()), std::string::npos);
}

TEST_P(StoreConformanceTest, RelationsAreFoundByEitherEndAndTime) {
  model::Entity a = MakePhone("+212612345678");
  model::Entity b = MakePhone("+201012345678");
  model::Entity c = MakePhone("+21698123456");
  PutAll({a, b, c});
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->PutRelation(MakeCall(a, b, 1000)).ok());
  ASSERT_TRUE((*txn)->PutRelation(MakeCall(b, c, 2000)).ok());
  ASSERT_TRUE((*txn)->PutRelation(MakeCall(c, a, 3000)).ok());
  ASSERT_TRUE((*txn)->Commit({"relation.put", "test"}).ok());

  RelationQuery by_b;
  by_b.either_end = b.id;
  auto touching_b = store_->ListRelations(by_b);
  ASSERT_TRUE(touching_b.ok()) << touching_b.status().ToString();
  ASSERT_THAT(*touching_b, SizeIs(2));
  EXPECT_EQ((*touching_b)[0].source, a.id);  // ordered by start
  EXPECT_EQ((*touching_b)[1].target, c.id);

  RelationQuery window;
  window.from = Timestamp::FromSeconds(1500);
  window.to = Timestamp::FromSeconds(3000);
  auto in_window = store_->ListRelations(window);
  ASSERT_THAT(*in_window, SizeIs(1));
  EXPECT_EQ((*in_window)[0].start, Timestamp::FromSeconds(2000));
  EXPECT_EQ((*in_window)[0].First("duration"), "60");
}

TEST_P(StoreConformanceTest, SearchFindsNamesPhonesAndArabicScript) {
  model::Entity latin = MakePerson("p1", "Mohamed BEN-ALI");
  model::Entity arabic = MakePerson("p2", "مُحَمَّد بن علي");
  model::Entity phone = MakePhone("+212612345678");
  PutAll({latin, arabic, phone});

  EXPECT_THAT(IdsOf(*store_->SearchEntities({"ben ali"})), ElementsAre(latin.id.value()));
  EXPECT_THAT(IdsOf(*store_->SearchEntities({"moha"})), ElementsAre(latin.id.value()));
  EXPECT_THAT(IdsOf(*store_->SearchEntities({"محمد"})), ElementsAre(arabic.id.value()));
  EXPECT_THAT(IdsOf(*store_->SearchEntities({"+212 612 345 678"})),
              ElementsAre(phone.id.value()));
  EXPECT_THAT(*store_->SearchEntities({"nobody"}), SizeIs(0));
}

TEST_P(StoreConformanceTest, CasesHoldMembersInRoles) {
  model::Entity suspect = MakePerson("s", "Karim");
  model::Entity victim = MakePerson("v", "Aïcha");
  PutAll({suspect, victim});
  model::Case c;
  c.reference = "MA-2026-0001";
  c.title = "Réseau de passeurs, Nador";
  c.jurisdiction = {"ma", "Oriental"};
  c.offences = {model::Offence::kSmugglingOfMigrants, model::Offence::kTraffickingInPersons};
  c.lead_unit = "BNPJ";
  c.opened = Timestamp::FromSeconds(1'760'000'000);
  c.members = {{suspect.id, model::Role::kSuspect}};
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->CreateCase(c).ok());
  ASSERT_TRUE((*txn)->AddCaseMember(c.reference, {victim.id, model::Role::kVictim}).ok());
  EXPECT_EQ((*txn)->CreateCase(c).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ((*txn)->AddCaseMember("XX-1", {victim.id, model::Role::kVictim}).code(),
            StatusCode::kNotFound);
  ASSERT_TRUE((*txn)->Commit({"case.create", "case:MA-2026-0001"}).ok());

  Result<model::Case> stored = store_->GetCase(c.reference);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->offences, c.offences);
  EXPECT_EQ(stored->jurisdiction, c.jurisdiction);
  EXPECT_THAT(stored->members, SizeIs(2));
  auto roles = store_->RolesOf(victim.id);
  ASSERT_THAT(*roles, SizeIs(1));
  EXPECT_EQ((*roles)[0].role, model::Role::kVictim);
  EntityQuery members;
  members.case_id = stored->id;
  EXPECT_THAT(*store_->ListEntities(members), SizeIs(2));
  EXPECT_EQ(store_->GetCase("MA-2026-9999").status().code(), StatusCode::kNotFound);
}

model::Record MakeRecord(std::string kind, std::string id, std::string case_reference,
                         std::string subject, Json body) {
  model::Record record;
  record.kind = std::move(kind);
  record.id = std::move(id);
  record.case_reference = std::move(case_reference);
  record.subject = std::move(subject);
  record.body = std::move(body);
  return record;
}

TEST_P(StoreConformanceTest, RecordsAreKeptByKindCaseAndSubject) {
  model::Entity person = MakePerson("p", "Amina");
  PutAll({person});
  model::Case c;
  c.reference = "TN-2026-0007";
  c.jurisdiction = {"tn", ""};
  c.offences = {model::Offence::kTraffickingInPersons};
  c.lead_unit = "Brigade";
  auto txn = store_->BeginWrite({"officer.a"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->CreateCase(c).ok());
  ASSERT_TRUE((*txn)->InsertRecord(MakeRecord("screening", "S-1", c.reference,
                                              person.id.value(), {{"age", 16}})).ok());
  ASSERT_TRUE((*txn)->InsertRecord(MakeRecord("screening", "S-2", "", "", {{"age", 30}})).ok());
  ASSERT_TRUE((*txn)->InsertRecord(MakeRecord("custody", "S-1", c.reference, "", Json::object())).ok());
  ASSERT_TRUE((*txn)->Commit({"screening.new", "screening:S-1"}).ok());

  Result<model::Record> stored = store_->GetRecord("screening", "S-1");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->body, Json({{"age", 16}}));
  EXPECT_EQ(stored->case_reference, c.reference);
  EXPECT_EQ(stored->subject, person.id.value());
  EXPECT_EQ(stored->actor, "officer.a");
  EXPECT_GT(stored->created.micros(), 0);
  EXPECT_EQ(store_->GetRecord("screening", "S-9").status().code(), StatusCode::kNotFound);

  EXPECT_THAT(*store_->ListRecords({.kind = "screening"}), SizeIs(2));
  EXPECT_THAT(*store_->ListRecords({.kind = "screening", .case_reference = c.reference}),
              SizeIs(1));
  EXPECT_THAT(*store_->ListRecords({.kind = "screening", .subject = person.id.value()}),
              SizeIs(1));
  EXPECT_THAT(*store_->ListRecords({.kind = "custody"}), SizeIs(1));
  EXPECT_EQ(store_->ListRecords({}).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, InsertedRecordsAreAppendOnlyAndUpsertReplaces) {
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->InsertRecord(MakeRecord("referral", "R-1", "", "", {{"s", "sent"}})).ok());
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("referral", "R-1", "", "", Json::object())).code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE((*txn)->Commit({"referral.new", "referral:R-1"}).ok());
  const Timestamp first = store_->GetRecord("referral", "R-1")->created;

  txn->reset();
  txn = store_->BeginWrite({"ngo.b"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(
      (*txn)->UpsertRecord(MakeRecord("referral", "R-1", "", "", {{"s", "accepted"}})).ok());
  ASSERT_TRUE((*txn)->Commit({"referral.update", "referral:R-1"}).ok());
  Result<model::Record> stored = store_->GetRecord("referral", "R-1");
  EXPECT_EQ(stored->body, Json({{"s", "accepted"}}));
  EXPECT_EQ(stored->created, first);
  EXPECT_EQ(stored->actor, "ngo.b");
}

TEST_P(StoreConformanceTest, MalformedRecordsAreRefused) {
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("Bad Kind", "x", "", "", Json::object())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("k", "has space", "", "", Json::object())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("k", "x", "", "", Json::array())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("k", "x", "", "not an id!", Json::object())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*txn)->InsertRecord(MakeRecord("k", "x", "NO-SUCH-CASE", "", Json::object())).code(),
            StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, ScreenedPersonsAndTheirThingsAreVictimData) {
  model::Entity screened = MakePerson("screened", "Amina");
  model::Entity stranger = MakePerson("stranger", "Karim");
  model::Entity phone;
  phone.id = MakeEntityId("test", {"phone"});
  phone.schema = "Phone";
  phone.Add("number", "+212612345678", TestProvenance());
  phone.Add("owner", screened.id.value(), TestProvenance());
  PutAll({screened, stranger, phone});
  EXPECT_FALSE(*IsVictimData(*store_, screened.id));
  auto txn = store_->BeginWrite({"officer"});
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->InsertRecord(MakeRecord(kScreeningKind, "S-1", "", screened.id.value(),
                                              Json::object()))
                  .ok());
  ASSERT_TRUE((*txn)->Commit({"screening.new", "screening:S-1"}).ok());
  EXPECT_TRUE(*IsVictimData(*store_, screened.id));
  EXPECT_TRUE(*IsVictimData(*store_, phone.id));
  EXPECT_FALSE(*IsVictimData(*store_, stranger.id));
}

TEST_P(StoreConformanceTest, EveryCommitIsOneAuditEventAndTheChainVerifies) {
  const int64_t before = AuditCount();
  PutAll({MakePerson("a", "A")});
  PutAll({MakePerson("b", "B")});
  ASSERT_TRUE(store_->RecordEvent({"officer.k"}, {"entity.read", "entity:x"}).ok());
  EXPECT_EQ(AuditCount(), before + 3);
  auto events = store_->ListAuditEvents(before + 1, 10);
  ASSERT_THAT(*events, SizeIs(3));
  EXPECT_EQ((*events)[2].actor, "officer.k");
  EXPECT_EQ((*events)[2].action, "entity.read");
  Result<AuditVerifyReport> report = store_->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->reason;
  EXPECT_EQ(report->events, before + 3);
}

TEST_P(StoreConformanceTest, CountsAreBySchema) {
  PutAll({MakePerson("a", "A"), MakePerson("b", "B"), MakePhone("+212612345678")});
  Counts counts = *store_->Count();
  EXPECT_EQ(counts.entities_by_schema["Person"], 2);
  EXPECT_EQ(counts.entities_by_schema["Phone"], 1);
  EXPECT_EQ(counts.values, 3);
}

TEST_P(StoreConformanceTest, TransactionWithAHalfDoneWriteCannotCommit) {
  model::Case c;
  c.reference = "MA-2026-0002";
  c.jurisdiction = {"ma", ""};
  c.offences = {model::Offence::kTraffickingInPersons};
  c.lead_unit = "BNPJ";
  c.members = {{EntityId("no-such-person"), model::Role::kVictim}};  // fails after the case row
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ((*txn)->CreateCase(c).status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*txn)->Commit({"case.create", "case:MA-2026-0002"}).code(),
            StatusCode::kFailedPrecondition);
  txn->reset();
  EXPECT_EQ(store_->GetCase("MA-2026-0002").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, RefusedValueLeavesTheTransactionUsable) {
  model::Entity bad = MakePerson("p1", "Amina");
  bad.Add("birthDate", "2024-13-01", TestProvenance());
  auto txn = store_->BeginWrite({"tester"});
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ((*txn)->PutEntity(bad).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE((*txn)->PutEntity(MakePerson("p2", "Karim")).ok());
  EXPECT_TRUE((*txn)->Commit({"entity.put", "test"}).ok());
}

TEST_P(StoreConformanceTest, OnlyOneWriteAtATimePerStore) {
  auto first = store_->BeginWrite({"tester"});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(store_->BeginWrite({"tester"}).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace tafkik::store::testing
