// Fuzzes name normalisation and the comparators of entity resolution. The input is split at
// 0x1F into up to 14 values: names, birth dates, documents, phones, accounts, addresses and
// nationalities of two person records (two values each). Checks invariants that must hold
// for any bytes: no crash, levels within range, a comparison is symmetric, a record never
// disagrees with itself on a field it has, and empty or unreadable values are never compared.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "fuzz_util.h"
#include "resolve/comparators.h"
#include "resolve/names.h"
#include "resolve/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tafkik::resolve;
  std::vector<std::string> values(14);
  size_t value_idx = 0;
  for (size_t at = 0; at < size && value_idx < values.size(); ++at) {
    if (data[at] == 0x1F) {
      ++value_idx;
    } else {
      values[value_idx] += static_cast<char>(data[at]);
    }
  }
  PersonRecord left, right;
  auto fill = [&](PersonRecord& record, size_t offset) {
    record.names = {values[offset]};
    record.birth_dates = {values[offset + 2]};
    record.documents = {values[offset + 4]};
    record.phones = {values[offset + 6]};
    record.accounts = {values[offset + 8]};
    record.addresses = {values[offset + 10]};
    record.nationalities = {values[offset + 12]};
  };
  fill(left, 0);
  fill(right, 1);

  for (const std::string& value : {values[0], values[1]}) {
    NormalizedName name = NormalizeName(value);
    for (const NameToken& token : name.tokens) {
      TAFKIK_FUZZ_CHECK(!token.text.empty());
      TAFKIK_FUZZ_CHECK(token.skeleton == Skeleton(token.key));
      const double self = TokenSimilarity(token, token);
      TAFKIK_FUZZ_CHECK(self >= 0 && self <= 1);
    }
  }
  const PreparedRecord prepared_left = Prepare(left), prepared_right = Prepare(right);
  const Comparison forward = Compare(prepared_left, prepared_right, nullptr);
  const Comparison backward = Compare(prepared_right, prepared_left, nullptr);
  const Comparison self = Compare(prepared_left, prepared_left, nullptr);
  for (int field = 0; field < kFieldCount; ++field) {
    const int level = forward.levels[field];
    TAFKIK_FUZZ_CHECK(level >= kMissing && level < LevelCount(static_cast<Field>(field)));
    TAFKIK_FUZZ_CHECK(level == backward.levels[field]);
    // A value equals itself: the top level, or missing when it cannot be read (a partial
    // date of birth agrees only as "near": it cannot say more).
    if (field == static_cast<int>(Field::kBirthDate)) continue;
    TAFKIK_FUZZ_CHECK(self.levels[field] == kMissing ||
                      self.levels[field] == LevelCount(static_cast<Field>(field)) - 1);
  }
  if (tafkik::Trim(values[0]).empty() || tafkik::Trim(values[1]).empty()) {
    TAFKIK_FUZZ_CHECK(forward.levels[static_cast<int>(Field::kName)] == kMissing);
  }
  BirthDate date;
  if (!ParseBirthDate(values[2], date)) {
    TAFKIK_FUZZ_CHECK(forward.levels[static_cast<int>(Field::kBirthDate)] == kMissing);
  }
  const Explanation explanation =
      Explain(prepared_left, prepared_right, Model::Defaults(), nullptr);
  TAFKIK_FUZZ_CHECK(explanation.probability >= 0 && explanation.probability <= 1);
  return 0;
}
