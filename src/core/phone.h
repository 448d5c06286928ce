// Phone numbers in E.164, through libphonenumber (whose headers stay in phone.cc).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/status.h"

namespace tafkik {

// True for "+" followed by 8 to 15 digits whose country calling code libphonenumber knows
// and whose length is possible for that code (satellite codes such as +8821 included).
bool IsE164(std::string_view text);

// Normalises a raw number ("0612345678", "00212 6-12-34-56-78", "+212612345678") to E.164,
// using `default_region` (ISO 3166 alpha-2, e.g. "MA") for national numbers.
// InvalidArgument naming the raw value when it is not a possible number.
Result<std::string> NormalizePhone(std::string_view raw, std::string_view default_region);

// Global identifiers name one thing wherever they are seen, so their entities have one id
// across datasets (docs/exchange-ids.md): the same E.164 number from a CDR, a money transfer
// export, a seized phone or the generator is one Phone entity, and so on.
inline constexpr std::string_view kPhoneIdNamespace = "phone";    // key: E.164 ("+2126...")
inline constexpr std::string_view kHandsetIdNamespace = "imei";   // key: 15-digit IMEI
inline constexpr std::string_view kIbanIdNamespace = "iban";      // key: IBAN, no spaces
// MakeEntityId("phone", {e164}). REQUIRES: e164 is normalised (IsE164).
EntityId PhoneEntityId(std::string_view e164);
// MakeEntityId("imei", {imei}): the Device with that IMEI. REQUIRES: 15 digits, checked.
EntityId HandsetEntityId(std::string_view imei);
// MakeEntityId("iban", {iban}): the BankAccount with that IBAN. REQUIRES: normalised, checked.
EntityId IbanEntityId(std::string_view iban);

}  // namespace tafkik
