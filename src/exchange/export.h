// Writing a workspace, or the part a filter selects, in the formats analysts exchange:
// FtM NDJSON (Aleph), GraphML (typed keys), GEXF 1.3 (dynamic, for Gephi's timeline), i2 ANX
// (Analyst's Notebook; the subset in docs/exchange-i2-anx.md), CSV and XLSX.
// Streaming: the store is read in pages (twice: a scan for counts, property names and
// per-sheet script, then the writing pass); memory holds ids only when a filter needs them.
// Every export is audited: exporting victims' data is a read of victims' data. The event
// (action "export", object = format, details = counts selected, filter, output and the ids of
// the victims' data it holds, store/victim_data.h) is recorded after the scan and BEFORE
// anything is written; when it cannot be recorded nothing is written. An export that fails
// before that, or while writing, adds an event with outcome "failed" and the error.
// Thread-compatible; the Store is used from the calling thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"
#include "store/store.h"

namespace tafkik::exchange {

enum class OutFormat { kFtm, kGraphml, kGexf, kAnx, kCsv, kXlsx };

// "ftm", "graphml", "gexf", "anx", "csv", "xlsx"; InvalidArgument listing them otherwise.
Result<OutFormat> ParseOutFormat(std::string_view name);
std::string_view OutFormatName(OutFormat format);

struct ExportFilter {
  std::string case_reference;        // "" (default): the whole workspace; else only the case's
                                     // members and relations between two of them
  std::vector<std::string> schemata; // empty (default): all. Thing schemata listed restrict
                                     // entities, relation schemata listed restrict relations;
                                     // a relation is written only when both ends are
  std::optional<Timestamp> from;     // relations starting at or after (default: no bound)
  std::optional<Timestamp> to;       // relations starting before (default: no bound)
};

struct ExportSummary {
  std::string format;
  std::map<std::string, int64_t> entities_by_schema;   // written
  std::map<std::string, int64_t> relations_by_schema;  // written
  // Left out because the format has no place for them (FtM: Tafkik-only schemata; Phone
  // entities are folded into their owners and Calls instead), by schema.
  std::map<std::string, int64_t> skipped_by_schema;
  std::vector<std::string> files;  // what was written ("-" for standard output)
  int64_t entities() const;
  int64_t relations() const;
  Json ToJson() const;
};

struct ExportOptions {
  OutFormat format = OutFormat::kFtm;
  ExportFilter filter;
  // ftm, graphml, gexf, anx: a file, or "-" for `stdout_stream`. xlsx: a file. csv: a folder
  // (created if missing) that receives one <Schema>.csv per schema. No default.
  std::string output;
  std::ostream* stdout_stream = nullptr;  // for "-"; REQUIRES non-null then
  int64_t page_size = 1000;               // rows per store query (default 1000)
};

// Records the export's audit event as `actor`, then writes the export. NotFound for an
// unknown case; InvalidArgument for an unknown schema or a bad output ("-" for csv or xlsx);
// Unavailable when the output cannot be written; the store's error, with nothing written,
// when the event cannot be recorded. A failed export leaves a partial output file behind
// and is audited with outcome "failed" (after the "ok" event when writing failed).
Result<ExportSummary> Export(store::Store& store, const store::Actor& actor,
                             const ExportOptions& options);

}  // namespace tafkik::exchange
