#include "http/json_response.h"

#include <string>

namespace motcua::http {

Response JsonResponse(Status status, const nlohmann::json& body) {
  Response response{status, 11};
  response.set(beast_http::field::content_type, "application/json; charset=utf-8");
  // `replace` keeps a malformed UTF-8 string from a handler from turning into an exception here.
  response.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Status StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return Status::bad_request;
    case ErrorCode::kNotFound:
      return Status::not_found;
    case ErrorCode::kConflict:
      return Status::conflict;
    case ErrorCode::kFailedPrecondition:
      return Status::conflict;
    case ErrorCode::kUnauthenticated:
      return Status::unauthorized;
    case ErrorCode::kPermissionDenied:
      return Status::forbidden;
    case ErrorCode::kUnavailable:
      return Status::service_unavailable;
    case ErrorCode::kInternal:
      return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

std::string_view CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

Response ErrorResponse(const Error& error) {
  return ErrorResponse(StatusFor(error.code), CodeName(error.code), error.message_vi, error.message_en, error.field);
}

Response ErrorResponse(Status status, std::string_view code, std::string_view message_vi, std::string_view message_en,
                       std::string_view field) {
  const nlohmann::json body = {
      {"error", {{"code", code}, {"message", message_vi}, {"message_en", message_en}, {"field", field}}}};
  return JsonResponse(status, body);
}

}  // namespace motcua::http
