// Small string helpers shared by every module. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tafkik {

std::string_view Trim(std::string_view text);
std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);
// Every field, empty ones included: Split("a,,b", ',') is {"a", "", "b"}; Split("", ',')
// is {""}.
std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
// Strict RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text);

// A case- and accent-insensitive key for name lookups: compatibility forms folded (NFKC),
// case folded (lower case; ß -> ss), default-ignorable characters (ZWNJ, soft hyphen)
// dropped, then decomposed and every combining mark removed (é -> e, harakat, U+0670).
// Arabic letter forms are folded: alef variants (أ إ آ ٱ) -> ا, ى and Persian ی -> ي,
// ة -> ه, Persian ک -> ك, tatweel removed. Decimal digits of any script (٠-٩, ۰-۹) become
// 0-9. Every character that is not a letter or a number (punctuation, hyphens, symbols,
// spaces) becomes a space; spaces are collapsed and trimmed. Invalid UTF-8 bytes count as
// symbols. "Mohamed  BEN-Ali" -> "mohamed ben ali"; "مُحَمَّد" -> "محمد".
std::string NameKey(std::string_view name);

// One CSV cell (RFC 4180: quoted when it holds a comma, quote or line break) that is safe to
// open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage return) would run
// as a formula — a chat message from a seized phone can be written to do exactly that — so it
// gets a leading apostrophe, unless it is a plain number ("-12.5") or an E.164 phone number.
std::string CsvField(std::string_view value);

// ISO 3166-1 alpha-2 codes, lower case as FtM stores them ("ma", "eg", "ly", "tn").
bool IsCountryCode(std::string_view code);

}  // namespace tafkik
