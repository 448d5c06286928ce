// A mapping profile compiled against the header of one file: column names resolved to
// indexes once, normalisers chosen once, so that mapping a row allocates little. Each row
// becomes the entities and relations of the profile, sent to a RecordSink; a value that
// cannot be normalised or validated becomes a Reject (row, column, value, reason) and the
// rest of the row still lands. Within one import an entity is sent again only with values
// not sent before (a phone seen in a million calls is written once, with the row of its first
// appearance as provenance). Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/profile.h"
#include "model/entity.h"
#include "model/record_sink.h"
#include "readers/table_reader.h"

namespace tafkik::ingest {

struct MapperOptions {
  std::string dataset;        // provenance dataset and default id namespace (required)
  std::string source_sha256;  // SHA-256 of the file (provenance)
  std::string user;           // who imports (provenance)
  std::string region;         // phone region; "" = the profile's, else "MA"
  std::string timezone;       // zone of local times; "" = the profile's, else "UTC"
};

struct MapStats {
  int64_t rows = 0;            // rows read
  int64_t rows_filtered = 0;   // rows skipped by filters
  int64_t entities = 0;        // entity records sent (a merge counts once per send)
  int64_t relations = 0;
  int64_t rejects = 0;
};

class RowMapper {
 public:
  // Binds `profile` to `header` (column names matched trimmed and case-insensitively, or
  // through the profile's aliases). InvalidArgument naming the profile and every column it
  // needs that the header lacks, and listing the header.
  static Result<std::unique_ptr<RowMapper>> Bind(const Profile& profile,
                                                 const std::vector<std::string>& header,
                                                 const MapperOptions& options);
  ~RowMapper();

  // Maps one row into `sink`. Fails only when the sink fails.
  Status MapRow(const readers::TableRow& row, model::RecordSink& sink);
  // Reports a row the reader could not read (as a reject; counted).
  // `column`: the header name of the column at fault, or "".
  void RejectUnreadableRow(int64_t row, const std::string& column, const Status& why,
                           model::RecordSink& sink);

  const MapStats& stats() const { return stats_; }

  struct Compiled;  // internal

 private:
  explicit RowMapper(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
  MapStats stats_;
};

}  // namespace tafkik::ingest
