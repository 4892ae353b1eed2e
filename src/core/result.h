// Errors as values (STYLE.md habit 5): every fallible call returns Result<T>.
// The code set is small; the message is Danish and meant for people. Field errors
// carry the name of the input field so forms and the API can point at it.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bs {

enum class ErrorCode {
  kInvalidArgument,   // bad input: 400
  kNotFound,          // 404
  kAlreadyExists,     // 409
  kConflict,          // stale edit or precondition failed: 409
  kPermissionDenied,  // 403
  kTooLarge,          // 413
  kUnsupportedMediaType,  // a body not sent as the media type the endpoint reads: 415
  kPreconditionRequired,  // an edit that does not say which revision it is based on: 428
  kTooManyRequests,   // rate limited (sign-in attempts): 429
  kUnavailable,       // busy or down, try again: 503
  kInternal,          // a bug or a broken disk: 500, never shows internals
};

struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message), {}};
}
inline Error InvalidArgument(std::string m) { return MakeError(ErrorCode::kInvalidArgument, std::move(m)); }
inline Error NotFound(std::string m) { return MakeError(ErrorCode::kNotFound, std::move(m)); }
inline Error AlreadyExists(std::string m) { return MakeError(ErrorCode::kAlreadyExists, std::move(m)); }
inline Error Conflict(std::string m) { return MakeError(ErrorCode::kConflict, std::move(m)); }
inline Error Internal(std::string m) { return MakeError(ErrorCode::kInternal, std::move(m)); }
inline Error Unavailable(std::string m) { return MakeError(ErrorCode::kUnavailable, std::move(m)); }
inline Error PermissionDenied(std::string m) { return MakeError(ErrorCode::kPermissionDenied, std::move(m)); }

// A NotFound from a store becomes the caller's own words for it ("Mødet findes ikke.");
// any other error (busy: 503, broken: 500) passes through unchanged, so a busy database
// is never shown as a missing page.
inline Error NotFoundAs(Error e, std::string message) {
  if (e.code != ErrorCode::kNotFound) return e;
  return NotFound(std::move(message));
}

// Returns an InvalidArgument error listing each wrong field.
inline Error FieldErrors(std::vector<FieldError> fields) {
  Error e{ErrorCode::kInvalidArgument, "Der er fejl i de indtastede oplysninger.", std::move(fields)};
  return e;
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace bs

// TRY(expr): evaluates a Result; on error returns it from the enclosing function,
// otherwise yields the value. Uses a GNU statement expression (g++ and clang).
#define BS_CONCAT_INNER(a, b) a##b
#define BS_CONCAT(a, b) BS_CONCAT_INNER(a, b)
#define TRY(expr)                                                   \
  ({                                                                \
    auto BS_CONCAT(_try_, __LINE__) = (expr);                       \
    if (!BS_CONCAT(_try_, __LINE__).ok())                           \
      return std::move(BS_CONCAT(_try_, __LINE__)).error();         \
    std::move(BS_CONCAT(_try_, __LINE__)).value();                  \
  })
#define RETURN_IF_ERROR(expr)                                       \
  do {                                                              \
    auto BS_CONCAT(_st_, __LINE__) = (expr);                        \
    if (!BS_CONCAT(_st_, __LINE__).ok())                            \
      return std::move(BS_CONCAT(_st_, __LINE__)).error();          \
  } while (0)
