#include "finance/detectors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "finance/internal/test_ledger.h"

namespace tafkik::finance {
namespace {

using testing::Build;
using testing::Pay;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "type subject [ids]" per alert.
std::vector<std::string> Describe(const Ledger& ledger, const std::vector<Alert>& alerts) {
  std::vector<std::string> lines;
  for (const Alert& alert : alerts) {
    std::string line = alert.type + " " + ledger.node_id(alert.subject) + " [";
    for (size_t index = 0; index < alert.transactions.size(); ++index) {
      if (index) line += " ";
      line += ledger.id(alert.transactions[index]);
    }
    lines.push_back(line + "]");
  }
  return lines;
}

TEST(FanInTest, SimilarPaymentsFromManyPayersToOneCollector) {
  std::vector<TransactionInput> inputs;
  // Six migrants' families pay about 2,000 EUR each to one collector within three days.
  for (int payer = 0; payer < 6; ++payer) {
    inputs.push_back(Pay("fee" + std::to_string(payer), "family" + std::to_string(payer),
                         "collector", 200000 + payer * 1000, payer * 12.0));
  }
  // A shop gets six payments of very different amounts: not a fan-in.
  for (int payer = 0; payer < 6; ++payer) {
    inputs.push_back(Pay("buy" + std::to_string(payer), "client" + std::to_string(payer), "shop",
                         1000 * (1 << payer), payer * 12.0));
  }
  Ledger ledger = Build(inputs);
  std::vector<Alert> alerts = DetectFanIn(ledger, FanInOptions{});
  ASSERT_THAT(Describe(ledger, alerts),
              ElementsAre("fan_in collector [fee0 fee1 fee2 fee3 fee4 fee5]"));
  EXPECT_EQ(alerts[0].accounts.size(), 7u);
  EXPECT_EQ(alerts[0].total, 1215000);
  EXPECT_GT(alerts[0].score, 0.5);
  EXPECT_EQ(alerts[0].facts["payers"], 6);
}

TEST(FanInTest, FewerPayersThanTheMinimumIsNoAlert) {
  std::vector<TransactionInput> inputs;
  for (int payer = 0; payer < 4; ++payer) {
    inputs.push_back(Pay("fee" + std::to_string(payer), "p" + std::to_string(payer), "c", 200000,
                         payer * 1.0));
  }
  Ledger ledger = Build(inputs);
  EXPECT_TRUE(DetectFanIn(ledger, FanInOptions{}).empty());
  FanInOptions four;
  four.min_counterparties = 4;
  EXPECT_EQ(DetectFanIn(ledger, four).size(), 1u);
}

TEST(FanInTest, SplitPaymentsSeedAnAlertThatGathersTheSameBand) {
  // One payer splits a sum into three parts within a day; an earlier payer sent one payment in
  // the same amount band a month before; a normal, much larger payment stays out.
  Ledger ledger = Build({Pay("early", "p0", "c", 410, 0), Pay("s1", "p1", "c", 400, 700),
                         Pay("s2", "p1", "c", 420, 701), Pay("s3", "p1", "c", 390, 702),
                         Pay("rent", "p2", "c", 50000, 703)});
  std::vector<Alert> alerts = DetectFanIn(ledger, FanInOptions{});
  EXPECT_THAT(Describe(ledger, alerts), ElementsAre("fan_in c [early s1 s2 s3]"));
}

TEST(FanOutTest, OnePayerToManyBeneficiaries) {
  std::vector<TransactionInput> inputs;
  for (int index = 0; index < 5; ++index) {
    inputs.push_back(Pay("out" + std::to_string(index), "boss", "mule" + std::to_string(index),
                         50000, index * 2.0));
  }
  Ledger ledger = Build(inputs);
  EXPECT_THAT(Describe(ledger, DetectFanOut(ledger, FanInOptions{})),
              ElementsAre("fan_out boss [out0 out1 out2 out3 out4]"));
}

TEST(CycleTest, FindsTimeRespectingRoundTripsOnly) {
  Ledger ledger = Build({
      Pay("ab", "a", "b", 10000, 1), Pay("bc", "b", "c", 9500, 2), Pay("ca", "c", "a", 9000, 3),
      // x -> y -> z -> x, but z paid x before y paid z: not a cycle of the same money.
      Pay("xy", "x", "y", 10000, 1), Pay("zx", "z", "x", 10000, 2), Pay("yz", "y", "z", 10000, 3),
      // p -> q -> p with a tenth of the amount: not the same money either.
      Pay("pq", "p", "q", 10000, 1), Pay("qp", "q", "p", 1000, 2)});
  std::vector<Alert> alerts = DetectCycles(ledger, CycleOptions{});
  ASSERT_THAT(Describe(ledger, alerts), ElementsAre("cycle a [ab bc ca]"));
  EXPECT_EQ(alerts[0].facts["length"], 3);
}

TEST(CycleTest, RespectsTheWindowAndLength) {
  Ledger ledger = Build({Pay("ab", "a", "b", 100, 0), Pay("ba", "b", "a", 100, 24 * 40)});
  EXPECT_TRUE(DetectCycles(ledger, CycleOptions{}).empty());
  Ledger chain = Build({Pay("1", "a", "b", 100, 1), Pay("2", "b", "c", 100, 2),
                        Pay("3", "c", "d", 100, 3), Pay("4", "d", "a", 100, 4)});
  CycleOptions three;
  three.max_length = 3;
  EXPECT_TRUE(DetectCycles(chain, three).empty());
  EXPECT_EQ(DetectCycles(chain, CycleOptions{}).size(), 1u);
}

TEST(StructuringTest, PaymentsJustUnderTheThresholdWithinAWeek) {
  StructuringOptions options;
  options.thresholds["EUR"] = 1000000;  // 10,000.00 EUR
  Ledger ledger = Build({Pay("s1", "a", "b", 950000, 0), Pay("s2", "a", "c", 980000, 30),
                         Pay("s3", "a", "d", 999999, 60), Pay("big", "a", "e", 1000000, 70),
                         Pay("far", "a", "f", 950000, 24 * 30), Pay("n1", "z", "b", 950000, 0),
                         Pay("n2", "z", "b", 500000, 1), Pay("n3", "z", "b", 950000, 2)});
  std::vector<Alert> alerts = DetectStructuring(ledger, options);
  ASSERT_THAT(Describe(ledger, alerts), ElementsAre("structuring a [s1 s2 s3]"));
  EXPECT_TRUE(DetectStructuring(ledger, StructuringOptions{}).empty());  // no threshold set
}

TEST(PassThroughTest, MuleThatPassesMoneyOnWithinHours) {
  std::vector<TransactionInput> inputs;
  for (int round = 0; round < 3; ++round) {
    std::string n = std::to_string(round);
    inputs.push_back(Pay("in" + n, "victim" + n, "mule", 100000, round * 100.0));
    inputs.push_back(Pay("out" + n, "mule", "boss", 97000, round * 100.0 + 3));
  }
  // A salary account: money in, spent slowly over weeks.
  for (int month = 0; month < 3; ++month) {
    std::string n = std::to_string(month);
    inputs.push_back(Pay("salary" + n, "employer", "worker", 100000, month * 720.0));
    for (int week = 0; week < 4; ++week) {
      inputs.push_back(Pay("spend" + n + std::to_string(week), "worker", "shop", 25000,
                           month * 720.0 + 100 + week * 160));
    }
  }
  Ledger ledger = Build(inputs);
  std::vector<Alert> alerts = DetectPassThrough(ledger, PassThroughOptions{});
  ASSERT_THAT(Describe(ledger, alerts),
              ElementsAre("pass_through mule [in0 out0 in1 out1 in2 out2]"));
  EXPECT_EQ(alerts[0].facts["passed_on"], 3);
}

TEST(ScatterGatherTest, SourceThroughIntermediariesToOneSink) {
  std::vector<TransactionInput> inputs;
  for (int index = 0; index < 3; ++index) {
    std::string m = "m" + std::to_string(index);
    inputs.push_back(Pay("s" + std::to_string(index), "src", m, 100000, index));
    inputs.push_back(Pay("g" + std::to_string(index), m, "sink", 95000, 10 + index));
  }
  inputs.push_back(Pay("other", "m0", "elsewhere", 1000, 11));
  Ledger ledger = Build(inputs);
  std::vector<Alert> alerts = DetectScatterGather(ledger, ScatterGatherOptions{});
  ASSERT_THAT(Describe(ledger, alerts), ElementsAre("scatter_gather src [s0 s1 s2 g0 g1 g2]"));
  EXPECT_EQ(alerts[0].facts["sink"], "sink");
}

TEST(SmugglingFeeTest, PaymentsFromMigrantsBeforeTheirCrossings) {
  std::vector<TransactionInput> inputs;
  for (int migrant = 0; migrant < 3; ++migrant) {
    inputs.push_back(Pay("fee" + std::to_string(migrant), "family" + std::to_string(migrant),
                         "smuggler", 150000, 24.0 * migrant));
  }
  inputs.push_back(Pay("rent", "family0", "landlord", 30000, 0));
  inputs.push_back(Pay("old", "family1", "landlord", 30000, -24.0 * 90));
  Ledger ledger = Build(inputs);
  SmugglingContext context;
  for (uint32_t migrant = 0; migrant < 3; ++migrant) {
    context.migrant_of[*ledger.FindNode("family" + std::to_string(migrant))] = migrant;
    context.crossings[migrant] = {ledger.at(*ledger.FindTransaction("fee0")).time_us + 10 * kDay};
  }
  std::vector<Alert> alerts = DetectSmugglingFees(ledger, context, SmugglingFeeOptions{});
  ASSERT_THAT(Describe(ledger, alerts), ElementsAre("smuggling_fee smuggler [fee0 fee1 fee2]"));
  EXPECT_EQ(alerts[0].facts["migrants"], 3);
}

TEST(RunDetectorsTest, RunsEveryDetectorOnTwoThreadsAndNamesUnknownOnes) {
  std::vector<TransactionInput> inputs;
  for (int payer = 0; payer < 6; ++payer) {
    inputs.push_back(Pay("fee" + std::to_string(payer), "family" + std::to_string(payer),
                         "collector", 200000, payer * 3.0));
  }
  inputs.push_back(Pay("ab", "a", "b", 10000, 1));
  inputs.push_back(Pay("ba", "b", "a", 10000, 2));
  Ledger ledger = Build(inputs);
  DetectorOptions options;
  Result<std::vector<Alert>> alerts = RunDetectors(ledger, options);
  ASSERT_THAT(alerts, IsOk());
  std::vector<std::string> types;
  for (const Alert& alert : *alerts) types.push_back(alert.type);
  EXPECT_THAT(types, ::testing::UnorderedElementsAre("fan_in", "cycle"));
  Json json = AlertToJson(ledger, alerts->front());
  EXPECT_THAT(json["id"].get<std::string>(), HasSubstr(json["type"].get<std::string>() + "-"));
  EXPECT_TRUE(json["summary"].contains("ar"));
  EXPECT_EQ(AlertId(ledger, alerts->front()), AlertId(ledger, alerts->front()));
  options.enabled = {"fan_in", "teleport"};
  EXPECT_THAT(RunDetectors(ledger, options),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("teleport")));
}

}  // namespace
}  // namespace tafkik::finance
