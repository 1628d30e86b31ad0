#pragma once
// A real motcua HTTP server for API tests: a fresh database with the shipped catalogue (seeded further by
// the test) — a SQLite file, or a PostgreSQL database when MOTCUA_TEST_ENGINE=postgresql (test_engine.h) — the route
// table of `motcua serve` (MakeApiRouter), an HttpServer on a loopback port chosen by the system, and a small
// synchronous Beast client. Its clock is set by the test and read by the server's threads, so it is atomic.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

#include "app/answer_rephraser.h"
#include "app/clock.h"
#include "app/hashing_gate.h"
#include "app/lifecycle_settings.h"
#include "app/live_calendar.h"
#include "app/login_throttle.h"
#include "app/procedure_catalogue.h"
#include "app/receipt_pins.h"
#include "app/signing_request_poller.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "app/work_calendar_loader.h"
#include "http/api_router.h"
#include "http/http_server.h"
#include "http/metrics.h"
#include "http/sign_in_gate.h"
#include "print/cairo_form_renderer.h"
#include "sign/configured_result_signer.h"
#include "sign/pades_signature_steps.h"
#include "sign/pdf_signature_verifier.h"
#include "sign/x509_certificate_reader.h"
#include "store/disk_blob_store.h"
#include "store/store_factory.h"
#include "support/test_certificates.h"
#include "support/test_engine.h"

namespace motcua::test_support {

// A clock the test moves while server threads read it.
class SharedClock final : public app::Clock {
 public:
  explicit SharedClock(Instant now) : seconds_(now.time_since_epoch().count()) {}
  Instant Now() const override { return Instant(std::chrono::seconds(seconds_.load())); }
  void Set(Instant now) { seconds_.store(now.time_since_epoch().count()); }

 private:
  std::atomic<std::int64_t> seconds_;
};

struct HttpReply {
  unsigned status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string Header(const std::string& lower_case_name) const {
    const auto found = headers.find(lower_case_name);
    return found == headers.end() ? "" : found->second;
  }
};

class ApiServer {
 public:
  using Seed = std::function<void(store::Store&, const app::Clock&)>;
  using Configure = std::function<void(http::ServerOptions&)>;

  // Starts from a new database holding the catalogue (catalogue_template.h), lets `seed` add what the test needs, lets
  // `configure` change the server's options (a short request timeout...), and starts serving. `rephraser`: the
  // assistant's language model (none by default, as `motcua serve` without --assistant-endpoint); it must outlive the
  // server. `remote_signing`: the remote signing service (none by default, as without --smartca-sp-id); it must
  // outlive the server.
  explicit ApiServer(Instant now, const Seed& seed = {}, const Configure& configure = {},
                     const app::AnswerRephraser* rephraser = nullptr,
                     const app::RemoteSigningService* remote_signing = nullptr)
      : db_path_(std::filesystem::temp_directory_path() /
                 ("motcua_api_test_" + std::to_string(::getpid()) + "_" + std::to_string(++instances_) + ".db")),
        spec_(FreshCatalogueSpec(db_path_.string())),
        clock_(now),
        blobs_(spec_.FilesFolder().value()) {
    std::filesystem::remove_all(blobs_.root());  // left by an earlier process of the same pid
    remote_signing_ = remote_signing;
    auto store = store::OpenStore(spec_).value();
    if (seed) seed(*store, clock_);
    procedures_ = std::make_unique<app::ProcedureCatalogue>(app::OpenProcedureCatalogue(*store).value());
    calendar_ = std::make_unique<app::LiveCalendar>(app::LoadWorkCalendar(*store).value());
    pins_ = std::make_unique<app::ReceiptPins>(store->LoadServerSecret("receipt_pin").value());
    stores_ = store::OpenStoreProvider(spec_).value();
    const http::SessionApiContext sessions{*stores_, clock_, hasher_, tokens_, login_throttle_, hashing_, {}};
    http::Router router = http::MakeApiRouter(
        {{*stores_, *procedures_, clock_, settings_.deadline, assistant_limiter_, tracking_limiter_, *pins_, rephraser},
         sessions,
         {*stores_, clock_, *calendar_, settings_, sessions, *pins_},
         metrics_,
         blobs_,
         *procedures_,
         uploads_,
         forms_,
         *result_signer_,
         signature_verifier_,
         certificate_reader_,
         signature_steps_,
         remote_signing_,
         "https://dichvucong.example.gov.vn/"});
    routes_ = router.Routes();
    http::ServerOptions options;
    options.port = 0;
    options.threads = 3;
    options.on_refused = http::CountRefusals(metrics_);
    options.request_gate = http::MakeSignInGate(sessions);  // as `motcua serve` sets it
    if (configure) configure(options);
    server_ = std::make_unique<http::HttpServer>(options, http::WithMetrics(std::move(router), metrics_));
    if (!server_->Listen()) throw std::runtime_error("listen");
    serving_ = std::thread([this] { server_->Run(); });
  }

  ~ApiServer() {
    Stop();
    WaitUntilStopped();
    server_.reset();
    stores_.reset();
    RemoveDatabase();
  }

  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // One request over a fresh loopback connection; `target` is sent as given (it may be malformed).
  HttpReply Send(http::Method method, const std::string& target, const std::string& body = "",
                 const std::string& bearer = "", const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    namespace beast = boost::beast;
    namespace bhttp = boost::beast::http;
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), server_->bound_port()));
    stream.expires_after(std::chrono::seconds(20));
    http::Request request{method, target, 11};
    request.set(bhttp::field::host, "127.0.0.1");
    if (!bearer.empty()) request.set(bhttp::field::authorization, "Bearer " + bearer);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    // The server may answer and close before reading an oversized body: the write then fails, the answer is
    // still there to read.
    beast::error_code write_error;
    bhttp::write(stream, request, write_error);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 << 20);
    parser.skip(method == http::Method::head);  // a response to HEAD has a Content-Length but no body
    beast::error_code read_error;
    bhttp::read(stream, buffer, parser, read_error);
    if (read_error)
      return HttpReply{0, "read failed: " + read_error.message() + " (write: " + write_error.message() + ")", {}};
    const http::Response& response = parser.get();
    HttpReply reply{response.result_int(), response.body(), {}};
    for (const auto& field : response) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = std::string(field.value());
    }
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    return reply;
  }
  HttpReply Get(const std::string& target, const std::string& bearer = "") {
    return Send(http::Method::get, target, "", bearer);
  }

  // Starts the graceful shutdown (HttpServer::Stop); returns at once.
  void Stop() { server_->Stop(); }
  // Blocks until the server has finished its shutdown (every connection closed).
  void WaitUntilStopped() {
    if (serving_.joinable()) serving_.join();
  }
  unsigned short port() const { return server_->bound_port(); }

  SharedClock& clock() { return clock_; }
  // The CA the server trusts (its seal is issued by it): a test issues officials' certificates from it.
  const TestAuthority& authority() const { return authority_; }
  // The limits on uploads, which a test may lower between requests.
  http::UploadLimits& uploads() { return uploads_; }
  const std::vector<std::pair<std::string, http::Method>>& routes() const { return routes_; }
  // The database the server uses (for raw looks at it: raw_sql.h, database_fingerprint.h).
  const store::StoreSpec& spec() const { return spec_; }
  const store::DiskBlobStore& blobs() const { return blobs_; }
  // What `motcua serve` gives its remote signing poller, on this server's database, files, clock and remote service
  // (which must have been given).
  app::SigningPollerParts PollerParts() {
    return {*stores_, blobs_, clock_, *calendar_, settings_, *remote_signing_, signature_steps_};
  }
  // A store of its own on the same file, for the test thread to look at what the server wrote.
  std::unique_ptr<store::Store> OpenStore() const { return store::OpenStore(spec_).value(); }

 private:
  void RemoveDatabase() {
    RemoveTestDatabase(spec_);
    std::filesystem::remove_all(blobs_.root());
  }

  static inline std::atomic<int> instances_ = 0;
  std::filesystem::path db_path_;  // the SQLite file, or the name the files folder is made from
  store::StoreSpec spec_;
  SharedClock clock_;
  store::DiskBlobStore blobs_;  // beside the database, removed with it
  app::LifecycleSettings settings_;
  http::RequestMetrics metrics_;
  app::SodiumPasswordHasher hasher_;
  app::SodiumTokenSource tokens_;
  app::LoginThrottle login_throttle_;
  app::HashingGate hashing_;
  http::UploadLimits uploads_;
  print::CairoFormRenderer forms_;
  // The agency's seal, issued by a CA of the test's own that the verifier trusts (EC keys: made in a millisecond).
  TestAuthority authority_{"Motcua Test Root CA", KeyKind::kEc};
  IssuedCertificate seal_ =
      authority_.IssueSigner({.common_name = "UBND xã Vân Sơn (con dấu thử)", .key_kind = KeyKind::kEc});
  std::unique_ptr<sign::ConfiguredResultSigner> result_signer_ = sign::ConfiguredResultSigner::FromKeys(
      sign::Pkcs12SigningKey::FromBytes(authority_.Pkcs12(seal_, "seal"), "seal").value(), {});
  sign::PdfSignatureVerifier signature_verifier_{{authority_.root().der()}};
  sign::X509CertificateReader certificate_reader_;
  sign::PadesSignatureSteps signature_steps_;
  const app::RemoteSigningService* remote_signing_ = nullptr;
  std::unique_ptr<app::ProcedureCatalogue> procedures_;
  http::RateLimiter assistant_limiter_;
  // Tests look dossiers up far more often than a citizen; the limit itself is tested on its own server.
  http::RateLimiter tracking_limiter_{http::RateLimit{1e6, std::chrono::milliseconds(1), 10000}};
  std::unique_ptr<app::LiveCalendar> calendar_;
  std::unique_ptr<app::ReceiptPins> pins_;
  std::unique_ptr<store::StoreProvider> stores_;
  std::vector<std::pair<std::string, http::Method>> routes_;
  std::unique_ptr<http::HttpServer> server_;
  std::thread serving_;
};

}  // namespace motcua::test_support
