// Relation values packed into one blob per relation: a call record's duration, type and cells
// are written as one row instead of one row (and index entry) each, which is what makes
// importing millions of call records affordable. Every value still carries its own
// provenance (interned source id and row). Format: repeated varints
// [property id][source id][row + 1][byte length] followed by the value's UTF-8 bytes.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tafkik::store::sqlite {

struct PackedValue {
  int64_t property = 0;  // properties.id
  int64_t source = 0;    // sources.id
  int64_t row = -1;      // -1 when not from a file row
  std::string value;

  auto operator<=>(const PackedValue&) const = default;
};

std::string PackValues(const std::vector<PackedValue>& values);
// DataLoss when the blob is truncated or malformed.
Result<std::vector<PackedValue>> UnpackValues(std::string_view blob);

// Adds to `into` the values of `more` it does not hold yet; true when anything was added.
bool MergeValues(std::vector<PackedValue>& into, const std::vector<PackedValue>& more);

}  // namespace tafkik::store::sqlite
