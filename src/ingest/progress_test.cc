#include "ingest/progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tafkik::ingest {
namespace {

TableProgress At(int64_t rows, int64_t read, int64_t total, int64_t elapsed_ms, bool done = false) {
  TableProgress progress;
  progress.rows = rows;
  progress.bytes_read = read;
  progress.bytes_total = total;
  progress.elapsed_ms = elapsed_ms;
  progress.done = done;
  return progress;
}

TEST(ProgressTest, BarShowsShareRateAndEta) {
  // A quarter of 40 MB in 10 s: 30 s to go.
  EXPECT_EQ(FormatProgressBar(At(1'234'567, 10'000'000, 40'000'000, 10'000), 8),
            "import  [##......]  25%  1,234,567 rows  123,456 rows/s  1.0 MB/s  ETA 0:30");
  // Done: full bar, no ETA.
  EXPECT_EQ(FormatProgressBar(At(2'000, 40'000'000, 40'000'000, 2'000, true), 4),
            "import  [####] 100%  2,000 rows  1,000 rows/s  20.0 MB/s");
  // Total unknown (a pipe): no bar, no share, no ETA.
  EXPECT_EQ(FormatProgressBar(At(10, 100, 0, 0)), "import    10 rows  0 rows/s  0.0 MB/s");
  // A long import's ETA in minutes.
  EXPECT_THAT(FormatProgressBar(At(100, 1'000'000, 100'000'000, 60'000)),
              ::testing::EndsWith("ETA 99:00"));
}

TEST(ProgressTest, NdjsonEventCarriesTheCounts) {
  Json event = ProgressEvent(At(5'000, 1'000, 4'000, 2'000));
  EXPECT_EQ(event["event"], "progress");
  EXPECT_EQ(event["rows"], 5'000);
  EXPECT_EQ(event["bytes_read"], 1'000);
  EXPECT_EQ(event["bytes_total"], 4'000);
  EXPECT_EQ(event["rows_per_second"], 2'500);
  EXPECT_EQ(event["done"], false);
}

}  // namespace
}  // namespace tafkik::ingest
