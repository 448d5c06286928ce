// Importing a file into a workspace, as a user would from `tafkik import` or the server:
// a CSV/XLSX file through a mapping profile, an exchange file (FtM, GraphML, network files)
// with --format, or a Cellebrite UFDR extraction. The whole file lands in one WriteTransaction
// committed with one "import" audit event, or not at all: a failure or a kill part-way
// leaves the store as it was. Importing the same file again changes nothing (ids derive from
// the dataset and the profile's keys; the store merges values with the same provenance).
// Thread-compatible: one call per Store at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "ingest/table_import.h"
#include "model/record_sink.h"
#include "store/store.h"

namespace tafkik::app {

struct ImportOptions {
  std::string path;            // the file (required)
  std::string profile;         // shipped profile name or .yaml path; required for CSV/XLSX
  std::string format;          // "" (profile or .ufdr), "ftm", "graphml", "matrix", "jsonl"
  std::string dataset;         // default "<profile or format>:<file name>"
  std::string case_reference;  // default "": else things imported join this case (role other)
  std::string region;          // phone region for national numbers; default: the profile's
  std::string timezone;        // zone of local times; default: the profile's
  bool dry_run = false;        // map and validate everything, write nothing to the store
  // Values of the profile's parameters (`--param NAME=VALUE`), e.g. the examined handset's
  // IMEI and number for an extraction report's sheets.
  std::map<std::string, std::string> parameters;
  // XLSX: the sheet to read ("" = the first).
  std::string sheet;
  // Where the reject report (CSV: row,column,value,reason) goes; default "" = inside the
  // workspace, WORKSPACE/imports/FILE-STEM.SHA[:12].rejects.csv (none in a dry run). Written
  // only when there are rejects, and only once the import has committed: a failed import
  // leaves no report (nor a half one) behind.
  std::string rejects_path;
  // The workspace folder: UFDR attachments go to its blobs/ (staged, moved in just before
  // the commit, so a failed import leaves none), and the default reject report under it.
  std::string workspace_root;
  // Progress of CSV/XLSX imports, on the calling thread. Default none.
  std::function<void(const ingest::TableProgress&)> on_progress;
};

struct ImportReport {
  std::string file;
  std::string sha256;
  std::string profile;   // or the format, or "ufdr"
  std::string dataset;
  int64_t rows = 0;      // rows read (CSV/XLSX); 0 for other formats
  int64_t entities = 0;  // entity records written (merges count)
  int64_t relations = 0;
  int64_t rejects = 0;
  int64_t evidence_files = 0;
  std::vector<model::Reject> first_rejects;  // at most 20
  std::string rejects_path;                  // "" when no report was written
  bool dry_run = false;
  int64_t elapsed_ms = 0;
};

// Imports `options.path`. Errors (store unchanged): NotFound/PermissionDenied naming an
// unreadable file; NotFound for an unknown profile or case; InvalidArgument for a profile
// that does not fit the header, an unknown format, or CSV/XLSX without --profile; any store
// error. Per-row problems are not errors: they are counted and reported.
Result<ImportReport> ImportFile(store::Store& store, const store::Actor& actor,
                                const ImportOptions& options);

Json ToJson(const ImportReport& report);

}  // namespace tafkik::app
