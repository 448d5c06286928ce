// RFC 4180 records from a stream, for the matrix reader: quoted fields with "" escapes and
// line breaks, CRLF or LF, a UTF-8 byte-order mark skipped. Comma separated only (the
// network files are); the general CSV reader with delimiter detection is readers/.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/status.h"

namespace tafkik::exchange::internal {

class CsvRecords {
 public:
  explicit CsvRecords(std::istream& in) : in_(in) {}
  // The next record into `fields`; false at the end of input or on an error (see status()).
  bool Next(std::vector<std::string>& fields);
  // The 1-based line on which the last record returned started.
  int64_t line() const { return record_line_; }
  // InvalidArgument naming the line when a quoted field is not closed.
  const Status& status() const { return status_; }

 private:
  std::istream& in_;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  bool first_ = true;
  Status status_;
};

std::string Trim(const std::string& text);
// At most 200 bytes, for reject reports.
std::string Truncate(const std::string& text);

}  // namespace tafkik::exchange::internal
