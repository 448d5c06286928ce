// The CSV reader alone on a generated file of call detail records (1M rows by default;
// TAFKIK_BENCH_CSV_ROWS changes it), side by side with the floor any reader has to beat: a
// plain std::getline + split on ',' (no quotes, no encodings, no checks) over the same file
// in the same run. Reports MB/s (bytes_per_second) and rows/s.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "readers/table_reader.h"

namespace {

int64_t RowCount() {
  const char* rows = std::getenv("TAFKIK_BENCH_CSV_ROWS");
  return rows != nullptr ? std::atoll(rows) : 1'000'000;
}

// A CDR export as operators send them: numbers, an ISO start time, a duration, a type, IMSI,
// IMEI, cells, and a free-text column that is sometimes quoted with a comma or in Arabic.
const std::string& CdrFile() {
  // Never destroyed: the atexit handler that deletes the file runs after static destructors.
  static const std::string& path = *new std::string([] {
    const std::string file = (std::filesystem::temp_directory_path() /
                              ("tafkik-cdr-bench-" + std::to_string(::getpid()) + ".csv"));
    std::FILE* out = std::fopen(file.c_str(), "w");
    std::fputs("caller,callee,start,duration,type,imsi,imei,first_cell,last_cell,note\n", out);
    uint64_t state = 42;
    const auto next = [&state] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<unsigned long long>(state >> 33);
    };
    const char* notes[] = {"", "\"roaming, LY\"", "مكالمة دولية", "\"said \"\"tomorrow\"\"\"", ""};
    for (int64_t row = 0; row < RowCount(); ++row) {
      std::fprintf(out,
                   "2126%08llu,2189%08llu,2025-07-%02llu %02llu:%02llu:%02llu,%llu,%s,"
                   "6040%011llu,35%013llu,604-01-%05llu-%05llu,604-01-%05llu-%05llu,%s\n",
                   next() % 100000000, next() % 100000000, 1 + next() % 30, next() % 24,
                   next() % 60, next() % 60, next() % 3600, next() % 3 ? "voice" : "sms",
                   next() % 100000000000ULL, next() % 10000000000000ULL, next() % 99999,
                   next() % 99999, next() % 99999, next() % 99999, notes[next() % 5]);
    }
    std::fclose(out);
    std::atexit([] { std::filesystem::remove(CdrFile()); });
    return file;
  }());
  return path;
}

void Report(benchmark::State& state, int64_t rows, int64_t cells) {
  const auto bytes = static_cast<int64_t>(std::filesystem::file_size(CdrFile()));
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows),
                                                benchmark::Counter::kIsRate);
  state.counters["cells"] = static_cast<double>(cells);
}

void BM_TafkikCsvReader(benchmark::State& state) {
  int64_t rows = 0, cells = 0;
  for (auto _ : state) {
    auto reader = tafkik::readers::OpenTable(CdrFile());
    if (!reader.ok()) state.SkipWithError(reader.status().ToString().c_str());
    tafkik::readers::TableRow row;
    while (true) {
      auto more = (*reader)->Next(row);
      if (!more.ok() || !*more) break;
      ++rows;
      cells += static_cast<int64_t>(row.cells.size());
    }
  }
  Report(state, rows, cells / std::max<int64_t>(state.iterations(), 1));
}

void BM_GetlineSplit(benchmark::State& state) {
  int64_t rows = 0, cells = 0;
  for (auto _ : state) {
    std::ifstream in(CdrFile(), std::ios::binary);
    std::string line;
    std::vector<std::string> fields;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      size_t count = 0, start = 0;
      for (size_t end; (end = line.find(',', start)) != std::string::npos; start = end + 1) {
        if (count == fields.size()) fields.emplace_back();
        fields[count++].assign(line, start, end - start);
      }
      if (count == fields.size()) fields.emplace_back();
      fields[count++].assign(line, start);
      benchmark::DoNotOptimize(fields.data());
      ++rows;
      cells += static_cast<int64_t>(count);
    }
  }
  Report(state, rows, cells / std::max<int64_t>(state.iterations(), 1));
}

BENCHMARK(BM_TafkikCsvReader)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_GetlineSplit)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
