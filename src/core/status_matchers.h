// GoogleMock matchers for Status and Result<T>, for tests only (includes gmock):
//   EXPECT_THAT(store.Get(id), IsOk());
//   EXPECT_THAT(ParseMoney("x", "MAD"), StatusIs(StatusCode::kInvalidArgument));
//   EXPECT_THAT(status, StatusIs(StatusCode::kNotFound, HasSubstr("MA-2026-0001")));
// A failing match prints the whole Status so the reason is in the test log.
#pragma once

#include <gmock/gmock.h>

#include <ostream>
#include <string>

#include "core/status.h"

namespace tafkik {

namespace internal {
inline Status StatusOf(const Status& status) { return status; }
template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}
}  // namespace internal

// gtest prints a Status as "InvalidArgument: why" instead of its bytes.
inline void PrintTo(const Status& status, std::ostream* out) { *out << status.ToString(); }

MATCHER(IsOk, negation ? "is not OK" : "is OK") {
  Status status = ::tafkik::internal::StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.ok();
}

MATCHER_P(StatusIs, code,
          std::string(negation ? "does not have" : "has") + " status code " +
              std::string(::tafkik::StatusCodeName(code))) {
  Status status = ::tafkik::internal::StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code;
}

MATCHER_P2(StatusIs, code, message_matcher,
           std::string(negation ? "does not have" : "has") + " status code " +
               std::string(::tafkik::StatusCodeName(code)) + " and a message that " +
               ::testing::DescribeMatcher<std::string>(message_matcher)) {
  Status status = ::tafkik::internal::StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code && ::testing::Matches(message_matcher)(status.message());
}

}  // namespace tafkik
