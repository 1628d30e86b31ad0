#pragma once
// Expected failures as values (STYLE.md §4). Every user-facing error names the field at fault and says why,
// in Vietnamese (shown first) and in English. Exceptions are reserved for bugs.
#include <expected>
#include <string>
#include <utility>

namespace motcua {

enum class ErrorCode {
  kInvalidArgument,     // the input is malformed or out of range
  kNotFound,            // the thing named does not exist
  kConflict,            // the input contradicts what is stored
  kFailedPrecondition,  // the request is valid but not allowed in the current state
  kUnauthenticated,     // no valid login or session: who is asking is not known
  kPermissionDenied,    // the actor may not do this
  kUnavailable,         // a resource (file, database) cannot be used right now
  kInternal,            // a bug or a corrupted store
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string field;       // the input field at fault ("from", "citizen_id", "communes.csv:12"), may be empty
  std::string message_vi;  // for the user, Vietnamese
  std::string message_en;  // for the user, English

  static Error InvalidArgument(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kInvalidArgument, std::move(field), std::move(vi), std::move(en)};
  }
  static Error NotFound(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kNotFound, std::move(field), std::move(vi), std::move(en)};
  }
  static Error Conflict(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kConflict, std::move(field), std::move(vi), std::move(en)};
  }
  static Error FailedPrecondition(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kFailedPrecondition, std::move(field), std::move(vi), std::move(en)};
  }
  static Error Unauthenticated(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kUnauthenticated, std::move(field), std::move(vi), std::move(en)};
  }
  static Error PermissionDenied(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kPermissionDenied, std::move(field), std::move(vi), std::move(en)};
  }
  static Error Unavailable(std::string field, std::string vi, std::string en) {
    return {ErrorCode::kUnavailable, std::move(field), std::move(vi), std::move(en)};
  }
  static Error Internal(std::string vi, std::string en) {
    return {ErrorCode::kInternal, "", std::move(vi), std::move(en)};
  }
};

// The result of an operation that may fail in an expected way.
template <typename T>
using Result = std::expected<T, Error>;

// Shorthand for returning an error from a function that returns Result<T>.
inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace motcua
