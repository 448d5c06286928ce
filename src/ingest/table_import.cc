#include "ingest/table_import.h"

#include <chrono>

namespace tafkik::ingest {
namespace {
constexpr int64_t kMaxErrorsInARow = 10'000;
}  // namespace

Result<MapStats> ImportTable(const std::string& path, const Profile& profile,
                             const TableImportOptions& options, model::RecordSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<readers::TableReader> reader,
                          readers::OpenTable(path, options.table));
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<RowMapper> mapper,
                          RowMapper::Bind(profile, reader->header(), options.mapper));
  auto report = [&](bool done) {
    if (!options.on_progress) return;
    TableProgress progress;
    progress.rows = mapper->stats().rows;
    progress.bytes_read = reader->bytes_read();
    progress.bytes_total = reader->bytes_total();
    progress.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
    progress.done = done;
    options.on_progress(progress);
  };
  readers::TableRow row;
  int64_t next_report = options.progress_every_rows;
  int64_t last_row = 0;
  int64_t errors_in_a_row = 0;
  while (true) {
    Result<bool> more = reader->Next(row);
    if (!more.ok()) {
      // A reader stuck on one spot would otherwise loop for ever.
      if (++errors_in_a_row > kMaxErrorsInARow) return more.status();
      if (more.status().code() != StatusCode::kInvalidArgument) return more.status();
      // The reader says which row and column; without that, the next row is our best guess.
      const readers::RowErrorPlace& place = reader->last_error();
      const int64_t bad_row = place.row > 0 ? place.row : last_row + 1;
      mapper->RejectUnreadableRow(bad_row, place.column, more.status(), sink);
      last_row = bad_row;
      continue;
    }
    if (!*more) break;
    errors_in_a_row = 0;
    last_row = row.number;
    TAFKIK_RETURN_IF_ERROR(mapper->MapRow(row, sink));
    if (mapper->stats().rows >= next_report) {
      report(false);
      next_report += options.progress_every_rows;
    }
  }
  report(true);
  return mapper->stats();
}

}  // namespace tafkik::ingest
