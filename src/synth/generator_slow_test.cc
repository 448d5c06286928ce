// Scale 200: about a million call records streamed through a counting sink. Checks that the
// calls scale linearly and that memory stays bounded (the calls are never held).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "core/status_matchers.h"
#include "synth/generator.h"
#include "synth/test_sinks.h"

namespace tafkik::synth {
namespace {

int64_t PeakResidentKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

TEST(GeneratorSlowTest, Scale200StreamsAMillionCallsInBoundedMemory) {
  testing::CountingSink sink;
  GeneratorOptions options;
  options.seed = 200;
  options.scale = 200;
  options.truth_path = ::testing::TempDir() + "/synth-truth-200-" + std::to_string(getpid());
  const auto started = std::chrono::steady_clock::now();
  ASSERT_THAT(Generate(options, sink), IsOk());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const int64_t calls = sink.relations["Call"];
  std::printf("scale 200: %lld calls, %lld persons, %lld phones in %.1f s, peak RSS %lld MB\n",
              static_cast<long long>(calls), static_cast<long long>(sink.entities["Person"]),
              static_cast<long long>(sink.entities["Phone"]), seconds,
              static_cast<long long>(PeakResidentKilobytes() / 1024));
  EXPECT_GT(calls, 950000);
  EXPECT_LT(calls, 1100000);
  EXPECT_EQ(sink.cases, 400);
  std::remove(options.truth_path.c_str());
  // The world for 200 units is tens of megabytes; holding the calls would take gigabytes.
  EXPECT_LT(PeakResidentKilobytes(), 150 * 1024);
}

}  // namespace
}  // namespace tafkik::synth
