// Progress of a long import on stderr: a one-line bar with rate and ETA for a person at a
// terminal, or one NDJSON event per update for programs. Pure formatting; the caller writes.
// Thread-safe.
#pragma once

#include <string>

#include "core/json.h"
#include "ingest/table_import.h"

namespace tafkik::ingest {

// "import  [#########...........]  45%  1,234,567 rows  120,345 rows/s  12.1 MB/s  ETA 0:42"
// (without percentage and ETA when the total is unknown). `width` is the bar's width.
std::string FormatProgressBar(const TableProgress& progress, int width = 24);

// {"event":"progress","rows":..,"bytes_read":..,"bytes_total":..,"elapsed_ms":..,
//  "rows_per_second":..,"done":..}
Json ProgressEvent(const TableProgress& progress);

}  // namespace tafkik::ingest
