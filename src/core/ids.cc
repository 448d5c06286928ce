#include "core/ids.h"

#include <algorithm>

#include "core/hash.h"
#include "core/status.h"

namespace tafkik {

namespace {

// The unit separator cannot occur in a printable key, so ("ab", "c") and ("a", "bc") differ.
constexpr char kKeySeparator = '\x1f';
constexpr size_t kDerivedIdLength = 40;
constexpr size_t kMaxEntityIdLength = 64;

bool IsIdAlphanumeric(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

EntityId MakeEntityId(std::string_view ns, std::initializer_list<std::string_view> keys) {
  bool has_key =
      std::any_of(keys.begin(), keys.end(), [](std::string_view key) { return !key.empty(); });
  // Without a key every row of the dataset would collapse into one entity.
  TAFKIK_CHECK(has_key, "MakeEntityId needs at least one non-empty key");
  std::string material(ns);
  for (std::string_view key : keys) {
    material += kKeySeparator;
    material += key;
  }
  return EntityId(Sha256Hex(material).substr(0, kDerivedIdLength));
}

bool IsValidEntityId(std::string_view id) {
  if (id.empty() || id.size() > kMaxEntityIdLength) return false;
  if (!IsIdAlphanumeric(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return IsIdAlphanumeric(c) || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace tafkik
