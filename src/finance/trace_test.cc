#include "finance/trace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "finance/internal/test_ledger.h"

namespace tafkik::finance {
namespace {

using testing::Build;
using testing::Pay;

// C pays B 50 (hour 1); A pays B 100 (hour 2); B pays D 120 (hour 3) and E 30 (hour 4).
// B had paid F 500 at hour 0, before A's money arrived.
Ledger Sample() {
  return Build({Pay("bf", "b", "f", 500, 0), Pay("cb", "c", "b", 50, 1),
                Pay("ab", "a", "b", 100, 2), Pay("bd", "b", "d", 120, 3),
                Pay("be", "b", "e", 30, 4, Channel::kHawala)});
}

// "node=amount" per holding, largest first.
std::string Holdings(const Ledger& ledger, const TraceResult& result) {
  std::string text;
  for (const Holding& holding : result.holdings) {
    if (!text.empty()) text += " ";
    text += ledger.node_id(holding.node) + "=" + std::to_string(holding.amount);
    if (holding.unknown_source) text += "(unknown " + std::to_string(holding.unknown_source) + ")";
  }
  return text;
}

std::string TraceFrom(const Ledger& ledger, const char* node, TracingRule rule,
                      TraceDirection direction = TraceDirection::kDown, int hops = 4) {
  Tracer tracer(ledger);
  TraceOptions options;
  options.rule = rule;
  options.direction = direction;
  options.max_hops = hops;
  Result<TraceResult> result = tracer.Run({*ledger.FindNode(node)}, options);
  EXPECT_THAT(result, IsOk());
  return result.ok() ? Holdings(ledger, *result) : "";
}

TEST(TraceTest, FifoSpendsTheOldestMoneyFirst) {
  Ledger ledger = Sample();
  // B's 120 to D takes C's 50 first, then 70 of A's; the 30 to E is the rest of A's.
  EXPECT_EQ(TraceFrom(ledger, "a", TracingRule::kFifo), "d=70 e=30");
}

TEST(TraceTest, LifoSpendsTheNewestMoneyFirst) {
  EXPECT_EQ(TraceFrom(Sample(), "a", TracingRule::kLifo), "d=100");
}

TEST(TraceTest, ProRataSpendsAShareOfEveryLot) {
  // B holds 150 (A 100, C 50) when it pays 120: 80 of it is A's; then 30 of the 30 left.
  EXPECT_EQ(TraceFrom(Sample(), "a", TracingRule::kProRata), "d=80 e=20");
}

TEST(TraceTest, MoneyOnlyMovesOnAfterItArrived) {
  Ledger ledger = Sample();
  Tracer tracer(ledger);
  Result<TraceResult> result = tracer.Run({*ledger.FindNode("a")}, TraceOptions{});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->total, 100);
  for (const Flow& flow : result->flows) EXPECT_NE(ledger.id(flow.transaction), "bf");
}

TEST(TraceTest, HopLimitLeavesMoneyAtTheFrontier) {
  Ledger ledger = Sample();
  Tracer tracer(ledger);
  TraceOptions options;
  options.max_hops = 1;
  Result<TraceResult> result = tracer.Run({*ledger.FindNode("a")}, options);
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ(result->holdings.size(), 1u);
  EXPECT_EQ(ledger.node_id(result->holdings[0].node), "b");
  EXPECT_EQ(result->holdings[0].at_hop_limit, 100);
}

TEST(TraceTest, UpFindsWhereTheMoneyCameFrom) {
  // D's 120 came from B, which paid it out of C's 50 and A's 70 (FIFO); C and A paid with
  // money the ledger has no source for.
  EXPECT_EQ(TraceFrom(Sample(), "d", TracingRule::kFifo, TraceDirection::kUp),
            "a=70(unknown 70) c=50(unknown 50)");
}

TEST(TraceTest, UnspentMoneyStaysWithItsHolder) {
  Ledger ledger = Build({Pay("ab", "a", "b", 100, 1), Pay("bc", "b", "c", 40, 2)});
  EXPECT_EQ(TraceFrom(ledger, "a", TracingRule::kFifo), "b=60 c=40");
}

TEST(TraceTest, WindowBoundsTheStartingPayments) {
  Ledger ledger = Build({Pay("early", "a", "b", 100, 1), Pay("late", "a", "c", 100, 50)});
  Tracer tracer(ledger);
  TraceOptions options;
  options.since = Timestamp::FromMicros(ledger.at(1).time_us);
  Result<TraceResult> result = tracer.Run({*ledger.FindNode("a")}, options);
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(Holdings(ledger, *result), "c=100");
}

TEST(TraceTest, SankeyJsonLinksRunFromHopToHop) {
  Ledger ledger = Sample();
  Tracer tracer(ledger);
  TraceOptions options;
  Result<TraceResult> result = tracer.Run({*ledger.FindNode("a")}, options);
  ASSERT_THAT(result, IsOk());
  Json json = TraceToJson(ledger, *result, options);
  EXPECT_EQ(json["total"], "1.00");
  ASSERT_EQ(json["links"].size(), 3u);
  bool start = false;
  bool hawala = false;
  for (const Json& link : json["links"]) {
    if (link["source"] == "a@0") {
      start = true;
      EXPECT_EQ(link["target"], "b@1");
      EXPECT_EQ(link["value"], "1.00");
    }
    if (link["channel"] == "hawala") {
      hawala = true;
      EXPECT_EQ(link["source"], "b@1");
      EXPECT_EQ(link["target"], "e@2");
      EXPECT_EQ(link["value"], "0.30");
      EXPECT_EQ(link["transactions"][0], "be");
    }
  }
  EXPECT_TRUE(start);
  EXPECT_TRUE(hawala);
  EXPECT_EQ(json["nodes"].size(), 4u);
}

TEST(TraceTest, EveryRuleConservesTheTracedMoney) {
  // 3,000 payments among 40 accounts: what the holders end with is what left the start, less
  // at most one minor unit per share rounded down.
  std::vector<TransactionInput> inputs;
  uint64_t state = 12345;
  auto next = [&state] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (int index = 0; index < 3000; ++index) {
    inputs.push_back(Pay("t" + std::to_string(index), "n" + std::to_string((next() >> 40) % 40),
                         "n" + std::to_string((next() >> 40) % 40),
                         static_cast<int64_t>(100 + (next() >> 44) % 100000), index * 0.5));
  }
  std::erase_if(inputs, [](const TransactionInput& in) { return in.payer == in.beneficiary; });
  Ledger ledger = Build(inputs);
  for (TracingRule rule : {TracingRule::kFifo, TracingRule::kLifo, TracingRule::kProRata}) {
    for (TraceDirection direction : {TraceDirection::kDown, TraceDirection::kUp}) {
      Tracer tracer(ledger);
      TraceOptions options;
      options.rule = rule;
      options.direction = direction;
      options.max_hops = 6;
      Result<TraceResult> result = tracer.Run({*ledger.FindNode("n3")}, options);
      ASSERT_THAT(result, IsOk());
      int64_t held = 0;
      for (const Holding& holding : result->holdings) held += holding.amount;
      EXPECT_GT(result->total, 0);
      EXPECT_LE(held, result->total) << TracingRuleName(rule);
      EXPECT_GE(held, result->total - static_cast<int64_t>(result->flows.size()) * 40)
          << TracingRuleName(rule);
      for (const Flow& flow : result->flows) {
        EXPECT_LE(flow.amount, ledger.at(flow.transaction).amount);
      }
    }
  }
}

TEST(TraceTest, BadOptionsAreRejected) {
  Ledger ledger = Sample();
  Tracer tracer(ledger);
  TraceOptions options;
  options.max_hops = 0;
  EXPECT_THAT(tracer.Run({0}, options), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(tracer.Run({}, TraceOptions{}), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseTracingRule("random"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseTraceDirection("sideways"), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::finance
