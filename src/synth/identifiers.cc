#include "synth/identifiers.h"

#include <array>
#include <utility>

#include "core/status.h"

namespace tafkik::synth::internal {
namespace {

// Mobile prefixes in use in each numbering plan, and how many digits follow them.
struct MobilePlan {
  std::string_view country;
  std::string_view calling_code;
  std::array<std::string_view, 6> prefixes;
  int digits_after_prefix;
};

constexpr MobilePlan kPlans[] = {
    {"ma", "212", {"61", "62", "65", "66", "67", "70"}, 7},
    {"eg", "20", {"100", "101", "111", "112", "122", "155"}, 7},
    {"ly", "218", {"91", "92", "94", "91", "92", "94"}, 7},
    {"tn", "216", {"20", "22", "50", "52", "98", "97"}, 6},
    {"ne", "227", {"90", "91", "96", "97", "98", "99"}, 6},
    {"sn", "221", {"77", "78", "76", "70", "77", "78"}, 7},
    {"ng", "234", {"803", "806", "813", "703", "706", "906"}, 7},
    {"es", "34", {"61", "62", "64", "65", "66", "69"}, 7},
    {"it", "39", {"320", "328", "333", "340", "347", "388"}, 7},
    {"thuraya", "882", {"16", "16", "16", "16", "16", "16"}, 8},
};

int DigitValue(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c - '0'; }

// The remainder mod 97 of a string of digits and letters read as ISO 13616 does.
int Mod97(std::string_view text) {
  int remainder = 0;
  for (char c : text) {
    const int value = DigitValue(c);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

// A two-digit key that makes `digits` followed by the key divisible by 97: the RIB key of
// Morocco and Tunisia. With it, their IBANs always carry the same check digits (MA64, TN59).
std::string RibKey(std::string_view digits) {
  const int key = 97 - (Mod97(digits) * 100) % 97;
  return (key < 10 ? "0" : "") + std::to_string(key);
}

std::string Bban(std::string_view country, Rng& rng) {
  if (country == "ma") {  // bank 3, city 3, account 16, RIB key 2
    const std::string body = "0" + rng.Digits(2) + rng.Digits(3) + rng.Digits(16);
    return body + RibKey(body);
  }
  if (country == "tn") {  // bank 2, branch 3, account 13, RIB key 2
    const std::string body = "1" + rng.Digits(1) + rng.Digits(3) + rng.Digits(13);
    return body + RibKey(body);
  }
  if (country == "eg") return "00" + rng.Digits(2) + rng.Digits(4) + rng.Digits(17);
  TAFKIK_CHECK(country == "ly", "IBAN country not supported");
  return "0" + rng.Digits(2) + rng.Digits(3) + rng.Digits(15);
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// days since 1970-01-01 -> civil date (proleptic Gregorian), after H. Hinnant's derivation.
void CivilFromDays(int64_t days, int64_t& year, int& month, int& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string MobileNumber(std::string_view country, Rng& rng) {
  for (const MobilePlan& plan : kPlans) {
    if (plan.country != country) continue;
    return "+" + std::string(plan.calling_code) + std::string(rng.Pick(plan.prefixes)) +
           rng.Digits(plan.digits_after_prefix);
  }
  TAFKIK_CHECK(false, "no mobile numbering plan for this country");
  return "";
}

char LuhnDigit(std::string_view digits) {
  int sum = 0;
  bool doubled = true;  // the check digit will sit to the right, undoubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string Imei(Rng& rng) {
  // Type allocation codes of the "35" reporting body, digits otherwise random.
  const std::string body = "35" + rng.Digits(6) + rng.Digits(6);
  return body + LuhnDigit(body);
}

std::string Imsi(std::string_view mcc, std::string_view mnc, Rng& rng) {
  return std::string(mcc) + std::string(mnc) + rng.Digits(10);
}

std::string IbanCheckDigits(std::string_view country, std::string_view bban) {
  const std::string rearranged = std::string(bban) + Upper(country) + "00";
  const int check = 98 - Mod97(rearranged);
  return TwoDigits(check);
}

std::string Iban(std::string_view country, Rng& rng) {
  const std::string bban = Bban(country, rng);
  return Upper(country) + IbanCheckDigits(country, bban) + bban;
}

std::string Plate(std::string_view country, Rng& rng) {
  if (country == "ma") {  // number - Arabic letter - prefecture
    static constexpr std::array<std::string_view, 5> kLetters = {"أ", "ب", "د", "هـ", "و"};
    return std::to_string(rng.Between(1000, 99999)) + "-" + std::string(rng.Pick(kLetters)) + "-" +
           std::to_string(rng.Between(1, 80));
  }
  if (country == "eg") {  // Arabic letters and digits
    static constexpr std::array<std::string_view, 6> kLetters = {"ن", "ط", "ق", "س", "ر", "ب"};
    return std::string(rng.Pick(kLetters)) + " " + std::string(rng.Pick(kLetters)) + " " +
           std::to_string(rng.Between(1000, 9999));
  }
  if (country == "tn") return std::to_string(rng.Between(100, 250)) + " تونس " + rng.Digits(4);
  if (country == "ne") return rng.Digits(1) + "A" + rng.Digits(4) + " RN";
  return std::to_string(rng.Between(1, 99)) + "-" + rng.Digits(6);  // Libya
}

std::string FormatMinor(int64_t minor, int minor_digits) {
  if (minor_digits == 0) return std::to_string(minor);
  int64_t unit = 1;
  for (int digit = 0; digit < minor_digits; ++digit) unit *= 10;
  std::string fraction = std::to_string(minor % unit);
  fraction.insert(0, static_cast<size_t>(minor_digits) - fraction.size(), '0');
  return std::to_string(minor / unit) + "." + fraction;
}

int MinorDigits(std::string_view currency) {
  if (currency == "LYD" || currency == "TND") return 3;
  if (currency == "XOF") return 0;
  return 2;
}

// Nano-euros per minor unit, rounded rates of 2025.
static int64_t NanoEurosPerMinor(std::string_view currency) {
  static constexpr std::pair<std::string_view, int64_t> kRates[] = {
      {"EUR", 10000000}, {"MAD", 920000},  {"EGP", 185000}, {"LYD", 190000},
      {"TND", 295000},   {"XOF", 1524490}, {"NGN", 5800}};
  for (const auto& [code, nano_euros] : kRates) {
    if (code == currency) return nano_euros;
  }
  TAFKIK_CHECK(false, "no exchange rate for this currency");
  return 1;
}

int64_t ToEuroCents(int64_t minor, std::string_view currency) {
  return minor * NanoEurosPerMinor(currency) / 10000000;
}

int64_t FromEuroCents(int64_t euro_cents, std::string_view currency) {
  int64_t unit = 1;
  for (int digit = 0; digit < MinorDigits(currency); ++digit) unit *= 10;
  const int64_t minor = euro_cents * 10000000 / NanoEurosPerMinor(currency);
  return minor / unit * unit;
}

std::string_view CurrencyOf(std::string_view country) {
  static constexpr std::pair<std::string_view, std::string_view> kCurrencies[] = {
      {"ma", "MAD"}, {"eg", "EGP"}, {"ly", "LYD"}, {"tn", "TND"}, {"ne", "XOF"},
      {"sn", "XOF"}, {"ng", "NGN"}, {"es", "EUR"}, {"it", "EUR"}};
  for (const auto& [code, currency] : kCurrencies) {
    if (code == country) return currency;
  }
  return "EUR";
}

std::string FormatDay(int64_t days) {
  int64_t year = 0;
  int month = 0;
  int day = 0;
  CivilFromDays(days, year, month, day);
  return std::to_string(year) + "-" + TwoDigits(month) + "-" + TwoDigits(day);
}

}  // namespace tafkik::synth::internal
