// Stable names of the module's enums: one table of (value, name) pairs per enum. Private.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace tafkik::casefile::internal {

template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

// InvalidArgument "<what> '<name>' is not one of: a, b, c" when `name` is not in `names`.
template <typename Enum, size_t N>
Result<Enum> ParseName(const NameTable<Enum, N>& names, std::string_view name,
                       std::string_view what) {
  std::string accepted;
  for (const auto& [value, text] : names) {
    if (text == name) return value;
    accepted += accepted.empty() ? "" : ", ";
    accepted += text;
  }
  return InvalidArgumentError(std::string(what) + " '" + std::string(name) +
                              "' is not one of: " + accepted);
}

template <typename Enum, size_t N>
std::string_view NameOf(const NameTable<Enum, N>& names, Enum value) {
  for (const auto& [candidate, text] : names) {
    if (candidate == value) return text;
  }
  return names[0].second;
}

}  // namespace tafkik::casefile::internal
