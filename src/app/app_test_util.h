// A real SQLite workspace in a temporary folder for app/'s tests, with helpers to read the
// audit log back. Tests only.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/workspace.h"
#include "core/status_matchers.h"
#include "core/temp_dir.h"
#include "store/store.h"

namespace tafkik::app::testing {

using ::tafkik::testing::TempDir;

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = InitWorkspace(root(), actor_);
    ASSERT_THAT(created, IsOk());
    store_ = std::move(created).value();
  }

  std::string root() const { return dir_.Sub("ws"); }

  int64_t AuditCount() {
    Result<store::Counts> counts = store_->Count();
    EXPECT_THAT(counts, IsOk());
    return counts.ok() ? counts->audit_events : -1;
  }

  // The newest audit event; fails the test when there is none.
  store::AuditEvent LastEvent() {
    int64_t count = AuditCount();
    auto events = store_->ListAuditEvents(count, 1);
    EXPECT_THAT(events, IsOk());
    if (!events.ok() || events->empty()) {
      ADD_FAILURE() << "no audit event";
      return {};
    }
    return events->back();
  }

  TempDir dir_;
  store::Actor actor_{"inspector.alaoui"};
  std::unique_ptr<store::Store> store_;
};

}  // namespace tafkik::app::testing
