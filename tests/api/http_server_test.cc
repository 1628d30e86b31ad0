// The server's connection handling, seen from a raw socket (tests/support/raw_connection.h): keep-alive, the
// request timeout, the header limit, and the graceful shutdown that finishes a request in flight. The server
// is the real one (tests/support/api_server.h) with a 300 ms request timeout, so that waiting for it to drop a
// slow client is quick; the tests wait for the server's own action (a close, an answer), never for a clock.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"
#include "support/raw_connection.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;
using test_support::RawConnection;
using test_support::TokenOf;

constexpr std::chrono::milliseconds kRequestTimeout{300};

class HttpServerTest : public test_support::DossierApiFixture {
 protected:
  void SetUp() override { Restart(kRequestTimeout); }

  // A fresh server whose deadlines (header, idle, body) are all `timeout`, unless `header` is given.
  void Restart(std::chrono::milliseconds timeout, std::optional<std::chrono::milliseconds> header = std::nullopt) {
    server_.reset();
    server_ = std::make_unique<test_support::ApiServer>(test_support::At("2026-01-12T08:00:00+07:00"),
                                                        test_support::SeedDossierApi,
                                                        [timeout, header](ServerOptions& options) {
                                                          options.request_timeout = timeout;
                                                          options.idle_timeout = timeout;
                                                          options.header_timeout = header.value_or(timeout);
                                                        });
  }

  // A POST of a new dossier at Vân Sơn's counter, as the receptionist: its head and its body.
  static std::string IntakeHead(std::size_t body_size) {
    return "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TokenOf("tn.vanson") +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body_size) + "\r\n\r\n";
  }
  static std::string IntakeBody() { return Intake("vs-ttpvhcc", kVanSonAgency).dump(); }
};

constexpr const char* kHealthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

TEST_F(HttpServerTest, TwoRequestsShareOneKeepAliveConnection) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.Send(kHealthz));
  const auto first = connection.ReadReply();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->status, 200u);
  EXPECT_NE(first->Header("connection"), "close");
  const std::string body = IntakeBody();
  ASSERT_TRUE(connection.Send(IntakeHead(body.size()) + body));
  const auto second = connection.ReadReply();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->status, 201u) << second->body;
  // Two more, sent back to back before reading (pipelined), are answered in order.
  ASSERT_TRUE(connection.Send(std::string(kHealthz) + "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(connection.ReadReply().value().status, 200u);
  EXPECT_EQ(connection.ReadReply().value().status, 404u);
  EXPECT_EQ(Snapshot().size(), 1u);
}

TEST_F(HttpServerTest, APartialRequestIsDroppedAfterTheRequestTimeout) {
  RawConnection connection(server_->port());
  const auto started = std::chrono::steady_clock::now();
  const std::string body = IntakeBody();
  ASSERT_TRUE(connection.Send(IntakeHead(body.size()) + body.substr(0, body.size() / 2)));
  // Blocks until the server closes the connection (or the client's own 10 s timeout fails the test).
  EXPECT_TRUE(connection.ClosedByServer());
  EXPECT_GE(std::chrono::steady_clock::now() - started, kRequestTimeout - std::chrono::milliseconds(50));
  EXPECT_TRUE(Snapshot().empty());

  // An idle keep-alive connection is dropped the same way.
  RawConnection idle(server_->port());
  ASSERT_TRUE(idle.Send(kHealthz));
  EXPECT_EQ(idle.ReadReply().value().status, 200u);
  EXPECT_TRUE(idle.ClosedByServer());
  EXPECT_EQ(server_->Get("/healthz").status, 200u);
}

// Slowloris: a header that never ends holds a connection for the header deadline (short), not the body's (long),
// and so does a connection that sends nothing at all.
TEST_F(HttpServerTest, AHalfSentHeaderIsDroppedAfterTheHeaderTimeoutNotTheBodyTimeout) {
  constexpr std::chrono::milliseconds kHeaderTimeout{300};
  constexpr std::chrono::seconds kBodyTimeout{30};
  Restart(kBodyTimeout, kHeaderTimeout);
  for (const std::string sent : {"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: a", ""}) {
    // The client gives up after 10 s, a third of the body timeout: only the header deadline can close it first.
    RawConnection connection(server_->port(), std::chrono::seconds(10));
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(connection.Send(sent));
    EXPECT_TRUE(connection.ClosedByServer()) << "\"" << sent << "\"";
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, kHeaderTimeout - std::chrono::milliseconds(50));
    EXPECT_LT(waited, std::chrono::seconds(10));
  }
  EXPECT_EQ(server_->Get("/healthz").status, 200u);
}

TEST_F(HttpServerTest, AHeaderOver8KiBGets431AndTheConnectionCloses) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9 * 1024, 'a') + "\r\n\r\n"));
  const auto reply = connection.ReadReply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 431u);
  EXPECT_EQ(reply->Header("connection"), "close");
  const json error = json::parse(reply->body)["error"];
  EXPECT_EQ(error["code"], "header_too_large");
  EXPECT_EQ(error["field"], "headers");
  EXPECT_TRUE(connection.ClosedByServer());
  EXPECT_EQ(server_->Get("/healthz").status, 200u);
}

// Requests refused before routing are counted in /metrics under route="(rejected)", and every HTTP-level error
// names what was wrong in `field`, in Vietnamese and in English.
TEST_F(HttpServerTest, RefusedRequestsAreCountedAndNamed) {
  const auto refused = [&](const std::string& bytes) {
    RawConnection connection(server_->port());
    connection.Send(bytes);
    connection.ShutdownWrite();
    return connection.ReadReply().value();
  };
  const auto malformed = refused("GARBAGE\r\n\r\n");
  EXPECT_EQ(malformed.status, 400u);
  const json bad = json::parse(malformed.body)["error"];
  EXPECT_EQ(bad["field"], "request");
  EXPECT_EQ(bad["message"], "Yêu cầu HTTP không đúng cú pháp");
  EXPECT_NE(bad["message_en"].get<std::string>().find("malformed HTTP request"), std::string::npos);
  EXPECT_EQ(refused("GET /healthz HTTP/1.1\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n").status, 431u);
  const auto too_large = refused("POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n");
  EXPECT_EQ(too_large.status, 413u);
  EXPECT_EQ(json::parse(too_large.body)["error"]["field"], "body");

  const HttpReply unknown = server_->Get("/api/v1/nope");
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(unknown.Json()["error"]["field"], "path");
  const HttpReply wrong_method = server_->Send(Method::delete_, "/healthz");
  EXPECT_EQ(wrong_method.status, 405u);
  EXPECT_EQ(wrong_method.Json()["error"]["field"], "method");

  const std::string metrics = server_->Get("/metrics").body;
  for (const char* series : {R"m(motcua_http_requests_total{method="-",route="(rejected)",status="400"} 1)m",
                             R"m(motcua_http_requests_total{method="-",route="(rejected)",status="431"} 1)m",
                             R"m(motcua_http_requests_total{method="POST",route="(rejected)",status="413"} 1)m",
                             R"m(motcua_http_requests_total{method="GET",route="unmatched",status="404"} 1)m"}) {
    EXPECT_NE(metrics.find(series), std::string::npos) << series << "\n" << metrics;
  }
  // No latency histogram for them: no handler ran.
  EXPECT_EQ(metrics.find(R"m(route="(rejected)",le=)m"), std::string::npos);
}

// Stop() while a POST is half sent: no new connection is accepted, the request in flight is finished and
// answered with "Connection: close", its dossier is stored, then Run() returns.
TEST_F(HttpServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  // Time enough for a loaded machine: here the request must be dropped by nothing but a bug.
  Restart(std::chrono::seconds(30));
  RawConnection connection(server_->port());
  // A first request proves the server has accepted the connection: one still in the kernel's backlog would be
  // refused by the shutdown, as any new one.
  ASSERT_TRUE(connection.Send(kHealthz));
  ASSERT_EQ(connection.ReadReply().value().status, 200u);
  const std::string body = IntakeBody();
  ASSERT_TRUE(connection.Send(IntakeHead(body.size()) + body.substr(0, body.size() / 2)));
  server_->Stop();
  // Stop() returns at once; the listening socket closes on the server's own thread. Refused connections are
  // the sign that it has.
  while (RawConnection::Accepts(server_->port())) {
  }
  ASSERT_TRUE(connection.Send(body.substr(body.size() / 2)));
  const auto reply = connection.ReadReply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 201u) << reply->body;
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(connection.ClosedByServer());
  server_->WaitUntilStopped();
  EXPECT_FALSE(RawConnection::Accepts(server_->port()));
  ASSERT_EQ(Snapshot().size(), 1u);
  EXPECT_EQ(Snapshot()[0].first, json::parse(reply->body)["code"].get<std::string>());
}

}  // namespace
}  // namespace motcua::http
