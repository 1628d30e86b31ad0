#include "app/result_signer.h"

namespace motcua::app {

std::string_view SigningMethodName(SigningMethod method) { return method == SigningMethod::kSeal ? "seal" : "token"; }

std::optional<SigningMethod> ParseSigningMethod(std::string_view name) {
  if (name == "seal") return SigningMethod::kSeal;
  if (name == "token") return SigningMethod::kToken;
  return std::nullopt;
}

}  // namespace motcua::app
