// Normalisers for values read from operator, bank and money-transfer files: phone numbers to
// E.164, IMEI (Luhn), IBAN (mod 97), decimal numbers with a decimal comma, countries, Eastern
// Arabic digits, and local times to UTC through the system time zone database. The free
// functions are thread-safe; PhoneCache and LocalTimeConverter are not (one per import).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "core/time.h"

namespace tafkik::ingest {

// Trims ASCII spaces, tabs, CR/LF and no-break spaces at both ends.
std::string_view TrimValue(std::string_view text);

// Replaces Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits with ASCII digits, the
// Arabic decimal separator (٫) with '.', and drops the Arabic thousands separator (٬).
// Returns true when it changed anything. Cheap when the text is ASCII.
bool AsciiDigitsInPlace(std::string& text);

// The Luhn check digit of 14 digits.
char LuhnCheckDigit(std::string_view fourteen_digits);

// 15 IMEI digits whose last is the Luhn check digit. Separators are dropped. A 15-digit value
// whose 15th digit is wrong (operators often write a spare 0) and a 14-digit value get the
// digit recomputed from the first 14; a 16-digit IMEISV keeps its first 14 plus the check
// digit. InvalidArgument for anything else.
Result<std::string> NormalizeImei(std::string_view raw);

// Upper case without spaces, checked with ISO 13616 mod 97. InvalidArgument naming the value.
Result<std::string> NormalizeIban(std::string_view raw);

// A decimal with '.' as separator: "1 234,50" -> "1234.50", "1.234,5" -> "1234.5",
// "1,234.50" -> "1234.50", "-12" -> "-12", "12,5" -> "12.5". When both '.' and ',' appear the
// last one is the decimal separator; a separator that appears more than once groups
// thousands. Spaces, no-break spaces and apostrophes group too. InvalidArgument otherwise.
Result<std::string> NormalizeNumber(std::string_view raw);

// Seconds as a decimal integer from "hh:mm:ss", "h:mm:ss", "mm:ss" or a plain number
// ("125", "125.0"). InvalidArgument naming the value otherwise.
Result<std::string> NormalizeDuration(std::string_view raw);

// ISO 3166-1 alpha-2 in lower case from alpha-2, alpha-3 or an English, French or Arabic
// name of the countries of the region's routes. InvalidArgument otherwise.
Result<std::string> NormalizeCountry(std::string_view raw);

// Reads a date or date-time written in `format` (strftime-like: %Y %y %m %d %H %M %S %f and
// literal characters; "" reads ISO 8601 "YYYY-MM-DD[ T]HH:MM[:SS]" or "YYYY-MM-DD") into
// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS[.ffffff]". `has_time` tells which.
// InvalidArgument naming the value and the format.
Result<std::string> ParseLocalDateTime(std::string_view raw, std::string_view format,
                                       bool& has_time);

// Phone normalisation with a cache of raw text -> E.164 (call records repeat numbers
// millions of times; a libphonenumber parse costs tens of microseconds). Failures are cached
// too, as their message. Bounded: the cache is cleared when it reaches `max_entries`.
class PhoneCache {
 public:
  explicit PhoneCache(size_t max_entries = 1 << 20) : max_entries_(max_entries) {}
  Result<std::string> Normalize(std::string_view raw, std::string_view region);

 private:
  size_t max_entries_;
  std::unordered_map<std::string, Result<std::string>> cache_;  // key: region + '\x1f' + raw
  std::string key_;
};

// Local wall-clock times of one zone to UTC. Caches the offset of each local hour whose two
// ends have the same offset, so that only hours around a DST change pay for a full
// conversion (LocalToUtc, through tzdata: Egypt's return of DST in 2023 included).
class LocalTimeConverter {
 public:
  explicit LocalTimeConverter(std::string zone) : zone_(std::move(zone)) {}
  // `local` as produced by ParseLocalDateTime with a time. NotFound for an unknown zone,
  // InvalidArgument for a time the DST change skipped.
  Result<Timestamp> ToUtc(std::string_view local);
  const std::string& zone() const { return zone_; }

 private:
  struct Slot {
    int64_t hour_key = -1;    // local days since epoch * 24 + hour
    int64_t offset_us = 0;    // UTC - local, in microseconds
  };
  std::string zone_;
  std::array<Slot, 4096> slots_{};
};

}  // namespace tafkik::ingest
