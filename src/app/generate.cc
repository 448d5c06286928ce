#include "app/generate.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <numeric>

#include "app/internal/store_sink.h"
#include "app/workspace.h"
#include "core/hash.h"

namespace tafkik::app {
namespace {

using Clock = std::chrono::steady_clock;

// Records a run at scale 1 makes, roughly; the run grows linearly with scale (see
// synth/generator.h). Only used for the ETA, so being off by a little is harmless.
constexpr int64_t kRecordsPerScale = 6'000;

int64_t Sum(const std::map<std::string, int64_t>& counts) {
  return std::accumulate(counts.begin(), counts.end(), int64_t{0},
                         [](int64_t sum, const auto& entry) { return sum + entry.second; });
}

Status CheckEmpty(store::Store& store, const std::string& root) {
  TAFKIK_ASSIGN_OR_RETURN(store::Counts counts, store.Count());
  int64_t entities = Sum(counts.entities_by_schema);
  if (entities == 0 && counts.cases == 0) return Status::Ok();
  return FailedPreconditionError(
      "workspace '" + root + "' already holds " + std::to_string(entities) + " entities and " +
      std::to_string(counts.cases) + " cases; generate into a new folder");
}

Result<std::unique_ptr<store::Store>> OpenEmpty(const std::string& root,
                                                const store::Actor& actor) {
  if (!IsWorkspace(root)) return InitWorkspace(root, actor);
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> opened, OpenWorkspace(root));
  TAFKIK_RETURN_IF_ERROR(CheckEmpty(*opened, root));
  return opened;
}

Status CheckOptions(const GenerateOptions& options) {
  if (options.scale < 1) return InvalidArgumentError("--scale must be 1 or more");
  if (options.chunk_records < 1) return InvalidArgumentError("chunk size must be 1 or more");
  if (options.root.empty()) return InvalidArgumentError("no workspace folder given");
  return Status::Ok();
}

Status MakeTruthFolder(const std::string& truth_path) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(truth_path).parent_path(), error);
  if (error) return UnavailableError("cannot create " + truth_path + ": " + error.message());
  return Status::Ok();
}

GenerateProgress ProgressOf(const internal::SinkCounters& totals, Clock::time_point start,
                            int64_t scale) {
  GenerateProgress progress;
  progress.entities = totals.entities;
  progress.relations = totals.relations;
  progress.cases = totals.cases;
  progress.chunks = totals.chunks;
  progress.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  progress.expected_records = kRecordsPerScale * scale;
  return progress;
}

Json SummaryDetails(const synth::GenerationSummary& summary, const std::string& truth_sha256) {
  return Json{{"complete", true},
              {"entities_by_schema", summary.entities_by_schema},
              {"relations_by_schema", summary.relations_by_schema},
              {"total_cases", summary.cases},
              {"truth_sha256", truth_sha256}};
}

}  // namespace

std::string TruthPath(const std::string& root) { return root + "/truth/generated-truth.json"; }

Result<GenerateReport> GenerateWorkspace(const GenerateOptions& options,
                                         const store::Actor& actor) {
  TAFKIK_RETURN_IF_ERROR(CheckOptions(options));
  Clock::time_point start = Clock::now();
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> opened, OpenEmpty(options.root, actor));
  GenerateReport report;
  report.truth_path = TruthPath(options.root);
  TAFKIK_RETURN_IF_ERROR(MakeTruthFolder(report.truth_path));

  auto on_chunk = [&](const internal::SinkCounters& totals) {
    if (options.on_progress) options.on_progress(ProgressOf(totals, start, options.scale));
  };
  Json context{{"seed", options.seed}, {"scale", options.scale}};
  internal::StoreSink sink(*opened, actor, options.chunk_records, context, on_chunk);
  synth::GeneratorOptions generator{options.seed, options.scale, report.truth_path,
                                    options.files_dir};
  TAFKIK_ASSIGN_OR_RETURN(report.summary, synth::Generate(generator, sink));

  TAFKIK_ASSIGN_OR_RETURN(std::string truth_sha256, Sha256FileHex(report.truth_path));
  TAFKIK_RETURN_IF_ERROR(sink.Finish(SummaryDetails(report.summary, truth_sha256)));
  report.final_progress = ProgressOf(sink.totals(), start, options.scale);
  return report;
}

}  // namespace tafkik::app
