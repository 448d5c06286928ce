// Generating a synthetic investigation workspace (synth::Generate) for the demo, tests and
// benchmarks. Opens its own Store; thread-safe as long as no two calls share a workspace.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "store/store.h"
#include "synth/generator.h"

namespace tafkik::app {

struct GenerateProgress {
  int64_t entities = 0;  // written so far (committed)
  int64_t relations = 0;
  int64_t cases = 0;
  int64_t chunks = 0;      // transactions committed
  int64_t elapsed_ms = 0;  // since the start of the run
  // A rough total of records for the run, from the scale, for an ETA; 0 when unknown.
  int64_t expected_records = 0;
};

struct GenerateOptions {
  std::string root;                // the workspace folder; created when it holds none
  uint64_t seed = 1;               // same seed and scale, same data
  int64_t scale = 1;               // 1 = a demo case; see synth/generator.h
  int64_t chunk_records = 50'000;  // records per transaction (and per audit event)
  // "" (default): every record goes into the workspace. Else the datasets that arrive as files
  // (synth/files.h: cdr.csv, money_transfer.csv) are written to this folder instead, in the
  // shipped profiles' shapes, for `tafkik import`.
  std::string files_dir;
  // Called after each committed chunk, on the calling thread. Default: none.
  std::function<void(const GenerateProgress&)> on_progress;
};

struct GenerateReport {
  synth::GenerationSummary summary;
  std::string truth_path;  // root/truth/generated-truth.json
  GenerateProgress final_progress;
};

// Where GenerateWorkspace writes the ground truth for `root`.
std::string TruthPath(const std::string& root);

// Creates the workspace (or opens an empty one), streams the generator's output into it in
// chunks, each one transaction audited as "generate.chunk" (the last one carries the
// summary, the truth file's SHA-256 and "complete": true), and writes the ground truth to
// TruthPath(root). InvalidArgument for scale < 1 or chunk_records < 1; FailedPrecondition
// when the workspace already holds entities or cases. A failure part-way leaves the chunks
// committed before it (each complete and audited) and returns the error.
Result<GenerateReport> GenerateWorkspace(const GenerateOptions& options, const store::Actor& actor);

}  // namespace tafkik::app
