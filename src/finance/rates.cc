#include "finance/rates.h"

#include <vector>

#include "core/text.h"

namespace tafkik::finance {
namespace {

constexpr int64_t kRateScale = 1'000'000'000'000;  // 12 fractional digits
constexpr int64_t kMicrosPerDay = 86'400'000'000;

int64_t DayOf(Timestamp t) {
  int64_t micros = t.micros();
  return micros >= 0 ? micros / kMicrosPerDay : -((-micros + kMicrosPerDay - 1) / kMicrosPerDay);
}

std::string DayText(int64_t day) {
  return FormatTimestamp(Timestamp::FromMicros(day * kMicrosPerDay)).substr(0, 10);
}

__int128 Pow10(int exponent) {
  __int128 result = 1;
  for (int step = 0; step < exponent; ++step) result *= 10;
  return result;
}

// numerator / denominator rounded half away from zero. REQUIRES: denominator > 0.
int64_t DivideRounded(__int128 numerator, __int128 denominator) {
  __int128 magnitude = numerator < 0 ? -numerator : numerator;
  __int128 quotient = (magnitude + denominator / 2) / denominator;
  return static_cast<int64_t>(numerator < 0 ? -quotient : quotient);
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t comma = line.find(',', start);
    std::string_view field = line.substr(start, comma == std::string_view::npos ? line.npos
                                                                                : comma - start);
    while (!field.empty() && (field.back() == ' ' || field.back() == '\r')) field.remove_suffix(1);
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    fields.push_back(field);
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

}  // namespace

Result<int64_t> ParseRate(std::string_view text) {
  if (text.empty()) return InvalidArgumentError("rate is empty");
  int64_t whole = 0;
  int64_t fraction = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') {
      return InvalidArgumentError("rate '" + std::string(text) + "' is not a positive decimal");
    }
    seen_digit = true;
    if (seen_point) {
      if (++fraction_digits > 12) {
        return InvalidArgumentError("rate '" + std::string(text) + "' has more than 12 decimals");
      }
      fraction = fraction * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > 1'000'000) {
        return InvalidArgumentError("rate '" + std::string(text) + "' is too large");
      }
    }
  }
  for (int digit = fraction_digits; digit < 12; ++digit) fraction *= 10;
  int64_t scaled = whole * kRateScale + fraction;
  if (!seen_digit || scaled <= 0) {
    return InvalidArgumentError("rate '" + std::string(text) + "' is not a positive decimal");
  }
  return scaled;
}

RatesTable::RatesTable(std::string reporting_currency, int max_age_days)
    : reporting_currency_(std::move(reporting_currency)), max_age_days_(max_age_days) {
  if (auto info = FindCurrency(reporting_currency_)) reporting_digits_ = info->minor_digits;
}

size_t RatesTable::size() const {
  size_t count = 0;
  for (const auto& [currency, by_day] : rates_) count += by_day.size();
  return count;
}

Status RatesTable::Add(std::string_view date, std::string_view currency, std::string_view rate) {
  if (date.size() != 10 || !IsValidIsoDate(date)) {
    return InvalidArgumentError("date '" + std::string(date) + "' is not YYYY-MM-DD");
  }
  if (!FindCurrency(currency)) {
    return InvalidArgumentError("currency '" + std::string(currency) + "' is not ISO 4217");
  }
  TAFKIK_ASSIGN_OR_RETURN(int64_t scaled, ParseRate(rate));
  TAFKIK_ASSIGN_OR_RETURN(Timestamp day, ParseTimestamp(date));
  auto& by_day = rates_[std::string(currency)];
  if (!by_day.emplace(DayOf(day), scaled).second) {
    return InvalidArgumentError("a rate for " + std::string(currency) + " on " +
                                std::string(date) + " is given twice");
  }
  return Status::Ok();
}

Result<RatesTable> RatesTable::ParseCsv(std::string_view text, std::string_view origin,
                                        int max_age_days) {
  std::optional<RatesTable> table;
  bool header_seen = false;
  int64_t line_number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == text.npos ? text.npos : end - start);
    start = end == text.npos ? text.size() + 1 : end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitFields(line);
    std::string where = std::string(origin) + " line " + std::to_string(line_number);
    if (!header_seen) {
      if (fields.size() != 4 || fields[0] != "date" || fields[1] != "currency" ||
          fields[2] != "reporting" || fields[3] != "rate") {
        return InvalidArgumentError(where + ": the header must be 'date,currency,reporting,rate'");
      }
      header_seen = true;
      continue;
    }
    if (fields.size() != 4) {
      return InvalidArgumentError(where + ": expected 4 fields, found " +
                                  std::to_string(fields.size()));
    }
    if (!table) {
      if (!FindCurrency(fields[2])) {
        return InvalidArgumentError(where + ": reporting currency '" + std::string(fields[2]) +
                                    "' is not ISO 4217");
      }
      table.emplace(std::string(fields[2]), max_age_days);
    } else if (fields[2] != table->reporting_currency()) {
      return InvalidArgumentError(where + ": reporting currency " + std::string(fields[2]) +
                                  " differs from " + table->reporting_currency() +
                                  " on the first row");
    }
    Status added = table->Add(fields[0], fields[1], fields[3]);
    if (!added.ok()) return added.WithContext(where);
  }
  if (!header_seen) return InvalidArgumentError(std::string(origin) + ": no header line");
  if (!table) return InvalidArgumentError(std::string(origin) + ": no rates");
  return std::move(*table);
}

Result<int64_t> RatesTable::Convert(const Money& money, Timestamp at) const {
  if (money.currency == reporting_currency_) return money.minor;
  int64_t day = DayOf(at);
  auto currency = rates_.find(money.currency);
  if (currency == rates_.end()) {
    return NotFoundError("no rate for " + money.currency + " into " + reporting_currency_ +
                         " on " + DayText(day) + " (the rates table has none for " +
                         money.currency + ")");
  }
  auto after = currency->second.upper_bound(day);
  if (after == currency->second.begin()) {
    return NotFoundError("no rate for " + money.currency + " on " + DayText(day) +
                         " (the first is on " + DayText(currency->second.begin()->first) + ")");
  }
  auto rate = std::prev(after);
  if (day - rate->first > max_age_days_) {
    return NotFoundError("no rate for " + money.currency + " on " + DayText(day) +
                         " (the latest, on " + DayText(rate->first) + ", is more than " +
                         std::to_string(max_age_days_) + " days old)");
  }
  auto info = FindCurrency(money.currency);
  int source_digits = info ? info->minor_digits : 2;
  __int128 numerator = static_cast<__int128>(money.minor) * rate->second;
  __int128 denominator = kRateScale;
  if (reporting_digits_ >= source_digits) {
    numerator *= Pow10(reporting_digits_ - source_digits);
  } else {
    denominator *= Pow10(source_digits - reporting_digits_);
  }
  return DivideRounded(numerator, denominator);
}

}  // namespace tafkik::finance
