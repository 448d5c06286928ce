// UTF-8 validation for the readers. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace tafkik::readers::internal {

// The length of the longest prefix of `text` that is well-formed UTF-8 (no overlongs, no
// surrogates, nothing past U+10FFFF). Equals text.size() when all of it is well-formed.
size_t ValidUtf8Prefix(std::string_view text);

inline bool IsAscii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

}  // namespace tafkik::readers::internal
