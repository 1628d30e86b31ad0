#include "cli/signing_options.h"

#include <cstdlib>

#include "adapters/smartca/smartca_signing_service.h"
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
  command.add_option("--smartca-sp-id", options.smartca_sp_id,
                     "The province's service-provider account at VNPT SmartCA, for leaders who sign remotely "
                     "(password in $MOTCUA_SMARTCA_SP_PASSWORD)");
  command.add_option("--smartca-url", options.smartca_url, "SmartCA's gateway (default: VNPT's production address)");
}

namespace {

Result<std::unique_ptr<app::RemoteSigningService>> OpenRemoteSigning(const SigningOptions& options) {
  if (options.smartca_sp_id.empty()) return std::unique_ptr<app::RemoteSigningService>();
  adapters::SmartCaOptions smartca{.sp_id = options.smartca_sp_id,
                                   .sp_password = adapters::SmartCaSpPasswordFromEnvironment()};
  if (!options.smartca_url.empty()) smartca.base_url = options.smartca_url;
  if (smartca.sp_password.empty()) {
    return Fail(Error::InvalidArgument("smartca_sp_password",
                                       "thiếu mật khẩu tài khoản SmartCA (biến môi trường MOTCUA_SMARTCA_SP_PASSWORD)",
                                       "the SmartCA account's password is missing (MOTCUA_SMARTCA_SP_PASSWORD)"));
  }
  auto service = adapters::SmartCaSigningService::Create(std::move(smartca));
  if (!service) return Fail(std::move(service.error()));
  return std::unique_ptr<app::RemoteSigningService>(std::move(*service));
}

}  // namespace

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
  auto remote = OpenRemoteSigning(options);
  if (!remote) return Fail(std::move(remote.error()));
  const std::size_t count = roots.size();
  return Signing{std::move(*signer), std::make_unique<sign::PdfSignatureVerifier>(std::move(roots)), count,
                 std::move(*remote)};
}

}  // namespace motcua::cli
