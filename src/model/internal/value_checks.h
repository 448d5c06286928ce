// Checks of single property values against a type and a format, shared by the schema
// registry. Each returns "" when the value is acceptable, else the reason, phrased to follow
// the quoted value in a message: "'2024-13-01' is not an ISO 8601 date". Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "model/schema.h"

namespace tafkik::model::internal {

// The reason `value` is not acceptable for `property` (type, format and, for a kAmount with
// a fixed currency, its decimals), or "".
std::string WhyInvalid(const Property& property, std::string_view value);

// The reason `amount` (already a valid decimal) cannot be an amount in `currency`, or "".
std::string WhyInvalidAmount(std::string_view amount, std::string_view currency);

// `value` in single quotes, safe to put in a message: control characters and, in invalid
// UTF-8, every non-ASCII byte escaped as \xNN; cut after 60 characters with "..." appended.
std::string QuoteForMessage(std::string_view value);

// Building blocks, exposed for tests.
bool IsDecimal(std::string_view text);             // -?[0-9]+(\.[0-9]+)?
bool IsEmailAddress(std::string_view text);        // local@label.label, ASCII
bool IsHttpUrl(std::string_view text);             // http(s)://host...
bool HasValidLuhnDigit(std::string_view digits);   // REQUIRES: all ASCII digits
bool HasValidIbanChecksum(std::string_view iban);  // REQUIRES: upper-case alphanumerics

}  // namespace tafkik::model::internal
