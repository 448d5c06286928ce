#include "readers/excel_dates.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace tafkik::readers {
namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;
constexpr double kMaxSerial1900 = 2958466.0;  // 10000-01-01, exclusive
constexpr int64_t kUnixEpochSerial1900 = 25569;  // 1970-01-01 in the 1900 system
constexpr int64_t kEpoch1904Serial1900 = 1462;   // 1904-01-01 in the 1900 system

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void CivilFromDays(int64_t days, int& year, int& month, int& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

// Format codes are sections separated by ';'; text in quotes, after '\' or '_' / '*' (one
// character each), and inside [...] (colours, conditions, locales) shows no date part,
// except the elapsed-time brackets [h] [m] [s].
DateFormatKind ClassifyCode(std::string_view code) {
  DateFormatKind kind;
  bool month_or_minute_seen = false;
  for (size_t pos = 0; pos < code.size(); ++pos) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[pos])));
    if (c == '"') {
      const size_t close = code.find('"', pos + 1);
      if (close == std::string_view::npos) break;
      pos = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++pos;
    } else if (c == '[') {
      const size_t close = code.find(']', pos + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(pos + 1, close - pos - 1);
      if (!inside.empty() && std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos &&
          inside.find_first_not_of(inside[0]) == std::string_view::npos) {
        kind.time = true;
      }
      pos = close;
    } else if (c == 'd' || c == 'y') {
      kind.date = true;
    } else if (c == 'h' || c == 's') {
      kind.time = true;
    } else if (c == 'm') {
      month_or_minute_seen = true;
    }
  }
  // 'm' alone is a month; next to h or s it is minutes.
  if (month_or_minute_seen && !kind.time) kind.date = true;
  return kind;
}

}  // namespace

Result<Timestamp> ExcelSerialToTimestamp(double serial, bool date1904) {
  if (std::isnan(serial) || serial < 0) {
    return InvalidArgumentError("Excel date serial " + std::to_string(serial) +
                                " is negative or not a number");
  }
  double serial1900 = date1904 ? serial + kEpoch1904Serial1900 : serial;
  if (serial1900 >= kMaxSerial1900) {
    return InvalidArgumentError("Excel date serial " + std::to_string(serial) +
                                " is past 9999-12-31");
  }
  if (!date1904) {
    if (serial >= 60 && serial < 61) {
      return InvalidArgumentError(
          "Excel date serial 60 is 1900-02-29, a day that does not exist (Lotus 1-2-3's "
          "leap-year bug)");
    }
    if (serial < 60) serial1900 += 1;  // Excel counts the phantom 1900-02-29
  }
  const double millis_since_unix =
      std::round((serial1900 - static_cast<double>(kUnixEpochSerial1900)) * 86'400'000.0);
  return Timestamp::FromMicros(static_cast<int64_t>(millis_since_unix) * 1000);
}

DateFormatKind ClassifyNumberFormat(int format_id, std::string_view format_code) {
  if (format_id >= 14 && format_id <= 17) return {.date = true, .time = false};
  if ((format_id >= 18 && format_id <= 21) || (format_id >= 45 && format_id <= 47)) {
    return {.date = false, .time = true};
  }
  if (format_id == 22) return {.date = true, .time = true};
  if (format_id < 164) return {};  // other built-ins: numbers, currency, text
  return ClassifyCode(format_code);
}

Result<std::string> FormatExcelSerial(double serial, bool date1904, DateFormatKind kind) {
  char text[48];
  if (kind.time && !kind.date) {
    if (std::isnan(serial) || serial < 0 || serial >= kMaxSerial1900) {
      return InvalidArgumentError("Excel time " + std::to_string(serial) + " is out of range");
    }
    const int64_t seconds = std::llround(serial * 86400.0);
    std::snprintf(text, sizeof text, "%02lld:%02d:%02d", static_cast<long long>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return std::string(text);
  }
  TAFKIK_ASSIGN_OR_RETURN(Timestamp t, ExcelSerialToTimestamp(serial, date1904));
  const int64_t micros = t.micros();
  int64_t seconds = micros / 1'000'000 - (micros % 1'000'000 < 0 ? 1 : 0);
  if (micros - seconds * 1'000'000 >= 500'000) ++seconds;
  int64_t days = seconds / 86400;
  int64_t second_of_day = seconds % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    --days;
  }
  int year, month, day;
  CivilFromDays(days, year, month, day);
  if (second_of_day == 0) {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                  static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
                  static_cast<int>(second_of_day % 60));
  }
  return std::string(text);
}

}  // namespace tafkik::readers
