#pragma once
// Request metrics in the Prometheus text exposition format (version 0.0.4), served at GET /metrics:
//   motcua_http_requests_total{method="GET",route="/api/v1/procedures/{code}",status="200"} 12
//   motcua_http_request_duration_seconds_bucket{method="GET",route="/api/v1/procedures/{code}",le="0.005"} 9
//   ..._sum, ..._count
// Requests are labelled by the route pattern that matched, never by the raw path, so the number of series stays
// bounded whatever clients send; a path that matches no route counts as route="unmatched", and a request the
// server refused before routing (malformed HTTP 400, body too large 413, header too large 431) as
// route="(rejected)", counted through ServerOptions::on_refused = CountRefusals(metrics). The duration is the
// handler's (routing, use case, JSON), not the network I/O, so refused requests have no duration.
//
// Thread-safety: RequestMetrics is one object owning its mutex; Record() and Render() may be called from any
// thread at once.
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "http/http_types.h"
#include "http/router.h"

namespace motcua::http {

class RequestMetrics {
 public:
  // Upper bounds of the latency histogram, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};

  void Record(std::string_view method, std::string_view route, unsigned status, std::chrono::nanoseconds duration);
  // Counts a request refused before routing, under route="(rejected)" (no duration: no handler ran).
  void RecordRefused(std::string_view method, unsigned status);

  // Every counter and histogram in the text format, series sorted by labels.
  std::string Render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative: requests in (previous bound, bound]
    std::uint64_t count = 0;
    double sum_seconds = 0;
  };
  using RouteKey = std::tuple<std::string, std::string>;  // method, route
  using CountKey = std::tuple<std::string, std::string, unsigned>;

  mutable std::mutex mutex_;
  std::map<CountKey, std::uint64_t> requests_;  // guarded by mutex_
  std::map<RouteKey, Histogram> durations_;     // guarded by mutex_
};

// The handler for GET /metrics.
// Served to this machine only (a client address of 127.0.0.0/8 or ::1; 403 naming "client" otherwise): the
// counts say who uses the system when, which is not for the LAN. A Prometheus on another machine scrapes
// through an SSH tunnel or a reverse proxy on the server.
Handler MakeMetricsHandler(const RequestMetrics& metrics);

// What ServerOptions::on_refused should be for the server's refusals to be counted in `metrics` (which must
// outlive the server).
std::function<void(std::string_view method, unsigned status)> CountRefusals(RequestMetrics& metrics);

// A Handler that dispatches with `router` and records each request in `metrics` (which must outlive it). It
// also notes the matched route for the access log (request_notes.h).
// A handler exception is recorded as a 500 and rethrown to the server, which answers it.
Handler WithMetrics(Router router, RequestMetrics& metrics);

}  // namespace motcua::http
