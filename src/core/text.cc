#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/status.h"

namespace tafkik {

namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ISO 3166-1 alpha-2 (all 249 assigned codes) plus "xk", which FtM uses for Kosovo.
constexpr std::string_view kCountryCodes[] = {
    "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax", "az",
    "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bl", "bm", "bn", "bo", "bq", "br", "bs",
    "bt", "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn",
    "co", "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee",
    "eg", "eh", "er", "es", "et", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf",
    "gg", "gh", "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm",
    "hn", "hr", "ht", "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm",
    "jo", "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc",
    "li", "lk", "lr", "ls", "lt", "lu", "lv", "ly", "ma", "mc", "md", "me", "mf", "mg", "mh", "mk",
    "ml", "mm", "mn", "mo", "mp", "mq", "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na",
    "nc", "ne", "nf", "ng", "ni", "nl", "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg",
    "ph", "pk", "pl", "pm", "pn", "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw",
    "sa", "sb", "sc", "sd", "se", "sg", "sh", "si", "sj", "sk", "sl", "sm", "sn", "so", "sr", "ss",
    "st", "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to",
    "tr", "tt", "tv", "tw", "tz", "ua", "ug", "um", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi",
    "vn", "vu", "wf", "ws", "xk", "ye", "yt", "za", "zm", "zw",
};
static_assert(std::size(kCountryCodes) == 250);
static_assert(std::is_sorted(std::begin(kCountryCodes), std::end(kCountryCodes)),
              "kCountryCodes must stay sorted for binary search");

// Length of the UTF-8 sequence at `pos` if it is well formed, else 0. Rejects overlong
// forms, surrogates (U+D800..U+DFFF) and code points above U+10FFFF, as RFC 3629 requires.
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t offset) { return static_cast<unsigned char>(text[pos + offset]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2);
  if (lead < 0xC2 || lead > 0xF4 || text.size() - pos < length) return 0;
  // The second byte's range is narrower after the leads that could encode overlongs,
  // surrogates or values past U+10FFFF.
  unsigned char low = 0x80, high = 0xBF;
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t offset = 2; offset < length; ++offset) {
    if ((byte(offset) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Arabic letters written differently for the same name. Alef with hamza or madda needs no
// entry: NFD splits it into alef plus a mark, and marks are dropped.
constexpr std::pair<UChar32, UChar32> kArabicFolds[] = {
    {0x0671, 0x0627},  // ٱ alef wasla -> ا
    {0x0649, 0x064A},  // ى alef maksura -> ي
    {0x06CC, 0x064A},  // ی Farsi yeh (Persian keyboards) -> ي
    {0x0629, 0x0647},  // ة teh marbuta -> ه
    {0x06A9, 0x0643},  // ک keheh (Persian keyboards) -> ك
};

UChar32 FoldArabicLetter(UChar32 c) {
  for (auto [from, to] : kArabicFolds) {
    if (c == from) return to;
  }
  return c;
}

// Appends what `c` contributes to a name key: nothing for marks and tatweel, an ASCII digit
// for any decimal digit, the letter itself, or a space for everything else.
void AppendKeyCodePoint(UChar32 c, icu::UnicodeString& out) {
  uint32_t category_mask = U_GET_GC_MASK(c);
  if (category_mask & U_GC_M_MASK) return;
  if (c == 0x0640) return;  // tatweel only stretches the line
  if (category_mask & U_GC_ND_MASK) {
    out.append(static_cast<UChar32>('0' + u_charDigitValue(c)));
  } else if (category_mask & (U_GC_L_MASK | U_GC_N_MASK)) {
    out.append(FoldArabicLetter(c));
  } else {
    out.append(static_cast<UChar32>(' '));
  }
}

// Compatibility forms and case are folded first (NFKC_Casefold also drops default-ignorable
// code points such as ZWNJ and soft hyphens), then NFD exposes the marks to strip.
icu::UnicodeString FoldAndDecompose(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(error);
  const icu::Normalizer2* decompose = icu::Normalizer2::getNFDInstance(error);
  TAFKIK_CHECK(U_SUCCESS(error), "ICU normalisation data is missing");
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString folded = casefold->normalize(text, error);
  icu::UnicodeString decomposed = decompose->normalize(folded, error);
  TAFKIK_CHECK(U_SUCCESS(error), "ICU normalisation failed");
  return decomposed;
}

// Collapses runs of spaces into one and trims both ends.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    size_t end = text.find(separator);
    parts.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) return parts;
    text.remove_prefix(end + 1);
  }
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t part_idx = 0; part_idx < parts.size(); ++part_idx) {
    if (part_idx > 0) out += separator;
    out += parts[part_idx];
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = Utf8SequenceLength(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string NameKey(std::string_view name) {
  icu::UnicodeString decomposed = FoldAndDecompose(name);
  icu::UnicodeString key;
  for (int32_t index = 0; index < decomposed.length();) {
    UChar32 c = decomposed.char32At(index);
    AppendKeyCodePoint(c, key);
    index += U16_LENGTH(c);
  }
  std::string utf8;
  key.toUTF8String(utf8);
  return CollapseSpaces(utf8);
}

bool IsCountryCode(std::string_view code) {
  return std::binary_search(std::begin(kCountryCodes), std::end(kCountryCodes), code);
}

namespace {

bool IsPlainNumberOrPhone(std::string_view value) {
  if (value.size() < 2) return false;
  bool digit_seen = false;
  for (size_t at = 1; at < value.size(); ++at) {
    const char c = value[at];
    if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else if (c != '.') {
      return false;
    }
  }
  return digit_seen;
}

bool RunsAsFormula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !IsPlainNumberOrPhone(value);
    default:
      return false;
  }
}

}  // namespace

std::string CsvField(std::string_view value) {
  std::string cell = RunsAsFormula(value) ? "'" + std::string(value) : std::string(value);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace tafkik
