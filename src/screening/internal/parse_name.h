// Parsing a stable enum name against its table of names, with a message listing the accepted
// ones. Private to screening/.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik::screening::internal {

// The enumerator whose name is `name` (enumerators numbered 0..N-1 in table order), or
// InvalidArgument "unknown <what> '<name>' (accepted: a, b, c)".
template <typename Enum, size_t N>
Result<Enum> ParseName(std::string_view what, std::string_view name,
                       const std::array<std::string_view, N>& names) {
  for (size_t index = 0; index < N; ++index) {
    if (names[index] == name) return static_cast<Enum>(index);
  }
  std::string accepted;
  for (std::string_view known : names) {
    accepted += (accepted.empty() ? "" : ", ") + std::string(known);
  }
  return InvalidArgumentError("unknown " + std::string(what) + " '" + std::string(name) +
                              "' (accepted: " + accepted + ")");
}

}  // namespace tafkik::screening::internal
