// tafkik generate --seed S --scale N [WORKSPACE]
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/generate.h"
#include "app/json_view.h"
#include "cli/cli.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

struct GenerateOptions {
  uint64_t seed = 1;
  int64_t scale = 1;
  int64_t chunk = 50'000;
  std::string folder;  // default "": --workspace
  std::string files;   // --files DIR
};

// "generate: 1,250,000 records, 104,000/s, about 30 s left", rewritten in place.
void PrintRateLine(const app::GenerateProgress& progress) {
  int64_t records = progress.entities + progress.relations + progress.cases;
  int64_t per_second = progress.elapsed_ms > 0 ? records * 1000 / progress.elapsed_ms : 0;
  std::string line =
      "generate: " + Thousands(records) + " records, " + Thousands(per_second) + "/s";
  int64_t left = progress.expected_records - records;
  if (per_second > 0 && left > 0) line += ", about " + Thousands(left / per_second + 1) + " s left";
  std::cerr << "\r" << line << "\033[K" << std::flush;
}

// Progress goes to stderr only: NDJSON for programs with --json, a rate line for people
// at a terminal, and nothing into a log file or pipe.
std::function<void(const app::GenerateProgress&)> ProgressPrinter(const Context& context) {
  if (context.global.json) {
    return [](const app::GenerateProgress& progress) {
      PrintJsonLine(std::cerr, app::ToJson(progress));
    };
  }
  if (::isatty(STDERR_FILENO) != 1) return nullptr;
  return &PrintRateLine;
}

void PrintSummary(const app::GenerateReport& report, const std::string& root) {
  std::cout << "Generated workspace " << root << " in "
            << Thousands(report.final_progress.elapsed_ms) << " ms ("
            << report.final_progress.chunks << " audited transactions)\n";
  PrintCountTable(std::cout, report.summary.entities_by_schema, report.summary.relations_by_schema);
  std::cout << "  cases      " << report.summary.cases << "\n";
  for (const auto& [file, rows] : report.summary.file_rows) {
    std::cout << "  file       " << file << ": " << Thousands(rows) << " rows (import it with --profile "
              << file.substr(0, file.find('.')) << ")\n";
  }
  std::cout << "Ground truth: " << report.truth_path << "\n";
}

Status RunGenerate(const Context& context, const GenerateOptions& options) {
  app::GenerateOptions generate;
  generate.root = options.folder.empty() ? context.global.workspace : options.folder;
  generate.seed = options.seed;
  generate.scale = options.scale;
  generate.chunk_records = options.chunk;
  generate.files_dir = options.files;
  generate.on_progress = ProgressPrinter(context);
  Result<app::GenerateReport> report = app::GenerateWorkspace(generate, context.actor());
  if (generate.on_progress && !context.global.json) std::cerr << "\n";
  TAFKIK_RETURN_IF_ERROR(report.status());
  if (context.global.json) {
    Json out = app::ToJson(*report);
    out["workspace"] = generate.root;
    if (!report->summary.file_rows.empty()) out["file_rows"] = report->summary.file_rows;
    PrintJson(out);
  } else {
    PrintSummary(*report, generate.root);
  }
  return Status::Ok();
}

}  // namespace

void AddGenerateCommand(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "generate", "Create a workspace holding a fictional investigation, for demos and training");
  command->footer(
      "The generator plants a migrant-smuggling network and a trafficking ring on North\n"
      "African routes: people named in Arabic and Latin scripts, phones, calls, payments\n"
      "through banks, money transfer, mobile money and hawala, meetings, border crossings.\n"
      "All names, places and numbers are fictional. What was planted (who is who, who is a\n"
      "victim) is written to WORKSPACE/truth/generated-truth.json.");
  auto options = std::make_shared<GenerateOptions>();
  command->add_option("--seed", options->seed, "Same seed, same data")->capture_default_str();
  command
      ->add_option("--scale", options->scale,
                   "1 = one demo case (hundreds of entities); 2000 = about 10 million calls")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--chunk", options->chunk, "Records per audited transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--files", options->files,
                      "Write the Moroccan operator's call records and the money transfer export\n"
                      "as CSV files in this folder (cdr.csv, money_transfer.csv) instead of\n"
                      "storing them, to import with `tafkik import FILE --profile cdr|money_transfer`");
  command->add_option("WORKSPACE", options->folder,
                      "Folder to create (default: --workspace); must not hold data yet");
  SetAction(command, context, options, &RunGenerate);
}

}  // namespace tafkik::cli
