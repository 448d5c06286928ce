#include "ingest/normalize.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "core/phone.h"
#include "core/text.h"

namespace tafkik::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Quote(std::string_view raw) { return "'" + std::string(raw.substr(0, 80)) + "'"; }

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool LeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && LeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `width` digits (or 1..width when `flexible`) at `pos`.
bool ReadNumber(std::string_view text, size_t& pos, int width, bool flexible, int& out) {
  int value = 0;
  int count = 0;
  while (count < width && pos < text.size() && IsDigit(text[pos])) {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++count;
  }
  if (count == 0 || (!flexible && count != width)) return false;
  out = value;
  return true;
}

struct DateTimeParts {
  int year = -1, month = -1, day = -1, hour = -1, minute = -1, second = 0, micros = 0;
};

bool ParseWithFormat(std::string_view text, std::string_view format, DateTimeParts& parts) {
  size_t pos = 0;
  for (size_t at = 0; at < format.size(); ++at) {
    if (format[at] != '%' || at + 1 == format.size()) {
      if (pos >= text.size() || text[pos] != format[at]) return false;
      ++pos;
      continue;
    }
    char field = format[++at];
    bool ok = true;
    switch (field) {
      case 'Y': ok = ReadNumber(text, pos, 4, false, parts.year); break;
      case 'y':
        ok = ReadNumber(text, pos, 2, false, parts.year);
        parts.year += parts.year < 70 ? 2000 : 1900;
        break;
      case 'm': ok = ReadNumber(text, pos, 2, true, parts.month); break;
      case 'd': ok = ReadNumber(text, pos, 2, true, parts.day); break;
      case 'H': ok = ReadNumber(text, pos, 2, true, parts.hour); break;
      case 'M': ok = ReadNumber(text, pos, 2, true, parts.minute); break;
      case 'S': ok = ReadNumber(text, pos, 2, true, parts.second); break;
      case 'f': {
        int digits = 0;
        int value = 0;
        while (pos < text.size() && IsDigit(text[pos])) {
          if (digits < 6) value = value * 10 + (text[pos] - '0'), ++digits;
          ++pos;
        }
        while (digits > 0 && digits < 6) value *= 10, ++digits;
        parts.micros = value;
        break;
      }
      case '%': ok = pos < text.size() && text[pos++] == '%'; break;
      default: return false;
    }
    if (!ok) return false;
  }
  return pos == text.size();
}

bool ValidParts(const DateTimeParts& parts) {
  if (parts.year < 1 || parts.month < 1 || parts.month > 12 || parts.day < 1) return false;
  if (parts.day > DaysInMonth(parts.year, parts.month)) return false;
  if (parts.hour < 0) return true;
  return parts.hour <= 23 && parts.minute >= 0 && parts.minute <= 59 && parts.second <= 59;
}

std::string FormatParts(const DateTimeParts& parts) {
  char buffer[96];
  if (parts.hour < 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", parts.year, parts.month, parts.day);
  } else if (parts.micros != 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d.%06d", parts.year,
                  parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.micros);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", parts.year,
                  parts.month, parts.day, parts.hour, parts.minute, parts.second);
  }
  return buffer;
}

}  // namespace

std::string_view TrimValue(std::string_view text) {
  auto is_space = [](std::string_view t, size_t at) {
    return t[at] == ' ' || t[at] == '\t' || t[at] == '\r' || t[at] == '\n';
  };
  while (!text.empty()) {
    if (is_space(text, 0)) {
      text.remove_prefix(1);
    } else if (text.size() >= 2 && text.substr(0, 2) == "\xC2\xA0") {
      text.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!text.empty()) {
    if (is_space(text, text.size() - 1)) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

bool AsciiDigitsInPlace(std::string& text) {
  // Arabic-Indic digits are U+0660..0669 (D9 A0..A9), the separators U+066B/066C (D9 AB/AC);
  // Extended Arabic-Indic digits are U+06F0..06F9 (DB B0..B9).
  size_t lead = text.find_first_of("\xD9\xDB");
  if (lead == std::string::npos) return false;
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, lead);
  bool changed = false;
  for (size_t at = lead; at < text.size(); ++at) {
    unsigned char c = text[at];
    unsigned char next = at + 1 < text.size() ? text[at + 1] : 0;
    if (c == 0xD9 && next >= 0xA0 && next <= 0xA9) {
      out.push_back(static_cast<char>('0' + (next - 0xA0)));
    } else if (c == 0xDB && next >= 0xB0 && next <= 0xB9) {
      out.push_back(static_cast<char>('0' + (next - 0xB0)));
    } else if (c == 0xD9 && next == 0xAB) {
      out.push_back('.');
    } else if (c == 0xD9 && next == 0xAC) {
      // thousands separator: dropped
    } else {
      out.push_back(static_cast<char>(c));
      continue;
    }
    changed = true;
    ++at;
  }
  if (changed) text = std::move(out);
  return changed;
}

char LuhnCheckDigit(std::string_view digits) {
  int sum = 0;
  for (size_t at = 0; at < digits.size(); ++at) {
    int value = digits[at] - '0';
    if (at % 2 == 1) {  // every second digit from the left of a 14-digit body is doubled
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

Result<std::string> NormalizeImei(std::string_view raw) {
  std::string digits;
  for (char c : raw) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '/' && c != '.') {
      return InvalidArgumentError("IMEI " + Quote(raw) + " has a character that is not a digit");
    }
  }
  if (digits.size() != 14 && digits.size() != 15 && digits.size() != 16) {
    return InvalidArgumentError("IMEI " + Quote(raw) + " has " + std::to_string(digits.size()) +
                                " digits, not 14 to 16");
  }
  std::string body = digits.substr(0, 14);
  const char check = LuhnCheckDigit(body);
  // A 15th digit is either the check digit or the spare 0 that operators write in call
  // records; anything else is a mistyped IMEI, which must not silently become another handset.
  if (digits.size() == 15 && digits[14] != '0' && digits[14] != check) {
    return InvalidArgumentError("IMEI " + Quote(raw) + " fails its check digit (expected " +
                                std::string(1, check) + ")");
  }
  return body + check;
}

Result<std::string> NormalizeIban(std::string_view raw) {
  std::string iban;
  for (char c : raw) {
    if (c == ' ' || c == '-') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return InvalidArgumentError("IBAN " + Quote(raw) + " has a character other than letters and digits");
    }
    iban.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (iban.size() < 15 || iban.size() > 34 || !std::isalpha(static_cast<unsigned char>(iban[0])) ||
      !std::isalpha(static_cast<unsigned char>(iban[1])) || !IsDigit(iban[2]) || !IsDigit(iban[3])) {
    return InvalidArgumentError("IBAN " + Quote(raw) +
                                " is not a country code, two check digits and 11 to 30 characters");
  }
  int remainder = 0;
  std::string rotated = iban.substr(4) + iban.substr(0, 4);
  for (char c : rotated) {
    int value = IsDigit(c) ? c - '0' : c - 'A' + 10;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  if (remainder != 1) {
    return InvalidArgumentError("IBAN " + Quote(raw) + " fails its mod-97 check (a mistyped character?)");
  }
  return iban;
}

Result<std::string> NormalizeNumber(std::string_view raw) {
  std::string kept;
  int dots = 0, commas = 0;
  char last_separator = 0;
  for (size_t at = 0; at < raw.size(); ++at) {
    char c = raw[at];
    if (c == ' ' || c == '\'' || c == '_') continue;
    if (c == '\xC2' && at + 1 < raw.size() && raw[at + 1] == '\xA0') {
      ++at;
      continue;
    }
    if (c == '.') ++dots, last_separator = c;
    if (c == ',') ++commas, last_separator = c;
    if (!IsDigit(c) && c != '.' && c != ',' && !(c == '-' && kept.empty()) &&
        !(c == '+' && kept.empty())) {
      return InvalidArgumentError(Quote(raw) + " is not a number");
    }
    kept.push_back(c);
  }
  // "1,500" is 1500 in English and 1.5 in French and Arabic writing (and 1.500 TND has three
  // decimals): with one comma followed by exactly three digits and nothing else to tell, the
  // value is refused rather than read wrongly by a factor of a thousand.
  if (commas == 1 && dots == 0) {
    const size_t comma = kept.find(',');
    const bool three_after = kept.size() - comma - 1 == 3;
    if (three_after && comma > 0) {
      return InvalidArgumentError(Quote(raw) + " is ambiguous: a thousands separator or a "
                                  "decimal comma; write it without grouping (1500) or with "
                                  "both separators (1,500.00 or 1.500,00)");
    }
  }
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = last_separator;
  } else if (dots == 1) {
    decimal = '.';
  } else if (commas == 1) {
    decimal = ',';
  }
  std::string out;
  out.reserve(kept.size());
  for (char c : kept) {
    if (c == '+') continue;
    if (c == '.' || c == ',') {
      if (c == decimal) out.push_back('.');
      continue;
    }
    out.push_back(c);
  }
  bool has_digit = false;
  for (char c : out) has_digit |= IsDigit(c);
  if (!has_digit || out.back() == '.' || out.front() == '.' || (out[0] == '-' && out[1] == '.')) {
    return InvalidArgumentError(Quote(raw) + " is not a number");
  }
  return out;
}

Result<std::string> NormalizeDuration(std::string_view raw) {
  const std::string_view text = TrimValue(raw);
  if (text.find(':') == std::string_view::npos) return NormalizeNumber(text);
  int64_t seconds = 0;
  int parts = 0;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t colon = std::min(text.find(':', at), text.size());
    const std::string_view part = text.substr(at, colon - at);
    if (part.empty() || part.size() > 6 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (parts > 0 && (part.size() != 2 || part >= "60")) || ++parts > 3) {
      return InvalidArgumentError(Quote(raw) + " is not a duration (hh:mm:ss, mm:ss or seconds)");
    }
    seconds = seconds * 60 + std::stoll(std::string(part));
    at = colon + 1;
  }
  if (parts < 2) return InvalidArgumentError(Quote(raw) + " is not a duration (hh:mm:ss, mm:ss or seconds)");
  return std::to_string(seconds);
}

Result<std::string> NormalizeCountry(std::string_view raw) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"mar", "ma"}, {"morocco", "ma"}, {"maroc", "ma"}, {"المغرب", "ma"},
      {"egy", "eg"}, {"egypt", "eg"}, {"egypte", "eg"}, {"égypte", "eg"}, {"مصر", "eg"},
      {"lby", "ly"}, {"libya", "ly"}, {"libye", "ly"}, {"ليبيا", "ly"},
      {"tun", "tn"}, {"tunisia", "tn"}, {"tunisie", "tn"}, {"تونس", "tn"},
      {"dza", "dz"}, {"algeria", "dz"}, {"algerie", "dz"}, {"algérie", "dz"}, {"الجزائر", "dz"},
      {"mrt", "mr"}, {"mauritania", "mr"}, {"mauritanie", "mr"},
      {"sdn", "sd"}, {"sudan", "sd"}, {"soudan", "sd"}, {"السودان", "sd"},
      {"eri", "er"}, {"eritrea", "er"}, {"erythree", "er"}, {"érythrée", "er"},
      {"eth", "et"}, {"ethiopia", "et"}, {"ethiopie", "et"}, {"éthiopie", "et"},
      {"som", "so"}, {"somalia", "so"}, {"somalie", "so"},
      {"nga", "ng"}, {"nigeria", "ng"}, {"nga", "ng"},
      {"sen", "sn"}, {"senegal", "sn"}, {"sénégal", "sn"},
      {"mli", "ml"}, {"mali", "ml"}, {"ner", "ne"}, {"niger", "ne"},
      {"gin", "gn"}, {"guinea", "gn"}, {"guinee", "gn"}, {"guinée", "gn"},
      {"civ", "ci"}, {"cote d'ivoire", "ci"}, {"côte d'ivoire", "ci"}, {"ivory coast", "ci"},
      {"cmr", "cm"}, {"cameroon", "cm"}, {"cameroun", "cm"},
      {"gha", "gh"}, {"ghana", "gh"}, {"gmb", "gm"}, {"gambia", "gm"}, {"gambie", "gm"},
      {"tcd", "td"}, {"chad", "td"}, {"tchad", "td"},
      {"syr", "sy"}, {"syria", "sy"}, {"syrie", "sy"}, {"سوريا", "sy"},
      {"bgd", "bd"}, {"bangladesh", "bd"}, {"pak", "pk"}, {"pakistan", "pk"},
      {"esp", "es"}, {"spain", "es"}, {"espagne", "es"}, {"ita", "it"}, {"italy", "it"},
      {"italie", "it"}, {"fra", "fr"}, {"france", "fr"}, {"mlt", "mt"}, {"malta", "mt"},
      {"malte", "mt"}, {"grc", "gr"}, {"greece", "gr"}, {"grece", "gr"}, {"grèce", "gr"},
      {"deu", "de"}, {"germany", "de"}, {"allemagne", "de"}, {"bel", "be"}, {"belgium", "be"},
      {"belgique", "be"}, {"nld", "nl"}, {"netherlands", "nl"}, {"gbr", "gb"},
      {"united kingdom", "gb"}, {"uk", "gb"}, {"tur", "tr"}, {"turkey", "tr"}, {"turquie", "tr"},
      {"are", "ae"}, {"united arab emirates", "ae"}, {"sau", "sa"}, {"saudi arabia", "sa"}};
  std::string lower;
  for (char c : TrimValue(raw)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Only assigned ISO 3166-1 codes: "ZZ", "XX" or a typo ("MR" for "MA" still passes, being
  // a country) are rejects, not countries.
  if (IsCountryCode(lower)) return lower;
  auto found = kNames.find(lower);
  if (found != kNames.end()) return found->second;
  return InvalidArgumentError(Quote(raw) + " is not a country this profile knows (use ISO 3166 codes)");
}

Result<std::string> ParseLocalDateTime(std::string_view raw, std::string_view format,
                                       bool& has_time) {
  DateTimeParts parts;
  bool parsed = false;
  if (format.empty()) {
    for (std::string_view iso : {"%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M:%S",
                                 "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M",
                                 "%Y-%m-%d"}) {
      parts = DateTimeParts();
      if (ParseWithFormat(raw, iso, parts)) {
        parsed = true;
        break;
      }
    }
  } else {
    parsed = ParseWithFormat(raw, format, parts);
  }
  if (!parsed || !ValidParts(parts)) {
    return InvalidArgumentError(Quote(raw) + " is not a date in the format '" +
                                std::string(format.empty() ? "YYYY-MM-DD HH:MM:SS" : format) + "'");
  }
  has_time = parts.hour >= 0;
  return FormatParts(parts);
}

Result<std::string> PhoneCache::Normalize(std::string_view raw, std::string_view region) {
  key_.assign(region);
  key_.push_back('\x1f');
  key_.append(raw);
  auto found = cache_.find(key_);
  if (found != cache_.end()) return found->second;
  if (cache_.size() >= max_entries_) cache_.clear();
  Result<std::string> result = NormalizePhone(raw, region);
  cache_.emplace(key_, result);
  return result;
}

Result<Timestamp> LocalTimeConverter::ToUtc(std::string_view local) {
  // local is "YYYY-MM-DD HH:MM:SS[.ffffff]" (ParseLocalDateTime's form).
  if (local.size() < 19) return LocalToUtc(local, zone_);
  auto number = [&](size_t at, size_t width) {
    int value = 0;
    for (size_t k = 0; k < width; ++k) value = value * 10 + (local[at + k] - '0');
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  int micros = 0;
  if (local.size() > 20) {
    for (size_t at = 20; at < local.size() && at < 26; ++at) micros = micros * 10 + (local[at] - '0');
    for (size_t at = local.size(); at < 26; ++at) micros *= 10;
  }
  const int64_t days = DaysFromCivil(year, month, day);
  const int64_t hour_key = days * 24 + hour;
  const int64_t local_us =
      ((hour_key * 60 + minute) * 60 + second) * 1'000'000LL + micros;
  Slot& slot = slots_[static_cast<uint64_t>(hour_key) % slots_.size()];
  if (slot.hour_key == hour_key) return Timestamp::FromMicros(local_us + slot.offset_us);

  const std::string hour_text(local.substr(0, 13));
  Result<Timestamp> first = LocalToUtc(hour_text + ":00:00", zone_);
  Result<Timestamp> last = LocalToUtc(hour_text + ":59:59", zone_);
  if (first.ok() && last.ok()) {
    const int64_t hour_start_us = hour_key * 3'600'000'000LL;
    const int64_t offset_first = first->micros() - hour_start_us;
    const int64_t offset_last = last->micros() - (hour_start_us + 3'599'000'000LL);
    if (offset_first == offset_last) {
      slot = {hour_key, offset_first};
      return Timestamp::FromMicros(local_us + offset_first);
    }
  }
  return LocalToUtc(local, zone_);  // an hour with a DST change in it, or an error
}

}  // namespace tafkik::ingest
