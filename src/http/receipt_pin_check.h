#pragma once
// The receipt PIN of public tracking (app/receipt_pins.h), sent in the Receipt-Pin header so that it is in no
// address and no access log: the one check every tracking route makes before showing more than a status.
#include <optional>
#include <string>

#include "app/receipt_pins.h"
#include "http/http_types.h"

namespace motcua::http {

inline constexpr const char* kReceiptPinHeader = "Receipt-Pin";

// Whether the request carries a PIN at all.
bool HasReceiptPin(const Request& request);

// nullopt when the request's PIN matches `code`; else the 403 naming "pin" (also for a missing PIN).
std::optional<Response> RefuseWithoutPin(const app::ReceiptPins& pins, const std::string& code, const Request& request);

}  // namespace motcua::http
