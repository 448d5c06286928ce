// tafkik import FILE --profile P [--case C] [--region R] [--timezone Z] [--dry-run]
//               [--rejects FILE] [--format ftm|graphml|matrix|jsonl] [--dataset NAME]
#include <unistd.h>

#include <iostream>

#include "app/import.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "ingest/progress.h"

namespace tafkik::cli {
namespace {

// Progress on stderr only: NDJSON for programs with --json, a bar for a person at a terminal.
std::function<void(const ingest::TableProgress&)> ProgressPrinter(const Context& context) {
  if (context.global.json) {
    return [](const ingest::TableProgress& progress) {
      PrintJsonLine(std::cerr, ingest::ProgressEvent(progress));
    };
  }
  if (::isatty(STDERR_FILENO) != 1) return nullptr;
  return [](const ingest::TableProgress& progress) {
    std::cerr << "\r" << ingest::FormatProgressBar(progress) << "\033[K" << (progress.done ? "\n" : "")
              << std::flush;
  };
}

void PrintSummary(const app::ImportReport& report) {
  std::cout << (report.dry_run ? "Dry run (nothing written): " : "Imported ") << report.file
            << " with " << report.profile << " as dataset " << report.dataset << "\n";
  std::cout << "  sha256     " << report.sha256 << "\n";
  if (report.rows > 0) std::cout << "  rows       " << Thousands(report.rows) << "\n";
  std::cout << "  entities   " << Thousands(report.entities) << "\n";
  std::cout << "  relations  " << Thousands(report.relations) << "\n";
  if (report.evidence_files > 0) {
    std::cout << "  files      " << Thousands(report.evidence_files) << "\n";
  }
  std::cout << "  rejects    " << Thousands(report.rejects) << "\n";
  for (const model::Reject& reject : report.first_rejects) {
    std::cout << "    row " << reject.row << (reject.column.empty() ? "" : ", " + reject.column)
              << (reject.value.empty() ? "" : " '" + reject.value + "'") << ": " << reject.reason
              << "\n";
  }
  if (report.rejects > static_cast<int64_t>(report.first_rejects.size())) {
    std::cout << "    ...\n";
  }
  if (!report.rejects_path.empty()) std::cout << "  Reject report: " << report.rejects_path << "\n";
  std::cout << "  " << Thousands(report.elapsed_ms) << " ms\n";
}

Status RunImport(const Context& context, const app::ImportOptions& given) {
  app::ImportOptions options = given;
  options.workspace_root = context.global.workspace;
  options.on_progress = ProgressPrinter(context);
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::ImportReport report,
                          app::ImportFile(*store, context.actor(), options));
  if (context.global.json) {
    PrintJson(app::ToJson(report));
  } else {
    PrintSummary(report);
  }
  return Status::Ok();
}

}  // namespace

void AddImportCommand(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "import", "Import a file: CSV/XLSX through a mapping profile, FtM/GraphML/network files, UFDR");
  command->footer(
      "The whole file lands in one transaction with one 'import' audit event, or not at all.\n"
      "Rows with problems go to a reject report (row, column, value, reason; FILE.rejects.csv\n"
      "unless --rejects says otherwise) and the good rows land. Importing the same file again\n"
      "changes nothing. Shipped profiles: bank_statement, cdr, cell_sites, hawala_ledger,\n"
      "mobile_money, money_transfer, person_register, and for the XLSX exports of extraction\n"
      "tools extraction_calls, extraction_messages, extraction_contacts (with --param\n"
      "device_imei=... --param owner_number=...). See `tafkik profile suggest FILE`.\n"
      "Example: tafkik -w ws import calls.csv --profile cdr --region EG --timezone Africa/Cairo");
  auto options = std::make_shared<app::ImportOptions>();
  command->add_option("FILE", options->path, "The file to import")->required();
  command->add_option("--profile,-p", options->profile,
                      "Mapping profile: a shipped name (cdr, ...) or a .yaml file");
  command->add_option("--case", options->case_reference, "Add the imported things to this case");
  command->add_option("--region", options->region,
                      "Region of numbers in national format: MA, EG, LY, TN (default: the profile's)");
  command->add_option("--timezone", options->timezone,
                      "Zone of local times in the file, e.g. Africa/Cairo (default: the profile's)");
  command->add_flag("--dry-run", options->dry_run, "Map and check every row, write nothing");
  command->add_option("--rejects", options->rejects_path, "Where to write the reject report (CSV)");
  command->add_option("--format", options->format,
                      "Exchange format instead of a profile: ftm, graphml, matrix, jsonl");
  command->add_option("--sheet", options->sheet, "XLSX: the sheet to read (default: the first)");
  auto parameters = std::make_shared<std::vector<std::string>>();
  command
      ->add_option("--param", *parameters,
                   "NAME=VALUE for the profile's parameters (repeatable), e.g. the examined\n"
                   "handset of an extraction report: --param device_imei=... --param owner_number=...")
      ->each([options, parameters](const std::string& text) {
        const size_t equals = text.find('=');
        if (equals == std::string::npos || equals == 0) {
          throw CLI::ValidationError("--param", "expected NAME=VALUE, got '" + text + "'");
        }
        options->parameters[text.substr(0, equals)] = text.substr(equals + 1);
      });
  command->add_option("--dataset", options->dataset,
                      "Dataset name recorded with every value (default: PROFILE:FILE-NAME)");
  SetAction(command, context, options, &RunImport);
}

}  // namespace tafkik::cli
