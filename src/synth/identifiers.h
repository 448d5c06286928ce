// Identifiers and numbers that look real and pass the checks real ones pass: E.164 mobile
// numbers per country (and Thuraya), IMEIs with a Luhn digit, IMSIs, IBANs with mod-97 check
// digits (and the national RIB keys of Morocco and Tunisia), vehicle plates; plus amounts and
// dates formatted without floating point. Digits are random, so any match with a real
// subscriber or account is chance. Thread-safe (no state beyond the caller's Rng).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "synth/random.h"

namespace tafkik::synth::internal {

// A mobile number in E.164 for `country` ("ma", "eg", "ly", "tn", "ne", "sn", "ng", "es",
// "it"), or a Thuraya satellite number for "thuraya". REQUIRES: a supported country.
std::string MobileNumber(std::string_view country, Rng& rng);

// 15 digits: a type allocation code, a serial and the Luhn check digit.
std::string Imei(Rng& rng);
// The IMSI of a SIM: mobile country code, network code, 10 digits.
std::string Imsi(std::string_view mcc, std::string_view mnc, Rng& rng);

// An IBAN for "ma" (28 characters), "eg" (29), "ly" (25) or "tn" (24) with valid check
// digits. REQUIRES: one of those countries.
std::string Iban(std::string_view country, Rng& rng);
// ISO 13616 check digits ("64") for a country and BBAN.
std::string IbanCheckDigits(std::string_view country, std::string_view bban);
// The Luhn check digit for a string of digits.
char LuhnDigit(std::string_view digits);

// A registration plate in the style of `country`.
std::string Plate(std::string_view country, Rng& rng);

// "1234.50" from 123450 minor units with 2 minor digits; "4500" with 0. REQUIRES: minor >= 0.
std::string FormatMinor(int64_t minor, int minor_digits);
// Minor digits of the currencies the generator uses (MAD EGP EUR NGN 2, LYD TND 3, XOF 0).
int MinorDigits(std::string_view currency);
// The amount in euro cents at fixed, approximate rates (for Payment.amountEur).
int64_t ToEuroCents(int64_t minor, std::string_view currency);
// The inverse: minor units of `currency` worth `euro_cents`, rounded down to a whole unit of
// `currency` (fees are quoted in round figures).
int64_t FromEuroCents(int64_t euro_cents, std::string_view currency);

// The currency of a country the generator models ("ma" -> "MAD", "ne" -> "XOF").
std::string_view CurrencyOf(std::string_view country);

// "2025-09-01" from days since 1970-01-01.
std::string FormatDay(int64_t days);

}  // namespace tafkik::synth::internal
