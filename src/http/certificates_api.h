#pragma once
// The register of officials' signing certificates (app/certificate_register.h), for every official: each sees
// whom its role lets it see, and changes what its role lets it change.
//
//   GET  /api/v1/signing/certificates               → 200 {"items": [certificate...], "cannot_sign": [official...],
//                                                   "may_register_for": [{"login", "display_name"}...]}
//   POST /api/v1/signing/certificates               {"login", "holding": "token"|"remote", "remote_user"?,
//                                                   "certificate": PEM, or DER/.cer as base64} → 201 the certificate
//   POST /api/v1/signing/certificates/{id}/retire   {} → 200 the certificate as retired
//
// A certificate: {"id", "login", "holding", "remote_user", "common_name", "issuer", "serial", "sha256",
// "not_before", "not_after", "standing": "valid"|"expires_soon"|"expired"|"not_yet_valid", "needs_renewal",
// "added_by", "added_at", "retired_by", "retired_at", "active"} (the PEM itself is kept, not sent in lists).
// An official who cannot sign: {"login", "display_name", "units", "gap": "no_certificate"|"expired"|"not_yet_valid"}.
// Thread-safety: handlers run on every server thread, each with its own store; the reader is thread-safe.
#include "app/certificate_reader.h"
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

struct CertificatesApiContext {
  SessionApiContext sessions;
  const app::CertificateReader& reader;
};

void AddCertificatesApi(Router& router, const CertificatesApiContext& context);

}  // namespace motcua::http
