#include "core/ids.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace tafkik {
namespace {

// Expected values computed independently: Python hashlib.sha256(b"dataset\x1fkey1").
TEST(MakeEntityIdTest, IsFirst40HexDigitsOfSha256OfNamespaceAndKeys) {
  EXPECT_EQ(MakeEntityId("dataset", {"key1"}).value(), "fbd14b4034cac8bf499fa02c32532068703af872");
  EXPECT_EQ(MakeEntityId("cdr-2025", {"+212612345678", "2025-07-01"}).value(),
            "07545a319c266af0fe8357d949aae9de57e220ac");
}

TEST(MakeEntityIdTest, SameKeysGiveSameIdSoReimportsMerge) {
  EXPECT_EQ(MakeEntityId("calls", {"a", "b"}), MakeEntityId("calls", {"a", "b"}));
}

TEST(MakeEntityIdTest, KeyBoundariesNamespaceAndOrderMatter) {
  EntityId base = MakeEntityId("ds", {"ab", "c"});
  EXPECT_NE(base, MakeEntityId("ds", {"a", "bc"}));
  EXPECT_NE(base, MakeEntityId("ds", {"c", "ab"}));
  EXPECT_NE(base, MakeEntityId("other", {"ab", "c"}));
  // The namespace is separated from the first key too.
  EXPECT_NE(MakeEntityId("dsa", {"b"}), MakeEntityId("ds", {"ab"}));
}

TEST(MakeEntityIdTest, EmptyKeysKeepTheirPosition) {
  EXPECT_NE(MakeEntityId("ds", {"", "x"}), MakeEntityId("ds", {"x", ""}));
}

TEST(MakeEntityIdTest, DerivedIdsAreValid) {
  EntityId id = MakeEntityId("persons", {"Mohamed Ben Ali", "1990-01-01"});
  EXPECT_EQ(id.value().size(), 40u);
  EXPECT_TRUE(IsValidEntityId(id.value()));
}

TEST(MakeEntityIdDeathTest, NoNonEmptyKeyIsAProgrammingError) {
  EXPECT_DEATH(MakeEntityId("ds", {"", ""}), "at least one non-empty key");
  EXPECT_DEATH(MakeEntityId("ds", {}), "at least one non-empty key");
}

TEST(IsValidEntityIdTest, AcceptsFtmStyleIds) {
  EXPECT_TRUE(IsValidEntityId("a"));
  EXPECT_TRUE(IsValidEntityId("0"));
  EXPECT_TRUE(IsValidEntityId("ofac-12345"));
  EXPECT_TRUE(IsValidEntityId("q7.case_2-x"));
  EXPECT_TRUE(IsValidEntityId(std::string(64, 'f')));
}

TEST(IsValidEntityIdTest, RejectsEverythingElse) {
  EXPECT_FALSE(IsValidEntityId(""));
  EXPECT_FALSE(IsValidEntityId(std::string(65, 'f')));
  EXPECT_FALSE(IsValidEntityId("-abc"));
  EXPECT_FALSE(IsValidEntityId(".abc"));
  EXPECT_FALSE(IsValidEntityId("_abc"));
  EXPECT_FALSE(IsValidEntityId("Abc"));
  EXPECT_FALSE(IsValidEntityId("a b"));
  EXPECT_FALSE(IsValidEntityId("a/b"));
  EXPECT_FALSE(IsValidEntityId("caf\xc3\xa9"));
  EXPECT_FALSE(IsValidEntityId(std::string("a\0b", 3)));
}

TEST(StrongIdTest, ComparesAndHashesByValue) {
  CaseId first(1), second(2);
  EXPECT_LT(first, second);
  EXPECT_EQ(first, CaseId(1));
  std::unordered_set<EntityId> ids = {EntityId("a"), EntityId("b"), EntityId("a")};
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(AuditIndex().value(), 0);
}

}  // namespace
}  // namespace tafkik
