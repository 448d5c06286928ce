#include "core/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace tafkik {

namespace {

using std::chrono::microseconds;
using std::chrono::seconds;

constexpr int64_t kMicrosPerSecond = 1'000'000;

// A left-to-right reader over the text being parsed; every Read* consumes only on success.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  bool Consume(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Reads exactly `count` ASCII digits as a number.
  bool ReadDigits(int count, int* out) {
    if (text_.size() - pos_ < static_cast<size_t>(count)) return false;
    int value = 0;
    for (int digit_idx = 0; digit_idx < count; ++digit_idx) {
      char c = text_[pos_ + digit_idx];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    *out = value;
    return true;
  }

  // Reads 1 to 9 fractional digits, keeping the first 6 as microseconds.
  bool ReadFraction(int* micros) {
    int digit_count = 0;
    int value = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9' && digit_count < 9) {
      if (digit_count < 6) value = value * 10 + (Peek() - '0');
      ++digit_count;
      ++pos_;
    }
    if (digit_count == 0) return false;
    for (int pad = digit_count; pad < 6; ++pad) value *= 10;
    *micros = value;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct ClockTime {
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  int micros = 0;

  int64_t SecondsOfDay() const { return hours * 3600 + minutes * 60 + seconds; }
};

// "YYYY-MM-DD" with real month lengths (leap years included).
bool ReadDate(Cursor& cursor, date::year_month_day* out) {
  int year, month, day;
  if (!cursor.ReadDigits(4, &year) || !cursor.Consume('-') || !cursor.ReadDigits(2, &month) ||
      !cursor.Consume('-') || !cursor.ReadDigits(2, &day)) {
    return false;
  }
  *out = date::year{year} / date::month{static_cast<unsigned>(month)} /
         date::day{static_cast<unsigned>(day)};
  return out->ok();
}

// "HH:MM[:SS[.fraction]]"; a leap second (:60) is rejected because Timestamp cannot hold it.
bool ReadClock(Cursor& cursor, ClockTime* out) {
  if (!cursor.ReadDigits(2, &out->hours) || !cursor.Consume(':') ||
      !cursor.ReadDigits(2, &out->minutes)) {
    return false;
  }
  if (cursor.Consume(':')) {
    if (!cursor.ReadDigits(2, &out->seconds)) return false;
    if (cursor.Consume('.') && !cursor.ReadFraction(&out->micros)) return false;
  }
  return out->hours < 24 && out->minutes < 60 && out->seconds < 60;
}

// "Z" or "+HH:MM" / "-HH:MM", as seconds east of UTC.
bool ReadZoneSuffix(Cursor& cursor, int* offset_seconds) {
  if (cursor.Consume('Z') || cursor.Consume('z')) {
    *offset_seconds = 0;
    return true;
  }
  int sign = cursor.Consume('+') ? 1 : (cursor.Consume('-') ? -1 : 0);
  int hours, minutes;
  if (sign == 0 || !cursor.ReadDigits(2, &hours) || !cursor.Consume(':') ||
      !cursor.ReadDigits(2, &minutes) || hours > 23 || minutes > 59) {
    return false;
  }
  *offset_seconds = sign * (hours * 3600 + minutes * 60);
  return true;
}

int64_t DaysSinceEpoch(const date::year_month_day& ymd) {
  return date::sys_days(ymd).time_since_epoch().count();
}

int64_t ToMicros(const date::year_month_day& ymd, const ClockTime& clock) {
  int64_t secs = DaysSinceEpoch(ymd) * 86400 + clock.SecondsOfDay();
  return secs * kMicrosPerSecond + clock.micros;
}

Status BadTimestamp(std::string_view text, std::string_view why) {
  return InvalidArgumentError("invalid timestamp \"" + std::string(text) +
                              "\": " + std::string(why));
}

// A wall-clock reading "YYYY-MM-DD[T ]HH:MM[:SS[.f]]" with no zone, as micros of local time.
Result<int64_t> ParseLocalTime(std::string_view text) {
  Cursor cursor(text);
  date::year_month_day ymd;
  ClockTime clock;
  if (!ReadDate(cursor, &ymd)) return BadTimestamp(text, "expected a valid YYYY-MM-DD date");
  if (!cursor.Consume('T') && !cursor.Consume(' ')) {
    return BadTimestamp(text, "expected 'T' or a space between date and time");
  }
  if (!ReadClock(cursor, &clock)) return BadTimestamp(text, "expected a valid HH:MM[:SS] time");
  if (!cursor.AtEnd()) return BadTimestamp(text, "unexpected text after the time");
  return ToMicros(ymd, clock);
}

// Zone lookup never throws past this point: date throws std::runtime_error on unknown names.
Result<const date::time_zone*> FindZone(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return NotFoundError("unknown time zone \"" + std::string(zone) + "\"");
  }
}

}  // namespace

Timestamp Timestamp::Now() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return FromMicros(std::chrono::duration_cast<microseconds>(since_epoch).count());
}

Result<Timestamp> ParseTimestamp(std::string_view text) {
  Cursor cursor(text);
  date::year_month_day ymd;
  if (!ReadDate(cursor, &ymd)) return BadTimestamp(text, "expected a valid YYYY-MM-DD date");
  ClockTime clock;
  int offset_seconds = 0;
  if (!cursor.AtEnd()) {
    if (!cursor.Consume('T') && !cursor.Consume('t')) {
      return BadTimestamp(text, "expected 'T' after the date");
    }
    if (!ReadClock(cursor, &clock)) return BadTimestamp(text, "expected a valid HH:MM:SS time");
    if (!ReadZoneSuffix(cursor, &offset_seconds)) {
      return BadTimestamp(text, "expected 'Z' or a +HH:MM offset (a local time needs a zone)");
    }
    if (!cursor.AtEnd()) return BadTimestamp(text, "unexpected text after the offset");
  }
  return Timestamp::FromMicros(ToMicros(ymd, clock) - offset_seconds * kMicrosPerSecond);
}

std::string FormatTimestamp(Timestamp t) {
  date::sys_time<microseconds> instant{microseconds{t.micros()}};
  auto day = date::floor<date::days>(instant);
  date::year_month_day ymd(day);
  date::hh_mm_ss<microseconds> clock(instant - day);
  char buffer[48];
  int length = std::snprintf(
      buffer, sizeof(buffer), "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
      static_cast<int>(clock.seconds().count()));
  std::string out(buffer, static_cast<size_t>(length));
  if (int64_t micros = clock.subseconds().count(); micros != 0) {
    std::snprintf(buffer, sizeof(buffer), ".%06lld", static_cast<long long>(micros));
    out += buffer;
  }
  out += 'Z';
  return out;
}

Result<Timestamp> LocalToUtc(std::string_view local, std::string_view zone) {
  TAFKIK_ASSIGN_OR_RETURN(const date::time_zone* tz, FindZone(zone));
  TAFKIK_ASSIGN_OR_RETURN(int64_t local_micros, ParseLocalTime(local));
  date::local_time<microseconds> wall{microseconds{local_micros}};
  date::local_info info = tz->get_info(date::floor<seconds>(wall));
  if (info.result == date::local_info::nonexistent) {
    return InvalidArgumentError("local time \"" + std::string(local) + "\" does not exist in " +
                                std::string(zone) + " (skipped by a clock change)");
  }
  // Ambiguous: `first` is the offset before the change. The larger offset gives the earlier
  // instant, which is what a fall-back repeat means by "the first time the clock read this".
  seconds offset = info.first.offset;
  if (info.result == date::local_info::ambiguous) offset = std::max(offset, info.second.offset);
  auto utc_micros = local_micros - std::chrono::duration_cast<microseconds>(offset).count();
  return Timestamp::FromMicros(utc_micros);
}

Result<int> UtcOffsetSeconds(Timestamp t, std::string_view zone) {
  TAFKIK_ASSIGN_OR_RETURN(const date::time_zone* tz, FindZone(zone));
  date::sys_time<microseconds> instant{microseconds{t.micros()}};
  date::sys_info info = tz->get_info(date::floor<seconds>(instant));
  return static_cast<int>(info.offset.count());
}

bool IsValidIsoDate(std::string_view text) {
  Cursor cursor(text);
  int year, month;
  if (!cursor.ReadDigits(4, &year)) return false;
  if (cursor.AtEnd()) return true;
  if (!cursor.Consume('-') || !cursor.ReadDigits(2, &month)) return false;
  if (cursor.AtEnd()) return month >= 1 && month <= 12;
  return ParseTimestamp(text).ok();
}

}  // namespace tafkik
