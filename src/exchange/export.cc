#include "exchange/export.h"

#include <fstream>

#include "exchange/internal/export_source.h"
#include "exchange/internal/writers.h"

namespace tafkik::exchange {
namespace {

constexpr std::pair<OutFormat, std::string_view> kFormats[] = {
    {OutFormat::kFtm, "ftm"},   {OutFormat::kGraphml, "graphml"}, {OutFormat::kGexf, "gexf"},
    {OutFormat::kAnx, "anx"},   {OutFormat::kCsv, "csv"},         {OutFormat::kXlsx, "xlsx"}};

Json FilterJson(const ExportFilter& filter) {
  Json out = Json::object();
  if (!filter.case_reference.empty()) out["case"] = filter.case_reference;
  if (!filter.schemata.empty()) out["schemata"] = filter.schemata;
  if (filter.from) out["from"] = FormatTimestamp(*filter.from);
  if (filter.to) out["to"] = FormatTimestamp(*filter.to);
  return out;
}

Status WriteStream(OutFormat format, internal::ExportSource& source, std::ostream& out,
                   ExportSummary& summary) {
  switch (format) {
    case OutFormat::kFtm: return internal::WriteFtm(source, out, summary);
    case OutFormat::kGraphml: return internal::WriteGraphml(source, out, summary);
    case OutFormat::kGexf: return internal::WriteGexf(source, out, summary);
    case OutFormat::kAnx: return internal::WriteAnx(source, out, summary);
    default: return InternalError("not a stream format");
  }
}

Status CheckOutput(const ExportOptions& options) {
  if (options.output.empty()) return InvalidArgumentError("no output given (a file, or -)");
  if ((options.format == OutFormat::kCsv || options.format == OutFormat::kXlsx) &&
      options.output == "-") {
    return InvalidArgumentError(std::string(OutFormatName(options.format)) +
                                " cannot go to standard output: name a " +
                                (options.format == OutFormat::kCsv ? "folder" : "file"));
  }
  return Status::Ok();
}

// Writes what `source` (already scanned) selects.
Status Write(const ExportOptions& options, internal::ExportSource& source,
             ExportSummary& summary) {
  if (options.format == OutFormat::kCsv) {
    return internal::WriteCsv(source, options.output, summary);
  }
  if (options.format == OutFormat::kXlsx) {
    return internal::WriteXlsx(source, options.output, summary);
  }
  if (options.output == "-") {
    TAFKIK_CHECK(options.stdout_stream != nullptr, "stdout_stream is required for output -");
    summary.files.push_back("-");
    Status status = WriteStream(options.format, source, *options.stdout_stream, summary);
    options.stdout_stream->flush();
    return status;
  }
  std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
  if (!out) return UnavailableError("cannot write " + options.output);
  summary.files.push_back(options.output);
  TAFKIK_RETURN_IF_ERROR(WriteStream(options.format, source, out, summary));
  out.close();
  return out ? Status::Ok() : UnavailableError("writing " + options.output + " failed");
}

int64_t Total(const std::map<std::string, int64_t>& counts) {
  int64_t total = 0;
  for (const auto& [schema, count] : counts) total += count;
  return total;
}

}  // namespace

Result<OutFormat> ParseOutFormat(std::string_view name) {
  for (const auto& [format, format_name] : kFormats) {
    if (name == format_name) return format;
  }
  return InvalidArgumentError("unknown export format '" + std::string(name) +
                              "': use ftm, graphml, gexf, anx, csv or xlsx");
}

std::string_view OutFormatName(OutFormat format) {
  for (const auto& [candidate, name] : kFormats) {
    if (candidate == format) return name;
  }
  return "?";
}

int64_t ExportSummary::entities() const {
  int64_t total = 0;
  for (const auto& [schema, count] : entities_by_schema) total += count;
  return total;
}

int64_t ExportSummary::relations() const {
  int64_t total = 0;
  for (const auto& [schema, count] : relations_by_schema) total += count;
  return total;
}

Json ExportSummary::ToJson() const {
  return {{"format", format},
          {"entities", entities()},
          {"relations", relations()},
          {"entities_by_schema", entities_by_schema},
          {"relations_by_schema", relations_by_schema},
          {"skipped_by_schema", skipped_by_schema},
          {"files", files}};
}

Result<ExportSummary> Export(store::Store& store, const store::Actor& actor,
                             const ExportOptions& options) {
  ExportSummary summary;
  summary.format = std::string(OutFormatName(options.format));
  auto failed = [&](const Status& status) -> Status {
    store::AuditRecord record{"export", summary.format};
    record.outcome = store::AuditOutcome::kFailed;
    record.details = {{"filter", FilterJson(options.filter)}, {"error", status.message()}};
    Status audited = store.RecordEvent(actor, record);
    if (!audited.ok()) return status.WithContext("and not audited: " + audited.message());
    return status;
  };
  Status status = CheckOutput(options);
  if (!status.ok()) return failed(status);
  Result<internal::ExportSource> source =
      internal::ExportSource::Open(store, options.filter, options.page_size);
  if (!source.ok()) return failed(source.status());
  status = source->RunScan();
  if (!status.ok()) return failed(status);
  // On the record, naming the victims' data it holds, before anything is written.
  const internal::Scan& scan = source->scan();
  store::AuditRecord record{"export", summary.format};
  record.outcome = store::AuditOutcome::kOk;
  record.details = {{"entities", Total(scan.entities_by_schema)},
                    {"relations", Total(scan.relations_by_schema)},
                    {"entities_by_schema", scan.entities_by_schema},
                    {"relations_by_schema", scan.relations_by_schema},
                    {"output", options.output},
                    {"filter", FilterJson(options.filter)},
                    {"victims", scan.victims}};
  Status audited = store.RecordEvent(actor, record);
  if (!audited.ok()) return audited.WithContext("export not written: it could not be audited");
  status = Write(options, *source, summary);
  if (!status.ok()) return failed(status);
  return summary;
}

}  // namespace tafkik::exchange
