#include "http/metrics.h"

#include <fmt/format.h>

#include <utility>

#include "http/json_response.h"
#include "http/request_notes.h"

namespace motcua::http {
namespace {

// Label values are escaped as the text format requires: backslash, double quote and newline.
std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped += c;
  }
  return escaped;
}

std::string RouteLabels(const std::string& method, const std::string& route) {
  return "method=\"" + EscapeLabel(method) + "\",route=\"" + EscapeLabel(route) + "\"";
}

// The address the session saw (session.cc: without the port; IPv6 in brackets).
bool IsLoopback(std::string_view address) {
  if (address.starts_with('[') && address.ends_with(']')) address = address.substr(1, address.size() - 2);
  if (address.starts_with("::ffff:")) address.remove_prefix(7);  // an IPv4 client of an IPv6 socket
  return address.starts_with("127.") || address == "::1";
}

}  // namespace

void RequestMetrics::Record(std::string_view method, std::string_view route, unsigned status,
                            std::chrono::nanoseconds duration) {
  const double seconds = std::chrono::duration<double>(duration).count();
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  ++requests_[CountKey(method, route, status)];
  Histogram& histogram = durations_[RouteKey(method, route)];
  if (bucket < kBuckets.size()) ++histogram.buckets[bucket];
  ++histogram.count;
  histogram.sum_seconds += seconds;
}

void RequestMetrics::RecordRefused(std::string_view method, unsigned status) {
  std::lock_guard lock(mutex_);
  ++requests_[CountKey(method, kRejectedRoute, status)];
}

std::string RequestMetrics::Render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  out += "# HELP motcua_http_requests_total HTTP requests handled, by method, route pattern and status.\n";
  out += "# TYPE motcua_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out +=
        fmt::format("motcua_http_requests_total{{{},status=\"{}\"}} {}\n", RouteLabels(method, route), status, count);
  }
  out += "# HELP motcua_http_request_duration_seconds Time spent handling a request, by method and route pattern.\n";
  out += "# TYPE motcua_http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : durations_) {
    const std::string labels = RouteLabels(std::get<0>(key), std::get<1>(key));
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram.buckets[i];
      out += fmt::format("motcua_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[i],
                         cumulative);
    }
    out += fmt::format("motcua_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, histogram.count);
    out += fmt::format("motcua_http_request_duration_seconds_sum{{{}}} {}\n", labels, histogram.sum_seconds);
    out += fmt::format("motcua_http_request_duration_seconds_count{{{}}} {}\n", labels, histogram.count);
  }
  return out;
}

Handler MakeMetricsHandler(const RequestMetrics& metrics) {
  return [&metrics](const Request& request) {
    if (!IsLoopback(ToStd(request[kClientAddressHeader]))) {
      return ErrorResponse(Error::PermissionDenied("client", "số liệu /metrics chỉ xem được trên chính máy chủ",
                                                   "/metrics is served to this machine only"));
    }
    Response response{Status::ok, 11};
    response.set(beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.body() = metrics.Render();
    return response;
  };
}

std::function<void(std::string_view method, unsigned status)> CountRefusals(RequestMetrics& metrics) {
  return [&metrics](std::string_view method, unsigned status) { metrics.RecordRefused(method, status); };
}

Handler WithMetrics(Router router, RequestMetrics& metrics) {
  return [router = std::move(router), &metrics](const Request& request) {
    const auto started = std::chrono::steady_clock::now();
    // The verb's name, so that made-up methods all count as "<unknown>" instead of one series each.
    const std::string method(ToStd(beast_http::to_string(request.method())));
    try {
      Routed routed = router.Dispatch(request);
      NoteRoute(routed.pattern);
      metrics.Record(method, routed.pattern, routed.response.result_int(), std::chrono::steady_clock::now() - started);
      return std::move(routed.response);
    } catch (...) {
      // The route is unknown here: the exception left Dispatch before it could say.
      metrics.Record(method, "exception", 500, std::chrono::steady_clock::now() - started);
      throw;
    }
  };
}

}  // namespace motcua::http
