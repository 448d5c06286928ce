// JSON values (nlohmann::json) and their canonical form for hashing: keys sorted by code
// point, no insignificant whitespace, UTF-8 unescaped except what JSON requires, integers
// only (a floating-point number anywhere is rejected: hashes must not depend on formatting).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace tafkik {

using Json = nlohmann::json;

// Deepest nesting of arrays and objects accepted by ParseJson and CanonicalJson: deeper
// input from outside would otherwise exhaust the stack of recursive walks.
inline constexpr int kMaxJsonDepth = 512;

// The canonical text of `value`. InvalidArgument if it contains a floating-point number,
// a string or key that is not valid UTF-8, a binary value, or nesting deeper than
// kMaxJsonDepth; the message names the place as a JSON Pointer ("/a/0/b").
Result<std::string> CanonicalJson(const Json& value);

// SHA-256 hex of CanonicalJson(value).
Result<std::string> CanonicalJsonSha256(const Json& value);

// Parses JSON text (RFC 8259; floats are kept, duplicate keys keep the last value);
// InvalidArgument with the 0-based byte offset of the error, also for invalid UTF-8 and
// nesting deeper than kMaxJsonDepth.
Result<Json> ParseJson(std::string_view text);

}  // namespace tafkik
