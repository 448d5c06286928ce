#include "resolve/comparators.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "core/text.h"
#include "resolve/similarity.h"

namespace tafkik::resolve {
namespace {

constexpr int kMaxValues = 8;  // per field and record: aliases beyond this are not compared

constexpr std::array<int, kFieldCount> kLevelCounts = {4, 4, 3, 3, 2, 4, 2};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ReadNumber(std::string_view text, size_t from, size_t length, int& out) {
  if (from + length > text.size()) return false;
  out = 0;
  for (size_t at = from; at < from + length; ++at) {
    if (!IsDigit(text[at])) return false;
    out = out * 10 + (text[at] - '0');
  }
  return true;
}

bool Valid(const BirthDate& date) {
  if (date.year < 1850 || date.year > 2100) return false;
  if (date.month == 0) return date.day == 0;
  if (date.month < 1 || date.month > 12) return false;
  return date.day == 0 || (date.day >= 1 && date.day <= DaysInMonth(date.year, date.month));
}

std::string AlnumUpper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || IsDigit(c)) out += c;
  }
  return out;
}

std::string Digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (IsDigit(c)) out += c;
  }
  return out;
}

std::string AddressKey(std::string_view text) {
  std::vector<std::string> tokens = Split(NameKey(text), ' ');
  tokens.erase(std::remove(tokens.begin(), tokens.end(), std::string()), tokens.end());
  std::sort(tokens.begin(), tokens.end());
  return Join(tokens, " ");
}

std::string FormatDate(const BirthDate& date) {
  char text[16];
  if (date.month == 0) {
    std::snprintf(text, sizeof(text), "%04d", date.year);
  } else if (date.day == 0) {
    std::snprintf(text, sizeof(text), "%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(text, sizeof(text), "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return text;
}

template <typename T, typename Compare>
int BestLevel(const std::vector<T>& left, const std::vector<T>& right, Compare compare,
              size_t* best_left = nullptr, size_t* best_right = nullptr) {
  if (left.empty() || right.empty()) return kMissing;
  int best = -1;
  for (size_t left_idx = 0; left_idx < left.size() && left_idx < kMaxValues; ++left_idx) {
    for (size_t right_idx = 0; right_idx < right.size() && right_idx < kMaxValues; ++right_idx) {
      const int level = compare(left[left_idx], right[right_idx]);
      if (level <= best) continue;
      best = level;
      if (best_left) *best_left = left_idx;
      if (best_right) *best_right = right_idx;
    }
  }
  return best;
}

int NameLevel(double score) {
  if (score >= 0.97) return 3;
  if (score >= 0.85) return 2;
  if (score >= 0.70) return 1;
  return 0;
}

double TokenWeight(const NameToken& token, const TokenFrequencies* frequencies) {
  return frequencies ? token.weight : 1.0;
}

// Best names pair: the highest score over every pair of names of the two records.
NameComparison BestNames(const PreparedRecord& left, const PreparedRecord& right,
                         const TokenFrequencies* frequencies, size_t* best_left,
                         size_t* best_right) {
  NameComparison best;
  bool first = true;
  for (size_t left_idx = 0; left_idx < left.names.size() && left_idx < kMaxValues; ++left_idx) {
    for (size_t right_idx = 0; right_idx < right.names.size() && right_idx < kMaxValues;
         ++right_idx) {
      NameComparison current =
          CompareNames(left.names[left_idx], right.names[right_idx], frequencies);
      if (first || current.score > best.score) {
        best = std::move(current);
        first = false;
        if (best_left) *best_left = left_idx;
        if (best_right) *best_right = right_idx;
      }
    }
  }
  return best;
}

std::string NameText(const NormalizedName& name) {
  std::vector<std::string> parts;
  for (const NameToken& token : name.tokens) parts.push_back(token.text);
  return Join(parts, " ");
}

}  // namespace

std::string_view FieldName(Field field) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "name", "birth_date", "document", "phone", "account", "address", "nationality"};
  return kNames[static_cast<int>(field)];
}

int LevelCount(Field field) { return kLevelCounts[static_cast<int>(field)]; }

std::string_view LevelName(Field field, int level) {
  if (level == kMissing) return "missing";
  switch (field) {
    case Field::kName: {
      static constexpr std::string_view kNames[] = {"differ", "weak", "close", "exact"};
      return kNames[level];
    }
    case Field::kBirthDate: {
      static constexpr std::string_view kNames[] = {"differ", "near", "typo", "exact"};
      return kNames[level];
    }
    case Field::kDocument: {
      static constexpr std::string_view kNames[] = {"differ", "typo", "exact"};
      return kNames[level];
    }
    case Field::kPhone: {
      static constexpr std::string_view kNames[] = {"differ", "same_subscriber", "exact"};
      return kNames[level];
    }
    case Field::kAddress: {
      static constexpr std::string_view kNames[] = {"differ", "partial", "similar", "exact"};
      return kNames[level];
    }
    case Field::kAccount:
    case Field::kNationality: {
      static constexpr std::string_view kNames[] = {"differ", "exact"};
      return kNames[level];
    }
  }
  return "?";
}

bool ParseBirthDate(std::string_view text, BirthDate& out) {
  text = Trim(text);
  BirthDate date;
  bool read = false;
  if (text.size() == 10 && (text[2] == '/' || text[2] == '.' || text[2] == '-') &&
      text[5] == text[2]) {  // 17/05/1980
    read = ReadNumber(text, 0, 2, date.day) && ReadNumber(text, 3, 2, date.month) &&
           ReadNumber(text, 6, 4, date.year);
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    read = ReadNumber(text, 0, 4, date.year) && ReadNumber(text, 5, 2, date.month) &&
           ReadNumber(text, 8, 2, date.day);
  } else if (text.size() == 8) {
    read = ReadNumber(text, 0, 4, date.year) && ReadNumber(text, 4, 2, date.month) &&
           ReadNumber(text, 6, 2, date.day);
  } else if (text.size() == 7 && text[4] == '-') {
    read = ReadNumber(text, 0, 4, date.year) && ReadNumber(text, 5, 2, date.month);
  } else if (text.size() == 4) {
    read = ReadNumber(text, 0, 4, date.year);
  }
  if (!read || !Valid(date)) return false;
  out = date;
  return true;
}

PreparedRecord Prepare(const PersonRecord& record) {
  PreparedRecord prepared;
  for (const std::string& name : record.names) {
    NormalizedName normalized = NormalizeName(name);
    // A name of particles alone ("Ben") says nothing: left out, as an empty one.
    const bool says_something = std::any_of(normalized.tokens.begin(), normalized.tokens.end(),
                                            [](const NameToken& token) { return !token.particle; });
    if (says_something) prepared.names.push_back(std::move(normalized));
  }
  for (const std::string& text : record.birth_dates) {
    BirthDate date;
    if (ParseBirthDate(text, date)) prepared.birth_dates.push_back(date);
  }
  for (const std::string& text : record.documents) {
    std::string number = AlnumUpper(text);
    if (number.size() >= 5 && std::any_of(number.begin(), number.end(), IsDigit)) {
      prepared.documents.push_back(std::move(number));
    }
  }
  for (const std::string& text : record.phones) {
    std::string digits = Digits(text);
    if (digits.size() >= 8 && digits.size() <= 15) prepared.phones.push_back(std::move(digits));
  }
  for (const std::string& text : record.accounts) {
    std::string number = AlnumUpper(text);
    if (number.size() >= 6) prepared.accounts.push_back(std::move(number));
  }
  for (const std::string& text : record.addresses) {
    std::string key = AddressKey(text);
    if (!key.empty()) prepared.addresses.push_back(std::move(key));
  }
  for (const std::string& text : record.nationalities) {
    std::string key = NameKey(text);
    if (!key.empty()) prepared.nationalities.push_back(std::move(key));
  }
  return prepared;
}

uint64_t WholeNameHash(const NormalizedName& name) {
  std::vector<std::string> identities;
  for (const NameToken& token : name.tokens) {
    if (!token.particle) identities.push_back(token.Identity());
  }
  std::sort(identities.begin(), identities.end());
  return std::hash<std::string>{}(Join(identities, " "));
}

void TokenFrequencies::Add(const PreparedRecord& record) {
  ++records_;
  std::vector<std::string> seen;
  std::vector<uint64_t> names;
  for (const NormalizedName& name : record.names) {
    for (const NameToken& token : name.tokens) seen.push_back(token.Identity());
    names.push_back(WholeNameHash(name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (uint64_t name : names) ++name_counts_[name];
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const std::string& identity : seen) ++counts_[identity];
}

void TokenFrequencies::Finish() {
  weights_.clear();
  if (records_ < 50) {
    name_counts_.clear();
    return;
  }
  for (const auto& [identity, count] : counts_) {
    const double frequency = static_cast<double>(count) / records_;
    const double weight = std::clamp(-std::log10(frequency) / 4.0, 0.2, 1.0);
    if (weight < 1.0) weights_.emplace(identity, static_cast<float>(weight));
  }
  counts_.clear();
}

void TokenFrequencies::Apply(NormalizedName& name) const {
  for (NameToken& token : name.tokens) token.weight = static_cast<float>(Weight(token.Identity()));
  name.frequency = static_cast<float>(NameFrequency(name));
}

void TokenFrequencies::Apply(PreparedRecord& record) const {
  for (NormalizedName& name : record.names) Apply(name);
}

double TokenFrequencies::NameFrequency(const NormalizedName& name) const {
  if (records_ < 50) return 0;
  auto found = name_counts_.find(WholeNameHash(name));
  return found == name_counts_.end() ? 0 : static_cast<double>(found->second) / records_;
}

double TokenFrequencies::Weight(const std::string& identity) const {
  auto found = weights_.find(identity);
  return found == weights_.end() ? 1.0 : found->second;
}

NameComparison CompareNames(const NormalizedName& left, const NormalizedName& right,
                            const TokenFrequencies* frequencies) {
  struct Candidate {
    double similarity;
    size_t left_idx;
    size_t right_idx;
  };
  std::vector<Candidate> candidates;
  double left_weight = 0, right_weight = 0;
  for (const NameToken& token : left.tokens) {
    if (!token.particle) left_weight += TokenWeight(token, frequencies);
  }
  for (const NameToken& token : right.tokens) {
    if (!token.particle) right_weight += TokenWeight(token, frequencies);
  }
  NameComparison result;
  if (left_weight <= 0 || right_weight <= 0) return result;
  for (size_t left_idx = 0; left_idx < left.tokens.size(); ++left_idx) {
    if (left.tokens[left_idx].particle) continue;
    for (size_t right_idx = 0; right_idx < right.tokens.size(); ++right_idx) {
      if (right.tokens[right_idx].particle) continue;
      double similarity = TokenSimilarity(left.tokens[left_idx], right.tokens[right_idx]);
      if (similarity >= 0.7) candidates.push_back({similarity, left_idx, right_idx});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.left_idx != b.left_idx ? a.left_idx < b.left_idx : a.right_idx < b.right_idx;
  });
  std::vector<bool> left_used(left.tokens.size()), right_used(right.tokens.size());
  double matched = 0;
  for (const Candidate& candidate : candidates) {
    if (left_used[candidate.left_idx] || right_used[candidate.right_idx]) continue;
    left_used[candidate.left_idx] = right_used[candidate.right_idx] = true;
    const NameToken& left_token = left.tokens[candidate.left_idx];
    const NameToken& right_token = right.tokens[candidate.right_idx];
    const double weight =
        (TokenWeight(left_token, frequencies) + TokenWeight(right_token, frequencies)) / 2;
    matched += candidate.similarity * weight;
    result.matches.push_back({left_token.text, right_token.text, candidate.similarity, weight});
  }
  const double shorter = std::min(left_weight, right_weight);
  const double longer = std::max(left_weight, right_weight);
  const double coverage = std::min(1.0, matched / shorter);
  result.score = coverage * (0.6 + 0.4 * std::min(1.0, matched / longer));
  return result;
}

int CompareBirthDates(const BirthDate& left, const BirthDate& right) {
  const bool left_full = left.day != 0, right_full = right.day != 0;
  if (left_full && right_full) {
    if (left.year == right.year && left.month == right.month && left.day == right.day) return 3;
    if (left.year == right.year && left.month == right.day && left.day == right.month) return 2;
    char left_text[16], right_text[16];
    std::snprintf(left_text, sizeof(left_text), "%04d%02d%02d", left.year, left.month, left.day);
    std::snprintf(right_text, sizeof(right_text), "%04d%02d%02d", right.year, right.month,
                  right.day);
    if (BoundedLevenshtein(left_text, right_text, 1) <= 1) return 2;
    if (IsAdjacentTransposition(left_text, right_text)) return 2;
    if (std::abs(left.year - right.year) == 1 && left.month == right.month &&
        left.day == right.day) {
      return 1;
    }
    return 0;
  }
  // At least one side is partial (a year, or a year and month): agreement on what both give.
  if (left.year != right.year) return 0;
  if (left.month != 0 && right.month != 0 && left.month != right.month) return 0;
  return 1;
}

int CompareDocuments(std::string_view left, std::string_view right) {
  if (left == right) return 2;
  // One slip of the pen in a short number, two in a number of 7 or more characters.
  const int allowed = std::min(left.size(), right.size()) >= 7 ? 2 : 1;
  if (std::min(left.size(), right.size()) >= 5 &&
      (BoundedLevenshtein(left, right, allowed) <= allowed ||
       IsAdjacentTransposition(left, right))) {
    return 1;
  }
  return 0;
}

int ComparePhones(std::string_view left, std::string_view right) {
  if (left == right) return 2;
  if (left.size() >= 9 && right.size() >= 9 &&
      left.substr(left.size() - 9) == right.substr(right.size() - 9)) {
    return 1;
  }
  return 0;
}

double AddressSimilarity(std::string_view left, std::string_view right) {
  const std::vector<std::string> left_tokens = Split(left, ' ');
  const std::vector<std::string> right_tokens = Split(right, ' ');
  // Symmetric Monge-Elkan: each token's best Jaro-Winkler on the other side (0 below 0.85),
  // averaged both ways, so that a typo or a missing part costs only its own share.
  auto one_way = [](const std::vector<std::string>& from, const std::vector<std::string>& to) {
    double total = 0;
    for (const std::string& token : from) {
      double best = 0;
      for (const std::string& other : to) best = std::max(best, JaroWinkler(token, other));
      total += best >= 0.85 ? best : 0;
    }
    return from.empty() ? 0.0 : total / from.size();
  };
  return (one_way(left_tokens, right_tokens) + one_way(right_tokens, left_tokens)) / 2;
}

int CompareAddresses(std::string_view left, std::string_view right) {
  if (left == right) return 3;
  const double similarity = AddressSimilarity(left, right);
  if (similarity >= 0.95) return 3;
  if (similarity >= 0.75) return 2;
  if (similarity >= 0.45) return 1;
  return 0;
}

Comparison Compare(const PreparedRecord& left, const PreparedRecord& right,
                   const TokenFrequencies* frequencies) {
  Comparison comparison;
  comparison.levels.fill(kMissing);
  auto level = [&](Field field) -> int8_t& { return comparison.levels[static_cast<int>(field)]; };
  if (!left.names.empty() && !right.names.empty()) {
    size_t left_idx = 0, right_idx = 0;
    NameComparison names = BestNames(left, right, frequencies, &left_idx, &right_idx);
    comparison.name_score = static_cast<float>(names.score);
    level(Field::kName) = static_cast<int8_t>(NameLevel(names.score));
    if (frequencies && level(Field::kName) == 3) {
      comparison.name_frequency =
          std::max(left.names[left_idx].frequency, right.names[right_idx].frequency);
    }
  }
  level(Field::kBirthDate) = BestLevel(left.birth_dates, right.birth_dates, CompareBirthDates);
  level(Field::kDocument) = BestLevel(left.documents, right.documents, CompareDocuments);
  level(Field::kPhone) = BestLevel(left.phones, right.phones, ComparePhones);
  level(Field::kAccount) =
      BestLevel(left.accounts, right.accounts,
                [](const std::string& a, const std::string& b) { return a == b ? 1 : 0; });
  level(Field::kAddress) = BestLevel(left.addresses, right.addresses, CompareAddresses);
  level(Field::kNationality) =
      BestLevel(left.nationalities, right.nationalities,
                [](const std::string& a, const std::string& b) { return a == b ? 1 : 0; });
  return comparison;
}

std::array<FieldValues, kFieldCount> BestValues(const PreparedRecord& left,
                                                const PreparedRecord& right,
                                                const TokenFrequencies* frequencies,
                                                NameComparison* name_detail) {
  std::array<FieldValues, kFieldCount> values;
  size_t left_idx = 0, right_idx = 0;
  if (!left.names.empty() && !right.names.empty()) {
    NameComparison names = BestNames(left, right, frequencies, &left_idx, &right_idx);
    values[0] = {NameText(left.names[left_idx]), NameText(right.names[right_idx])};
    if (name_detail) *name_detail = std::move(names);
  }
  auto pick = [&](Field field, const std::vector<std::string>& a, const std::vector<std::string>& b,
                  auto compare) {
    size_t a_idx = 0, b_idx = 0;
    if (BestLevel(a, b, compare, &a_idx, &b_idx) == kMissing) return;
    values[static_cast<int>(field)] = {a[a_idx], b[b_idx]};
  };
  size_t date_left = 0, date_right = 0;
  if (BestLevel(left.birth_dates, right.birth_dates, CompareBirthDates, &date_left, &date_right) !=
      kMissing) {
    values[1] = {FormatDate(left.birth_dates[date_left]),
                 FormatDate(right.birth_dates[date_right])};
  }
  auto equal = [](const std::string& a, const std::string& b) { return a == b ? 1 : 0; };
  pick(Field::kDocument, left.documents, right.documents, CompareDocuments);
  pick(Field::kPhone, left.phones, right.phones, ComparePhones);
  pick(Field::kAccount, left.accounts, right.accounts, equal);
  pick(Field::kAddress, left.addresses, right.addresses, CompareAddresses);
  pick(Field::kNationality, left.nationalities, right.nationalities, equal);
  return values;
}

}  // namespace tafkik::resolve
