// Financial investigation benchmark: generates N payments (default 10M) with injected fan-ins
// and cycles, builds the ledger, runs every detector on 2 threads, times trace queries (median
// of 50), and runs the same fan-in and cycle queries as SQL in SQLite (recursive CTE for the
// cycles) beside the finance detectors on the same first `peer_n` payments, in the same run.
// Usage: finance_bench [N] [PEER_N]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "finance/detectors.h"
#include "finance/ledger.h"
#include "finance/trace.h"

namespace {

using namespace tafkik;
using namespace tafkik::finance;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Row {
  uint32_t payer, beneficiary;
  int64_t time_s;
  int64_t cents;
};

constexpr int64_t kEpoch = 1'735'689'600;  // 2025-01-01
constexpr int64_t kYear = 365 * 86'400;

std::vector<Row> Generate(size_t n) {
  std::mt19937_64 rng(2026);
  uint32_t accounts = static_cast<uint32_t>(std::max<size_t>(1000, n / 20));
  std::uniform_int_distribution<uint32_t> any(0, accounts - 1);
  std::uniform_int_distribution<int64_t> when(0, kYear);
  std::uniform_real_distribution<double> log_amount(std::log(1000.0), std::log(500000.0));
  std::vector<Row> rows;
  rows.reserve(n);
  size_t patterns = n / 2000;  // one injected pattern per 2,000 payments
  for (size_t p = 0; p < patterns && rows.size() + 10 < n; ++p) {
    int64_t start = when(rng);
    if (p % 2 == 0) {  // fan-in: 8 payers, about 1,500 EUR each, within 5 days
      uint32_t collector = any(rng);
      for (int k = 0; k < 8; ++k) {
        rows.push_back({any(rng), collector, start + k * 50'000, 150000 + k * 500});
      }
    } else {  // cycle of 3 within 10 days
      uint32_t a = any(rng), b = any(rng), c = any(rng);
      rows.push_back({a, b, start, 1000000});
      rows.push_back({b, c, start + 200'000, 980000});
      rows.push_back({c, a, start + 400'000, 950000});
    }
  }
  while (rows.size() < n) {
    // A few hubs (merchants, agents) take a share of the traffic.
    uint32_t beneficiary = (rng() % 10 == 0) ? static_cast<uint32_t>(rng() % 200) : any(rng);
    rows.push_back({any(rng), beneficiary, when(rng),
                    static_cast<int64_t>(std::exp(log_amount(rng)))});
  }
  return rows;
}

Ledger BuildLedger(const std::vector<Row>& rows, size_t count) {
  LedgerBuilder builder;
  builder.Reserve(count);
  for (size_t index = 0; index < count; ++index) {
    const Row& row = rows[index];
    TransactionInput input;
    input.id = std::to_string(index);
    input.payer = "a" + std::to_string(row.payer);
    input.beneficiary = "a" + std::to_string(row.beneficiary);
    input.time = Timestamp::FromSeconds(kEpoch + row.time_s);
    input.amount = Money{row.cents, "EUR"};
    builder.Add(std::move(input));
  }
  LedgerReport report;
  return builder.Build(RatesTable("EUR"), &report);
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

int64_t QueryCount(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  Check(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr), db, "prepare");
  int64_t count = 0;
  if (sqlite3_step(statement) == SQLITE_ROW) count = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return count;
}

sqlite3* LoadSqlite(const std::vector<Row>& rows, size_t count) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  Check(sqlite3_exec(db,
                     "CREATE TABLE tx(id INTEGER PRIMARY KEY, payer INT, beneficiary INT, t INT, "
                     "amount INT)",
                     nullptr, nullptr, nullptr),
        db, "create");
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO tx VALUES(?,?,?,?,?)", -1, &insert, nullptr);
  for (size_t index = 0; index < count; ++index) {
    sqlite3_bind_int64(insert, 1, static_cast<int64_t>(index));
    sqlite3_bind_int64(insert, 2, rows[index].payer);
    sqlite3_bind_int64(insert, 3, rows[index].beneficiary);
    sqlite3_bind_int64(insert, 4, rows[index].time_s);
    sqlite3_bind_int64(insert, 5, rows[index].cents);
    Check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  Check(sqlite3_exec(db,
                     "CREATE INDEX tx_in ON tx(beneficiary, t); CREATE INDEX tx_out ON tx(payer, t)",
                     nullptr, nullptr, nullptr),
        db, "index");
  return db;
}

// The finance detectors' fan-in seed and cycle search, as SQL.
constexpr char kFanInSql[] =
    "SELECT COUNT(DISTINCT beneficiary) FROM ("
    " SELECT p.beneficiary FROM tx p JOIN tx q ON q.beneficiary = p.beneficiary"
    "  AND q.t >= p.t AND q.t < p.t + 7*86400"
    "  AND q.amount >= p.amount AND q.amount <= p.amount * 1.05"
    " GROUP BY p.id HAVING COUNT(DISTINCT q.payer) >= 5)";

constexpr char kCycleSql[] =
    "WITH RECURSIVE walk(origin, node, t0, a0, last_t, depth, path) AS ("
    " SELECT payer, beneficiary, t, amount, t, 1, ',' || payer || ',' || beneficiary || ','"
    "  FROM tx WHERE payer != beneficiary"
    " UNION ALL"
    " SELECT w.origin, x.beneficiary, w.t0, w.a0, x.t, w.depth + 1,"
    "        w.path || x.beneficiary || ','"
    "  FROM walk w JOIN tx x ON x.payer = w.node AND x.t > w.last_t"
    "   AND x.t <= w.t0 + 30*86400 AND x.amount >= w.a0 * 0.5 AND x.amount <= w.a0 * 1.1"
    "  WHERE w.node != w.origin AND w.depth < 5"
    "   AND (x.beneficiary = w.origin OR instr(w.path, ',' || x.beneficiary || ',') = 0))"
    " SELECT COUNT(*) FROM walk WHERE node = origin";

struct DetectorRun {
  double seconds = 0;
  int64_t fan_in_collectors = 0;
  int64_t cycles = 0;
  int64_t alerts = 0;
};

DetectorRun RunAll(const Ledger& ledger, std::set<std::string> enabled) {
  DetectorOptions options;
  options.enabled = std::move(enabled);
  options.fan_in.min_split = 0;  // the SQL peer has no split seed
  options.threads = 2;
  auto start = Clock::now();
  Result<std::vector<Alert>> alerts = RunDetectors(ledger, options);
  DetectorRun run;
  run.seconds = Seconds(start);
  if (!alerts.ok()) return run;
  run.alerts = static_cast<int64_t>(alerts->size());
  for (const Alert& alert : *alerts) {
    if (alert.type == "fan_in") ++run.fan_in_collectors;
    if (alert.type == "cycle") run.cycles += alert.facts["round_trips"].get<int64_t>();
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::stoull(argv[1]) : 10'000'000;
  size_t peer_n = argc > 2 ? std::stoull(argv[2]) : 1'000'000;
  peer_n = std::min(peer_n, n);
  auto start = Clock::now();
  std::vector<Row> rows = Generate(n);
  std::printf("generated %zu payments in %.1f s\n", n, Seconds(start));

  start = Clock::now();
  Ledger ledger = BuildLedger(rows, n);
  std::printf("ledger: %zu payments, %zu accounts, built in %.1f s\n", ledger.size(),
              ledger.node_count(), Seconds(start));

  DetectorRun all = RunAll(ledger, DetectorOptions{}.enabled);
  std::printf("finance detectors (all 6 without case context, 2 threads) on %zu: %.1f s, %lld alerts\n",
              n, all.seconds, static_cast<long long>(all.alerts));

  std::mt19937_64 rng(7);
  std::vector<double> trace_ms;
  Tracer tracer(ledger);
  TraceOptions trace;
  for (int query = 0; query < 50; ++query) {
    NodeIndex node = static_cast<NodeIndex>(rng() % ledger.node_count());
    auto begin = Clock::now();
    Result<TraceResult> result = tracer.Run({node}, trace);
    trace_ms.push_back(Seconds(begin) * 1000);
    if (!result.ok()) return 1;
  }
  std::printf("trace (down, fifo, 4 hops) median %.2f ms, max %.2f ms over 50 starts\n",
              Median(trace_ms), *std::max_element(trace_ms.begin(), trace_ms.end()));

  // Side by side on the same first peer_n payments.
  Ledger small = BuildLedger(rows, peer_n);
  DetectorRun fan_in = RunAll(small, {"fan_in"});
  DetectorRun cycle = RunAll(small, {"cycle"});
  sqlite3* db = LoadSqlite(rows, peer_n);
  start = Clock::now();
  int64_t sql_fan_in = QueryCount(db, kFanInSql);
  double sql_fan_in_s = Seconds(start);
  start = Clock::now();
  int64_t sql_cycles = QueryCount(db, kCycleSql);
  double sql_cycle_s = Seconds(start);
  sqlite3_close(db);
  std::printf("on %zu payments: fan-in finance %.2f s (%lld collectors), sqlite %.2f s "
              "(%lld collectors), ratio %.1fx\n",
              peer_n, fan_in.seconds, static_cast<long long>(fan_in.fan_in_collectors),
              sql_fan_in_s, static_cast<long long>(sql_fan_in), sql_fan_in_s / fan_in.seconds);
  std::printf("on %zu payments: cycles finance %.2f s (%lld cycles), sqlite recursive CTE %.2f s "
              "(%lld cycles), ratio %.1fx\n",
              peer_n, cycle.seconds, static_cast<long long>(cycle.cycles), sql_cycle_s,
              static_cast<long long>(sql_cycles), sql_cycle_s / cycle.seconds);
  return 0;
}
