#include "core/status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr StatusCode kAllErrorCodes[] = {
    StatusCode::kInvalidArgument,    StatusCode::kNotFound,         StatusCode::kAlreadyExists,
    StatusCode::kFailedPrecondition, StatusCode::kAborted,          StatusCode::kUnavailable,
    StatusCode::kDataLoss,           StatusCode::kPermissionDenied, StatusCode::kUnauthenticated,
    StatusCode::kUnimplemented,      StatusCode::kInternal,
};

TEST(StatusTest, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
  EXPECT_EQ(status.ToString(), "OK");
  EXPECT_EQ(Status::Ok(), status);
}

TEST(StatusTest, ToStringNamesCodeAndMessage) {
  Status status = NotFoundError("case MA-2026-0001 does not exist");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.ToString(), "NotFound: case MA-2026-0001 does not exist");
}

TEST(StatusTest, WithContextPrefixesMessageAndKeepsCode) {
  Status status = InvalidArgumentError("not a date").WithContext("calls.csv row 12, field start");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "calls.csv row 12, field start: not a date");
}

TEST(StatusTest, WithContextOnOkStaysOkWithoutMessage) {
  Status status = Status::Ok().WithContext("ignored");
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.message(), "");
}

TEST(StatusTest, ConstructorsSetTheirCodes) {
  EXPECT_EQ(InvalidArgumentError("m").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(NotFoundError("m").code(), StatusCode::kNotFound);
  EXPECT_EQ(AlreadyExistsError("m").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(FailedPreconditionError("m").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(AbortedError("m").code(), StatusCode::kAborted);
  EXPECT_EQ(UnavailableError("m").code(), StatusCode::kUnavailable);
  EXPECT_EQ(DataLossError("m").code(), StatusCode::kDataLoss);
  EXPECT_EQ(PermissionDeniedError("m").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(UnauthenticatedError("m").code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(UnimplementedError("m").code(), StatusCode::kUnimplemented);
  EXPECT_EQ(InternalError("m").code(), StatusCode::kInternal);
}

TEST(StatusTest, EqualityComparesCodeAndMessage) {
  EXPECT_EQ(NotFoundError("a"), NotFoundError("a"));
  EXPECT_NE(NotFoundError("a"), NotFoundError("b"));
  EXPECT_NE(NotFoundError("a"), InternalError("a"));
}

TEST(StatusTest, EveryCodeHasADistinctNameAndExitCode) {
  std::set<std::string> names = {std::string(StatusCodeName(StatusCode::kOk))};
  std::set<int> exit_codes = {ExitCodeFor(StatusCode::kOk)};
  for (StatusCode code : kAllErrorCodes) {
    names.insert(std::string(StatusCodeName(code)));
    exit_codes.insert(ExitCodeFor(code));
    // 1 belongs to crashes and the argument parser's usage errors.
    EXPECT_GT(ExitCodeFor(code), 1) << StatusCodeName(code);
  }
  EXPECT_EQ(names.size(), std::size(kAllErrorCodes) + 1);
  EXPECT_EQ(exit_codes.size(), std::size(kAllErrorCodes) + 1);
  EXPECT_EQ(ExitCodeFor(StatusCode::kOk), 0);
}

TEST(StatusTest, HttpStatusesFollowTheTable) {
  EXPECT_EQ(HttpStatusFor(StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kFailedPrecondition), 412);
  EXPECT_EQ(HttpStatusFor(StatusCode::kAborted), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(StatusCode::kDataLoss), 500);
  EXPECT_EQ(HttpStatusFor(StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnimplemented), 501);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInternal), 500);
}

TEST(ResultTest, HoldsValue) {
  Result<std::string> result = std::string("MA-2026-0001");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "MA-2026-0001");
  EXPECT_EQ(result->size(), 12u);
  EXPECT_TRUE(result.status().ok());
}

TEST(ResultTest, HoldsError) {
  Result<int> result = NotFoundError("no such case");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status(), NotFoundError("no such case"));
}

TEST(ResultTest, FromOkStatusBecomesInternalError) {
  Result<int> result = Status::Ok();
  EXPECT_EQ(result.status().code(), StatusCode::kInternal);
}

TEST(ResultTest, MovesValueOut) {
  Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
  std::unique_ptr<int> value = std::move(result).value();
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, 7);
}

Result<int> ParsePositive(int input) {
  if (input <= 0) return InvalidArgumentError("not positive: " + std::to_string(input));
  return input;
}

// Records how far it got, so the test can see that the macros return early.
Status Doubled(int input, int* out, int* steps) {
  *steps = 0;
  TAFKIK_RETURN_IF_ERROR(ParsePositive(input));
  ++*steps;
  TAFKIK_ASSIGN_OR_RETURN(int value, ParsePositive(input));
  ++*steps;
  *out = value * 2;
  return Status::Ok();
}

TEST(StatusMacrosTest, PassThroughOnSuccess) {
  int out = 0, steps = 0;
  EXPECT_THAT(Doubled(21, &out, &steps), IsOk());
  EXPECT_EQ(out, 42);
  EXPECT_EQ(steps, 2);
}

TEST(StatusMacrosTest, ReturnEarlyWithTheError) {
  int out = 0, steps = 0;
  Status status = Doubled(-1, &out, &steps);
  EXPECT_EQ(status, InvalidArgumentError("not positive: -1"));
  EXPECT_EQ(steps, 0);
  EXPECT_EQ(out, 0);
}

TEST(StatusMatchersTest, MatchCodeAndMessage) {
  Status status = NotFoundError("case MA-2026-0001 does not exist");
  EXPECT_THAT(status, StatusIs(StatusCode::kNotFound));
  EXPECT_THAT(status, Not(StatusIs(StatusCode::kInternal)));
  EXPECT_THAT(status, Not(IsOk()));
  EXPECT_THAT(status, StatusIs(StatusCode::kNotFound, HasSubstr("MA-2026-0001")));
  EXPECT_THAT(status, Not(StatusIs(StatusCode::kNotFound, HasSubstr("TN-"))));
  EXPECT_THAT(Result<int>(3), IsOk());
  EXPECT_THAT(Result<int>(AbortedError("retry")), StatusIs(StatusCode::kAborted));
}

TEST(StatusDeathTest, CheckAbortsWithTheReason) {
  EXPECT_DEATH(TAFKIK_CHECK(1 + 1 == 3, "arithmetic broke"), "arithmetic broke");
}

}  // namespace
}  // namespace tafkik
