#include "store/sqlite/packed_values.h"

#include <gtest/gtest.h>

namespace tafkik::store::sqlite {
namespace {

TEST(PackedValuesTest, RoundTripsValuesWithProvenance) {
  std::vector<PackedValue> values = {{1, 2, 17, "60"},
                                     {3, 2, -1, "محمد"},
                                     {300, 70000, 9'000'000'000, std::string(200, 'x')},
                                     {4, 1, 0, ""}};
  Result<std::vector<PackedValue>> unpacked = UnpackValues(PackValues(values));
  ASSERT_TRUE(unpacked.ok()) << unpacked.status().ToString();
  EXPECT_EQ(*unpacked, values);
}

TEST(PackedValuesTest, EmptyBlobHasNoValues) {
  EXPECT_TRUE(UnpackValues("")->empty());
}

TEST(PackedValuesTest, TruncatedBlobIsDataLoss) {
  std::string blob = PackValues({{1, 2, 3, "voice"}});
  for (size_t cut = 1; cut < blob.size(); ++cut) {
    EXPECT_EQ(UnpackValues(blob.substr(0, cut)).status().code(), StatusCode::kDataLoss)
        << "cut at " << cut;
  }
}

TEST(PackedValuesTest, MergeAddsOnlyNewValues) {
  std::vector<PackedValue> stored = {{1, 2, 3, "60"}};
  EXPECT_FALSE(MergeValues(stored, {{1, 2, 3, "60"}}));
  EXPECT_TRUE(MergeValues(stored, {{1, 2, 3, "60"}, {1, 5, -1, "61"}}));
  EXPECT_EQ(stored.size(), 2u);
}

}  // namespace
}  // namespace tafkik::store::sqlite
