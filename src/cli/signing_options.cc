#include "cli/signing_options.h"

#include <cstdlib>

#include "sign/configured_result_signer.h"
#include "sign/pdf_signature_verifier.h"
#include "sign/trusted_roots.h"

namespace motcua::cli {

void AddSigningOptions(CLI::App& command, SigningOptions& options) {
  command.add_option("--seal-file", options.seal_file,
                     "The agency's electronic seal, a PKCS#12 file that signs approved results (password in "
                     "$MOTCUA_SEAL_PASSWORD)");
  command.add_option("--token-module", options.token_module,
                     "PKCS#11 module of a signing token plugged into this PC (its PIN is typed for each signature)");
  command.add_option("--token-label", options.token_label, "The token to use (default: the first one present)");
  command.add_option("--token-key-label", options.token_key_label,
                     "The key on the token (default: the first one with a certificate)");
  command.add_option("--trust-roots", options.trust_roots,
                     "Folder of the root certificates trusted for signatures (PEM or DER: the national root CA, VGCA)");
}

Result<Signing> OpenSigning(const SigningOptions& options) {
  const char* password = std::getenv(kSealPasswordVariable);
  auto signer = sign::ConfiguredResultSigner::Create({
      .seal_file = options.seal_file,
      .seal_password = password ? password : "",
      .token = {.module = options.token_module,
                .token_label = options.token_label,
                .key_label = options.token_key_label,
                .pin = ""},
  });
  if (!signer) return Fail(std::move(signer.error()));
  std::vector<std::string> roots;
  if (!options.trust_roots.empty()) {
    auto loaded = sign::LoadTrustedRoots(options.trust_roots);
    if (!loaded) return Fail(std::move(loaded.error()));
    roots = std::move(*loaded);
  }
  const std::size_t count = roots.size();
  return Signing{std::move(*signer), std::make_unique<sign::PdfSignatureVerifier>(std::move(roots)), count};
}

}  // namespace motcua::cli
