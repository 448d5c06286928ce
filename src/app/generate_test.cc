#include "app/generate.h"

#include <filesystem>

#include "app/app_test_util.h"
#include "app/tour.h"
#include "app/workspace.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

GenerateOptions Demo(const std::string& root) {
  GenerateOptions options;
  options.root = root;
  options.seed = 2026;
  options.scale = 1;
  return options;
}

TEST(GenerateTest, TourCountsMatchTheGeneratorsSummaryAndAuditVerifies) {
  testing::TempDir dir;
  store::Actor actor{"trainer"};
  int progress_calls = 0;
  GenerateOptions options = Demo(dir.Sub("demo"));
  options.on_progress = [&](const GenerateProgress&) { ++progress_calls; };
  Result<GenerateReport> report = GenerateWorkspace(options, actor);
  ASSERT_THAT(report, IsOk());
  EXPECT_GE(progress_calls, 1);
  EXPECT_TRUE(std::filesystem::exists(report->truth_path));

  auto opened = OpenWorkspace(dir.Sub("demo"));
  ASSERT_THAT(opened, IsOk());
  Result<TourReport> tour = Tour(**opened, actor);
  ASSERT_THAT(tour, IsOk());
  EXPECT_EQ(tour->counts.entities_by_schema, report->summary.entities_by_schema);
  EXPECT_EQ(tour->counts.relations_by_schema, report->summary.relations_by_schema);
  EXPECT_EQ(tour->counts.cases, report->summary.cases);
  EXPECT_EQ(static_cast<int64_t>(tour->cases.size()), report->summary.cases);
  EXPECT_TRUE(tour->audit.ok) << tour->audit.reason;
}

TEST(GenerateTest, EachChunkIsOneAuditEventAndTheLastSaysComplete) {
  testing::TempDir dir;
  GenerateOptions options = Demo(dir.Sub("demo"));
  options.chunk_records = 500;
  Result<GenerateReport> report = GenerateWorkspace(options, {"trainer"});
  ASSERT_THAT(report, IsOk());
  EXPECT_GT(report->final_progress.chunks, 1);

  auto opened = OpenWorkspace(dir.Sub("demo"));
  ASSERT_THAT(opened, IsOk());
  auto events = (*opened)->ListAuditEvents(1, 1'000'000);
  ASSERT_THAT(events, IsOk());
  int64_t chunk_events = 0;
  for (const store::AuditEvent& event : *events) chunk_events += event.action == "generate.chunk";
  EXPECT_EQ(chunk_events, report->final_progress.chunks);
  EXPECT_EQ(events->back().action, "generate.chunk");
  EXPECT_THAT(events->back().details, HasSubstr("\"complete\":true"));
}

TEST(GenerateTest, RefusesAWorkspaceThatHoldsData) {
  testing::TempDir dir;
  ASSERT_THAT(GenerateWorkspace(Demo(dir.Sub("demo")), {"trainer"}), IsOk());
  EXPECT_THAT(GenerateWorkspace(Demo(dir.Sub("demo")), {"trainer"}),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("already holds")));
}

TEST(GenerateTest, FillsAnEmptyInitialisedWorkspace) {
  testing::TempDir dir;
  ASSERT_THAT(InitWorkspace(dir.Sub("demo"), {"trainer"}), IsOk());
  EXPECT_THAT(GenerateWorkspace(Demo(dir.Sub("demo")), {"trainer"}), IsOk());
}

TEST(GenerateTest, ScaleBelowOneIsInvalid) {
  testing::TempDir dir;
  GenerateOptions options = Demo(dir.Sub("demo"));
  options.scale = 0;
  EXPECT_THAT(GenerateWorkspace(options, {"trainer"}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("scale")));
  EXPECT_FALSE(IsWorkspace(dir.Sub("demo")));
}

}  // namespace
}  // namespace tafkik::app
