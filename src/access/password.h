// Password hashing with Argon2id (libsodium's crypto_pwhash_str, self-describing strings
// "$argon2id$v=19$m=...,t=...,p=1$salt$hash"). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik::access {

// Refuses passwords shorter than 12 characters or longer than 1024 bytes (InvalidArgument);
// Internal when the hash cannot be computed (out of memory).
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `stored` (an Argon2id string); false for a mismatch or a
// malformed stored string. Takes the same time whatever the password.
bool VerifyPassword(std::string_view password, const std::string& stored);

// A stored hash made with fixed parameters, for verifying against when the user is unknown,
// so that a login for an unknown name costs what one for a real name costs.
const std::string& DecoyPasswordHash();

}  // namespace tafkik::access
