// Reading fields of stored record bodies back: a body written by this module that lacks a
// field, or holds the wrong type, is DataLoss naming the record and the field. Private.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::casefile::internal {

// "" when absent; DataLoss when present but not a string.
Result<std::string> OptionalString(const Json& body, const char* field);
// DataLoss when absent, empty or not a string.
Result<std::string> RequiredString(const Json& body, const char* field);
// An array of strings; empty when absent; DataLoss when anything else.
Result<std::vector<std::string>> StringList(const Json& body, const char* field);
// An ISO 8601 time string (core/time.h); DataLoss when absent or malformed.
Result<Timestamp> RequiredTime(const Json& body, const char* field);
Json StringArray(const std::vector<std::string>& values);

}  // namespace tafkik::casefile::internal
