// http_load: a small closed-loop HTTP load generator for the benchmarks (issue 7). C connections, each on its own
// thread with one keep-alive connection, send requests back to back for a given time; every request's latency
// is recorded, and the run prints the rate and the latency percentiles as one table row.
//
// Requests come from a script file, one per line: `METHOD PATH [@BODY_FILE]` (lines starting with # are
// skipped). Connection i starts at line i and goes round the script, so that many different dossiers, units and
// search texts are asked for. Headers given with --header go with every request.
//
//   http_load --port 8080 --connections 16 --seconds 10 --script reads.txt --header "Authorization: Bearer T"
//
// Output (one line, tab-separated, after a header line unless --no-header):
//   label  connections  requests  errors  rate/s  p50_ms  p90_ms  p99_ms  max_ms
// A request is an error when the connection fails or the status is not 2xx; the statuses seen are listed on
// stderr. Only loopback is used by the benchmarks.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  int connections = 8;
  double seconds = 10;
  double warmup = 1;  // seconds of requests not counted, so that caches and connections settle
  std::string script;
  std::string label = "load";
  std::vector<std::pair<std::string, std::string>> headers;
  bool header_line = true;
};

struct Request {
  http::verb method = http::verb::get;
  std::string target;
  std::string body;
};

struct Tally {
  std::vector<double> latencies_ms;
  std::string first_error;       // the body of the first non-2xx answer, to say why
  std::map<int, long> statuses;  // 0: connection failure
  long errors = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Request> ReadScript(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the script " + path);
  std::vector<Request> requests;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string method, target, body;
    words >> method >> target >> body;
    Request r{http::string_to_verb(method), target, ""};
    if (r.method == http::verb::unknown || target.empty()) throw std::runtime_error("bad script line: " + line);
    if (!body.empty() && body[0] == '@') r.body = ReadFile(body.substr(1));
    requests.push_back(std::move(r));
  }
  if (requests.empty()) throw std::runtime_error("the script " + path + " has no request");
  return requests;
}

// One connection's loop: requests from `start` round the script until `end`; latencies after `counted_from`.
void RunConnection(const Options& options, const std::vector<Request>& script, std::size_t start,
                   Clock::time_point counted_from, Clock::time_point end, Tally& tally) {
  net::io_context io;
  tcp::resolver resolver(io);
  const auto endpoints = resolver.resolve(options.host, options.port);
  std::unique_ptr<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  for (std::size_t i = start; Clock::now() < end; ++i) {
    const Request& r = script[i % script.size()];
    http::request<http::string_body> request{r.method, r.target, 11};
    request.set(http::field::host, options.host);
    request.keep_alive(true);
    for (const auto& [name, value] : options.headers) request.set(name, value);
    if (!r.body.empty()) {
      request.set(http::field::content_type, "application/json");
      request.body() = r.body;
    }
    request.prepare_payload();
    const auto sent = Clock::now();
    int status = 0;
    try {
      if (!stream) {
        stream = std::make_unique<beast::tcp_stream>(io);
        stream->connect(endpoints);
      }
      http::write(*stream, request);
      http::response<http::string_body> response;
      http::read(*stream, buffer, response);
      status = response.result_int();
      if ((status < 200 || status >= 300) && tally.first_error.empty()) tally.first_error = response.body();
      if (!response.keep_alive()) stream.reset();
    } catch (const std::exception&) {
      stream.reset();
      buffer.clear();
    }
    const auto done = Clock::now();
    if (sent < counted_from) continue;
    tally.latencies_ms.push_back(std::chrono::duration<double, std::milli>(done - sent).count());
    ++tally.statuses[status];
    if (status < 200 || status >= 300) ++tally.errors;
  }
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--host")
      o.host = value();
    else if (arg == "--port")
      o.port = value();
    else if (arg == "--connections")
      o.connections = std::stoi(value());
    else if (arg == "--seconds")
      o.seconds = std::stod(value());
    else if (arg == "--warmup")
      o.warmup = std::stod(value());
    else if (arg == "--script")
      o.script = value();
    else if (arg == "--label")
      o.label = value();
    else if (arg == "--no-header")
      o.header_line = false;
    else if (arg == "--header") {
      const std::string h = value();
      const auto colon = h.find(':');
      if (colon == std::string::npos) throw std::runtime_error("--header takes 'Name: value'");
      o.headers.emplace_back(h.substr(0, colon), h.substr(h.find_first_not_of(' ', colon + 1)));
    } else {
      throw std::runtime_error("unknown option " + arg);
    }
  }
  if (o.script.empty()) throw std::runtime_error("--script is required");
  if (o.connections < 1) throw std::runtime_error("--connections must be at least 1");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = ParseOptions(argc, argv);
    const std::vector<Request> script = ReadScript(options.script);
    const auto begin = Clock::now();
    const auto counted_from =
        begin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.warmup));
    const auto end =
        counted_from + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
    std::vector<Tally> tallies(static_cast<std::size_t>(options.connections));
    {
      std::vector<std::jthread> threads;
      for (int c = 0; c < options.connections; ++c) {
        threads.emplace_back([&, c] {
          RunConnection(options, script, static_cast<std::size_t>(c) * 7919 % script.size(), counted_from, end,
                        tallies[static_cast<std::size_t>(c)]);
        });
      }
    }
    Tally all;
    for (Tally& t : tallies) {
      all.latencies_ms.insert(all.latencies_ms.end(), t.latencies_ms.begin(), t.latencies_ms.end());
      for (const auto& [status, count] : t.statuses) all.statuses[status] += count;
      all.errors += t.errors;
      if (all.first_error.empty()) all.first_error = t.first_error;
    }
    std::sort(all.latencies_ms.begin(), all.latencies_ms.end());
    const double elapsed = std::chrono::duration<double>(Clock::now() - counted_from).count();
    if (options.header_line)
      std::printf("label\tconnections\trequests\terrors\trate/s\tp50_ms\tp90_ms\tp99_ms\tmax_ms\n");
    std::printf("%s\t%d\t%zu\t%ld\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\n", options.label.c_str(), options.connections,
                all.latencies_ms.size(), all.errors, static_cast<double>(all.latencies_ms.size()) / elapsed,
                Percentile(all.latencies_ms, 0.50), Percentile(all.latencies_ms, 0.90),
                Percentile(all.latencies_ms, 0.99), all.latencies_ms.empty() ? 0.0 : all.latencies_ms.back());
    std::fprintf(stderr, "%s statuses:", options.label.c_str());
    for (const auto& [status, count] : all.statuses) std::fprintf(stderr, " %d×%ld", status, count);
    std::fprintf(stderr, "\n");
    if (!all.first_error.empty())
      std::fprintf(stderr, "%s first error: %s\n", options.label.c_str(), all.first_error.c_str());
    return all.errors == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "http_load: %s\n", e.what());
    return 2;
  }
}
