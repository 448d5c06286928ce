#include "access/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

namespace tafkik::access {
namespace {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;
constexpr size_t kWindow = 1;

bool OathReady() {
  static const bool ready = oath_init() == OATH_OK && sodium_init() >= 0;
  return ready;
}

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

Result<std::string> DecodeSecret(const std::string& secret_base32) {
  char* raw = nullptr;
  size_t raw_length = 0;
  if (!OathReady() || oath_base32_decode(secret_base32.data(), secret_base32.size(), &raw,
                                         &raw_length) != OATH_OK) {
    return InvalidArgumentError("TOTP secret is not base32");
  }
  std::unique_ptr<char, FreeDeleter> owned(raw);
  return std::string(raw, raw_length);
}

}  // namespace

Result<std::string> NewTotpSecret() {
  if (!OathReady()) return InternalError("liboath could not be initialised");
  char secret[20];
  randombytes_buf(secret, sizeof secret);
  char* encoded = nullptr;
  size_t encoded_length = 0;
  if (oath_base32_encode(secret, sizeof secret, &encoded, &encoded_length) != OATH_OK) {
    return InternalError("base32 encoding failed");
  }
  std::unique_ptr<char, FreeDeleter> owned(encoded);
  return std::string(encoded, encoded_length);
}

bool VerifyTotp(const std::string& secret_base32, const std::string& code, Timestamp now) {
  if (code.size() != kDigits) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  Result<std::string> secret = DecodeSecret(secret_base32);
  if (!secret.ok() || secret->empty()) return false;
  return oath_totp_validate(secret->data(), secret->size(), now.seconds(), kStepSeconds, 0,
                            kWindow, code.c_str()) >= 0;
}

Result<std::string> TotpCode(const std::string& secret_base32, Timestamp now) {
  TAFKIK_ASSIGN_OR_RETURN(std::string secret, DecodeSecret(secret_base32));
  char code[kDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), now.seconds(), kStepSeconds, 0, kDigits,
                         code) != OATH_OK) {
    return InternalError("TOTP generation failed");
  }
  return std::string(code);
}

}  // namespace tafkik::access
