// A content-addressed store of evidence files over a workspace's blobs/ folder: each file is
// kept once, named by the SHA-256 of its bytes, at blobs/ab/cdef... (the first two hex digits
// name a fan-out folder, the other 62 the file). Writes are crash-safe: bytes go to a
// temporary file in blobs/, which is fsynced, made read-only, renamed into place, and the
// folder fsynced — so a stored name always holds complete bytes. Stored files are never
// overwritten or repaired. Thread-compatible; several processes may Put the same content.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "core/status.h"

namespace tafkik::store {

class BlobStore {
 public:
  // Reads up to `capacity` bytes into `buffer`; returns how many (0 at the end of the stream)
  // or an error, which PutStream returns unchanged.
  using Reader = std::function<Result<size_t>(char* buffer, size_t capacity)>;

  // A store over `blobs_dir` (usually PathsOf(root).blobs), created with mode 0700 when
  // missing. Unavailable naming the folder when it cannot be created.
  static Result<BlobStore> Open(const std::string& blobs_dir);

  // Copies the file at `path` into the store, streaming (never whole in memory), and returns
  // its SHA-256 hex. Idempotent: content already stored is not written again and gives the
  // same hash. NotFound / PermissionDenied naming `path` when it cannot be read; Unavailable
  // on write or sync errors (nothing is left behind in blobs/).
  Result<std::string> PutFile(const std::string& path);

  // As PutFile, with the bytes pulled from `reader` until it returns 0. An error from the
  // reader is returned and nothing is stored.
  Result<std::string> PutStream(const Reader& reader);

  // Re-hashes the stored file. OK when its bytes still hash to `sha256`; DataLoss naming both
  // hashes when they do not (a changed file is reported, never repaired); NotFound when no
  // such blob is stored; InvalidArgument when `sha256` is not 64 hex digits.
  Status Verify(const std::string& sha256) const;

  // The path of the stored file (whether or not it exists: see Contains). InvalidArgument
  // when `sha256` is not 64 hex digits; upper-case digits are accepted and lowered.
  Result<std::string> PathOf(const std::string& sha256) const;

  // True when a blob with this hash is stored.
  bool Contains(const std::string& sha256) const;

  const std::string& root() const { return root_; }

 private:
  explicit BlobStore(std::string root) : root_(std::move(root)) {}

  // Constant after construction.
  std::string root_;
};

}  // namespace tafkik::store
