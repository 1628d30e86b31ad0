#include "app/signature_verifier.h"

namespace motcua::app {

std::string_view SignatureVerdict(const SignatureReport& report) {
  if (!report.problem.empty() || !report.intact || !report.certificate_valid_at_signing) return "invalid";
  switch (report.trust) {
    case ChainTrust::kTrusted:
      return "valid";
    case ChainTrust::kUnknownRoot:
      return "unknown_root";
    case ChainTrust::kInvalid:
      break;
  }
  return "invalid";
}

}  // namespace motcua::app
