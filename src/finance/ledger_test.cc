#include "finance/ledger.h"

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

std::string Rejects(const LedgerReport& report) {
  std::string text;
  for (const LedgerIssue& issue : report.rejected) text += issue.transaction + ": " + issue.reason + "\n";
  return text;
}

TEST(LedgerTest, SortsByTimeAndIndexesEachNodeInTimeOrder) {
  Ledger ledger = Build({Pay("t3", "a", "b", 300, 3), Pay("t1", "a", "c", 100, 1),
                         Pay("t2", "c", "a", 200, 2)});
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger.id(0), "t1");
  EXPECT_EQ(ledger.id(2), "t3");
  NodeIndex a = *ledger.FindNode("a");
  std::vector<std::string> out;
  for (TxIndex tx : ledger.outgoing(a)) out.emplace_back(ledger.id(tx));
  EXPECT_THAT(out, ElementsAre("t1", "t3"));
  EXPECT_EQ(ledger.incoming(a).size(), 1u);
  EXPECT_EQ(*ledger.FindTransaction("t2"), 1u);
  EXPECT_FALSE(ledger.FindNode("zz"));
}

TEST(LedgerTest, SameTimeIsOrderedBySequenceThenId) {
  TransactionInput first = Pay("b-later-id", "x", "y", 1, 0);
  first.sequence = 1;
  TransactionInput second = Pay("z-id", "y", "w", 1, 0);
  second.sequence = 2;
  Ledger ledger = Build({second, first, Pay("a-id", "x", "w", 1, 0)});
  EXPECT_EQ(ledger.id(0), "a-id");  // sequence 0
  EXPECT_EQ(ledger.id(1), "b-later-id");
  EXPECT_EQ(ledger.id(2), "z-id");
}

TEST(LedgerTest, BadPaymentsAreRejectedNamingTheTransaction) {
  TransactionInput untimed = Pay("no-time", "a", "b", 100, 0);
  untimed.time.reset();
  TransactionInput egp = Pay("egp", "a", "b", 100, 0);
  egp.amount.currency = "EGP";
  LedgerReport report;
  Ledger ledger = Build({Pay("ok", "a", "b", 100, 0), Pay("zero", "a", "b", 0, 0),
                         Pay("negative", "a", "b", -5, 0), untimed, egp,
                         Pay("ok", "a", "b", 100, 0), Pay("ok", "a", "b", 999, 0)},
                        &report);
  EXPECT_EQ(ledger.size(), 1u);
  EXPECT_EQ(report.accepted, 1);
  EXPECT_EQ(report.duplicates, 1);
  std::string rejects = Rejects(report);
  EXPECT_THAT(rejects, HasSubstr("zero: zero amount"));
  EXPECT_THAT(rejects, HasSubstr("negative: negative amount -0.05 that names no payment"));
  EXPECT_THAT(rejects, HasSubstr("no-time: no time"));
  EXPECT_THAT(rejects, HasSubstr("egp: no rate for EGP into EUR on 2025-01-01"));
  EXPECT_THAT(rejects, HasSubstr("ok: id already used by another payment with different content"));
}

TEST(LedgerTest, ReversalsCancelOrReduceThePaymentTheyName) {
  TransactionInput full = Pay("r1", "b", "a", -1000, 2);
  full.reverses = "p1";
  TransactionInput part = Pay("r2", "a", "c", -300, 2);
  part.reverses = "p2";
  TransactionInput unknown = Pay("r3", "a", "c", -1, 2);
  unknown.reverses = "nope";
  LedgerReport report;
  Ledger ledger = Build({Pay("p1", "a", "b", 1000, 1), Pay("p2", "a", "c", 1000, 1), full, part,
                         unknown},
                        &report);
  EXPECT_EQ(report.reversed, 2);
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger.id(0), "p2");
  EXPECT_EQ(ledger.at(0).amount, 700);
  EXPECT_THAT(Rejects(report), HasSubstr("r3: reverses nope, which is not a payment here"));
}

TEST(LedgerTest, KeepsTheOriginalAmountBesideTheConvertedOne) {
  RatesTable rates("EUR");
  ASSERT_THAT(rates.Add("2025-01-01", "MAD", "0.1"), IsOk());
  TransactionInput mad = Pay("m", "a", "b", 123456, 5);
  mad.amount.currency = "MAD";
  LedgerBuilder builder;
  builder.Add(mad);
  LedgerReport report;
  Ledger ledger = builder.Build(rates, &report);
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger.at(0).amount, 12346);  // 1234.56 MAD x 0.1 = 123.456 EUR -> 123.46
  EXPECT_EQ(ledger.original(0), (Money{123456, "MAD"}));
}

TEST(LedgerTest, TheSourcesOwnReportingAmountIsUsedOnlyWithoutARate) {
  TransactionInput egp = Pay("e", "a", "b", 100000, 5);
  egp.amount.currency = "EGP";
  egp.source_reporting_minor = 1900;
  LedgerReport report;
  Ledger ledger = Build({egp}, &report);
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger.at(0).amount, 1900);
  EXPECT_EQ(report.source_converted, 1);
}

TEST(LedgerTest, PartiesFindTheirAccounts) {
  TransactionInput pay = Pay("t", "acct-1", "acct-2", 100, 0);
  pay.payer_party = "person-1";
  Ledger ledger = Build({pay});
  std::vector<NodeIndex> nodes = ledger.NodesOf("person-1");
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(ledger.node_id(nodes[1]), "acct-1");
  EXPECT_EQ(ledger.node_id(ledger.party_of(*ledger.FindNode("acct-1"))), "person-1");
}

TEST(LedgerTest, ChannelNamesRoundTrip) {
  for (std::string_view name : {"bank", "money_transfer", "mobile_money", "hawala", "cash"}) {
    ASSERT_THAT(ParseChannel(name), IsOk());
    EXPECT_EQ(ChannelName(*ParseChannel(name)), name);
  }
  EXPECT_THAT(ParseChannel("crypto"), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::finance
