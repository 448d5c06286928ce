// Strong id types: an EntityId cannot be passed where a CaseId is expected.
// Entity ids are FollowTheMoney-style strings (40 lowercase hex digits when derived from
// mapping keys; see MakeEntityId); case ids and audit indexes are integers.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace tafkik {

template <typename Tag, typename Rep>
class StrongId {
 public:
  StrongId() = default;
  explicit StrongId(Rep value) : value_(std::move(value)) {}
  const Rep& value() const { return value_; }
  auto operator<=>(const StrongId&) const = default;

 private:
  Rep value_{};
};

struct EntityIdTag {};
struct CaseIdTag {};
struct AuditIndexTag {};
using EntityId = StrongId<EntityIdTag, std::string>;
using CaseId = StrongId<CaseIdTag, int64_t>;
using AuditIndex = StrongId<AuditIndexTag, int64_t>;

// A stable id from a namespace (usually the dataset name) and key values: the first 40 hex
// digits of SHA-256(namespace \x1f key1 \x1f key2 ...). Re-importing the same keys gives the
// same id, so re-imports merge. REQUIRES: at least one non-empty key.
EntityId MakeEntityId(std::string_view ns, std::initializer_list<std::string_view> keys);

// True for ids this store accepts: 1 to 64 characters of [a-z0-9._-], starting alphanumeric.
bool IsValidEntityId(std::string_view id);

}  // namespace tafkik

template <typename Tag, typename Rep>
struct std::hash<tafkik::StrongId<Tag, Rep>> {
  size_t operator()(const tafkik::StrongId<Tag, Rep>& id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};
