// Fuzzes the router's matching of request paths (src/http/router.h) against the real route table: the patterns
// and methods of http::MakeApiRouter, the table of `motcua serve`, each answered by a stub that checks the path
// parameters it is handed instead of calling a use case (the handlers need a database; what is fuzzed here is
// the path). Each input is a request target, sent as GET, POST and DELETE.
//
// A failure: a crash, a sanitizer report, an exception escaping, a path parameter that is empty or not UTF-8
// (checked with nlohmann-json's decoder, not ours), or an answer that is not the stub's, 400, 404 or 405 as
// router.h promises (404 exactly when no pattern matched, 405 with an Allow header).
//
// The stub table is built once, on the first input, and only read afterwards: nothing carries over from one
// input to the next.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/form_renderer.h"
#include "app/hashing_gate.h"
#include "app/lifecycle_settings.h"
#include "app/live_calendar.h"
#include "app/login_throttle.h"
#include "app/procedure_catalogue.h"
#include "app/receipt_pins.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "domain/work_calendar.h"
#include "fuzz_check.h"
#include "http/api_router.h"
#include "http/metrics.h"
#include "http/rate_limiter.h"
#include "store/disk_blob_store.h"
#include "store/sql/sql_store_provider.h"
#include "store/sqlite/sqlite_store.h"

namespace {

namespace http = motcua::http;
using motcua::fuzz::Check;

// The `{name}` segments of `pattern`.
std::vector<std::string> ParameterNames(std::string_view pattern) {
  std::vector<std::string> names;
  for (auto open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
    names.emplace_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
  }
  return names;
}

// A handler for `pattern` that checks its parameters and answers 200 with the pattern as its body.
http::RouteHandler Stub(const std::string& pattern) {
  return [pattern, names = ParameterNames(pattern)](const http::Request& request, const http::PathParams& params) {
    for (const std::string& name : names) {
      const std::string_view value = params.Get(name);
      Check(!value.empty(), "a matched path parameter is not empty");
      Check(motcua::fuzz::IsUtf8ForNlohmann(value), "a path parameter is decoded to UTF-8");
    }
    http::Response response{http::Status::ok, request.version()};
    response.body() = pattern;
    return response;
  };
}

// The routes' handlers never run here: forms are never made.
class NoForms final : public motcua::app::FormRenderer {
 public:
  motcua::Result<std::string> RenderPdf(const motcua::app::PrintedForm&) const override {
    return motcua::Fail(motcua::Error::Unavailable("form", "không in biểu mẫu", "no forms here"));
  }
};

// Nor are results signed or signatures read.
class NoSigner final : public motcua::app::ResultSigner {
 public:
  std::vector<motcua::app::SigningMethodInfo> Methods() const override { return {}; }
  motcua::Result<std::string> Sign(motcua::app::SigningMethod, std::string_view, std::string_view,
                                   const motcua::app::ResultSignatureText&) const override {
    return motcua::Fail(motcua::Error::FailedPrecondition("method", "không ký", "no signing here"));
  }
};
class NoVerifier final : public motcua::app::SignatureVerifier {
 public:
  motcua::Result<std::vector<motcua::app::SignatureReport>> Verify(std::string_view) const override { return {}; }
};
class NoSignatureSteps final : public motcua::app::PdfSignatureSteps {
 public:
  motcua::Result<motcua::app::PreparedPdfSignature> Prepare(std::string_view, const motcua::app::ResultSignatureText&,
                                                            std::vector<std::string>) const override {
    return motcua::Fail(motcua::Error::InvalidArgument("file", "không ký", "no signing here"));
  }
  motcua::Result<std::string> Complete(motcua::app::PreparedPdfSignature, std::string_view) const override {
    return motcua::Fail(motcua::Error::InvalidArgument("signature", "không ký", "no signing here"));
  }
};
class NoCertificateReader final : public motcua::app::CertificateReader {
 public:
  motcua::Result<motcua::app::ReadCertificate> Read(std::string_view) const override {
    return motcua::Fail(motcua::Error::InvalidArgument("certificate", "không đọc", "not read here"));
  }
};

// The routes of the real table. MakeApiRouter only keeps references to what it is given; the objects here are
// the cheapest that will do (an empty catalogue, a database never opened) and die with this function.
std::vector<std::pair<std::string, http::Method>> RealRoutes() {
  auto empty_store = motcua::store::OpenSqliteStore(":memory:").value();
  motcua::app::ProcedureCatalogue catalogue = motcua::app::ProcedureCatalogue::Load(*empty_store).value();
  motcua::store::SqlStoreProvider stores(motcua::store::SqliteOpener("/nonexistent/motcua-fuzz.db"));
  const motcua::app::FixedClock clock(motcua::Instant{});
  motcua::app::LiveCalendar calendar(motcua::WorkCalendar(motcua::WorkingHours::Default(), {}));
  const motcua::app::LifecycleSettings settings;
  http::RateLimiter assistant_limiter;
  http::RateLimiter tracking_limiter;
  const motcua::app::ReceiptPins pins(std::string(32, 'k'));
  motcua::app::SodiumPasswordHasher hasher;
  motcua::app::SodiumTokenSource tokens;
  motcua::app::LoginThrottle login_throttle;
  motcua::app::HashingGate hashing;
  http::RequestMetrics metrics;
  motcua::store::DiskBlobStore blobs("/nonexistent/motcua-fuzz-files");
  http::UploadLimits uploads;
  const NoForms forms;
  const NoSigner signer;
  const NoVerifier verifier;
  const NoCertificateReader certificates;
  const NoSignatureSteps steps;
  const http::SessionApiContext sessions{stores, clock, hasher, tokens, login_throttle, hashing, {}};
  const http::Router real = http::MakeApiRouter(
      {{stores, catalogue, clock, settings.deadline, assistant_limiter, tracking_limiter, pins, nullptr},
       sessions,
       {stores, clock, calendar, settings, sessions, pins},
       metrics,
       blobs,
       catalogue,
       uploads,
       forms,
       signer,
       verifier,
       certificates,
       steps});
  return real.Routes();
}

const http::Router& StubRouter() {
  static const http::Router router = [] {
    http::Router stubs;
    for (const auto& [pattern, method] : RealRoutes()) stubs.Add(method, pattern, Stub(pattern));
    return stubs;
  }();
  return router;
}

void CheckRouted(const http::Routed& routed) {
  const unsigned status = routed.response.result_int();
  if (status == 200) return Check(routed.response.body() == routed.pattern, "the stub of the matched pattern answers");
  Check(status == 400 || status == 404 || status == 405, "the router answers 400, 404 or 405");
  Check((status == 404) == (routed.pattern == http::kUnmatchedRoute), "404 exactly when no pattern matched");
  if (status == 405) Check(routed.response.count(http::beast_http::field::allow) == 1, "a 405 says what is allowed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  for (http::Method method : {http::Method::get, http::Method::post, http::Method::delete_}) {
    const http::Request request{method, boost::beast::string_view(target.data(), target.size()), 11};
    CheckRouted(StubRouter().Dispatch(request));
  }
  return 0;
}
