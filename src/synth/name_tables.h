// The name lists behind names.h (private to synth). Each token gives one name in Arabic
// script and its common Latin spellings, so that one person can be written several ways.
#pragma once

#include <span>
#include <string_view>

#include "synth/names.h"

namespace tafkik::synth::internal {

struct NameToken {
  std::string_view arabic;
  std::string_view french;           // Maghreb / francophone West Africa spelling
  std::string_view egypt;            // Egyptian spelling
  std::string_view english;          // Libyan / English spelling
  std::string_view alt;              // another spelling seen in records; "" when none
  std::string_view nickname;         // Latin nickname; "" when none
  std::string_view nickname_arabic;  // "" when none
  bool article = false;  // family names: Arabic starts with ال, Latin is stored without El/Al
};

std::span<const NameToken> MaleGivenNames(NameOrigin origin);
std::span<const NameToken> FemaleGivenNames(NameOrigin origin);
std::span<const NameToken> FamilyNames(NameOrigin origin);

}  // namespace tafkik::synth::internal
