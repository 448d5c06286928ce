#include "app/resolve.h"

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ResolveTest : public testing::WorkspaceTest {
 protected:
  std::string Add(const std::string& schema, std::vector<std::string> assignments) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {schema, std::move(assignments)});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }

  // One smuggler seen in three sources, one other man, and an unrelated woman.
  void AddSmugglers() {
    police_ = Add("Person", {"name=محمد بن عبد الرحمن", "birthDate=1984-03-12"});
    transfer_ = Add("Person", {"name=MOHAMED BENABDERRAHMANE", "birthDate=1984-03-12"});
    sanctions_ = Add("Person",
                     {"name=Muhammad Abd al-Rahman", "birthDate=1984", "passportNumber=AB1234567"});
    other_ = Add("Person", {"name=Mahmoud Benabderrahmane", "birthDate=1991-07-02"});
    unrelated_ = Add("Person", {"name=Fatima Zahra El Idrissi", "birthDate=1990-01-01"});
    // The police record's holder of the same passport, seen as a document entity.
    Add("IdentityDocument", {"number=AB1234567", "type=passport", "holder=" + police_});
  }

  std::vector<model::Relation> SameAs(const std::string& entity) {
    store::RelationQuery query;
    query.schema = "SameAs";
    query.either_end = EntityId(entity);
    auto relations = store_->ListRelations(query);
    EXPECT_THAT(relations, IsOk());
    return relations.ok() ? *relations : std::vector<model::Relation>{};
  }

  std::string police_, transfer_, sanctions_, other_, unrelated_;
};

TEST_F(ResolveTest, RunStoresCandidatesModelAndOneAuditEvent) {
  AddSmugglers();
  const int64_t before = AuditCount();
  auto report = RunResolution(*store_, actor_, {});
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->records, 5);
  EXPECT_GE(report->candidates, 2);
  EXPECT_EQ(report->clusters, 1);
  EXPECT_EQ(AuditCount(), before + 1);
  EXPECT_EQ(LastEvent().action, "resolve.run");
  EXPECT_THAT(LastEvent().details, Not(HasSubstr("Mohamed")));
  EXPECT_THAT(store_->GetRecord("resolve.run", report->run_id), IsOk());
  EXPECT_THAT(store_->GetRecord("resolve.model", "current"), IsOk());
  std::string passes;
  for (const auto& pass : report->passes) passes += pass.name + " ";
  EXPECT_EQ(passes, "normalise frequencies block compare estimate score cluster ");
}

TEST_F(ResolveTest, ReviewListsPendingPairsMostProbableFirstWithoutTheUnrelated) {
  AddSmugglers();
  ASSERT_THAT(RunResolution(*store_, actor_, {}), IsOk());
  auto pairs = ReviewCandidates(*store_, actor_, {});
  ASSERT_THAT(pairs, IsOk());
  ASSERT_GE(pairs->size(), 2u);
  for (size_t pair_idx = 0; pair_idx < pairs->size(); ++pair_idx) {
    const PairView& pair = (*pairs)[pair_idx];
    EXPECT_EQ(pair.status, "pending");
    EXPECT_NE(pair.left, unrelated_);
    EXPECT_NE(pair.right, unrelated_);
    if (pair_idx > 0) {
      EXPECT_LE(pair.probability, (*pairs)[pair_idx - 1].probability);
    }
  }
  EXPECT_THAT(ReviewCandidates(*store_, actor_, {"merged", 10}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'merged'")));
}

TEST_F(ResolveTest, SharedPassportIsEvidence) {
  AddSmugglers();
  ASSERT_THAT(RunResolution(*store_, actor_, {}), IsOk());
  auto view = ExplainPair(*store_, actor_, sanctions_, police_);
  ASSERT_THAT(view, IsOk());
  EXPECT_THAT(view->summary, HasSubstr("document exact"));
  EXPECT_THAT(view->summary, HasSubstr("name exact"));
  EXPECT_GT(view->probability, 0.9);
}

TEST_F(ResolveTest, ConfirmWritesSameAsAndUndoRevertsIt) {
  AddSmugglers();
  ASSERT_THAT(RunResolution(*store_, actor_, {}), IsOk());
  auto confirmed = DecidePair(*store_, actor_, transfer_, police_, "confirmed", "same DOB");
  ASSERT_THAT(confirmed, IsOk());
  EXPECT_EQ(confirmed->status, "confirmed");
  std::vector<model::Relation> links = SameAs(police_);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].First("decision"), "confirmed");
  EXPECT_EQ(links[0].schema, "SameAs");

  auto confirmed_only = ReviewCandidates(*store_, actor_, {"confirmed", 10});
  ASSERT_THAT(confirmed_only, IsOk());
  ASSERT_EQ(confirmed_only->size(), 1u);

  auto undone = UndoDecision(*store_, actor_, police_, transfer_);
  ASSERT_THAT(undone, IsOk());
  EXPECT_EQ(undone->status, "pending");
  EXPECT_EQ(undone->history.size(), 2u);
  EXPECT_EQ(undone->history[1]["decision"], "undo");
  links = SameAs(police_);
  ASSERT_EQ(links.size(), 2u);  // history kept: the latest says pending
  EXPECT_EQ(links[1].First("decision"), "pending");
  EXPECT_GE(links[1].start, links[0].start);

  EXPECT_THAT(UndoDecision(*store_, actor_, police_, transfer_),
              StatusIs(StatusCode::kFailedPrecondition));
}

TEST_F(ResolveTest, UndoGoesBackToThePreviousDecision) {
  AddSmugglers();
  ASSERT_THAT(DecidePair(*store_, actor_, police_, other_, "unsure", ""), IsOk());
  ASSERT_THAT(DecidePair(*store_, actor_, police_, other_, "rejected", "different man"), IsOk());
  auto undone = UndoDecision(*store_, actor_, police_, other_);
  ASSERT_THAT(undone, IsOk());
  EXPECT_EQ(undone->status, "unsure");
  EXPECT_EQ(LastEvent().action, "resolve.undo");
  EXPECT_THAT(LastEvent().details, Not(HasSubstr("different man")));
}

TEST_F(ResolveTest, ExplainWithoutARunUsesTheDefaultModel) {
  AddSmugglers();
  auto view = ExplainPair(*store_, actor_, police_, unrelated_);
  ASSERT_THAT(view, IsOk());
  EXPECT_LT(view->probability, 0.01);
  EXPECT_THAT(view->summary, HasSubstr("name differ"));
}

TEST_F(ResolveTest, BadRequests) {
  AddSmugglers();
  EXPECT_THAT(ExplainPair(*store_, actor_, police_, "no-such-entity"),
              StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(ExplainPair(*store_, actor_, police_, police_),
              StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(DecidePair(*store_, actor_, police_, transfer_, "merged", ""),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'merged'")));
  ResolveRunRequest request;
  request.link_threshold = 1.5;
  EXPECT_THAT(RunResolution(*store_, actor_, request), StatusIs(StatusCode::kInvalidArgument));
  request = {};
  request.skip = {"normalise"};
  EXPECT_THAT(RunResolution(*store_, actor_, request), StatusIs(StatusCode::kInvalidArgument));
  request = {};
  request.case_reference = "MA-0000";
  EXPECT_THAT(RunResolution(*store_, actor_, request), StatusIs(StatusCode::kNotFound));
}

TEST_F(ResolveTest, ReadingAVictimsPairIsOnTheRecord) {
  AddSmugglers();
  CreateCaseRequest request{"MA-2026-0001", "", "ma", "", {"tip"}};
  request.lead_unit = "BNPJ Tanger";
  ASSERT_THAT(CreateCase(*store_, actor_, request), IsOk());
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0001", unrelated_, "victim"), IsOk());
  ASSERT_THAT(ExplainPair(*store_, actor_, police_, unrelated_), IsOk());
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_THAT(LastEvent().details, HasSubstr(unrelated_));
  EXPECT_THAT(LastEvent().details, HasSubstr("resolve.explain"));
}

TEST_F(ResolveTest, SharedPhoneLinksNameSpellings) {
  const std::string first = Add("Person", {"name=Youssef Amrani"});
  const std::string second = Add("Person", {"name=Youcef El Amrany"});
  Add("Phone", {"number=+212661234567", "owner=" + first});
  Add("Phone", {"number=+212661234567", "owner=" + second, "serviceProvider=Inwi"});
  auto records = LoadPersonRecords(*store_, "");
  ASSERT_THAT(records, IsOk());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].phones, std::vector<std::string>{"+212661234567"});
  auto view = ExplainPair(*store_, actor_, first, second);
  ASSERT_THAT(view, IsOk());
  EXPECT_THAT(view->summary, HasSubstr("phone exact"));
}

}  // namespace
}  // namespace tafkik::app
