// Runs a mapping profile over a CSV or XLSX file: opens it with readers::OpenTable, binds the
// profile to its header, maps every row into a RecordSink, and reports progress. Streaming:
// memory is bounded by the number of distinct entity values, not by the number of rows.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/status.h"
#include "ingest/profile.h"
#include "ingest/row_mapper.h"
#include "model/record_sink.h"
#include "readers/table_reader.h"

namespace tafkik::ingest {

struct TableProgress {
  int64_t rows = 0;
  int64_t bytes_read = 0;
  int64_t bytes_total = 0;  // 0 when unknown
  int64_t elapsed_ms = 0;
  bool done = false;
};

struct TableImportOptions {
  MapperOptions mapper;
  readers::TableOptions table;
  // Values of the profile's `parameters` (every one required; an unknown name is an error).
  std::map<std::string, std::string> parameters;
  // Called every `progress_every_rows` rows and once at the end (done = true). Default none.
  std::function<void(const TableProgress&)> on_progress;
  int64_t progress_every_rows = 65'536;
};

// Maps the whole file into `sink` and returns the counts. Fails (before sending anything)
// when the file cannot be opened or its header lacks the profile's columns; fails part-way
// only when the sink fails. Rows the reader cannot read become rejects.
Result<MapStats> ImportTable(const std::string& path, const Profile& profile,
                             const TableImportOptions& options, model::RecordSink& sink);

}  // namespace tafkik::ingest
