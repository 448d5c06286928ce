#include "finance/detectors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <thread>

#include "core/hash.h"
#include "finance/internal/alerts.h"

namespace tafkik::finance {
namespace internal {

void FinishAlert(const Ledger& ledger, Alert& alert) {
  std::sort(alert.transactions.begin(), alert.transactions.end());
  alert.transactions.erase(std::unique(alert.transactions.begin(), alert.transactions.end()),
                           alert.transactions.end());
  alert.total = 0;
  std::vector<NodeIndex> others;
  for (TxIndex tx : alert.transactions) {
    const Transaction& payment = ledger.at(tx);
    alert.total += payment.amount;
    if (payment.payer != alert.subject) others.push_back(payment.payer);
    if (payment.beneficiary != alert.subject) others.push_back(payment.beneficiary);
  }
  std::sort(others.begin(), others.end());
  others.erase(std::unique(others.begin(), others.end()), others.end());
  alert.accounts.clear();
  alert.accounts.push_back(alert.subject);
  alert.accounts.insert(alert.accounts.end(), others.begin(), others.end());
}

}  // namespace internal
namespace {

using NodeDetector = std::vector<Alert> (*)(const Ledger&, const DetectorOptions&, NodeIndex,
                                           NodeIndex);

const std::vector<std::pair<std::string, NodeDetector>>& NodeDetectors() {
  static const auto* detectors = new std::vector<std::pair<std::string, NodeDetector>>{
      {"fan_in", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectFanIn(l, o.fan_in, a, b);
       }},
      {"fan_out", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectFanOut(l, o.fan_out, a, b);
       }},
      {"scatter_gather", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectScatterGather(l, o.scatter_gather, a, b);
       }},
      {"cycle", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectCycles(l, o.cycle, a, b);
       }},
      {"structuring", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectStructuring(l, o.structuring, a, b);
       }},
      {"pass_through", [](const Ledger& l, const DetectorOptions& o, NodeIndex a, NodeIndex b) {
         return DetectPassThrough(l, o.pass_through, a, b);
       }},
  };
  return *detectors;
}

std::string Money2(const Ledger& ledger, int64_t minor) {
  return FormatAmount(Money{minor, ledger.reporting_currency()}) + " " +
         ledger.reporting_currency();
}

Json Summary(const Ledger& ledger, const Alert& alert) {
  const std::string& who = ledger.node_id(alert.subject);
  std::string n = std::to_string(alert.accounts.size() - 1);
  std::string count = std::to_string(alert.transactions.size());
  std::string total = Money2(ledger, alert.total);
  if (alert.type == "fan_in") {
    return {{"en", who + " collected " + count + " similar payments from " + n +
                       " payers (" + total + ")"},
            {"fr", who + " a collecté " + count + " paiements semblables de " + n +
                       " payeurs (" + total + ")"},
            {"ar", who + " جمع " + count + " دفعة متشابهة من " + n + " دافعين (" + total + ")"}};
  }
  if (alert.type == "fan_out") {
    return {{"en", who + " sent " + count + " similar payments to " + n + " beneficiaries (" +
                       total + ")"},
            {"fr", who + " a envoyé " + count + " paiements semblables à " + n +
                       " bénéficiaires (" + total + ")"},
            {"ar", who + " أرسل " + count + " دفعة متشابهة إلى " + n + " مستفيدين (" + total +
                       ")"}};
  }
  if (alert.type == "scatter_gather") {
    return {{"en", who + " scattered money through intermediaries that gathered it into one "
                         "account (" + count + " payments, " + total + ")"},
            {"fr", who + " a dispersé des fonds via des intermédiaires qui les ont regroupés "
                         "sur un seul compte (" + count + " paiements, " + total + ")"},
            {"ar", who + " وزّع أموالاً عبر وسطاء جمعوها في حساب واحد (" + count + " دفعة، " +
                       total + ")"}};
  }
  if (alert.type == "cycle") {
    return {{"en", "money left " + who + " and came back through " + n + " accounts (" + count +
                       " payments)"},
            {"fr", "des fonds partis de " + who + " y sont revenus via " + n + " comptes (" +
                       count + " paiements)"},
            {"ar", "أموال خرجت من " + who + " وعادت إليه عبر " + n + " حسابات (" + count +
                       " دفعة)"}};
  }
  if (alert.type == "structuring") {
    return {{"en", who + " made " + count + " payments just under the reporting threshold (" +
                       total + ")"},
            {"fr", who + " a effectué " + count + " paiements juste sous le seuil de déclaration (" +
                       total + ")"},
            {"ar", who + " أجرى " + count + " دفعة دون عتبة التصريح بقليل (" + total + ")"}};
  }
  if (alert.type == "pass_through") {
    return {{"en", who + " passed on most money within hours of receiving it, ending near zero"},
            {"fr", who + " a reversé l'essentiel des fonds quelques heures après réception, "
                         "solde proche de zéro"},
            {"ar", who + " حوّل معظم الأموال خلال ساعات من استلامها، ورصيده قريب من الصفر"}};
  }
  return {{"en", who + " received " + count + " payments from " + n +
                     " accounts linked to smuggled migrants, before their crossings (" + total +
                     ")"},
          {"fr", who + " a reçu " + count + " paiements de " + n +
                     " comptes liés à des migrants objet d'un trafic illicite, avant leurs "
                     "passages (" + total + ")"},
          {"ar", who + " تلقّى " + count + " دفعة من " + n +
                     " حسابات مرتبطة بمهاجرين مهرَّبين قبل عبورهم (" + total + ")"}};
}

// Canonical JSON (records, audit details) holds integers only: ratios become decimal strings.
std::string Decimal3(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3f", value);
  return text;
}

Json WithoutFloats(const Json& value) {
  if (value.is_number_float()) return Decimal3(value.get<double>());
  if (value.is_object() || value.is_array()) {
    Json copy = value;
    for (auto& item : copy) item = WithoutFloats(item);
    return copy;
  }
  return value;
}

}  // namespace

Result<std::vector<Alert>> RunDetectors(const Ledger& ledger, const DetectorOptions& options) {
  for (const std::string& name : options.enabled) {
    bool known = name == "smuggling_fee";
    for (const auto& [detector, run] : NodeDetectors()) known = known || detector == name;
    if (!known) {
      return InvalidArgumentError("unknown detector '" + name +
                                  "'; known: fan_in, fan_out, scatter_gather, cycle, "
                                  "structuring, pass_through, smuggling_fee");
    }
  }
  int threads = std::max(1, options.threads);
  NodeIndex nodes = static_cast<NodeIndex>(ledger.node_count());
  std::vector<std::vector<Alert>> parts(threads);
  auto work = [&](int part) {
    // Interleaved blocks balance hubs between threads.
    constexpr NodeIndex kBlock = 4096;
    for (NodeIndex begin = part * kBlock; begin < nodes; begin += threads * kBlock) {
      NodeIndex end = std::min<NodeIndex>(nodes, begin + kBlock);
      for (const auto& [name, run] : NodeDetectors()) {
        if (!options.enabled.count(name)) continue;
        std::vector<Alert> found = run(ledger, options, begin, end);
        std::move(found.begin(), found.end(), std::back_inserter(parts[part]));
      }
    }
  };
  std::vector<std::thread> pool;
  for (int part = 1; part < threads; ++part) pool.emplace_back(work, part);
  work(0);
  for (std::thread& thread : pool) thread.join();
  std::vector<Alert> alerts;
  for (auto& part : parts) std::move(part.begin(), part.end(), std::back_inserter(alerts));
  if (options.enabled.count("smuggling_fee") && !options.context.migrant_of.empty()) {
    std::vector<Alert> fees = DetectSmugglingFees(ledger, options.context, options.smuggling_fee);
    std::move(fees.begin(), fees.end(), std::back_inserter(alerts));
  }
  std::erase_if(alerts, [&](const Alert& alert) { return alert.score < options.min_score; });
  std::sort(alerts.begin(), alerts.end(), [](const Alert& l, const Alert& r) {
    if (l.score != r.score) return l.score > r.score;
    if (l.type != r.type) return l.type < r.type;
    if (l.subject != r.subject) return l.subject < r.subject;
    return l.transactions < r.transactions;
  });
  return alerts;
}

std::string AlertId(const Ledger& ledger, const Alert& alert) {
  std::string key = alert.type + "\x1f" + ledger.node_id(alert.subject);
  for (TxIndex tx : alert.transactions) {
    key += "\x1f";
    key += ledger.id(tx);
  }
  return alert.type + "-" + Sha256Hex(key).substr(0, 16);
}

Json AlertToJson(const Ledger& ledger, const Alert& alert) {
  Json transactions = Json::array();
  for (TxIndex tx : alert.transactions) transactions.push_back(std::string(ledger.id(tx)));
  Json accounts = Json::array();
  for (NodeIndex node : alert.accounts) accounts.push_back(ledger.node_id(node));
  int64_t first = alert.transactions.empty() ? 0 : ledger.at(alert.transactions.front()).time_us;
  int64_t last = alert.transactions.empty() ? 0 : ledger.at(alert.transactions.back()).time_us;
  return Json{{"id", AlertId(ledger, alert)},
              {"type", alert.type},
              {"subject", ledger.node_id(alert.subject)},
              {"score", Decimal3(alert.score)},
              {"total", FormatAmount(Money{alert.total, ledger.reporting_currency()})},
              {"currency", ledger.reporting_currency()},
              {"first", FormatTimestamp(Timestamp::FromMicros(first))},
              {"last", FormatTimestamp(Timestamp::FromMicros(last))},
              {"transactions", std::move(transactions)},
              {"accounts", std::move(accounts)},
              {"facts", WithoutFloats(alert.facts)},
              {"summary", Summary(ledger, alert)}};
}

}  // namespace tafkik::finance
