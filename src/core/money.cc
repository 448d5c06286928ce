#include "core/money.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace tafkik {

namespace {

// ISO 4217 list one as published in 2025: every current currency and fund code with its minor
// unit. Precious metals, SDR and test codes have no minor unit and are not money here; HRK
// (replaced by EUR in 2023) is gone. Sorted by code for binary search.
constexpr CurrencyInfo kCurrencies[] = {
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2},
    {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0},
    {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BOV", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2},
    {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHE", 2}, {"CHF", 2}, {"CHW", 2}, {"CLF", 4},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"COU", 2}, {"CRC", 2}, {"CUC", 2}, {"CUP", 2}, {"CVE", 2},
    {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2},
    {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2},
    {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 2},
    {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0},
    {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2},
    {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2},
    {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2},
    {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2},
    {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2},
    {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2},
    {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2},
    {"SLE", 2}, {"SLL", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2},
    {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2},
    {"UYW", 4}, {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0},
    {"XCD", 2}, {"XCG", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2},
    {"ZWL", 2},
};

constexpr bool CodeLess(const CurrencyInfo& a, const CurrencyInfo& b) { return a.code < b.code; }
static_assert(std::is_sorted(std::begin(kCurrencies), std::end(kCurrencies), CodeLess),
              "kCurrencies must stay sorted for binary search");

constexpr int64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000};

Status BadAmount(std::string_view amount, std::string_view currency, std::string_view why) {
  return InvalidArgumentError("invalid amount \"" + std::string(amount) + "\" " +
                              std::string(currency) + ": " + std::string(why));
}

bool IsDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Appends decimal digits to `value`; false when it overflows. REQUIRES: IsDigits(digits).
bool AccumulateDigits(std::string_view digits, int64_t* value) {
  for (char c : digits) {
    if (__builtin_mul_overflow(*value, 10, value) ||
        __builtin_add_overflow(*value, c - '0', value)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<CurrencyInfo> FindCurrency(std::string_view code) {
  const CurrencyInfo* end = std::end(kCurrencies);
  const CurrencyInfo* it =
      std::lower_bound(std::begin(kCurrencies), end, CurrencyInfo{code, 0}, CodeLess);
  if (it == end || it->code != code) return std::nullopt;
  return *it;
}

Result<Money> ParseMoney(std::string_view amount, std::string_view currency) {
  std::optional<CurrencyInfo> info = FindCurrency(currency);
  if (!info) return BadAmount(amount, currency, "unknown ISO 4217 currency");
  std::string_view digits = amount;
  bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.remove_prefix(1);
  size_t separator = digits.find('.');
  std::string_view whole = digits.substr(0, separator);
  std::string_view fraction =
      separator == std::string_view::npos ? std::string_view() : digits.substr(separator + 1);
  bool has_separator = separator != std::string_view::npos;
  if (whole.empty() || (has_separator && fraction.empty()) || !IsDigits(whole) ||
      !IsDigits(fraction)) {
    return BadAmount(amount, currency, "expected digits with an optional decimal part");
  }
  if (fraction.size() > static_cast<size_t>(info->minor_digits)) {
    return BadAmount(
        amount, currency,
        "more decimal places than the currency's " + std::to_string(info->minor_digits));
  }
  // Scaling by 10 per missing fractional digit turns "12.5" into minor units 1250 (MAD).
  int64_t minor = 0;
  if (!AccumulateDigits(whole, &minor) || !AccumulateDigits(fraction, &minor) ||
      __builtin_mul_overflow(minor, kPowersOfTen[info->minor_digits - fraction.size()], &minor)) {
    return BadAmount(amount, currency, "too large for 64-bit minor units");
  }
  return Money{negative ? -minor : minor, std::string(currency)};
}

std::string FormatAmount(const Money& money) {
  std::optional<CurrencyInfo> info = FindCurrency(money.currency);
  int minor_digits = info ? info->minor_digits : 2;
  // Unsigned magnitude so that INT64_MIN formats instead of overflowing on negation.
  uint64_t magnitude =
      money.minor < 0 ? 0 - static_cast<uint64_t>(money.minor) : static_cast<uint64_t>(money.minor);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= static_cast<size_t>(minor_digits)) {
    digits.insert(0, minor_digits + 1 - digits.size(), '0');
  }
  if (minor_digits > 0) digits.insert(digits.size() - minor_digits, 1, '.');
  return money.minor < 0 ? "-" + digits : digits;
}

}  // namespace tafkik
