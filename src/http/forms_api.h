#pragma once
// The printed forms of a dossier, as PDF (app/printed_form.h, print/cairo_form_renderer.h); every route needs a
// login and applies the dossier access rules (a denial is a 403, logged):
//
//   GET /api/v1/dossiers/{code}/forms/receipt?paper=a4|a5   the receipt and appointment slip (form 01), A4 unless
//                                                           asked; its QR code opens the public tracking page with
//                                                           the receipt PIN; 409 naming "status" before reception
//
// The counter prints the PDF as it comes (the same page on every printer, fonts embedded); the web shows it.
// Thread-safety: handlers run on every server thread; the renderer is thread-safe.
#include <string>

#include "app/form_renderer.h"
#include "http/dossier_api.h"
#include "http/router.h"

namespace motcua::http {

struct FormsApiContext {
  DossierApiContext dossiers;  // who asks, and the dossier access rules
  const app::FormRenderer& renderer;
  // The address citizens open the tracking page at ("https://dichvucong.example.gov.vn/", with its final "/");
  // empty: the address this request came to (its Host, over http, or https when the server has TLS).
  std::string public_url;
  bool tls = false;
};

// Registers the route above; the objects `context` refers to must outlive the router.
void AddFormsApi(Router& router, const FormsApiContext& context);

}  // namespace motcua::http
