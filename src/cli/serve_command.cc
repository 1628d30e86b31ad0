// motcua serve: the HTTP server over the store.
#include <spdlog/spdlog.h>

#include "cli/command.h"
#include "http/health_handler.h"
#include "http/http_server.h"

namespace motcua::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
};

int RunServe(GlobalOptions& global, const ServeOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);  // creates or migrates the schema before serving
  if (!store) return exit_code;
  auto server_options = http::WithListenAddress(http::ServerOptions{}, options.listen);
  if (!server_options) return global.out.ReportError(server_options.error());
  server_options->threads = options.threads;
  http::HttpServer server(*server_options, http::MakeFoundationRouter());
  if (auto listening = server.Listen(); !listening) return global.out.ReportError(listening.error());
  spdlog::info("motcua {} serving {} on {}:{}", http::kServerVersion, global.db_path, server_options->address,
               server.bound_port());
  server.Run();
  spdlog::info("motcua stopped");
  return 0;
}

}  // namespace

CommandRun SetUpServe(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ServeOptions>();
  AddDbOption(command, global);
  command.add_option("--listen", options->listen, "Address and port, HOST:PORT (default 127.0.0.1:8080)");
  command.add_option("--threads", options->threads, "Threads serving requests (default 2)")->check(CLI::Range(1, 64));
  return [&global, options]() { return RunServe(global, *options); };
}

}  // namespace motcua::cli
