// Bulk insert of generated relations: Tafkik's Store (validation, provenance, lookup keys,
// relation indexes, audit event and signed checkpoint) against plain sqlite3 inserts of the
// same rows into flat tables with the same durability settings (WAL, synchronous=FULL).
// Input: the synthetic investigation at TAFKIK_BENCH_SCALE (default 4, about 20,000 calls).
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/generator.h"

namespace tafkik {
namespace {

struct Dataset {
  std::vector<model::Entity> entities;
  std::vector<model::Relation> relations;
};

class CollectingSink : public synth::Sink {
 public:
  explicit CollectingSink(Dataset& data) : data_(data) {}
  Status OnEntity(const model::Entity& entity) override {
    data_.entities.push_back(entity);
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    data_.relations.push_back(relation);
    return Status::Ok();
  }
  Status OnCase(const model::Case&) override { return Status::Ok(); }

 private:
  Dataset& data_;
};

const Dataset& GeneratedDataset() {
  static const Dataset data = [] {
    Dataset out;
    CollectingSink sink(out);
    const char* scale = std::getenv("TAFKIK_BENCH_SCALE");
    synth::GeneratorOptions options{.seed = 42, .scale = scale ? std::atoll(scale) : 4};
    if (!synth::Generate(options, sink).ok()) std::abort();
    return out;
  }();
  return data;
}

std::string FreshDir(const std::string& name) {
  std::string dir = (std::filesystem::temp_directory_path() / ("tafkik-bench-" + name)).string();
  std::filesystem::remove_all(dir);
  return dir;
}

std::string PropertiesJson(const model::PropertyMap& properties) {
  Json out = Json::object();
  for (const auto& [name, values] : properties) {
    for (const model::Value& value : values) out[name].push_back(value.value);
  }
  return out.dump();
}

int64_t RowCount(const Dataset& data) {
  return static_cast<int64_t>(data.entities.size() + data.relations.size());
}

void BM_TafkikStoreInsert(benchmark::State& state) {
  const Dataset& data = GeneratedDataset();
  for (auto _ : state) {
    state.PauseTiming();
    const std::string dir = FreshDir("store");
    auto store = store::OpenSqliteWorkspace(dir, {.create = true});
    if (!store.ok()) state.SkipWithError(store.status().ToString().c_str());
    state.ResumeTiming();
    auto txn = (*store)->BeginWrite({"bench"});
    for (const model::Entity& entity : data.entities) (void)(*txn)->PutEntity(entity);
    for (const model::Relation& relation : data.relations) (void)(*txn)->PutRelation(relation);
    if (!(*txn)->Commit({"bench.insert", "bench"}).ok()) state.SkipWithError("commit failed");
  }
  state.SetItemsProcessed(state.iterations() * RowCount(data));
  state.counters["rows"] = static_cast<double>(RowCount(data));
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
}

// The peer: what a user of plain SQLite would write — two flat tables, one prepared INSERT
// each, one transaction, no validation, no provenance, no lookup index, no audit.
void BM_PlainSqliteInsert(benchmark::State& state) {
  const Dataset& data = GeneratedDataset();
  for (auto _ : state) {
    state.PauseTiming();
    const std::string dir = FreshDir("plain");
    std::filesystem::create_directories(dir);
    sqlite3* db = nullptr;
    sqlite3_open((dir + "/plain.db").c_str(), &db);
    Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
             "CREATE TABLE entities(id TEXT PRIMARY KEY, schema TEXT, properties TEXT);"
             "CREATE TABLE relations(id TEXT PRIMARY KEY, schema TEXT, source TEXT, target TEXT,"
             " start_us INTEGER, end_us INTEGER, properties TEXT);");
    state.ResumeTiming();
    Exec(db, "BEGIN");
    sqlite3_stmt* entity_insert = nullptr;
    sqlite3_stmt* relation_insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO entities VALUES (?, ?, ?)", -1, &entity_insert, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?)", -1,
                       &relation_insert, nullptr);
    for (const model::Entity& entity : data.entities) {
      const std::string properties = PropertiesJson(entity.properties);
      sqlite3_bind_text(entity_insert, 1, entity.id.value().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(entity_insert, 2, entity.schema.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(entity_insert, 3, properties.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(entity_insert);
      sqlite3_reset(entity_insert);
    }
    for (const model::Relation& relation : data.relations) {
      const std::string properties = PropertiesJson(relation.properties);
      sqlite3_bind_text(relation_insert, 1, relation.id.value().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(relation_insert, 2, relation.schema.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(relation_insert, 3, relation.source.value().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(relation_insert, 4, relation.target.value().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(relation_insert, 5, relation.start ? relation.start->micros() : 0);
      sqlite3_bind_int64(relation_insert, 6, relation.end ? relation.end->micros() : 0);
      sqlite3_bind_text(relation_insert, 7, properties.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(relation_insert);
      sqlite3_reset(relation_insert);
    }
    sqlite3_finalize(entity_insert);
    sqlite3_finalize(relation_insert);
    Exec(db, "COMMIT");
    state.PauseTiming();
    sqlite3_close(db);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * RowCount(data));
  state.counters["rows"] = static_cast<double>(RowCount(data));
}

BENCHMARK(BM_TafkikStoreInsert)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlainSqliteInsert)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace tafkik

BENCHMARK_MAIN();
