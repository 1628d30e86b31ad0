// /metrics is for this machine: the handler serves a loopback client (IPv4, IPv6, IPv4 through an IPv6 socket)
// and refuses any other naming "client". The address is the one the session saw (session.cc overwrites any
// X-Motcua-Client-Address a client sends), so a request cannot claim to be local.
#include <gtest/gtest.h>

#include <string>

#include "http/metrics.h"

namespace motcua::http {
namespace {

Response Scrape(const RequestMetrics& metrics, const char* client) {
  Request request{Method::get, "/metrics", 11};
  request.set(kClientAddressHeader, client);
  return MakeMetricsHandler(metrics)(request);
}

TEST(MetricsAccess, TheCountsAreServedToThisMachineOnly) {
  RequestMetrics metrics;
  for (const char* local : {"127.0.0.1", "127.8.9.10", "[::1]", "::1", "[::ffff:127.0.0.1]"}) {
    EXPECT_EQ(Scrape(metrics, local).result(), Status::ok) << local;
  }
  for (const char* remote : {"192.168.1.20", "10.0.0.7", "[fe80::1]", "[::ffff:192.168.1.20]", "1270.0.0.1", "", "-"}) {
    const Response refused = Scrape(metrics, remote);
    EXPECT_EQ(refused.result(), Status::forbidden) << remote;
    EXPECT_NE(refused.body().find("\"field\":\"client\""), std::string::npos) << refused.body();
  }
}

}  // namespace
}  // namespace motcua::http
