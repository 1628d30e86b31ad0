#pragma once
// The one route table of `motcua serve` (STYLE.md §6): /healthz, /metrics, /api/v1/openapi.json, the public
// API, the session API, the register of agencies and receiving points, and the dossier API. Built once at start-up; the
// tests build the server from it too, so that what is tested and documented is what runs.
#include <string_view>

#include "app/certificate_reader.h"
#include "http/dossier_api.h"
#include "http/files_api.h"
#include "http/forms_api.h"
#include "http/metrics.h"
#include "http/public_api.h"
#include "http/registry_api.h"
#include "http/router.h"
#include "http/session_api.h"
#include "http/signing_api.h"

namespace motcua::http {

struct ApiContext {
  PublicApiContext public_api;
  SessionApiContext sessions;
  DossierApiContext dossiers;
  RequestMetrics& metrics;
  store::BlobStore& blobs;                 // the document files' bytes (store/disk_blob_store.h beside the database)
  app::ProcedureCatalogue& catalogue;      // public_api's, whose lexicon the province's synonyms change
  UploadLimits& uploads;                   // bytes a day per account, uploads a second per address
  const app::FormRenderer& forms;          // the printed forms' PDFs (print/cairo_form_renderer.h)
  const app::ResultSigner& result_signer;  // signs results (sign/configured_result_signer.h)
  const app::SignatureVerifier& signature_verifier;  // reads signatures back (sign/pdf_signature_verifier.h)
  const app::CertificateReader& certificate_reader;  // officials' certificates (sign/x509_certificate_reader.h)
  const app::PdfSignatureSteps& signature_steps;     // a remote signature's two steps (sign/pades_signature_steps.h)
  const app::RemoteSigningService* remote_signing = nullptr;  // adapters/smartca/; nullptr: none configured
  std::string public_url = {};  // where citizens open tracking pages (forms_api.h); "" for the request's host
  bool tls = false;             // whether the server answers over TLS (the request's own address then)
};

Router MakeApiRouter(const ApiContext& context);

// The OpenAPI 3 document describing every route (src/http/openapi/openapi.json, compiled into the binary).
std::string_view OpenApiDocument();

}  // namespace motcua::http
