#include "casefile/custody.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;

Timestamp At(const char* text) { return *ParseTimestamp(text); }

EvidenceItem Item() {
  EvidenceItem item;
  item.id = "MA-1:E1";
  item.number = "E1";
  item.collected_by = "OPJ Benali";
  item.collected_at = At("2026-03-02T09:00:00Z");
  return item;
}

CustodyEvent Event(int sequence, std::string from, std::string to, const char* time) {
  CustodyEvent event;
  event.evidence_id = "MA-1:E1";
  event.sequence = sequence;
  event.from = std::move(from);
  event.to = std::move(to);
  event.purpose = "transfer";
  event.place = "Tanger";
  event.time = At(time);
  return event;
}

// The review as one line per issue: "2: handed over by ..." (LevelDB-style state string).
std::string Issues(const CustodyReview& review) {
  std::string text;
  for (const CustodyIssue& issue : review.issues) {
    text += std::to_string(issue.sequence) + ": " + issue.problem + "\n";
  }
  return text;
}

TEST(CustodyTest, MissingWhoWhatWhenWhereWhyIsNamed) {
  struct Case {
    void (*clear)(CustodyEvent&);
    const char* message;
  };
  const Case cases[] = {
      {[](CustodyEvent& event) { event.evidence_id.clear(); }, "'what'"},
      {[](CustodyEvent& event) { event.from.clear(); }, "'who' (from"},
      {[](CustodyEvent& event) { event.to = "  "; }, "'who' (to"},
      {[](CustodyEvent& event) { event.time = Timestamp(); }, "'when'"},
      {[](CustodyEvent& event) { event.place.clear(); }, "'where'"},
      {[](CustodyEvent& event) { event.purpose.clear(); }, "'why'"},
  };
  for (const Case& test_case : cases) {
    CustodyEvent event = Event(2, "OPJ Benali", "Lab", "2026-03-03T10:00:00Z");
    test_case.clear(event);
    EXPECT_THAT(ValidateCustodyEvent(event),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr(test_case.message)))
        << test_case.message;
  }
  EXPECT_THAT(ValidateCustodyEvent(Event(1, "", "OPJ Benali", "2026-03-02T09:00:00Z")), IsOk());
}

TEST(CustodyTest, UnbrokenChainNamesCurrentCustodian) {
  std::vector<CustodyEvent> events = {
      Event(2, "OPJ Benali", "Laboratoire GR", "2026-03-03T10:00:00Z"),
      Event(1, "", "OPJ Benali", "2026-03-02T09:00:00Z"),
      Event(3, "Laboratoire GR", "Greffe TPI Tanger", "2026-03-09T10:00:00Z"),
  };
  events[2].place = "Greffe";
  CustodyReview review = ReviewChain(Item(), events);
  EXPECT_EQ(Issues(review), "");
  EXPECT_TRUE(review.ok());
  EXPECT_EQ(review.current_custodian, "Greffe TPI Tanger");
  EXPECT_EQ(review.current_place, "Greffe");
}

TEST(CustodyTest, EveryBreakIsNamed) {
  std::vector<CustodyEvent> events = {
      Event(1, "", "Someone else", "2026-03-02T09:00:00Z"),
      Event(2, "OPJ Benali", "Lab", "2026-03-01T10:00:00Z"),
      Event(4, "Lab", "Court", "2026-03-05T10:00:00Z"),
  };
  events[2].seal_intact = false;
  events[2].hash_verified = false;
  CustodyReview review = ReviewChain(Item(), events);
  EXPECT_EQ(Issues(review),
            "1: received at intake by 'Someone else' but collected by 'OPJ Benali'\n"
            "2: handed over by 'OPJ Benali' but the custodian was 'Someone else'\n"
            "2: dated before the event that precedes it\n"
            "2: dated before the item was collected\n"
            "4: event 3 of the chain is missing\n"
            "4: the seal was found broken\n"
            "4: the file's hash did not verify\n");
  EXPECT_TRUE(review.seal_broken);
  EXPECT_TRUE(review.hash_failed);
  EXPECT_EQ(review.current_custodian, "Court");
}

TEST(CustodyTest, EmptyChainIsAnIssue) {
  CustodyReview review = ReviewChain(Item(), {});
  EXPECT_FALSE(review.ok());
  EXPECT_EQ(review.current_custodian, "");
}

TEST(CustodyTest, JsonRoundTrip) {
  CustodyEvent event = Event(2, "OPJ Benali", "Lab", "2026-03-03T10:00:00Z");
  event.hash_verified = true;
  event.note = "scellé n° 44";
  Result<CustodyEvent> back = CustodyFromJson(ToJson(event));
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(ToJson(*back), ToJson(event));
  EXPECT_EQ(CustodyRecordId(event), "MA-1:E1:C2");
}

}  // namespace
}  // namespace tafkik::casefile
