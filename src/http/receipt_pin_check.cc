#include "http/receipt_pin_check.h"

#include "http/json_response.h"

namespace motcua::http {

bool HasReceiptPin(const Request& request) { return !request[kReceiptPinHeader].empty(); }

std::optional<Response> RefuseWithoutPin(const app::ReceiptPins& pins, const std::string& code,
                                         const Request& request) {
  if (pins.Matches(code, ToStd(request[kReceiptPinHeader]))) return std::nullopt;
  return ErrorResponse(
      Error::PermissionDenied("pin", "mã PIN không đúng với mã hồ sơ", "the PIN does not match the dossier code"));
}

}  // namespace motcua::http
