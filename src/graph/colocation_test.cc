// Co-location, handset takeover and routes on small call records worked out by hand.
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "graph/colocation.h"

namespace tafkik::graph {
namespace {

Timestamp Minute(int64_t minute) { return Timestamp::FromSeconds(1'750'000'000 + 60 * minute); }

std::vector<CellSite> Sites() {
  // Two cells 500 m apart in Tangier, one in Tetouan (about 40 km away).
  return {{"604-00-1200-1", true, 35.7595, -5.8340},
          {"604-00-1200-2", true, 35.7640, -5.8340},
          {"604-00-1300-7", true, 35.5785, -5.3684}};
}

TEST(CoLocationTest, SameCellWithinTheWindow) {
  std::vector<Sighting> sightings{
      {0, 0, Minute(0)},  {1, 0, Minute(10)},  // together (10 min apart)
      {0, 0, Minute(60)}, {1, 0, Minute(70)},  // together again
      {2, 0, Minute(200)},                     // alone
      {0, 1, Minute(300)}, {2, 1, Minute(330)},  // 30 min apart: not together
  };
  CoLocationFinder finder(sightings, Sites(), {.window_seconds = 15 * 60, .min_meetings = 1});
  ASSERT_THAT(finder.Run(), IsOk());
  ASSERT_EQ(finder.pairs().size(), 1u);
  const CoLocation& pair = finder.pairs()[0];
  EXPECT_EQ(pair.phone, 0);
  EXPECT_EQ(pair.other, 1);
  EXPECT_EQ(pair.meetings, 2);
  EXPECT_EQ(pair.first, Minute(0));
  EXPECT_EQ(pair.last, Minute(60));
  EXPECT_EQ(pair.cells, (std::vector<int32_t>{0}));
  CoLocationFinder twice(sightings, Sites(), {.window_seconds = 15 * 60, .min_meetings = 3});
  ASSERT_THAT(twice.Run(), IsOk());
  EXPECT_TRUE(twice.pairs().empty());
}

TEST(CoLocationTest, NearbyCellsCountWithinTheDistanceOnly) {
  std::vector<Sighting> sightings{{0, 0, Minute(0)}, {1, 1, Minute(5)}, {2, 2, Minute(5)}};
  CoLocationFinder same_cell(sightings, Sites(), {.min_meetings = 1});
  ASSERT_THAT(same_cell.Run(), IsOk());
  EXPECT_TRUE(same_cell.pairs().empty());
  CoLocationFinder within_1km(sightings, Sites(), {.max_distance_metres = 1000, .min_meetings = 1});
  ASSERT_THAT(within_1km.Run(), IsOk());
  ASSERT_EQ(within_1km.pairs().size(), 1u);
  EXPECT_EQ(within_1km.pairs()[0].other, 1);
  EXPECT_NEAR(DistanceMetres(35.7595, -5.8340, 35.7640, -5.8340), 500.4, 0.5);
}

TEST(CoLocationTest, BadInputNamesTheSighting) {
  CoLocationFinder finder({{0, 7, Minute(0)}}, Sites());
  EXPECT_THAT(finder.Run(), StatusIs(StatusCode::kInvalidArgument,
                                     ::testing::HasSubstr("sighting 0 names cell 7")));
}

TEST(HandoverTest, NewPhoneTakingOverTheOldOnesContacts) {
  // Phone 0 talks to 2, 3, 4, 5 until day 10; phone 1 talks to 2, 3, 4, 6 from day 11.
  // Phone 7 shares the same contacts but was active at the same time as 0.
  std::vector<Edge> edges{{0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 2}, {1, 3}, {1, 4}, {1, 6},
                          {7, 2}, {7, 3}, {7, 4}};
  Result<Graph> graph = Graph::FromEdges(8, edges, GraphOptions{.directed = true});
  ASSERT_THAT(graph, IsOk());
  const int64_t day = 86'400;
  std::vector<int64_t> first{0, 11 * day, 0, 0, 0, 0, 11 * day, 0};
  std::vector<int64_t> last{10 * day, 20 * day, 20 * day, 20 * day, 20 * day, 10 * day,
                            20 * day, 20 * day};
  HandoverFinder finder(*graph, first, last);
  ASSERT_THAT(finder.Run(), IsOk());
  ASSERT_GE(finder.handovers().size(), 1u);
  const Handover& best = finder.handovers()[0];
  EXPECT_EQ(best.old_phone, 0);
  EXPECT_EQ(best.new_phone, 1);
  EXPECT_EQ(best.shared_contacts, 3);
  EXPECT_NEAR(best.jaccard, 3.0 / 5, 1e-15);
  EXPECT_EQ(best.gap_seconds, day);
  for (const Handover& handover : finder.handovers()) EXPECT_NE(handover.new_phone, 7);
  HandoverFinder mismatched(*graph, {0}, {0});
  EXPECT_THAT(mismatched.Run(), StatusIs(StatusCode::kInvalidArgument));
}

TEST(RouteTest, ConsecutiveSightingsAtOneCellFoldIntoAStay) {
  std::vector<Sighting> sightings{{0, 1, Minute(30)}, {0, 0, Minute(0)}, {0, 0, Minute(10)},
                                  {1, 2, Minute(15)}, {0, 2, Minute(90)}, {0, 2, Minute(95)},
                                  {0, 0, Minute(200)}};
  std::vector<Stay> route = Route(sightings, 0);
  ASSERT_EQ(route.size(), 4u);
  EXPECT_EQ(route[0].cell, 0);
  EXPECT_EQ(route[0].sightings, 2);
  EXPECT_EQ(route[0].last, Minute(10));
  EXPECT_EQ(route[1].cell, 1);
  EXPECT_EQ(route[2].cell, 2);
  EXPECT_EQ(route[2].first, Minute(90));
  EXPECT_EQ(route[3].cell, 0);
}

}  // namespace
}  // namespace tafkik::graph
