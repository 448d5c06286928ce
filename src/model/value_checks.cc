#include "model/internal/value_checks.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/ids.h"
#include "core/money.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/time.h"

namespace tafkik::model::internal {
namespace {

// ISO 4217 has no currency with more minor digits than this (CLF, UYW have 4); an amount
// with more decimals is wrong whatever its currency.
constexpr size_t kMaxMinorDigits = 4;
constexpr size_t kQuotedChars = 60;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || IsUpper(c) || (c >= 'a' && c <= 'z'); }
bool IsUpperAlnum(char c) { return IsDigit(c) || IsUpper(c); }

bool AllOf(std::string_view text, bool (*predicate)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}

// Control characters break one-line fields in CSV exports, terminals and reports.
bool HasControlCharacter(std::string_view text, bool allow_line_breaks) {
  for (unsigned char c : text) {
    if (c >= 0x20 && c != 0x7f) continue;
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) continue;
    return true;
  }
  return false;
}

// Checks every type shares: stored values are normalised, so no blanks and no padding.
std::string WhyInvalidText(PropertyType type, std::string_view value) {
  if (Trim(value).empty()) return "is empty";
  if (!IsValidUtf8(value)) return "is not valid UTF-8";
  const bool multiline = type == PropertyType::kText;
  if (HasControlCharacter(value, multiline)) {
    return multiline ? "contains control characters" : "contains a line break or control character";
  }
  if (!multiline && Trim(value).size() != value.size()) return "has leading or trailing whitespace";
  return "";
}

size_t FractionDigits(std::string_view decimal) {
  const size_t dot = decimal.find('.');
  return dot == std::string_view::npos ? 0 : decimal.size() - dot - 1;
}

bool InRange(std::string_view decimal, double low, double high) {
  double number = 0;
  auto [end, error] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), number);
  return error == std::errc() && end == decimal.data() + decimal.size() && number >= low &&
         number <= high;
}

std::string WhyInvalidDecimal(std::string_view value) {
  if (IsDecimal(value)) return "";
  std::string with_dot(value);
  std::replace(with_dot.begin(), with_dot.end(), ',', '.');
  if (IsDecimal(with_dot)) return "is not a decimal number: use '.' as the decimal separator";
  return "is not a decimal number (digits, optional '-' and '.' decimals, no grouping)";
}

std::string WhyInvalidAmountSyntax(std::string_view value) {
  std::string why = WhyInvalidDecimal(value);
  if (!why.empty()) return why;
  if (FractionDigits(value) > kMaxMinorDigits) return "has more decimals than any currency";
  return "";
}

std::string WhyInvalidCountry(std::string_view value) {
  if (IsCountryCode(value)) return "";
  const std::string lower = AsciiLower(value);
  if (IsCountryCode(lower)) {
    return "is not a lower-case ISO 3166-1 alpha-2 country code: use '" + lower + "'";
  }
  return "is not an ISO 3166-1 alpha-2 country code";
}

std::string WhyInvalidCurrency(std::string_view value) {
  if (FindCurrency(value)) return "";
  const std::string upper = AsciiUpper(value);
  if (FindCurrency(upper)) return "is not an ISO 4217 currency code: use '" + upper + "'";
  return "is not an ISO 4217 currency code";
}

std::string WhyInvalidEnum(const Property& property, std::string_view value) {
  if (std::find(property.allowed.begin(), property.allowed.end(), value) !=
      property.allowed.end()) {
    return "";
  }
  return "is not one of: " + Join(property.allowed, ", ");
}

std::string WhyInvalidForType(const Property& property, std::string_view value) {
  switch (property.type) {
    case PropertyType::kString:
    case PropertyType::kText:
    case PropertyType::kName:
    case PropertyType::kIdentifier:
      return "";
    case PropertyType::kDate:
      if (IsValidIsoDate(value)) return "";
      return "is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a UTC timestamp)";
    case PropertyType::kCountry:
      return WhyInvalidCountry(value);
    case PropertyType::kPhone:
      if (IsE164(value)) return "";
      return "is not an E.164 phone number ('+', country code and number, e.g. +212612345678)";
    case PropertyType::kEmail:
      return IsEmailAddress(value) ? "" : "is not an e-mail address (local@domain.tld)";
    case PropertyType::kNumber:
      return WhyInvalidDecimal(value);
    case PropertyType::kAmount:
      return WhyInvalidAmountSyntax(value);
    case PropertyType::kCurrency:
      return WhyInvalidCurrency(value);
    case PropertyType::kEntity:
      if (IsValidEntityId(value)) return "";
      return "is not an entity id (1 to 64 of [a-z0-9._-], starting with a letter or digit)";
    case PropertyType::kUrl:
      return IsHttpUrl(value) ? "" : "is not an http(s) URL";
    case PropertyType::kEnum:
      return WhyInvalidEnum(property, value);
  }
  return "has a property type this version does not know";
}

std::string WhyInvalidImei(std::string_view value) {
  if (value.size() != 15 || !AllOf(value, IsDigit)) return "is not an IMEI (15 digits)";
  // CDRs often carry a spare '0' where the check digit belongs; importers must recompute
  // it from the first 14 digits rather than store a number that names no handset.
  if (!HasValidLuhnDigit(value)) return "fails the IMEI check digit (Luhn)";
  return "";
}

bool IsIbanShape(std::string_view value) {
  return value.size() >= 15 && value.size() <= 34 && IsUpper(value[0]) && IsUpper(value[1]) &&
         IsDigit(value[2]) && IsDigit(value[3]) && AllOf(value, IsUpperAlnum);
}

std::string WhyInvalidIban(std::string_view value) {
  if (!IsIbanShape(value)) {
    std::string normalised = AsciiUpper(value);
    std::erase(normalised, ' ');
    if (IsIbanShape(normalised)) return "is not a normalised IBAN: use '" + normalised + "'";
    return "is not an IBAN (country code, 2 check digits, up to 30 letters or digits)";
  }
  return HasValidIbanChecksum(value) ? "" : "fails the IBAN check digits (mod 97)";
}

bool IsBic(std::string_view value) {
  if (value.size() != 8 && value.size() != 11) return false;
  return AllOf(value.substr(0, 6), IsUpper) && AllOf(value.substr(6), IsUpperAlnum);
}

std::string WhyInvalidFormat(ValueFormat format, std::string_view value) {
  switch (format) {
    case ValueFormat::kAny:
      return "";
    case ValueFormat::kImei:
      return WhyInvalidImei(value);
    case ValueFormat::kImsi:
      if ((value.size() == 14 || value.size() == 15) && AllOf(value, IsDigit)) return "";
      return "is not an IMSI (14 or 15 digits)";
    case ValueFormat::kIban:
      return WhyInvalidIban(value);
    case ValueFormat::kBic:
      return IsBic(value) ? "" : "is not a BIC (8 or 11 upper-case letters and digits)";
    case ValueFormat::kLatitude:
      return InRange(value, -90, 90) ? "" : "is not a latitude between -90 and 90";
    case ValueFormat::kLongitude:
      return InRange(value, -180, 180) ? "" : "is not a longitude between -180 and 180";
    case ValueFormat::kNonNegative:
      return value.starts_with('-') ? "is negative" : "";
    case ValueFormat::kPercentage:
      return InRange(value, 0, 100) ? "" : "is not a percentage between 0 and 100";
    case ValueFormat::kUnitInterval:
      return InRange(value, 0, 1) ? "" : "is not a score between 0 and 1";
  }
  return "has a value format this version does not know";
}

bool IsAtext(char c) {
  return IsAsciiAlnum(c) ||
         std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool IsLocalPart(std::string_view local) {
  if (local.empty() || local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || IsAtext(c); });
}

bool IsDnsLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return c == '-' || IsAsciiAlnum(c); });
}

// A top-level domain is letters ("ma") or punycode ("xn--mgbc0a9azcg"); never digits, which
// would make "user@10.0.0.1" pass.
bool IsTopLevelDomain(std::string_view label) {
  if (label.starts_with("xn--")) return IsDnsLabel(label);
  return label.size() >= 2 && std::all_of(label.begin(), label.end(),
                                          [](char c) { return IsAsciiAlnum(c) && !IsDigit(c); });
}

bool IsDomain(std::string_view domain) {
  const std::vector<std::string> labels = Split(domain, '.');
  if (labels.size() < 2) return false;
  if (!std::all_of(labels.begin(), labels.end(),
                   [](const std::string& l) { return IsDnsLabel(l); })) {
    return false;
  }
  return IsTopLevelDomain(labels.back());
}

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xe) return 3;
  return 4;
}

void AppendEscaped(std::string& out, std::string_view piece, bool valid_utf8) {
  if (piece.size() > 1) {
    out += piece;  // a whole multi-byte character of valid UTF-8
    return;
  }
  const unsigned char c = piece[0];
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
  }
  if (c < 0x20 || c == 0x7f || (c >= 0x80 && !valid_utf8)) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
    return;
  }
  out += static_cast<char>(c);
}

}  // namespace

bool IsDecimal(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos) return AllOf(text, IsDigit);
  return AllOf(text.substr(0, dot), IsDigit) && AllOf(text.substr(dot + 1), IsDigit);
}

bool IsEmailAddress(std::string_view text) {
  if (text.size() > 254) return false;
  const size_t at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  return IsLocalPart(text.substr(0, at)) && IsDomain(text.substr(at + 1));
}

bool IsHttpUrl(std::string_view text) {
  const std::string scheme = AsciiLower(text.substr(0, 8));
  size_t prefix = 0;
  if (scheme.starts_with("https://"))
    prefix = 8;
  else if (scheme.starts_with("http://"))
    prefix = 7;
  else
    return false;
  if (std::any_of(text.begin(), text.end(),
                  [](unsigned char c) { return c <= 0x20 || c == 0x7f; })) {
    return false;
  }
  std::string_view authority = text.substr(prefix);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);  // user:password@
  return !authority.empty() && authority.front() != ':';
}

bool HasValidLuhnDigit(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

bool HasValidIbanChecksum(std::string_view iban) {
  if (iban.size() < 5) return false;
  // ISO 13616: move the first four characters to the end, read letters as 10..35 and the
  // whole as one decimal number; it is valid when that number mod 97 is 1. Folding digit by
  // digit keeps the remainder small.
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int remainder = 0;
  for (char c : rearranged) {
    const int value = IsDigit(c) ? c - '0' : c - 'A' + 10;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder == 1;
}

std::string WhyInvalidAmount(std::string_view amount, std::string_view currency) {
  const std::optional<CurrencyInfo> info = FindCurrency(currency);
  if (!info) return "has an unknown currency '" + std::string(currency) + "'";
  if (FractionDigits(amount) > static_cast<size_t>(info->minor_digits)) {
    return "has more decimals than " + std::string(info->code) + " allows (" +
           std::to_string(info->minor_digits) + ")";
  }
  if (!ParseMoney(amount, currency).ok()) {
    return "is out of range for an amount in " + std::string(info->code);
  }
  return "";
}

std::string WhyInvalid(const Property& property, std::string_view value) {
  std::string why = WhyInvalidText(property.type, value);
  if (why.empty()) why = WhyInvalidForType(property, value);
  if (why.empty()) why = WhyInvalidFormat(property.format, value);
  if (why.empty() && !property.currency.empty()) why = WhyInvalidAmount(value, property.currency);
  return why;
}

std::string QuoteForMessage(std::string_view value) {
  const bool valid_utf8 = IsValidUtf8(value);
  std::string out = "'";
  size_t position = 0;
  for (size_t chars = 0; position < value.size(); ++chars) {
    if (chars == kQuotedChars) {
      out += "...";
      break;
    }
    size_t length = valid_utf8 ? Utf8SequenceLength(value[position]) : 1;
    length = std::min(length, value.size() - position);
    AppendEscaped(out, value.substr(position, length), valid_utf8);
    position += length;
  }
  return out + "'";
}

}  // namespace tafkik::model::internal
