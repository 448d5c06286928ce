// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the
// optional second factor of a login; secrets are base32 as authenticator apps expect them.
// Thread-safe.
#pragma once

#include <string>

#include "core/status.h"
#include "core/time.h"

namespace tafkik::access {

// A new random 160-bit secret, base32 (32 characters).
Result<std::string> NewTotpSecret();

// True when `code` (6 digits) is the code of `secret_base32` at `now`, or of the step just
// before or after (clock drift). False for a malformed secret or code.
bool VerifyTotp(const std::string& secret_base32, const std::string& code, Timestamp now);

// The code at `now` (for tests and for showing the set-up check).
Result<std::string> TotpCode(const std::string& secret_base32, Timestamp now);

}  // namespace tafkik::access
