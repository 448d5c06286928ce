#include "resolve/similarity.h"

#include <gtest/gtest.h>

namespace tafkik::resolve {
namespace {

TEST(SimilarityTest, JaroWinklerKnownValues) {
  // Textbook values (Winkler 1990).
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(JaroWinkler("", "abc"), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "abc"), 1.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(SimilarityTest, BoundedLevenshtein) {
  EXPECT_EQ(BoundedLevenshtein("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedLevenshtein("kitten", "sitting", 1), 2);  // limit + 1
  EXPECT_EQ(BoundedLevenshtein("", "", 1), 0);
  EXPECT_EQ(BoundedLevenshtein("ab", "abcd", 1), 2);
}

TEST(SimilarityTest, AdjacentTransposition) {
  EXPECT_TRUE(IsAdjacentTransposition("19800517", "19805017"));
  EXPECT_FALSE(IsAdjacentTransposition("abc", "abc"));
  EXPECT_FALSE(IsAdjacentTransposition("abcd", "badc"));
}

}  // namespace
}  // namespace tafkik::resolve
