// Phone numbers in E.164, through libphonenumber (whose headers stay in phone.cc).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik {

// True for "+" followed by 8 to 15 digits whose country calling code libphonenumber knows
// and whose length is possible for that code (satellite codes such as +8821 included).
bool IsE164(std::string_view text);

// Normalises a raw number ("0612345678", "00212 6-12-34-56-78", "+212612345678") to E.164,
// using `default_region` (ISO 3166 alpha-2, e.g. "MA") for national numbers.
// InvalidArgument naming the raw value when it is not a possible number.
Result<std::string> NormalizePhone(std::string_view raw, std::string_view default_region);

}  // namespace tafkik
