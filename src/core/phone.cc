#include "core/phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <string>

#include "core/text.h"

namespace tafkik {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMinE164Digits = 8;
constexpr size_t kMaxE164Digits = 15;
// libphonenumber's region for numbers that carry their own country calling code.
constexpr char kUnknownRegion[] = "ZZ";

bool HasE164Shape(std::string_view text) {
  if (text.empty() || text.front() != '+') return false;
  std::string_view digits = text.substr(1);
  if (digits.size() < kMinE164Digits || digits.size() > kMaxE164Digits) return false;
  if (digits.front() == '0') return false;  // no country calling code starts with 0
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string FormatE164(const PhoneNumber& number) {
  std::string out;
  PhoneNumberUtil::GetInstance()->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

Status NotAPhone(std::string_view raw, std::string_view region, std::string_view why) {
  return InvalidArgumentError("phone number \"" + std::string(raw) + "\" (region " +
                              (region.empty() ? std::string("none") : std::string(region)) +
                              "): " + std::string(why));
}

// Numbers already accepted on this thread. Call records name the same tens of thousands of
// numbers millions of times, and a libphonenumber parse costs about 20 microseconds, so a
// direct-mapped cache of accepted texts (a slot holds the last number hashed to it) turns
// validating a 10-million-row file from minutes into seconds. Only acceptances are cached:
// a wrong number costs a parse every time, which keeps the cache from ever deciding alone.
// 2^17 slots (E.164 texts fit std::string's inline buffer: 4 MiB a thread, no heap): with
// 2^14 slots the 40,000 numbers of a 100,000-row CDR evicted each other and most checks
// parsed again (ICU's regex matcher was the largest single cost of an import).
class AcceptedNumbers {
 public:
  bool Contains(std::string_view text) const { return slots_[SlotOf(text)] == text; }
  void Add(std::string_view text) { slots_[SlotOf(text)] = text; }

 private:
  static constexpr size_t kSlots = 1 << 17;
  static size_t SlotOf(std::string_view text) {
    return std::hash<std::string_view>{}(text) & (kSlots - 1);
  }
  std::array<std::string, kSlots> slots_;
};

bool IsE164Uncached(std::string_view text) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(std::string(text), kUnknownRegion, &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return false;
  }
  // Formatting back must give the same text: "+2120612345678" parses (the national prefix 0
  // is dropped) but is not the E.164 form of that number.
  return util->IsPossibleNumber(number) && FormatE164(number) == text;
}

AcceptedNumbers& Accepted() {
  thread_local auto accepted = std::make_unique<AcceptedNumbers>();
  return *accepted;
}

}  // namespace

bool IsE164(std::string_view text) {
  if (!HasE164Shape(text)) return false;
  AcceptedNumbers& accepted = Accepted();
  if (accepted.Contains(text)) return true;
  if (!IsE164Uncached(text)) return false;
  accepted.Add(text);
  return true;
}

Result<std::string> NormalizePhone(std::string_view raw, std::string_view default_region) {
  std::string region = default_region.empty() ? kUnknownRegion : AsciiUpper(default_region);
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  PhoneNumberUtil::ErrorType error = util->Parse(std::string(raw), region, &number);
  if (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) {
    return NotAPhone(raw, default_region, "unknown country calling code or region");
  }
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    return NotAPhone(raw, default_region, "not a phone number");
  }
  if (!util->IsPossibleNumber(number)) {
    return NotAPhone(raw, default_region, "not a possible number (wrong length)");
  }
  std::string e164 = FormatE164(number);
  // A possible number's E.164 form is what IsE164 accepts: the check that follows every
  // normalisation (mapper, schema, store) then costs a lookup, not a second parse.
  if (HasE164Shape(e164) && IsE164Uncached(e164)) Accepted().Add(e164);
  return e164;
}

}  // namespace tafkik

namespace tafkik {

EntityId PhoneEntityId(std::string_view e164) { return MakeEntityId(kPhoneIdNamespace, {e164}); }

EntityId HandsetEntityId(std::string_view imei) {
  return MakeEntityId(kHandsetIdNamespace, {imei});
}

EntityId IbanEntityId(std::string_view iban) { return MakeEntityId(kIbanIdNamespace, {iban}); }

}  // namespace tafkik
