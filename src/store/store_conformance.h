// The conformance suite every Store backend must pass. A backend's test file instantiates
// it with a factory: INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest, Values(...)).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/store.h"
#include "store/test_util.h"

namespace tafkik::store::testing {

// Creates an empty store for a test whose scratch folder is `dir`.
using StoreFactory = std::function<std::unique_ptr<Store>(const std::string& dir)>;

class StoreConformanceTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam()(dir_.Sub("workspace"));
    ASSERT_NE(store_, nullptr);
  }
  // Puts the given entities in one committed transaction.
  void PutAll(const std::vector<model::Entity>& entities) {
    auto txn = store_->BeginWrite({"tester"});
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    for (const model::Entity& entity : entities) {
      Status status = (*txn)->PutEntity(entity);
      ASSERT_TRUE(status.ok()) << status.ToString();
    }
    ASSERT_TRUE((*txn)->Commit({"entity.put", "test"}).ok());
  }
  int64_t AuditCount() { return store_->Count()->audit_events; }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace tafkik::store::testing
