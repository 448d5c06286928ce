// Small string helpers shared by every module. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tafkik {

std::string_view Trim(std::string_view text);
std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
bool IsValidUtf8(std::string_view text);

// A case- and accent-insensitive key for name lookups: NFKD, marks removed, lower case,
// Arabic letter forms folded (alef variants -> ا, ى -> ي, ة -> ه, tatweel and harakat
// removed), punctuation to spaces, whitespace collapsed. "Mohamed  BEN-Ali" -> "mohamed ben ali".
std::string NameKey(std::string_view name);

// ISO 3166-1 alpha-2 codes, lower case as FtM stores them ("ma", "eg", "ly", "tn").
bool IsCountryCode(std::string_view code);

}  // namespace tafkik
