// A dated table of exchange rates into one reporting currency, supplied by the user (no
// network look-ups). Rates are exact decimals held as integers (12 fractional digits); a
// conversion is integer arithmetic rounded half away from zero, so the same table and the
// same payment always give the same figure. Value type; const methods are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::finance {

class RatesTable {
 public:
  // Rates convert into `reporting_currency` (ISO 4217, "EUR" by default). A rate older than
  // `max_age_days` (default 7) before a payment is not used for it.
  explicit RatesTable(std::string reporting_currency = "EUR", int max_age_days = 7);

  // Parses CSV with the header `date,currency,reporting,rate` (lines starting with '#' and
  // blank lines are skipped): `rate` is how many units of `reporting` one unit of `currency`
  // was worth on `date` (YYYY-MM-DD). InvalidArgument naming `origin`, the line and the field
  // for a bad date, an unknown currency, a rate that is not a positive decimal, a reporting
  // currency that differs from the first row's, or the same (date, currency) twice.
  static Result<RatesTable> ParseCsv(std::string_view text, std::string_view origin,
                                     int max_age_days = 7);

  // Adds a rate; `rate` is a positive decimal ("0.0921"). InvalidArgument as for ParseCsv.
  Status Add(std::string_view date, std::string_view currency, std::string_view rate);

  // `money` in the reporting currency at `at`: the same amount when it is already in that
  // currency; else the rate of the latest date on or before `at` (by UTC day). NotFound naming
  // the currency and the day when there is none, or when the latest is older than
  // max_age_days (the message gives its date).
  Result<int64_t> Convert(const Money& money, Timestamp at) const;

  const std::string& reporting_currency() const { return reporting_currency_; }
  int reporting_digits() const { return reporting_digits_; }
  size_t size() const;

 private:
  // Constant after construction.
  std::string reporting_currency_;
  int reporting_digits_ = 2;
  int max_age_days_ = 7;
  // currency -> day number (days since 1970-01-01) -> rate * 10^12.
  std::map<std::string, std::map<int64_t, int64_t>, std::less<>> rates_;
};

// Parses a positive decimal ("0.0921", "11") into value * 10^12. InvalidArgument otherwise.
Result<int64_t> ParseRate(std::string_view text);

}  // namespace tafkik::finance
