#include "access/password.h"

#include <sodium.h>

namespace tafkik::access {
namespace {

constexpr size_t kMinimumLength = 12;
constexpr size_t kMaximumLength = 1024;

// OWASP's Argon2id floor is m=19 MiB, t=2; libsodium's "interactive" level is m=64 MiB, t=2.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < kMinimumLength) {
    return InvalidArgumentError("password too short: at least 12 characters");
  }
  if (password.size() > kMaximumLength) {
    return InvalidArgumentError("password too long: at most 1024 bytes");
  }
  if (!SodiumReady()) return InternalError("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return InternalError("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& stored) {
  if (!SodiumReady() || password.size() > kMaximumLength) return false;
  if (stored.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string decoy = [] {
    Result<std::string> hash = HashPassword("decoy password that no user has");
    return hash.ok() ? *hash : std::string();
  }();
  return decoy;
}

}  // namespace tafkik::access
