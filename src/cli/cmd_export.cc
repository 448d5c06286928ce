// tafkik export FORMAT [--case C] [--schema S]... [--from T] [--to T] [--output FILE|-]
#include <iostream>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/time.h"
#include "exchange/export.h"

namespace tafkik::cli {
namespace {

struct ExportCommandOptions {
  std::string format;
  std::string case_reference;
  std::vector<std::string> schemata;
  std::string from;
  std::string to;
  std::string output = "-";
};

Result<std::optional<Timestamp>> OptionalTime(const std::string& text, const char* flag) {
  if (text.empty()) return std::optional<Timestamp>();
  Result<Timestamp> parsed = ParseTimestamp(text);
  if (!parsed.ok()) return parsed.status().WithContext(flag);
  return std::optional<Timestamp>(*parsed);
}

void PrintSummary(std::ostream& out, const exchange::ExportSummary& summary) {
  out << "Exported " << Thousands(summary.entities()) << " entities and "
      << Thousands(summary.relations()) << " relations as " << summary.format << "\n";
  PrintCountTable(out, summary.entities_by_schema, summary.relations_by_schema);
  for (const auto& [schema, count] : summary.skipped_by_schema) {
    out << "  left out (no place in " << summary.format << "): " << schema << " "
        << Thousands(count) << "\n";
  }
}

Status RunExport(const Context& context, const ExportCommandOptions& options) {
  exchange::ExportOptions export_options;
  TAFKIK_ASSIGN_OR_RETURN(export_options.format, exchange::ParseOutFormat(options.format));
  export_options.filter.case_reference = options.case_reference;
  export_options.filter.schemata = options.schemata;
  TAFKIK_ASSIGN_OR_RETURN(export_options.filter.from, OptionalTime(options.from, "--from"));
  TAFKIK_ASSIGN_OR_RETURN(export_options.filter.to, OptionalTime(options.to, "--to"));
  export_options.output = options.output;
  export_options.stdout_stream = &std::cout;
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(exchange::ExportSummary summary,
                          exchange::Export(*opened, context.actor(), export_options));
  // Data on stdout: when the export itself went there, the summary goes to stderr.
  bool data_on_stdout = options.output == "-";
  if (context.global.json) {
    if (data_on_stdout) {
      PrintJsonLine(std::cerr, summary.ToJson());
    } else {
      PrintJson(summary.ToJson());
    }
    return Status::Ok();
  }
  PrintSummary(data_on_stdout ? std::cerr : std::cout, summary);
  return Status::Ok();
}

}  // namespace

void AddExportCommand(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the workspace, a case or a filtered part of it as FtM NDJSON (Aleph), GraphML, "
      "GEXF (Gephi, with time intervals), i2 ANX (Analyst's Notebook), CSV or XLSX; the export "
      "is recorded in the audit log");
  command->add_option("format", options->format, "ftm, graphml, gexf, anx, csv or xlsx")
      ->required();
  command->add_option("--case", options->case_reference,
                      "Only this case's members and the relations between them");
  command->add_option("--schema", options->schemata,
                      "Only these schemata (repeatable; things and/or relations). Relation\n"
                      "schemata alone (--schema Call) export those relations and their ends");
  command->add_option("--from", options->from,
                      "Relations starting at or after (ISO 8601); without a thing --schema,\n"
                      "only the ends of those relations are exported");
  command->add_option("--to", options->to, "Relations starting before (ISO 8601)");
  command->add_option("-o,--output", options->output,
                      "File, or - for standard output (csv: a folder; xlsx: a file)")
      ->capture_default_str();
  SetAction(command, context, options, &RunExport);
}

}  // namespace tafkik::cli
