#pragma once
// Helpers that build JSON responses, and the one place that maps an Error (STYLE.md §4) to an HTTP status and
// the JSON error body every endpoint shares:
//   {"error":{"code":"not_found","message":"...","message_en":"...","field":""}}
// `message` is the Vietnamese text shown to users first; `message_en` the English one. Stateless, thread-safe.
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/civil_time.h"
#include "domain/error.h"
#include "http/http_types.h"

namespace motcua::http {

// A response with `body` serialized as JSON and Content-Type application/json.
Response JsonResponse(Status status, const nlohmann::json& body);

// The status an error code maps to: invalid_argument 400, not_found 404, conflict and failed_precondition 409,
// permission_denied 403, unavailable 503, internal 500.
Status StatusFor(ErrorCode code);

// The stable, snake_case name of an error code used in the JSON body ("not_found").
std::string_view CodeName(ErrorCode code);

// The JSON error response for `error`, with the status StatusFor(error.code).
Response ErrorResponse(const Error& error);

// The JSON error response for failures that come from HTTP itself rather than from a use case (unknown route,
// wrong method, oversized body): `status` and `code` are given directly; `field` may be empty.
Response ErrorResponse(Status status, std::string_view code, std::string_view message_vi, std::string_view message_en,
                       std::string_view field = "");

// `to_json(*value)`, or JSON null when there is no value.
template <typename T, typename F>
nlohmann::json OrNull(const std::optional<T>& value, F&& to_json) {
  return value ? nlohmann::json(to_json(*value)) : nlohmann::json(nullptr);
}

// A moment in Viet Nam time with its offset ("2026-01-12T07:30:00+07:00"), or null.
inline nlohmann::json TimeJson(const std::optional<Instant>& instant) { return OrNull(instant, FormatIsoLocal); }

}  // namespace motcua::http
