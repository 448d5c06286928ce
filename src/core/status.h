// Status and Result<T>: how every module reports success or failure across its boundary.
// A Status is a code plus a human-readable message naming where (file, row, field) and why.
// OK is cheap (no allocation). Values are immutable after construction; thread-compatible.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace tafkik {

// Canonical codes (after Abseil). Pick the most specific:
//   kInvalidArgument   the caller's input is wrong whatever the state (bad value, bad file)
//   kNotFound          a named thing does not exist
//   kAlreadyExists     a thing to create exists already
//   kFailedPrecondition the state forbids it now (workspace not initialised, wrong version)
//   kAborted           a concurrency conflict; retrying the whole operation may succeed
//   kUnavailable       a transient failure (database busy, disk temporarily unavailable)
//   kDataLoss          stored data is corrupt or tampered with
//   kPermissionDenied  the actor is known but not allowed
//   kUnauthenticated   the actor is not known
//   kUnimplemented     the operation is not supported by this backend or format
//   kInternal          a broken invariant: a bug
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kAborted,
  kUnavailable,
  kDataLoss,
  kPermissionDenied,
  kUnauthenticated,
  kUnimplemented,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

// Process exit code for the CLI: 0 for OK, a distinct small number per code.
int ExitCodeFor(StatusCode code);
// HTTP status for the server: 200 for OK, 400/404/409/412/409/503/500/403/401/501/500.
int HttpStatusFor(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "NotFound: case MA-2026-0001 does not exist"; "OK" when ok.
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context + ": "` (no-op when OK).
  Status WithContext(std::string_view context) const;

  bool operator==(const Status& other) const = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status FailedPreconditionError(std::string message);
Status AbortedError(std::string message);
Status UnavailableError(std::string message);
Status DataLossError(std::string message);
Status PermissionDeniedError(std::string message);
Status UnauthenticatedError(std::string message);
Status UnimplementedError(std::string message);
Status InternalError(std::string message);

// Either a value of T or a non-OK Status. Constructing from an OK Status is a bug.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(data_).ok()) {
      data_ = Status(StatusCode::kInternal, "Result constructed from an OK Status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

namespace internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* condition,
                              std::string_view what);
inline Status AsStatus(Status status) { return status; }
template <typename T>
Status AsStatus(const Result<T>& result) { return result.status(); }
}  // namespace internal

}  // namespace tafkik

#define TAFKIK_STATUS_CONCAT_INNER(a, b) a##b
#define TAFKIK_STATUS_CONCAT(a, b) TAFKIK_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function if `expr` (a Status or Result) is not OK.
#define TAFKIK_RETURN_IF_ERROR(expr)                                       \
  do {                                                                     \
    ::tafkik::Status tafkik_status_ = ::tafkik::internal::AsStatus(expr);  \
    if (!tafkik_status_.ok()) return tafkik_status_;                       \
  } while (false)

// `lhs = value of expr`, or returns its Status from the enclosing function.
#define TAFKIK_ASSIGN_OR_RETURN(lhs, expr) \
  TAFKIK_ASSIGN_OR_RETURN_IMPL(TAFKIK_STATUS_CONCAT(tafkik_result_, __LINE__), lhs, expr)
#define TAFKIK_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                 \
  if (!result.ok()) return result.status();             \
  lhs = std::move(result).value()

// For programming errors only: aborts with the condition and `what` when `cond` is false.
#define TAFKIK_CHECK(cond, what)                                                \
  do {                                                                          \
    if (!(cond)) ::tafkik::internal::CheckFailed(__FILE__, __LINE__, #cond, what); \
  } while (false)
