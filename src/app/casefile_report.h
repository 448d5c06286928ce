// The case file report and the evidence package as use cases. Both read the whole case
// through the store (verifying every evidence file on the way), put victims' data reads on the
// audit record, and record what they produced by SHA-256 ("report.generate",
// "package.export"). The Store and BlobStore are borrowed. Thread-compatible.
#pragma once

#include <optional>
#include <string>

#include "casefile/package.h"
#include "casefile/report.h"
#include "core/status.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace tafkik::app {

struct ReportRequest {
  std::string case_reference;
  std::string lang = "fr";      // "ar", "fr", "en"
  std::string format = "pdf";   // "pdf", "html", "md"
  std::string output;           // file to write; default "": <case>-<lang>.<format> here
  bool reveal_victims = false;  // default false: victims pseudonymised (V1, V2, ...)
};

struct ReportResult {
  std::string path;
  std::string sha256;
  int64_t bytes = 0;
};

// Builds the report and writes it (temporary file, then rename). Its SHA-256 is recorded
// first as a "report.generate" event (details: case, lang, format, sha256, bytes,
// victims_revealed). InvalidArgument for an unknown language or format; NotFound for an
// unknown case.
Result<ReportResult> GenerateReport(store::Store& store, store::BlobStore& blobs,
                                    const store::Actor& actor, const ReportRequest& request);

// The report's input as loaded from the store; other capabilities' summaries are taken in
// `lang` (English when that language is missing).
Result<casefile::ReportInput> LoadReportInput(store::Store& store, store::BlobStore& blobs,
                                              const store::Actor& actor,
                                              const std::string& case_reference,
                                              const std::string& lang, bool reveal_victims);

struct PackageRequest {
  std::string case_reference;
  std::string output;           // default "": <case>-package.zip here
  bool redact_victims = false;  // withhold files linked to victims; pseudonymise their ids
  bool redact_sources = false;  // the same for informants (intelligence sources)
};

struct PackageResult {
  std::string path;
  std::string sha256;
  int files = 0;
  int withheld = 0;
};

// Writes the signed evidence package (casefile/package.h) with the workspace key at
// `workspace_root`, then records "package.export" (details: case, sha256, files, withheld,
// redaction, and the victims whose data it holds). DataLoss naming the item when an evidence
// file no longer matches its hash (nothing is written).
Result<PackageResult> ExportPackage(store::Store& store, store::BlobStore& blobs,
                                    const std::string& workspace_root,
                                    const store::Actor& actor, const PackageRequest& request);

}  // namespace tafkik::app
