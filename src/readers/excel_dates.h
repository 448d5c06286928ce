// Excel's serial dates: days since an epoch, with the fraction as the time of day, in the
// 1900 system (with Lotus's leap-year bug) or the 1904 system (old Mac workbooks). And the
// test, from a cell's number format, of whether a number is shown as a date or a time.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace tafkik::readers {

// The instant (as UTC: Excel serials have no zone) that `serial` denotes, rounded to the
// millisecond. 1900 system: serial 1 is 1900-01-01, serial 60 is the nonexistent 1900-02-29
// (InvalidArgument), serials below 60 are one day off from the naive count and are shifted,
// serial 61 is 1900-03-01; 0 is Excel's "1900-01-00", taken as 1899-12-31. 1904 system: serial
// 0 is 1904-01-01. Negative serials, NaN and serials past 9999-12-31 are InvalidArgument.
Result<Timestamp> ExcelSerialToTimestamp(double serial, bool date1904);

// What a number format shows, from its id and (for custom ids >= 164) its format code.
struct DateFormatKind {
  bool date = false;  // shows a day, month or year
  bool time = false;  // shows hours, minutes or seconds
  bool is_date_or_time() const { return date || time; }
};
// Built-in ids 14-17 are dates, 18-21 and 45-47 times, 22 date and time; a custom format is a
// date or a time when it has d, m, y, h or s outside quotes, brackets-with-colours and
// escapes ("[h]:mm:ss" elapsed time counts as a time; "[Red]0.00" does not).
DateFormatKind ClassifyNumberFormat(int format_id, std::string_view format_code);

// The ISO 8601 text of a date-formatted cell's `serial`: "2025-07-01" when the value has no
// time of day, "2025-07-01T10:20:30" when it has one (rounded to the second). A format showing
// only a time gives "HH:MM:SS" with hours counted past 24 ("36:00:00"), as for call durations.
// InvalidArgument as for ExcelSerialToTimestamp.
Result<std::string> FormatExcelSerial(double serial, bool date1904, DateFormatKind kind);

}  // namespace tafkik::readers
