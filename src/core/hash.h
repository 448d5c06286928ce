// SHA-256 (libsodium) and hex encoding. Sha256Hasher is not thread-safe; functions are.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);  // 64 lowercase hex digits
std::string ToHex(const uint8_t* data, size_t size);
// Decodes lowercase or uppercase hex; InvalidArgument on odd length or a non-hex digit.
Result<std::string> FromHex(std::string_view hex);

// Incremental hashing for files and streams.
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;

  void Update(std::string_view data);
  Sha256Digest Finish();  // REQUIRES: called once

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Hashes a whole file, streaming. NotFound when missing, PermissionDenied when unreadable,
// InvalidArgument for a directory, Unavailable on other I/O errors; the path is in the message.
Result<std::string> Sha256FileHex(const std::string& path);

}  // namespace tafkik
