#include "casefile/investigation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;

Timestamp At(const char* text) { return *ParseTimestamp(text); }

Action Hearing() {
  Action action;
  action.id = CaseItemId("MA-1", 'A', 1);
  action.number = "A1";
  action.case_reference = "MA-1";
  action.type = ActionType::kHearing;
  action.date = At("2026-03-04T10:00:00Z");
  action.officer = "OPJ Benali";
  action.legal_basis = "Art. 47 CPP";
  action.outcome = "Victim describes recruitment by a promise of work";
  action.entities = {"victim-1", "suspect-1"};
  action.elements = {"tip.act"};
  return action;
}

TEST(InvestigationTest, ActionRequiresDateOfficerBasisOutcome) {
  EXPECT_THAT(ValidateAction(Hearing()), IsOk());
  Action action = Hearing();
  action.officer.clear();
  EXPECT_THAT(ValidateAction(action), StatusIs(StatusCode::kInvalidArgument,
                                               HasSubstr("action A1: officer is missing")));
  action = Hearing();
  action.legal_basis.clear();
  EXPECT_THAT(ValidateAction(action),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("legal_basis")));
  action = Hearing();
  action.date = Timestamp();
  EXPECT_THAT(ValidateAction(action), StatusIs(StatusCode::kInvalidArgument, HasSubstr("date")));
  action = Hearing();
  action.entities = {"Not An Id"};
  EXPECT_THAT(ValidateAction(action),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Not An Id")));
}

TEST(InvestigationTest, ActionAndTaskRoundTrip) {
  Result<Action> action = ActionFromJson(ToJson(Hearing()));
  ASSERT_THAT(action, IsOk());
  EXPECT_EQ(ToJson(*action), ToJson(Hearing()));
  Task task{"MA-1:T1", "T1", "MA-1", "Request CDRs of +212661000001", "OPJ Alaoui",
            At("2026-03-10T00:00:00Z"), TaskStatus::kOpen, ""};
  EXPECT_THAT(ValidateTask(task), IsOk());
  Result<Task> back = TaskFromJson(ToJson(task));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(ToJson(*back), ToJson(task));
  EXPECT_TRUE(IsOverdue(task, At("2026-03-11T00:00:00Z")));
  EXPECT_FALSE(IsOverdue(task, At("2026-03-09T00:00:00Z")));
  task.status = TaskStatus::kDone;
  EXPECT_FALSE(IsOverdue(task, At("2026-03-11T00:00:00Z")));
  task.assignee.clear();
  EXPECT_THAT(ValidateTask(task), StatusIs(StatusCode::kInvalidArgument, HasSubstr("assignee")));
}

TEST(InvestigationTest, TimelineMergesInTimeOrder) {
  EvidenceItem item;
  item.id = "MA-1:E1";
  item.number = "E1";
  item.type = EvidenceType::kPhysical;
  item.description = "Passport";
  item.place = "Port";
  item.collected_at = At("2026-03-04T10:00:00Z");
  model::Relation payment;
  payment.id = EntityId("pay-1");
  payment.schema = "Payment";
  payment.source = EntityId("victim-1");
  payment.target = EntityId("suspect-1");
  payment.start = At("2026-02-01T00:00:00Z");
  payment.Add("amount", "2500", {});
  payment.Add("currency", "MAD", {});
  payment.Add("channel", "hawala", {});
  model::Relation undated = payment;
  undated.id = EntityId("pay-2");
  undated.start.reset();
  auto caption = [](const std::string& id) { return "[" + id + "]"; };
  std::vector<TimelineEntry> timeline =
      BuildTimeline({Hearing()}, {item}, {payment, undated}, caption);
  std::string text;
  for (const TimelineEntry& entry : timeline) {
    text += FormatTimestamp(entry.time) + " " + entry.kind + " " + entry.summary + "\n";
  }
  EXPECT_EQ(text,
            "2026-02-01T00:00:00Z relation [victim-1] -> [suspect-1], 2500 MAD, hawala\n"
            "2026-03-04T10:00:00Z action A1 Victim describes recruitment by a promise of work\n"
            "2026-03-04T10:00:00Z evidence E1 Passport (Port)\n");
}

}  // namespace
}  // namespace tafkik::casefile
