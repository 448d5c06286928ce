// UTC timestamps and conversion of local times through the system time zone database
// (tzdata via date/tz.h, never ICU's zone data, which is older and gets Egypt 2023 wrong).
// Timestamp is a value type; all functions are thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik {

// Microseconds since 1970-01-01T00:00:00Z.
class Timestamp {
 public:
  Timestamp() = default;
  static Timestamp FromMicros(int64_t micros) { return Timestamp(micros); }
  static Timestamp FromSeconds(int64_t seconds) { return Timestamp(seconds * 1'000'000); }
  static Timestamp Now();

  int64_t micros() const { return micros_; }
  int64_t seconds() const { return micros_ / 1'000'000; }
  auto operator<=>(const Timestamp&) const = default;

 private:
  explicit Timestamp(int64_t micros) : micros_(micros) {}
  int64_t micros_ = 0;
};

// Parses an ISO 8601 UTC instant: "2025-07-01T10:20:30Z", "...30.123456Z", "...+02:00"
// (offset applied), or a date "2025-07-01" (midnight UTC). Seconds may be omitted
// ("2025-07-01T10:20Z"); 1 to 9 fractional digits are read and those past the sixth are
// truncated. A time without 'Z' or an offset is InvalidArgument (use LocalToUtc), as are
// impossible dates, hours past 23 and leap seconds.
Result<Timestamp> ParseTimestamp(std::string_view text);

// "2025-07-01T10:20:30Z", with ".ffffff" only when the microseconds are not zero.
// Round-trips through ParseTimestamp for years 0000 to 9999.
std::string FormatTimestamp(Timestamp t);

// Converts a wall-clock time in `zone` (an IANA name such as "Africa/Cairo") to UTC.
// `local` is "YYYY-MM-DD HH:MM[:SS[.ffffff]]" or the same with 'T'. A time that does not exist
// (skipped by a DST change) is InvalidArgument; an ambiguous one (repeated) takes the earlier
// instant. NotFound when the zone is unknown.
Result<Timestamp> LocalToUtc(std::string_view local, std::string_view zone);

// The UTC offset of `zone` at `t`, in seconds east of Greenwich.
Result<int> UtcOffsetSeconds(Timestamp t, std::string_view zone);

// True for ISO 8601 dates of FtM precision: "YYYY", "YYYY-MM", "YYYY-MM-DD", or a full
// timestamp accepted by ParseTimestamp. Validates month and day ranges (and leap years).
bool IsValidIsoDate(std::string_view text);

}  // namespace tafkik
