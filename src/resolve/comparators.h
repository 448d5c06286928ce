// Person records as resolution sees them, their normalised ("prepared") form, and the
// comparators that turn two prepared records into a comparison vector: one agreement level
// per field (name, date of birth, identity document, phone, account, address, nationality),
// or kMissing when either side has nothing usable. Values that cannot be read (an impossible
// date, a document number without digits, a phone with too few digits) are kept in the
// record as given but never compared, so nothing agrees or disagrees on them.
// Pure functions; thread-safe (TokenFrequencies is read-only after it is built).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/names.h"

namespace tafkik::resolve {

// One person as found in one source. Every field may hold several values (aliases, several
// passports); all are compared and the best agreement counts.
struct PersonRecord {
  std::string id;                          // entity id or source row key
  std::vector<std::string> names;          // full names, any script
  std::vector<std::string> birth_dates;    // "1980-05-17", "1980-05", "1980", "19800517",
                                           // "17/05/1980"
  std::vector<std::string> documents;      // passport, national id, ... numbers
  std::vector<std::string> phones;         // E.164 preferred; national formats compared by
                                           // their last 9 digits
  std::vector<std::string> accounts;       // IBAN or account numbers
  std::vector<std::string> addresses;      // free text
  std::vector<std::string> nationalities;  // ISO 3166 codes or names
};

enum class Field : int {
  kName = 0,
  kBirthDate,
  kDocument,
  kPhone,
  kAccount,
  kAddress,
  kNationality,
};
inline constexpr int kFieldCount = 7;
inline constexpr int8_t kMissing = -1;

// "name", "birth_date", "document", "phone", "account", "address", "nationality".
std::string_view FieldName(Field field);
// Number of agreement levels of `field` (level 0 is "disagree", the highest is "exact").
int LevelCount(Field field);
// "exact", "typo", "close", "weak", "differ", ... for reports.
std::string_view LevelName(Field field, int level);

struct BirthDate {
  int year = 0;   // 0 = unknown
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown
};

// Reads a date of birth; false for anything impossible or unreadable (month 13, 31 April,
// year before 1850 or after 2100), so that it is never compared.
bool ParseBirthDate(std::string_view text, BirthDate& out);

struct PreparedRecord {
  std::vector<NormalizedName> names;   // names with no tokens left out
  std::vector<BirthDate> birth_dates;  // readable dates only
  std::vector<std::string> documents;  // upper-case letters and digits, >= 5, with a digit
  std::vector<std::string> phones;     // digits, >= 8
  std::vector<std::string> accounts;   // upper-case letters and digits, >= 6
  std::vector<std::string> addresses;  // NameKey tokens, sorted, joined by spaces
  std::vector<std::string> nationalities;
};

PreparedRecord Prepare(const PersonRecord& record);

// How common each name token is in the data being resolved, so that common names (Mohamed,
// Ahmed, Ben) count for less than rare ones. Weight(identity) is 1 for a token seen in at
// most 1 record in 10,000 and falls by 0.25 per factor of 10 in frequency, to a floor of
// 0.2; with fewer than 50 records every weight is 1 (too few to tell what is common).
class TokenFrequencies {
 public:
  void Add(const PreparedRecord& record);
  double Weight(const std::string& identity) const;
  // Share of records that carry this whole name (its tokens' identities in any order);
  // 0 with fewer than 50 records.
  double NameFrequency(const NormalizedName& name) const;
  // REQUIRES: after the last Add; turns counts into weights.
  void Finish();
  // Stores Weight() in every token and NameFrequency() in every name, so that comparisons
  // need no lookups. REQUIRES: Finish() was called.
  void Apply(NormalizedName& name) const;
  void Apply(PreparedRecord& record) const;

 private:
  int64_t records_ = 0;
  std::unordered_map<std::string, int64_t> counts_;
  std::unordered_map<std::string, float> weights_;
  std::unordered_map<uint64_t, int32_t> name_counts_;  // by hash of the whole-name key
};

struct TokenMatch {
  std::string left;
  std::string right;
  double similarity = 0;
  double weight = 1;
};

struct NameComparison {
  double score = 0;  // in [0, 1]
  std::vector<TokenMatch> matches;
};

// Aligns the tokens of two names in any order (each token at most once, best pairs first,
// similarity >= 0.7), particles aside. An aligned pair earns its weight x similarity.
// score = earned / weight of the shorter name x (0.6 + 0.4 x earned / weight of the
// longer name): a lone common first name
// never comes close to a full name. Token weights are those TokenFrequencies::Apply stored
// when `frequencies` is not null, else 1.
NameComparison CompareNames(const NormalizedName& left, const NormalizedName& right,
                            const TokenFrequencies* frequencies);

struct Comparison {
  std::array<int8_t, kFieldCount> levels{};  // per Field; kMissing when not comparable
  float name_score = 0;
  // When the names agree exactly: the larger share of records carrying either name (term
  // frequency, as Splink adjusts for it); 0 otherwise or without frequencies.
  float name_frequency = 0;
};

Comparison Compare(const PreparedRecord& left, const PreparedRecord& right,
                   const TokenFrequencies* frequencies);

// The pair of values behind each field's level, for explanations: the best-agreeing
// values, as normalised ("+212612345678", "1980-05-17").
struct FieldValues {
  std::string left;
  std::string right;
};
std::array<FieldValues, kFieldCount> BestValues(const PreparedRecord& left,
                                                const PreparedRecord& right,
                                                const TokenFrequencies* frequencies,
                                                NameComparison* name_detail);

// Level helpers, exposed for tests: levels of one field for one pair of values.
int CompareBirthDates(const BirthDate& left, const BirthDate& right);
int CompareDocuments(std::string_view left, std::string_view right);
int ComparePhones(std::string_view left, std::string_view right);
int CompareAddresses(std::string_view left, std::string_view right);
// Symmetric Monge-Elkan over address tokens with Jaro-Winkler (token pairs below 0.85 count
// 0), in [0, 1].
double AddressSimilarity(std::string_view left, std::string_view right);

}  // namespace tafkik::resolve
