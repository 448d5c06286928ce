// JSON values (nlohmann::json) and their canonical form for hashing: keys sorted by code
// point, no insignificant whitespace, UTF-8 unescaped except what JSON requires, integers
// only (a floating-point number anywhere is rejected: hashes must not depend on formatting).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace tafkik {

using Json = nlohmann::json;

// The canonical text of `value`. InvalidArgument if it contains a floating-point number or
// a string that is not valid UTF-8.
Result<std::string> CanonicalJson(const Json& value);

// SHA-256 hex of CanonicalJson(value).
Result<std::string> CanonicalJsonSha256(const Json& value);

// Parses JSON text; InvalidArgument with the byte offset of the error.
Result<Json> ParseJson(std::string_view text);

}  // namespace tafkik
