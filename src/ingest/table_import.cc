#include "ingest/table_import.h"

#include <algorithm>
#include <chrono>

namespace tafkik::ingest {
namespace {
constexpr int64_t kMaxErrorsInARow = 10'000;

// The values of the profile's parameters, in its (sorted) order. InvalidArgument naming what
// is missing or unknown.
Result<std::vector<std::string>> ParameterValues(const Profile& profile,
                                                 const std::map<std::string, std::string>& given) {
  std::string known;
  for (const auto& [name, what] : profile.parameters) {
    known += (known.empty() ? "" : "; ") + name + " (" + what + ")";
  }
  for (const auto& [name, value] : given) {
    if (!profile.parameters.contains(name)) {
      return InvalidArgumentError("profile '" + profile.name + "' has no parameter '" + name +
                                  "'" + (known.empty() ? "" : "; its parameters: " + known));
    }
  }
  std::vector<std::string> values;
  for (const auto& [name, what] : profile.parameters) {
    auto found = given.find(name);
    if (found == given.end() || found->second.empty()) {
      return InvalidArgumentError("profile '" + profile.name + "' needs --param " + name +
                                  "=VALUE: " + what);
    }
    values.push_back(found->second);
  }
  return values;
}

}  // namespace

Result<MapStats> ImportTable(const std::string& path, const Profile& profile,
                             const TableImportOptions& options, model::RecordSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  TAFKIK_ASSIGN_OR_RETURN(std::vector<std::string> parameter_values,
                          ParameterValues(profile, options.parameters));
  readers::TableOptions table = options.table;
  table.skip_lines = std::max(table.skip_lines, profile.skip_lines);
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<readers::TableReader> reader,
                          readers::OpenTable(path, table));
  // Parameters are read as columns after the file's own.
  std::vector<std::string> header = reader->header();
  const size_t file_width = header.size();
  for (const auto& [name, ignored] : profile.parameters) header.push_back(name);
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<RowMapper> mapper,
                          RowMapper::Bind(profile, header, options.mapper));
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
    if (!parameter_values.empty()) {
      row.cells.resize(file_width);
      row.cells.insert(row.cells.end(), parameter_values.begin(), parameter_values.end());
    }
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
