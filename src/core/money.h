// Money as integer minor units plus an ISO 4217 currency: no floating point anywhere.
// Value type; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik {

struct CurrencyInfo {
  std::string_view code;   // "MAD"
  int minor_digits;        // 2 for MAD/EGP/EUR/USD, 3 for LYD/TND, 0 for JPY
};

// Looks up an ISO 4217 alphabetic code (upper case). nullopt when unknown.
std::optional<CurrencyInfo> FindCurrency(std::string_view code);

struct Money {
  int64_t minor = 0;      // amount in minor units (centimes, millimes, piastres)
  std::string currency;   // ISO 4217 code

  bool operator==(const Money&) const = default;
};

// Parses a decimal amount in `currency`: "1234", "1234.5", "1234.50", "-12.345" (LYD).
// Accepts '.' as the decimal separator and no grouping: stored amounts are normalised (a
// comma is ambiguous: "1,500" LYD is 1500 to one clerk and 1.5 to another). InvalidArgument when the
// text is not a number, has more fractional digits than the currency allows, overflows,
// or the currency is unknown.
Result<Money> ParseMoney(std::string_view amount, std::string_view currency);

// "1234.50" for {123450, "MAD"}; "12.345" for {12345, "LYD"}; "-0.05" for {-5, "EUR"}.
// An unknown currency is formatted with 2 decimals, the most common minor unit.
std::string FormatAmount(const Money& money);

}  // namespace tafkik
