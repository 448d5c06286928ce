// Ed25519 signing keys (libsodium). A SigningKey owns its secret; it is zeroed on destruction
// and never printed or logged. Thread-safe after construction.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik {

class SigningKey {
 public:
  static SigningKey Generate();
  // Reads a key written by Save. NotFound when missing; DataLoss when malformed (wrong
  // length, not hex, a secret whose halves do not match, not a regular file);
  // PermissionDenied when the file grants any access to group or others (a readable key
  // may have been copied, a writable one replaced) or when this process may not open it;
  // Unavailable on other I/O errors.
  static Result<SigningKey> Load(const std::string& path);

  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  SigningKey(SigningKey&& other) noexcept;
  SigningKey& operator=(SigningKey&& other) noexcept;
  ~SigningKey();

  // Writes the secret key to `path` as 128 hex digits and a newline, mode 0600, synced to
  // disk. AlreadyExists if the file is present (a key is never overwritten); NotFound when
  // the directory is missing; PermissionDenied or Unavailable on other failures.
  Status Save(const std::string& path) const;

  std::string PublicKeyHex() const;          // 64 hex digits
  std::string SignHex(std::string_view message) const;  // 128 hex digits

 private:
  SigningKey();
  std::string secret_;  // 64 bytes (libsodium's seed + public key)
};

// True when `signature_hex` is a valid Ed25519 signature of `message` by `public_key_hex`.
bool VerifySignatureHex(std::string_view public_key_hex, std::string_view message,
                        std::string_view signature_hex);

}  // namespace tafkik
