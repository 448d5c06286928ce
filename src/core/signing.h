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
  // Reads a key written by Save. NotFound when missing; DataLoss when malformed;
  // PermissionDenied when the file is readable by group or others.
  static Result<SigningKey> Load(const std::string& path);

  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  SigningKey(SigningKey&& other) noexcept;
  SigningKey& operator=(SigningKey&& other) noexcept;
  ~SigningKey();

  // Writes the secret key to `path` with mode 0600 (fails with AlreadyExists if present).
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
