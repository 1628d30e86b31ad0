#pragma once
// The printed forms of a dossier, as PDF (app/printed_form.h, print/cairo_form_renderer.h); every route needs a
// login and applies the dossier access rules (a denial is a 403, logged):
//
//   GET /api/v1/dossiers/{code}/forms/{form}?paper=a4|a5   a form of the dossier (app/form_kind.h), A4 unless asked:
//       receipt              the receipt and appointment slip (form 01); 409 naming "status" before reception
//       supplement-request   form 02, of the latest supplement request
//       refusal              form 03, of the refusal at reception or by the competent agency
//       apology              form 04, of the latest new appointment
//       stop-notice          the stop-processing notice (form 05 of 2025), of a withdrawal or cancellation after
//                            reception
//       control-sheet        the control sheet of the processing (form 05 of 2018, 06 of 2025)
//       result-cover         the cover page of the approved result, to hand it back
//     A dossier without that form (yet) is a 409 naming "form"; the dossier's page lists those it has ("forms").
//     With sign=seal (an official's request) the PDF comes sealed with the agency's electronic seal the server is
//     started with (PAdES, as results are: app/result_signer.h): a slip or a notice sent by e-mail or Zalo is then
//     as good as the stamped paper; 409 naming "method" when the server has no seal.
//     The QR codes open the public tracking page with the receipt PIN. An unknown form is a 404 naming "form".
//
// The counter prints the PDF as it comes (the same page on every printer, fonts embedded); the web shows it.
// Thread-safety: handlers run on every server thread; the renderer is thread-safe.
#include <string>

#include "app/form_renderer.h"
#include "app/result_signer.h"
#include "http/dossier_api.h"
#include "http/router.h"

namespace motcua::http {

struct FormsApiContext {
  DossierApiContext dossiers;  // who asks, and the dossier access rules
  const app::FormRenderer& renderer;
  const app::ResultSigner& signer;  // the seal of sign=seal
  // The address citizens open the tracking page at ("https://dichvucong.example.gov.vn/", with its final "/");
  // empty: the address this request came to (its Host, over http, or https when the server has TLS).
  std::string public_url;
  bool tls = false;
};

// Registers the route above; the objects `context` refers to must outlive the router.
void AddFormsApi(Router& router, const FormsApiContext& context);

}  // namespace motcua::http
