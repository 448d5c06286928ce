// A file read as UTF-8, block by block: a UTF-8 byte-order mark is dropped, other encodings
// (Windows-1256, ISO-8859-6, UTF-16 with its BOM, any ICU converter name) are converted
// through ICU. Never holds more than one raw block and the caller's buffer. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

struct UConverter;

namespace tafkik::readers::internal {

class Utf8Source {
 public:
  // Opens `path`. `encoding` "" detects: a UTF-8 or UTF-16 BOM decides; otherwise the first
  // 64 KiB are UTF-8 if well-formed, else Windows-1256. NotFound / PermissionDenied naming
  // the path; InvalidArgument for an encoding ICU does not know.
  static Result<std::unique_ptr<Utf8Source>> Open(const std::string& path,
                                                  const std::string& encoding);
  ~Utf8Source();
  Utf8Source(const Utf8Source&) = delete;
  Utf8Source& operator=(const Utf8Source&) = delete;

  // Writes up to `capacity` (>= 16) bytes of UTF-8 to `out`; returns how many, 0 at the end.
  // Bytes that the source encoding cannot decode become U+FFFD. DataLoss on a read error.
  Result<size_t> Read(char* out, size_t capacity);

  // "UTF-8" or the ICU converter's name.
  const std::string& encoding() const { return encoding_; }
  // True when the bytes pass through ICU (so U+FFFD marks bytes it could not decode); false
  // for UTF-8, whose callers validate it themselves.
  bool converted() const { return converter_ != nullptr; }
  int64_t bytes_read() const { return bytes_read_; }
  int64_t bytes_total() const { return bytes_total_; }

 private:
  explicit Utf8Source(int fd) : fd_(fd) {}
  Status Detect(const std::string& encoding);
  Result<size_t> ReadRaw(char* out, size_t capacity);
  Result<size_t> ReadConverted(char* out, size_t capacity);

  // Constant after Open.
  int fd_ = -1;
  std::string path_;
  std::string encoding_ = "UTF-8";
  UConverter* converter_ = nullptr;       // source encoding, or null for UTF-8
  UConverter* utf8_converter_ = nullptr;  // target of the conversion
  int64_t bytes_total_ = 0;

  // Raw bytes read but not yet handed out (the detection block, then conversion blocks).
  std::string raw_;
  size_t raw_pos_ = 0;
  bool eof_ = false;
  bool flushed_ = false;
  int64_t bytes_read_ = 0;
  // ICU's pivot buffer (UTF-16) between the two converters, kept across calls.
  std::unique_ptr<char16_t[]> pivot_;
  char16_t* pivot_source_ = nullptr;
  char16_t* pivot_target_ = nullptr;
  bool reset_ = true;
};

}  // namespace tafkik::readers::internal
