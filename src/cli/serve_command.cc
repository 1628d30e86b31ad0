// motcua serve: the HTTP server over the store.
#include <spdlog/spdlog.h>

#include <thread>
#include <utility>

#include "app/background_hasher.h"
#include "app/certificate_standing.h"
#include "app/clock.h"
#include "app/hashing_gate.h"
#include "app/lifecycle_settings.h"
#include "app/live_calendar.h"
#include "app/login_throttle.h"
#include "app/procedure_catalogue.h"
#include "app/province_settings.h"
#include "app/receipt_pins.h"
#include "app/signing_request_poller.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "app/work_calendar_loader.h"
#include "cli/assistant_model.h"
#include "cli/backup_schedule_options.h"
#include "cli/command.h"
#include "cli/signing_options.h"
#include "domain/civil_time.h"
#include "domain/upload_quota.h"
#include "http/api_router.h"
#include "http/health_handler.h"
#include "http/http_server.h"
#include "http/metrics.h"
#include "http/public_api.h"
#include "http/session_api.h"
#include "http/sign_in_gate.h"
#include "http/static_files.h"
#include "print/cairo_form_renderer.h"
#include "sign/pades_signature_steps.h"
#include "sign/x509_certificate_reader.h"
#include "store/disk_blob_store.h"
#include "store/store_factory.h"

namespace motcua::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  // Requests that write wait for their group's commit on their thread: enough threads let the writes of many
  // requests gather into one group (one fsync) while others read.
  int threads = 16;
  // Public tracking: codes are sequential, so lookups are limited per address — a burst of 30, then 20 a minute:
  // enough for a hall behind one address, slow for guessing a receipt PIN (10^6 of them). 0 lifts the limit (for
  // a benchmark of the route).
  int tracking_per_minute = 20;
  // Bytes an account may upload in 24 hours (domain/upload_quota.h), in MiB.
  std::int64_t citizen_upload_mib = UploadQuota{}.citizen_bytes >> 20;
  std::int64_t staff_upload_mib = UploadQuota{}.staff_bytes >> 20;
  AssistantModelOptions assistant;  // off unless --assistant-endpoint
  SigningOptions signing;           // no way of signing, no trusted root, unless given
  BackupScheduleOptions backups;    // off unless --backup-dir
  http::TlsFiles tls;               // clear text unless --tls-cert and --tls-key
  std::string public_url;           // where citizens open tracking pages; "" for the address a request came to
  std::size_t max_connections = http::ServerOptions{}.max_connections;
  std::size_t max_connections_per_address = http::ServerOptions{}.max_connections_per_address;
};

constexpr double kTrackingBurst = 30;

// The public address with its final "/", so that a page's path follows it.
std::string PublicUrl(std::string url) {
  if (!url.empty() && !url.ends_with('/')) url += '/';
  return url;
}

// What the server can sign with and whom it trusts, said once at start-up; a seal that expires within the
// warning window (app/certificate_standing.h) or has expired, loudly.
// One round of the remote signing poller: quiet unless something ended or failed.
void LogSigningRound(const Result<std::size_t>& ended) {
  if (!ended) {
    spdlog::warn("remote signing: settling the open requests failed: {}", ended.error().message_en);
  } else if (*ended > 0) {
    spdlog::info("remote signing: {} request(s) settled", *ended);
  }
}

void LogSigning(const Signing& signing, Instant now) {
  for (const app::SigningMethodInfo& method : signing.signer->Methods()) {
    if (!method.certificate) {
      spdlog::info("signing: a PKCS#11 token, its PIN typed for each signature");
      continue;
    }
    const app::CertificateFacts& seal = *method.certificate;
    const std::string until = FormatIsoLocal(Instant{std::chrono::seconds{seal.not_after}});
    spdlog::info("signing: the seal of \"{}\" (issued by \"{}\", valid until {})", seal.common_name,
                 seal.issuer_common_name, until);
    const app::CertificateStanding standing = app::StandingAt(seal, now);
    if (standing != app::CertificateStanding::kValid) {
      spdlog::warn("signing: the seal's certificate is {} (valid until {}): renew it at its CA",
                   app::CertificateStandingName(standing), until);
    }
  }
  if (signing.remote)
    spdlog::info("signing: leaders with a remote certificate in the register sign through VNPT SmartCA");
  if (signing.trusted_roots == 0) {
    spdlog::warn("signatures: no --trust-roots; every signature will read as from an unknown CA");
  }
}

http::RateLimit TrackingLimit(int per_minute) {
  if (per_minute == 0) return http::RateLimit{1e12, std::chrono::milliseconds(1), 10000};
  return http::RateLimit{kTrackingBurst, std::chrono::milliseconds(60'000 / per_minute), 10000};
}

// Everything the routes refer to, built once before serving and outliving the server.
struct ServerState {
  std::unique_ptr<store::StoreProvider> stores;
  app::ProcedureCatalogue procedures;
  app::LiveCalendar calendar;
  app::SystemClock clock;
  app::LifecycleSettings settings;
  http::RequestMetrics metrics;
  app::ReceiptPins pins;
  http::RateLimiter assistant_limiter;
  http::RateLimiter tracking_limiter;  // kTrackingLimit
  app::SodiumPasswordHasher hasher;
  app::SodiumTokenSource tokens;
  app::LoginThrottle login_throttle;
};

// The head of the event log, in the journal at start and at a clean stop: a checkpoint kept off the machine
// (the journal shipped elsewhere) that `motcua verify --checkpoint` checks, so that a lost tail shows.
void LogEventLogCheckpoint(store::StoreProvider& stores, std::string_view when) {
  auto store = stores.ForThisThread();
  if (!store) {
    spdlog::error("event log checkpoint at {}: {}", when, store.error().message_en);
    return;
  }
  auto head = (*store)->EventLogHead();
  if (!head) {
    spdlog::error("event log checkpoint at {}: {}", when, head.error().message_en);
    return;
  }
  spdlog::info("event log checkpoint at {}: {}:{} (motcua verify --checkpoint {}:{})", when, head->position,
               head->chain, head->position, head->chain);
}

int RunServe(GlobalOptions& global, const ServeOptions& options) {
  // Chosen once, before the database is touched; a bad endpoint stops the start rather than leaving the
  // assistant silently without its model.
  auto rephraser = OpenAssistantRephraser(options.assistant);
  if (!rephraser) return global.out.ReportError(rephraser.error());
  // Likewise the TLS files, checked here before the database is opened (Listen() loads them again to serve).
  if (options.tls.enabled()) {
    if (auto tls = http::LoadTlsContext(options.tls); !tls) return global.out.ReportError(tls.error());
  }
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);  // creates or migrates the schema before serving
  if (!store) return exit_code;
  const store::StoreSpec spec = global.Spec().value();  // OpenStoreOrReport has read it
  auto files = spec.FilesFolder();
  if (!files) return global.out.ReportError(files.error());
  auto stores = store::OpenStoreProvider(spec);
  if (!stores) return global.out.ReportError(stores.error());
  // Keys left claimed by a server that died before its request wrote anything: their retries must run. (One
  // server serves a database file; with several, a key would need the process that claimed it.)
  auto settled = (*store).SettleIdempotencyKeys();
  if (!settled) return global.out.ReportError(settled.error());
  if (*settled > 0) spdlog::info("forgot {} idempotency keys claimed by a request that wrote nothing", *settled);
  auto server_options = http::WithListenAddress(http::ServerOptions{}, options.listen);
  if (!server_options) return global.out.ReportError(server_options.error());
  server_options->threads = options.threads;
  server_options->tls = options.tls;
  server_options->max_connections = options.max_connections;
  server_options->max_connections_per_address = options.max_connections_per_address;
  auto procedures = app::OpenProcedureCatalogue(*store);
  if (!procedures) return global.out.ReportError(procedures.error());
  // Read now, and again each time the administrator saves a day (app/live_calendar.h).
  auto calendar = app::LoadWorkCalendar(*store);
  if (!calendar) return global.out.ReportError(calendar.error());
  // The province's choices (how working days are counted...), read once: `motcua settings set` says so.
  auto settings = app::LoadLifecycleSettings(*store);
  if (!settings) return global.out.ReportError(settings.error());
  auto pin_secret = (*store).LoadServerSecret("receipt_pin");
  if (!pin_secret) return global.out.ReportError(pin_secret.error());
  ServerState state{std::move(*stores),
                    std::move(*procedures),
                    app::LiveCalendar(std::move(*calendar)),
                    {},
                    std::move(*settings),
                    {},
                    app::ReceiptPins(std::move(*pin_secret)),
                    {},
                    http::RateLimiter(TrackingLimit(options.tracking_per_minute)),
                    {},
                    {},
                    {}};
  // Beside the state, also outliving the server (neither moves: they hold mutexes).
  const app::HashingLimits hashing_limits = app::HashingLimitsFor(std::thread::hardware_concurrency());
  app::HashingGate hashing(hashing_limits);
  app::BackgroundHasher hasher(state.hasher, hashing_limits.concurrent);
  if (hasher.IdlePriorityThreads() < hashing_limits.concurrent) {
    spdlog::warn("password hashing runs at normal priority: a flood of logins will slow other requests more");
  }
  http::UploadLimits uploads;
  uploads.quota.citizen_bytes = options.citizen_upload_mib << 20;
  uploads.quota.staff_bytes = options.staff_upload_mib << 20;
  const http::SessionApiContext sessions{*state.stores,        state.clock, hasher, state.tokens,
                                         state.login_throttle, hashing,     {}};
  // Requests refused before routing (malformed, oversized) are counted in /metrics too.
  server_options->on_refused = http::CountRefusals(state.metrics);
  // A large body to a route that needs a session is refused from its header when the token is not valid, so
  // that anonymous uploads never fill the server's memory (http/sign_in_gate.h).
  server_options->request_gate = http::MakeSignInGate(sessions);
  // Document files live beside the database (<db>.files/) or in --files, content-addressed.
  store::DiskBlobStore blobs(*files);
  const print::CairoFormRenderer forms;
  if (forms.problem()) spdlog::warn("printed forms cannot be made: {}", forms.problem()->message_en);
  auto signing = OpenSigning(options.signing);
  if (!signing) return global.out.ReportError(signing.error());
  LogSigning(*signing, state.clock.Now());
  const sign::X509CertificateReader certificate_reader;
  const sign::PadesSignatureSteps signature_steps;
  http::StaticFiles web = http::StaticFiles::Embedded();
  if (web.empty()) spdlog::warn("the web front end was not built (scripts/build.sh builds it): / says so");
  http::HttpServer server(
      *server_options,
      http::WithStaticFiles(
          http::WithMetrics(
              http::MakeApiRouter({{*state.stores, state.procedures, state.clock, state.settings.deadline,
                                    state.assistant_limiter, state.tracking_limiter, state.pins, rephraser->get()},
                                   sessions,
                                   {*state.stores, state.clock, state.calendar, state.settings, sessions, state.pins},
                                   state.metrics,
                                   blobs,
                                   state.procedures,
                                   uploads,
                                   forms,
                                   *signing->signer,
                                   *signing->verifier,
                                   certificate_reader,
                                   signature_steps,
                                   signing->remote.get(),
                                   PublicUrl(options.public_url),
                                   options.tls.enabled()}),
              state.metrics),
          std::move(web)));
  // Before listening, so that a bad interval stops the start; stopped (after a backup under way) when serving ends.
  auto backups = StartScheduledBackups(options.backups, *state.stores, *files, state.clock);
  if (!backups) return global.out.ReportError(backups.error());
  // Stopped (after the round under way) when serving ends.
  std::optional<app::SigningRequestPoller> remote_signatures;
  if (signing->remote) {
    remote_signatures.emplace(app::SigningPollerParts{*state.stores, blobs, state.clock, state.calendar, state.settings,
                                                      *signing->remote, signature_steps},
                              app::kSigningPollInterval, LogSigningRound);
  }
  if (auto listening = server.Listen(); !listening) return global.out.ReportError(listening.error());
  spdlog::info("motcua {} serving {} ({} procedures indexed) on {}://{}:{}; working days counted as {}",
               http::kServerVersion, spec.Shown(), state.procedures.size(), options.tls.enabled() ? "https" : "http",
               server_options->address, server.bound_port(),
               WorkingDayReadingName(state.settings.deadline.working_days));
  if (*rephraser) {
    spdlog::info("assistant: answers also reworded by model \"{}\" at {}", options.assistant.model,
                 options.assistant.endpoint);
  }
  LogEventLogCheckpoint(*state.stores, "start");
  server.Run();
  LogEventLogCheckpoint(*state.stores, "stop");
  spdlog::info("motcua stopped");
  return 0;
}

}  // namespace

CommandRun SetUpServe(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ServeOptions>();
  AddDbOption(command, global);
  command.add_option("--listen", options->listen, "Address and port, HOST:PORT (default 127.0.0.1:8080)");
  command.add_option("--threads", options->threads, "Threads serving requests (default 16)")->check(CLI::Range(1, 64));
  command
      .add_option("--tracking-per-minute", options->tracking_per_minute,
                  "Public tracking lookups allowed per client address per minute, after a burst of 30 (default 20; "
                  "0: no limit, for benchmarks)")
      ->check(CLI::Range(0, 60000));
  command
      .add_option("--upload-quota-citizen", options->citizen_upload_mib,
                  "MiB a citizen's account may upload in 24 hours (default 200)")
      ->check(CLI::Range(1, 1 << 20));
  command
      .add_option("--upload-quota-staff", options->staff_upload_mib,
                  "MiB a staff account may upload in 24 hours (default 4096)")
      ->check(CLI::Range(1, 1 << 20));
  command.add_option("--tls-cert", options->tls.certificate,
                     "Serve https: the server's certificate, PEM, followed by any intermediate CA certificates");
  command.add_option("--tls-key", options->tls.private_key, "The certificate's private key, PEM, unencrypted");
  command
      .add_option("--public-url", options->public_url,
                  "The address citizens open this service at, e.g. https://dichvucong.example.gov.vn/ (the QR code "
                  "of a receipt slip leads there; default: the address the counter's request came to)")
      ->check([](const std::string& url) {
        return url.starts_with("https://") || url.starts_with("http://") ? std::string()
                                                                         : std::string("must start with https://");
      });
  command
      .add_option("--max-connections", options->max_connections,
                  "Connections open at once; more are turned away with 503 (default 512, below the usual limit of "
                  "1024 open files)")
      ->check(CLI::Range(1, 100000));
  command
      .add_option("--max-connections-per-address", options->max_connections_per_address,
                  "Connections open at once from one client address; more are turned away with 429 (default 64)")
      ->check(CLI::Range(1, 100000));
  AddAssistantModelOptions(command, options->assistant);
  AddSigningOptions(command, options->signing);
  AddBackupScheduleOptions(command, options->backups);
  return [&global, options]() { return RunServe(global, *options); };
}

}  // namespace motcua::cli
