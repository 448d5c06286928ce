#include "app/finance.h"
#include "app/internal/properties.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "app/internal/victim_reads.h"
#include "core/money.h"
#include "core/time.h"

namespace tafkik::app {
namespace {

constexpr int64_t kPage = 20000;

Result<std::string> ReadFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(what + " " + path + " cannot be read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

using internal::OptionalTime;

Result<finance::RatesTable> RatesOf(const MoneySource& source) {
  if (source.rates_path.empty()) {
    if (!FindCurrency(source.reporting_currency)) {
      return InvalidArgumentError("reporting currency '" + source.reporting_currency +
                                  "' is not ISO 4217");
    }
    return finance::RatesTable(source.reporting_currency, source.max_rate_age_days);
  }
  TAFKIK_ASSIGN_OR_RETURN(std::string text, ReadFile(source.rates_path, "rates file"));
  return finance::RatesTable::ParseCsv(text, source.rates_path, source.max_rate_age_days);
}

// Calls `visit` on every Payment relation, in (start, id) order, a page at a time: by start
// time once past the payments without one, so a page never re-reads the whole table.
Status ForEachPayment(store::Store& store,
                      const std::function<Status(const model::Relation&)>& visit) {
  store::RelationQuery query;
  query.schema = "Payment";
  query.limit = kPage;
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> page, store.ListRelations(query));
    for (const model::Relation& relation : page) TAFKIK_RETURN_IF_ERROR(visit(relation));
    if (static_cast<int64_t>(page.size()) < kPage) return Status::Ok();
    std::optional<Timestamp> last = page.back().start;
    if (!last) {
      query.offset += kPage;
      continue;
    }
    int64_t same = 0;
    for (auto it = page.rbegin(); it != page.rend() && it->start == last; ++it) ++same;
    if (query.from == last) {
      query.offset += same;
    } else {
      query.from = last;
      query.offset = same;
    }
  }
}

std::vector<EntityId> EntityIds(const std::set<std::string>& ids) {
  std::vector<EntityId> out;
  for (const std::string& id : ids) {
    if (IsValidEntityId(id)) out.emplace_back(id);
  }
  return out;
}

}  // namespace

bool IsReversal(const model::Relation& relation) {
  std::string amount = relation.First("amount");
  if (!amount.empty() && amount[0] == '-') return true;
  std::string purpose = relation.First("purpose");
  std::transform(purpose.begin(), purpose.end(), purpose.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return purpose.rfind("reversal", 0) == 0 || purpose.rfind("annulation", 0) == 0;
}

Result<finance::TransactionInput> PaymentInput(
    const model::Relation& relation,
    const std::unordered_map<std::string, std::string>& reverses_by_number) {
  finance::TransactionInput input;
  input.id = relation.id.value();
  std::string payer_account = relation.First("payerAccount");
  std::string beneficiary_account = relation.First("beneficiaryAccount");
  input.payer = payer_account.empty() ? relation.source.value() : payer_account;
  input.beneficiary = beneficiary_account.empty() ? relation.target.value() : beneficiary_account;
  if (!payer_account.empty()) input.payer_party = relation.source.value();
  if (!beneficiary_account.empty()) input.beneficiary_party = relation.target.value();
  input.time = relation.start;
  std::string where = "Payment " + relation.id.value();
  std::string currency = relation.First("currency");
  std::string amount = relation.First("amount");
  if (amount.empty()) {
    // Kept so that the ledger report names it ("zero amount") instead of losing it.
    input.amount = Money{0, currency.empty() ? "EUR" : currency};
  } else {
    Result<Money> parsed = ParseMoney(amount, currency);
    if (!parsed.ok()) return parsed.status().WithContext(where + " amount");
    input.amount = *parsed;
  }
  if (std::string fee = relation.First("fee"); !fee.empty()) {
    Result<Money> parsed = ParseMoney(fee, currency);
    if (parsed.ok()) input.fee_minor = parsed->minor;
  }
  if (std::string eur = relation.First("amountEur"); !eur.empty()) {
    Result<Money> parsed = ParseMoney(eur, "EUR");
    if (parsed.ok()) input.source_reporting_minor = parsed->minor;
  }
  Result<finance::Channel> channel = finance::ParseChannel(relation.First("channel"));
  if (!channel.ok()) return channel.status().WithContext(where);
  input.channel = *channel;
  if (std::string sequence = relation.First("sequenceNumber"); !sequence.empty()) {
    try {
      input.sequence = std::stoll(sequence);
    } catch (...) {
      // A non-numeric sequence number orders nothing; the id breaks ties instead.
    }
  }
  if (IsReversal(relation)) {
    // Stored amounts are positive; a reversal takes back what the original paid.
    if (input.amount.minor > 0) input.amount.minor = -input.amount.minor;
    auto original = reverses_by_number.find(relation.First("transactionNumber"));
    input.reverses = original != reverses_by_number.end()
                         ? original->second
                         : "transactionNumber '" + relation.First("transactionNumber") + "'";
  }
  return input;
}

Result<LoadedLedger> LoadLedger(store::Store& store, const MoneySource& source) {
  TAFKIK_ASSIGN_OR_RETURN(finance::RatesTable rates, RatesOf(source));
  std::vector<model::Relation> negatives;
  std::unordered_map<std::string, std::string> by_number;
  finance::LedgerBuilder builder;
  std::vector<finance::LedgerIssue> unreadable;
  static const std::unordered_map<std::string, std::string> kNone;
  TAFKIK_RETURN_IF_ERROR(ForEachPayment(store, [&](const model::Relation& relation) -> Status {
    if (IsReversal(relation)) {
      negatives.push_back(relation);  // reversals are read once every original is known
      return Status::Ok();
    }
    Result<finance::TransactionInput> input = PaymentInput(relation, kNone);
    if (!input.ok()) {
      unreadable.push_back({relation.id.value(), input.status().message()});
      return Status::Ok();
    }
    if (std::string number = relation.First("transactionNumber"); !number.empty()) {
      by_number.try_emplace(number, relation.id.value());
    }
    builder.Add(std::move(input).value());
    return Status::Ok();
  }));
  for (const model::Relation& relation : negatives) {
    Result<finance::TransactionInput> input = PaymentInput(relation, by_number);
    if (!input.ok()) {
      unreadable.push_back({relation.id.value(), input.status().message()});
      continue;
    }
    builder.Add(std::move(input).value());
  }
  LoadedLedger loaded;
  loaded.ledger = builder.Build(rates, &loaded.report);
  loaded.report.rejected.insert(loaded.report.rejected.begin(), unreadable.begin(),
                                unreadable.end());
  return loaded;
}

Result<TraceMoneyView> TraceMoney(store::Store& store, const store::Actor& actor,
                                  const TraceMoneyRequest& request) {
  finance::TraceOptions options;
  TAFKIK_ASSIGN_OR_RETURN(options.rule, finance::ParseTracingRule(request.rule));
  TAFKIK_ASSIGN_OR_RETURN(options.direction, finance::ParseTraceDirection(request.direction));
  TAFKIK_ASSIGN_OR_RETURN(options.since, OptionalTime("since", request.since));
  TAFKIK_ASSIGN_OR_RETURN(options.until, OptionalTime("until", request.until));
  if (request.hops < 1 || request.hops > 50) {
    return InvalidArgumentError("hops must be between 1 and 50, not " +
                                std::to_string(request.hops));
  }
  options.max_hops = request.hops;
  if (!IsValidEntityId(request.from)) {
    return InvalidArgumentError("from: '" + request.from + "' is not an entity id");
  }
  Result<model::Entity> entity = store.GetEntity(EntityId(request.from));
  if (!entity.ok() && entity.status().code() == StatusCode::kNotFound) {
    return NotFoundError("cannot trace from " + request.from + ": no such account or person");
  }
  TAFKIK_RETURN_IF_ERROR(entity.status());
  TAFKIK_ASSIGN_OR_RETURN(LoadedLedger loaded, LoadLedger(store, request.source));
  std::vector<finance::NodeIndex> start = loaded.ledger.NodesOf(request.from);
  if (start.empty()) {
    std::string why = "cannot trace from " + request.from + " (" + entity->schema +
                      "): it made and received no payment here";
    if (!loaded.report.rejected.empty()) {
      why += " (" + std::to_string(loaded.report.rejected.size()) +
             " payments were left out; the first, " + loaded.report.rejected[0].transaction +
             ": " + loaded.report.rejected[0].reason + ")";
    }
    return NotFoundError(why);
  }
  finance::Tracer tracer(loaded.ledger);
  TAFKIK_ASSIGN_OR_RETURN(finance::TraceResult result, tracer.Run(start, options));
  TraceMoneyView view;
  view.sankey = finance::TraceToJson(loaded.ledger, result, options);
  std::set<std::string> shown;
  for (const Json& node : view.sankey["nodes"]) shown.insert(node["entity"].get<std::string>());
  for (const finance::Flow& flow : result.flows) {
    const finance::Transaction& tx = loaded.ledger.at(flow.transaction);
    for (finance::NodeIndex node : {tx.payer, tx.beneficiary}) {
      if (finance::NodeIndex party = loaded.ledger.party_of(node); party != finance::kNoNode) {
        shown.insert(loaded.ledger.node_id(party));
      }
    }
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(store, actor, EntityIds(shown),
                                                     "money:" + request.from, "money.trace"));
  view.report = std::move(loaded.report);
  return view;
}

namespace {

// Members in the victim role are the migrants; their own, their accounts', their families'
// and their families' accounts' nodes pay for them; their Travel relations with a
// borderCrossing give the crossing times.
Result<finance::SmugglingContext> CaseContext(store::Store& store, const model::Case& record,
                                              const finance::Ledger& ledger) {
  finance::SmugglingContext context;
  uint32_t migrant = 0;
  for (const model::CaseMember& member : record.members) {
    if (member.role != model::Role::kVictim) continue;
    std::set<std::string> payers = {member.entity.value()};
    std::vector<int64_t> crossings;
    store::RelationQuery query;
    query.either_end = member.entity;
    query.limit = 1000;
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> links, store.ListRelations(query));
    std::vector<std::string> family;
    for (const model::Relation& link : links) {
      const std::string other = link.source == member.entity ? link.target.value()
                                                             : link.source.value();
      if (link.schema == "Ownership") payers.insert(other);
      if (link.schema == "Family") {
        payers.insert(other);
        family.push_back(other);
      }
      if (link.schema == "Travel" && link.start && !link.First("borderCrossing").empty()) {
        crossings.push_back(link.start->micros());
      }
    }
    for (const std::string& relative : family) {
      store::RelationQuery owned;
      owned.either_end = EntityId(relative);
      owned.schema = "Ownership";
      owned.limit = 200;
      TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> assets, store.ListRelations(owned));
      for (const model::Relation& asset : assets) payers.insert(asset.target.value());
    }
    if (crossings.empty()) continue;
    for (const std::string& payer : payers) {
      for (finance::NodeIndex node : ledger.NodesOf(payer)) context.migrant_of[node] = migrant;
    }
    context.crossings[migrant] = std::move(crossings);
    ++migrant;
  }
  return context;
}

std::string DataDir() {
  if (const char* env = std::getenv("TAFKIK_FINANCE_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef TAFKIK_FINANCE_DATA_DIR
  if (std::filesystem::is_directory(TAFKIK_FINANCE_DATA_DIR)) return TAFKIK_FINANCE_DATA_DIR;
#endif
  return "data/finance";
}

}  // namespace

Result<std::pair<std::string, int64_t>> StructuringThreshold(const std::string& thresholds_path,
                                                             const std::string& country) {
  std::string path = thresholds_path.empty() ? DataDir() + "/thresholds.json" : thresholds_path;
  TAFKIK_ASSIGN_OR_RETURN(std::string text, ReadFile(path, "thresholds file"));
  Result<Json> parsed = ParseJson(text);
  if (!parsed.ok()) return parsed.status().WithContext(path);
  std::string key = country;
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!parsed->is_object() || !parsed->contains(key)) {
    return NotFoundError(path + " has no reporting threshold for country '" + country + "'");
  }
  const Json& entry = (*parsed)[key];
  if (!entry.contains("currency") || !entry.contains("amount") ||
      !entry["currency"].is_string() || !entry["amount"].is_string()) {
    return InvalidArgumentError(path + ": " + key + " needs \"currency\" and \"amount\" strings");
  }
  Result<Money> amount = ParseMoney(entry["amount"].get<std::string>(),
                                    entry["currency"].get<std::string>());
  if (!amount.ok()) return amount.status().WithContext(path + ": " + key);
  return std::make_pair(amount->currency, amount->minor);
}

Result<MoneyAlertsView> DetectMoneyAlerts(store::Store& store, const store::Actor& actor,
                                          const MoneyAlertsRequest& request) {
  finance::DetectorOptions options = request.options;
  if (!request.detectors.empty()) {
    options.enabled = std::set<std::string>(request.detectors.begin(), request.detectors.end());
  }
  std::optional<model::Case> record;
  if (!request.case_reference.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(record, store.GetCase(request.case_reference));
  }
  std::string country = request.country;
  if (country.empty() && record) country = record->jurisdiction.country;
  if (!country.empty() && options.structuring.thresholds.empty() &&
      options.structuring.reporting_threshold <= 0) {
    Result<std::pair<std::string, int64_t>> threshold =
        StructuringThreshold(request.thresholds_path, country);
    if (!threshold.ok() && !request.country.empty()) return threshold.status();
    if (threshold.ok()) options.structuring.thresholds[threshold->first] = threshold->second;
  }
  TAFKIK_ASSIGN_OR_RETURN(LoadedLedger loaded, LoadLedger(store, request.source));
  if (record) {
    TAFKIK_ASSIGN_OR_RETURN(options.context, CaseContext(store, *record, loaded.ledger));
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<finance::Alert> alerts,
                          finance::RunDetectors(loaded.ledger, options));
  MoneyAlertsView view;
  view.found = static_cast<int64_t>(alerts.size());
  std::set<std::string> shown;
  std::vector<Json> bodies;
  bodies.reserve(alerts.size());
  for (const finance::Alert& alert : alerts) bodies.push_back(finance::AlertToJson(loaded.ledger, alert));
  for (size_t index = 0; index < bodies.size() && static_cast<int64_t>(index) < request.limit;
       ++index) {
    for (const Json& account : bodies[index]["accounts"]) shown.insert(account.get<std::string>());
    view.alerts.push_back(bodies[index]);
  }
  if (request.save && !bodies.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
    std::map<std::string, int64_t> by_type;
    for (size_t index = 0; index < bodies.size(); ++index) {
      model::Record saved;
      saved.kind = kMoneyAlertKind;
      saved.id = bodies[index]["id"].get<std::string>();
      saved.case_reference = request.case_reference;
      std::string subject = bodies[index]["subject"].get<std::string>();
      if (IsValidEntityId(subject)) saved.subject = subject;
      saved.body = bodies[index];
      TAFKIK_RETURN_IF_ERROR(write->UpsertRecord(saved));
      ++by_type[alerts[index].type];
    }
    store::AuditRecord audit{"money.alerts", request.case_reference.empty()
                                                 ? std::string("money")
                                                 : "case:" + request.case_reference};
    audit.details = Json{{"alerts", bodies.size()}, {"by_type", by_type},
                         {"payments", loaded.ledger.size()}};
    TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
    view.saved = static_cast<int64_t>(bodies.size());
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(
      store, actor, EntityIds(shown),
      request.case_reference.empty() ? "money" : "case:" + request.case_reference,
      "money.alerts"));
  view.report = std::move(loaded.report);
  return view;
}

Result<std::vector<model::Record>> ListMoneyAlerts(store::Store& store, const store::Actor& actor,
                                                   const std::string& case_reference,
                                                   int64_t limit) {
  store::RecordQuery query;
  query.kind = kMoneyAlertKind;
  if (!case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(store.GetCase(case_reference).status());
    query.case_reference = case_reference;
  }
  query.limit = limit;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records, store.ListRecords(query));
  std::set<std::string> shown;
  for (const model::Record& record : records) {
    if (!record.body.contains("accounts")) continue;
    for (const Json& account : record.body["accounts"]) shown.insert(account.get<std::string>());
  }
  TAFKIK_RETURN_IF_ERROR(internal::RecordVictimReads(
      store, actor, EntityIds(shown), case_reference.empty() ? "money" : "case:" + case_reference,
      "money.alerts.list"));
  return records;
}

Result<Json> MoneySummary(store::Store& store, const store::Actor& actor,
                          const MoneySource& source, int64_t top) {
  TAFKIK_ASSIGN_OR_RETURN(LoadedLedger loaded, LoadLedger(store, source));
  const finance::Ledger& ledger = loaded.ledger;
  const std::string& unit = ledger.reporting_currency();
  std::map<std::string, std::pair<int64_t, int64_t>> by_channel;  // count, reporting total
  std::map<std::string, std::pair<int64_t, int64_t>> by_currency;  // count, original total
  std::vector<int64_t> paid(ledger.node_count(), 0);
  std::vector<int64_t> received(ledger.node_count(), 0);
  int64_t total = 0;
  for (finance::TxIndex index = 0; index < ledger.size(); ++index) {
    const finance::Transaction& tx = ledger.at(index);
    auto& channel = by_channel[std::string(finance::ChannelName(tx.channel))];
    ++channel.first;
    channel.second += tx.amount;
    auto& currency = by_currency[ledger.currency(tx.currency)];
    ++currency.first;
    currency.second += tx.original_minor;
    paid[tx.payer] += tx.amount;
    received[tx.beneficiary] += tx.amount;
    total += tx.amount;
  }
  auto amount = [&](int64_t minor) { return FormatAmount(Money{minor, unit}); };
  Json channels = Json::array();
  for (auto& [name, figures] : by_channel) {
    channels.push_back({{"channel", name}, {"payments", figures.first}, {"total", amount(figures.second)}});
  }
  Json currencies = Json::array();
  for (auto& [name, figures] : by_currency) {
    currencies.push_back({{"currency", name},
                          {"payments", figures.first},
                          {"total", FormatAmount(Money{figures.second, name})}});
  }
  std::set<std::string> shown;
  auto ranking = [&](const std::vector<int64_t>& sums) {
    std::vector<finance::NodeIndex> nodes(sums.size());
    for (finance::NodeIndex node = 0; node < nodes.size(); ++node) nodes[node] = node;
    size_t count = std::min<size_t>(nodes.size(), static_cast<size_t>(std::max<int64_t>(top, 0)));
    std::partial_sort(nodes.begin(), nodes.begin() + count, nodes.end(),
                      [&](finance::NodeIndex l, finance::NodeIndex r) {
                        return sums[l] != sums[r] ? sums[l] > sums[r] : l < r;
                      });
    Json rows = Json::array();
    for (size_t index = 0; index < count && sums[nodes[index]] > 0; ++index) {
      shown.insert(ledger.node_id(nodes[index]));
      rows.push_back({{"entity", ledger.node_id(nodes[index])}, {"total", amount(sums[nodes[index]])}});
    }
    return rows;
  };
  Json summary = {{"unit", unit},
                  {"payments", ledger.size()},
                  {"accounts", ledger.node_count()},
                  {"total", amount(total)},
                  {"by_channel", channels},
                  {"by_currency", currencies},
                  {"top_payers", ranking(paid)},
                  {"top_beneficiaries", ranking(received)}};
  if (ledger.size() > 0) {
    summary["first"] = FormatTimestamp(Timestamp::FromMicros(ledger.at(0).time_us));
    summary["last"] = FormatTimestamp(Timestamp::FromMicros(ledger.at(ledger.size() - 1).time_us));
  }
  Json rejected = Json::array();
  for (const finance::LedgerIssue& issue : loaded.report.rejected) {
    rejected.push_back({{"payment", issue.transaction}, {"reason", issue.reason}});
  }
  summary["load"] = {{"accepted", loaded.report.accepted},
                     {"reversed", loaded.report.reversed},
                     {"duplicates", loaded.report.duplicates},
                     {"converted_by_source", loaded.report.source_converted},
                     {"rejected", rejected}};
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, EntityIds(shown), "money", "money.summary"));
  return summary;
}

}  // namespace tafkik::app
