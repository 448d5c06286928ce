#include "app/finance.h"

#include <fstream>

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"
#include "app/relations.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

class FinanceAppTest : public testing::WorkspaceTest {
 protected:
  std::string Person(const std::string& name) {
    auto added = AddEntity(*store_, actor_, {"Person", {"name=" + name}});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }
  std::string Pay(const std::string& payer, const std::string& beneficiary,
                  const std::string& amount, const std::string& currency,
                  const std::string& time, std::vector<std::string> more = {}) {
    AddRelationRequest request;
    request.schema = "Payment";
    request.source = payer;
    request.target = beneficiary;
    request.start = time;
    request.assignments = {"amount=" + amount, "currency=" + currency};
    request.assignments.insert(request.assignments.end(), more.begin(), more.end());
    auto added = AddRelation(*store_, actor_, request);
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = dir_.Sub(name);
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(FinanceAppTest, LoadsPaymentsWithRatesAndReportsWhatItCannotUse) {
  std::string a = Person("Karim");
  std::string b = Person("Youssef");
  Pay(a, b, "1000.00", "MAD", "2025-03-02T10:00:00Z");
  Pay(a, b, "50.00", "EUR", "2025-03-02T11:00:00Z");
  std::string egp = Pay(a, b, "500.00", "EGP", "2025-03-02T12:00:00Z");
  std::string original = Pay(a, b, "200.00", "EUR", "2025-03-03T09:00:00Z",
                             {"transactionNumber=TX-9"});
  Pay(b, a, "200.00", "EUR", "2025-03-03T10:00:00Z",
      {"transactionNumber=TX-9", "purpose=Reversal of TX-9"});
  std::string stray = Pay(b, a, "5.00", "EUR", "2025-03-03T11:00:00Z",
                          {"transactionNumber=TX-404", "purpose=reversal"});
  MoneySource source;
  source.rates_path = WriteFile("rates.csv",
                                "date,currency,reporting,rate\n2025-03-01,MAD,EUR,0.0925\n");
  auto loaded = LoadLedger(*store_, source);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(loaded->ledger.size(), 2u);
  EXPECT_EQ(loaded->ledger.at(0).amount, 9250);  // 1000 MAD
  EXPECT_EQ(loaded->report.reversed, 1);
  ASSERT_EQ(loaded->report.rejected.size(), 2u);
  EXPECT_EQ(loaded->report.rejected[0].transaction, stray);
  EXPECT_THAT(loaded->report.rejected[0].reason, HasSubstr("transactionNumber 'TX-404'"));
  EXPECT_EQ(loaded->report.rejected[1].transaction, egp);
  EXPECT_THAT(loaded->report.rejected[1].reason, HasSubstr("no rate for EGP"));
  EXPECT_FALSE(loaded->ledger.FindTransaction(original));

  source.rates_path = WriteFile("bad.csv", "date,currency,reporting,rate\n2025-03-01,MAD,EUR,x\n");
  EXPECT_THAT(LoadLedger(*store_, source),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("bad.csv line 2")));
  source.rates_path = dir_.Sub("missing.csv");
  EXPECT_THAT(LoadLedger(*store_, source), StatusIs(StatusCode::kNotFound));
}

TEST_F(FinanceAppTest, TracesFromAPersonAndRecordsVictimReads) {
  std::string victim = Person("Aminata");
  std::string smuggler = Person("Rachid");
  std::string cashier = Person("Hamid");
  ASSERT_THAT(CreateCase(*store_, actor_,
                         {"MA-2026-0007", "", "ma", "", {"som"}, "open", "BNPJ Tanger"}),
              IsOk());
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0007", victim, "victim"), IsOk());
  Pay(victim, smuggler, "2000.00", "EUR", "2025-04-01T10:00:00Z", {"channel=hawala"});
  Pay(smuggler, cashier, "1500.00", "EUR", "2025-04-02T10:00:00Z", {"channel=cash"});
  TraceMoneyRequest request;
  request.from = victim;
  int64_t before = AuditCount();
  auto traced = TraceMoney(*store_, actor_, request);
  ASSERT_THAT(traced, IsOk());
  EXPECT_EQ(traced->sankey["total"], "2000.00");
  ASSERT_EQ(traced->sankey["holders"].size(), 2u);
  EXPECT_EQ(traced->sankey["holders"][0]["entity"], cashier);
  EXPECT_EQ(traced->sankey["holders"][0]["amount"], "1500.00");
  EXPECT_EQ(AuditCount(), before + 1);
  store::AuditEvent read = LastEvent();
  EXPECT_EQ(read.action, "entity.read");
  EXPECT_THAT(read.details, HasSubstr("\"via\":\"money.trace\""));

  request.from = "no-such-account";
  EXPECT_THAT(TraceMoney(*store_, actor_, request),
              StatusIs(StatusCode::kNotFound, HasSubstr("no such account or person")));
  request.from = Person("Nobody");
  EXPECT_THAT(TraceMoney(*store_, actor_, request),
              StatusIs(StatusCode::kNotFound, HasSubstr("made and received no payment")));
  request.from = victim;
  request.rule = "random";
  EXPECT_THAT(TraceMoney(*store_, actor_, request), StatusIs(StatusCode::kInvalidArgument));
}

TEST_F(FinanceAppTest, AlertsAreSavedOnTheCaseWithSmugglingContext) {
  ASSERT_THAT(CreateCase(*store_, actor_,
                         {"MA-2026-0008", "", "ma", "", {"som"}, "open", "BNPJ Nador"}),
              IsOk());
  std::string collector = Person("Collector");
  auto place = AddEntity(*store_, actor_, {"Location", {"name=Nador"}});
  ASSERT_THAT(place, IsOk());
  for (int index = 0; index < 3; ++index) {
    std::string migrant = Person("Migrant " + std::to_string(index));
    std::string brother = Person("Brother " + std::to_string(index));
    ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0008", migrant, "victim"), IsOk());
    AddRelationRequest family{"Family", migrant, brother, "", "", {"relationship=brother"}};
    ASSERT_THAT(AddRelation(*store_, actor_, family), IsOk());
    AddRelationRequest travel{"Travel", migrant, place->id.value(), "2025-06-20T02:00:00Z", "",
                              {"borderCrossing=" + place->id.value()}};
    ASSERT_THAT(AddRelation(*store_, actor_, travel), IsOk());
    Pay(brother, collector, std::to_string(1500 + index * 10) + ".00", "EUR",
        "2025-06-0" + std::to_string(index + 1) + "T12:00:00Z", {"channel=money_transfer"});
  }
  MoneyAlertsRequest request;
  request.case_reference = "MA-2026-0008";
  request.detectors = {"smuggling_fee"};
  auto view = DetectMoneyAlerts(*store_, actor_, request);
  ASSERT_THAT(view, IsOk());
  ASSERT_EQ(view->found, 1);
  EXPECT_EQ(view->saved, 1);
  EXPECT_EQ(view->alerts[0]["type"], "smuggling_fee");
  EXPECT_EQ(view->alerts[0]["subject"], collector);
  EXPECT_EQ(view->alerts[0]["total"], "4530.00");
  EXPECT_THAT(view->alerts[0]["summary"]["fr"].get<std::string>(), HasSubstr("trafic illicite"));

  // Saved on the case; a re-run replaces instead of duplicating.
  ASSERT_THAT(DetectMoneyAlerts(*store_, actor_, request), IsOk());
  auto saved = ListMoneyAlerts(*store_, actor_, "MA-2026-0008", 100);
  ASSERT_THAT(saved, IsOk());
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_EQ((*saved)[0].subject, collector);
  EXPECT_EQ((*saved)[0].body["summary"]["en"].get<std::string>().empty(), false);

  request.detectors = {"teleport"};
  EXPECT_THAT(DetectMoneyAlerts(*store_, actor_, request), StatusIs(StatusCode::kInvalidArgument));
  request.case_reference = "MA-2026-9999";
  EXPECT_THAT(DetectMoneyAlerts(*store_, actor_, request), StatusIs(StatusCode::kNotFound));
}

TEST_F(FinanceAppTest, StructuringUsesTheCountryThreshold) {
  std::string path = WriteFile("thresholds.json",
                               R"({"ma": {"currency": "MAD", "amount": "100000.00"}})");
  auto threshold = StructuringThreshold(path, "MA");
  ASSERT_THAT(threshold, IsOk());
  EXPECT_EQ(threshold->first, "MAD");
  EXPECT_EQ(threshold->second, 10000000);
  EXPECT_THAT(StructuringThreshold(path, "tn"), StatusIs(StatusCode::kNotFound, HasSubstr("tn")));
  // The shipped defaults name every country of the project.
  for (const char* country : {"ma", "eg", "ly", "tn"}) {
    EXPECT_THAT(StructuringThreshold("", country), IsOk()) << country;
  }
}

TEST_F(FinanceAppTest, SummaryCountsByChannelAndCurrency) {
  std::string a = Person("A");
  std::string b = Person("B");
  Pay(a, b, "100.00", "EUR", "2025-01-01T00:00:00Z", {"channel=bank"});
  Pay(b, a, "30.00", "EUR", "2025-01-02T00:00:00Z", {"channel=cash"});
  auto summary = MoneySummary(*store_, actor_, MoneySource{}, 5);
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ((*summary)["payments"], 2);
  EXPECT_EQ((*summary)["total"], "130.00");
  EXPECT_EQ((*summary)["top_payers"][0]["entity"], a);
  EXPECT_EQ((*summary)["by_channel"].size(), 2u);
}

}  // namespace
}  // namespace tafkik::app
