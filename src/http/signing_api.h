#pragma once
// Signatures over HTTP: signing a dossier's result, and reading the signatures of any file back. Every route needs
// a login.
//
//   GET  /api/v1/signing/methods               the ways this server can sign (app/result_signer.h):
//                                              {items: [{method: "seal"|"token", needs_pin, certificate?}]}
//   POST /api/v1/dossiers/{code}/sign-result   {method, pin?} → 200, the dossier (as the actions answer): the
//                                              result signed and attached again (app/result_signing.h); for a
//                                              leader who may approve the result; the PIN is never logged.
//                                              {method: "remote"} → 202, the signing request, pending: the
//                                              leader confirms in the CA's app (app/remote_result_signing.h)
//   GET  /api/v1/signing/requests/{id}         the signing request, settled first if the CA has answered:
//                                              {id, dossier_code, login, state, requested_at, expires_at,
//                                              settled_at, signed_file, problem}
//   GET  /api/v1/dossiers/{code}/signing-requests   {items: [request...]}, each open one settled first
//   GET  /api/v1/files/{id}/signatures         {verdict, items: [...]}: each signature judged against the
//                                              roots the province trusts (app/signature_verifier.h), to whoever
//                                              may read the file; a JPEG or PNG has none
//
// And without a login, for whoever holds the receipt (its PIN in the Receipt-Pin header, throttled with public
// tracking per client address):
//   GET  /api/v1/track/{dossier_code}/result             the electronic result (app/electronic_result.h)
//   GET  /api/v1/track/{dossier_code}/result/signatures  its signatures, as for a file
//
// Thread-safety: handlers run on every server thread, each with its own store; the signer and the verifier are
// thread-safe.
#include "app/pdf_signature_steps.h"
#include "app/remote_signing_service.h"
#include "app/result_signer.h"
#include "app/signature_verifier.h"
#include "http/dossier_api.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "store/blob_store.h"

namespace motcua::http {

struct SigningApiContext {
  DossierApiContext dossiers;
  store::BlobStore& blobs;
  const app::ResultSigner& signer;
  const app::SignatureVerifier& verifier;
  const app::PdfSignatureSteps& steps;              // the two steps a remote signature takes
  const app::RemoteSigningService* remote_signing;  // nullptr: no remote signing service configured
  RateLimiter& tracking_limiter;                    // public tracking's, shared: one budget of PIN guesses per address
};

void AddSigningApi(Router& router, const SigningApiContext& context);

}  // namespace motcua::http
