#pragma once
// The options of `motcua serve` that let it sign results and judge signatures (src/sign), and the one place the
// signer and the verifier are made from them. All off by default: without them the server offers no way of
// signing, and every signature it reads back is from an unknown root.
//
//   --seal-file FILE          the agency's seal (con dấu điện tử), a PKCS#12 file; its password is read from
//                             MOTCUA_SEAL_PASSWORD, never from the command line
//   --token-module SO         the PKCS#11 module of a USB token plugged into this PC (the official types its
//                             PIN for each signature), e.g. the token maker's libraries or
//                             /usr/lib/softhsm/libsofthsm2.so
//   --token-label LABEL       which token (default: the first one present)
//   --token-key-label LABEL   which key on it (default: the first with a certificate)
//   --trust-roots DIR         the root certificates the province trusts (the national root CA, VGCA), PEM or DER
//   --smartca-sp-id ID        the province's service-provider account at VNPT SmartCA: leaders with a remote
//                             certificate in the register sign on their phones (app/remote_result_signing.h); the
//                             account's password is read from MOTCUA_SMARTCA_SP_PASSWORD, never from the command line
//   --smartca-url URL         SmartCA's gateway (default: VNPT's production address)
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "app/remote_signing_service.h"
#include "app/result_signer.h"
#include "app/signature_verifier.h"
#include "domain/error.h"

namespace motcua::cli {

// The environment variable holding the seal's password (read at start-up, never logged).
inline constexpr const char* kSealPasswordVariable = "MOTCUA_SEAL_PASSWORD";

struct SigningOptions {
  std::string seal_file;
  std::string token_module;
  std::string token_label;
  std::string token_key_label;
  std::string trust_roots;
  std::string smartca_sp_id;
  std::string smartca_url;
};

void AddSigningOptions(CLI::App& command, SigningOptions& options);

struct Signing {
  std::unique_ptr<app::ResultSigner> signer;
  std::unique_ptr<app::SignatureVerifier> verifier;
  std::size_t trusted_roots = 0;
  std::unique_ptr<app::RemoteSigningService> remote;  // nullptr without --smartca-sp-id
};

// The signer and the verifier the options describe; the errors of sign/configured_result_signer.h and
// sign/trusted_roots.h (naming "seal_file", "signing_key", "token_module" or "trust_roots") when they are unusable;
// InvalidArgument naming "smartca_endpoint" for an address that is not https (or http to a loopback host),
// "smartca_sp_password" when the account is given without its password.
Result<Signing> OpenSigning(const SigningOptions& options);

}  // namespace motcua::cli
