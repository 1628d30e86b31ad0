#include "http/forms_api.h"

#include "app/dossier_desk.h"
#include "app/dossier_forms.h"
#include "app/form_names.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

Result<app::Paper> PaperOf(const QueryParams& query) {
  const std::string paper(query.Get("paper").value_or("a4"));
  if (paper == "a4" || paper == "A4") return app::Paper::kA4;
  if (paper == "a5" || paper == "A5") return app::Paper::kA5;
  return Fail(Error::InvalidArgument("paper", "khổ giấy phải là a4 hoặc a5", "paper must be a4 or a5"));
}

// Where the QR code sends the citizen: the configured public address, else the one this request came to.
std::string PublicUrl(const FormsApiContext& c, const Request& request) {
  if (!c.public_url.empty()) return c.public_url;
  const auto host = request.find(boost::beast::http::field::host);
  const std::string name = host == request.end() ? "localhost" : std::string(host->value());
  return std::string(c.tls ? "https://" : "http://") + name + "/";
}

Response PdfResponse(const Request& request, std::string pdf, const std::string& file_name) {
  Response response{Status::ok, request.version()};
  response.set(boost::beast::http::field::content_type, "application/pdf");
  response.set(boost::beast::http::field::content_disposition, "inline; filename=\"" + file_name + "\"");
  // A form shows the dossier as it is now, and personal data: never kept by a cache.
  response.set(boost::beast::http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.body() = std::move(pdf);
  response.prepare_payload();
  return response;
}

// Whether the form is to be sealed: sign=seal, asked by an official (the seal speaks for the agency; a citizen prints
// the plain form). InvalidArgument naming "sign" for any other value.
Result<bool> SealAsked(const QueryParams& query, const Account& account) {
  const std::optional<std::string_view> sign = query.Get("sign");
  if (!sign) return false;
  if (*sign != "seal") {
    return Fail(
        Error::InvalidArgument("sign", "chỉ có thể đóng dấu điện tử: sign=seal", "the only value is sign=seal"));
  }
  if (account.role == Role::kCitizen) {
    return Fail(Error::PermissionDenied("role", "chỉ cán bộ được đóng dấu điện tử của cơ quan lên biểu mẫu",
                                        "only officials may put the agency's seal on a form"));
  }
  return true;
}

Response FormReply(const FormsApiContext& c, const Request& request, const std::string& code,
                   std::string_view form_name) {
  auto account = RequestAccount(c.dossiers.sessions, request);
  if (!account) return ErrorResponse(account.error());
  const std::optional<app::FormKind> kind = app::ParseFormKind(form_name);
  if (!kind) {
    return ErrorResponse(Error::NotFound("form", "không có biểu mẫu '" + std::string(form_name) + "'",
                                         "there is no form '" + std::string(form_name) + "'"));
  }
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"paper", "sign"});
  if (!query) return ErrorResponse(query.error());
  auto paper = PaperOf(*query);
  if (!paper) return ErrorResponse(paper.error());
  auto sealed = SealAsked(*query, *account);
  if (!sealed) return AccountFailure(*account, request, sealed.error());
  auto store = c.dossiers.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  const auto calendar = c.dossiers.calendar.Current();
  app::DossierDesk desk(**store, c.dossiers.clock, *calendar, c.dossiers.settings);
  auto view = desk.Show(*account, code);
  if (!view) {
    if (view.error().code == ErrorCode::kPermissionDenied) LogDenial(*account, request, view.error());
    return ErrorResponse(view.error());
  }
  const std::string tracking = app::TrackingUrl(PublicUrl(c, request), code, c.dossiers.pins.PinOf(code));
  auto names = app::LookUpFormNames(**store, *view, tracking);
  if (!names) return ErrorResponse(names.error());
  auto form = app::DossierForm(*kind, *view, *names, *paper, c.dossiers.settings);
  if (!form) return ErrorResponse(form.error());
  auto pdf = c.renderer.RenderPdf(*form);
  if (!pdf) return ErrorResponse(pdf.error());
  if (*sealed) {
    const app::ResultSignatureText text{.signer_name = "",  // the seal's own name, its certificate's
                                        .reason = form->title + " — hồ sơ " + code,
                                        .location = names->competent_agency,
                                        .at = c.dossiers.clock.Now()};
    auto signed_pdf = c.signer.Sign(app::SigningMethod::kSeal, "", *pdf, text);
    if (!signed_pdf) return ErrorResponse(signed_pdf.error());
    pdf = std::move(signed_pdf);
  }
  return PdfResponse(request, std::move(*pdf), std::string(app::FormFileStem(*kind)) + "-" + code + ".pdf");
}

}  // namespace

void AddFormsApi(Router& router, const FormsApiContext& context) {
  router.Add(Method::get, "/api/v1/dossiers/{code}/forms/{form}",
             RouteHandler([context](const Request& request, const PathParams& params) {
               return FormReply(context, request, std::string(params.Get("code")), params.Get("form"));
             }));
}

}  // namespace motcua::http
