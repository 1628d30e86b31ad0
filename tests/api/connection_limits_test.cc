// The connection caps (src/http/connection_limits.h): the counts themselves, then the real server turning away
// one connection too many — 429 for an address over its share, 503 for a full server, both with Retry-After and
// at once — while another client address is still served. Clients are told apart by their loopback address
// (127.0.0.1, 127.0.0.2...), which Linux routes like any other.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/connection_limits.h"
#include "support/dossier_api_fixture.h"
#include "support/raw_connection.h"

namespace motcua::http {
namespace {

using test_support::RawConnection;

TEST(ConnectionLimitsTest, CountsInAllAndPerAddressAndGivesPlacesBack) {
  ConnectionLimits limits(3, 2);
  auto a1 = limits.Admit("192.0.2.1");
  auto a2 = limits.Admit("192.0.2.1");
  ASSERT_TRUE(a1 && a2);
  EXPECT_EQ(limits.Admit("192.0.2.1").error(), ConnectionRefusal::kAddressFull);
  auto b1 = limits.Admit("192.0.2.2");
  ASSERT_TRUE(b1);
  EXPECT_EQ(limits.Admit("192.0.2.3").error(), ConnectionRefusal::kServerFull);
  EXPECT_EQ(limits.open(), 3u);
  // A slot moved keeps one place (the moved-from one gives back nothing); destroyed, it gives it back.
  {
    const auto moved = std::move(*a1);
    EXPECT_EQ(limits.open_from("192.0.2.1"), 2u);
  }
  EXPECT_EQ(limits.open_from("192.0.2.1"), 1u);
  EXPECT_TRUE(limits.Admit("192.0.2.3").has_value());  // admitted, then given back at once
  EXPECT_EQ(limits.open(), 2u);
}

constexpr const char* kHealthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

class ConnectionCapsTest : public ::testing::Test {
 protected:
  void Start(std::size_t max_total, std::size_t max_per_address) {
    server_ = std::make_unique<test_support::ApiServer>(test_support::At("2026-01-12T08:00:00+07:00"),
                                                        test_support::ApiServer::Seed{}, [=](ServerOptions& options) {
                                                          options.max_connections = max_total;
                                                          options.max_connections_per_address = max_per_address;
                                                        });
  }

  // `n` connections from `from`, each proven served (so its place is taken) by one request it keeps alive.
  std::vector<std::unique_ptr<RawConnection>> Hold(std::size_t n, const char* from) {
    std::vector<std::unique_ptr<RawConnection>> held;
    for (std::size_t i = 0; i < n; ++i) {
      held.push_back(std::make_unique<RawConnection>(server_->port(), std::chrono::seconds(10), from));
      EXPECT_TRUE(held.back()->Send(kHealthz));
      EXPECT_EQ(held.back()->ReadReply().value().status, 200u);
    }
    return held;
  }

  // The answer to a new connection from `from` asking for /healthz.
  test_support::RawReply Ask(const char* from) {
    RawConnection connection(server_->port(), std::chrono::seconds(10), from);
    connection.Send(kHealthz);
    auto reply = connection.ReadReply();
    EXPECT_TRUE(reply.has_value()) << "no answer from " << from;
    return reply.value_or(test_support::RawReply{});
  }

  std::unique_ptr<test_support::ApiServer> server_;
};

TEST_F(ConnectionCapsTest, OneConnectionTooManyFromAnAddressGets429WhileAnotherAddressIsServed) {
  Start(100, 3);
  const auto held = Hold(3, "127.0.0.1");
  const auto refused = Ask("127.0.0.1");
  EXPECT_EQ(refused.status, 429u) << refused.body;
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_EQ(refused.Header("connection"), "close");
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["field"], "connection");
  EXPECT_EQ(Ask("127.0.0.2").status, 200u);
  // The held connections are still served.
  ASSERT_TRUE(held[0]->Send(kHealthz));
  EXPECT_EQ(held[0]->ReadReply().value().status, 200u);
}

TEST_F(ConnectionCapsTest, OneConnectionTooManyInAllGets503) {
  Start(2, 64);
  const auto held = Hold(1, "127.0.0.1");
  const auto more = Hold(1, "127.0.0.2");
  const auto refused = Ask("127.0.0.3");
  EXPECT_EQ(refused.status, 503u) << refused.body;
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["code"], "server_busy");
  // Plain http: no HSTS header (only answers over TLS carry one).
  ASSERT_TRUE(held[0]->Send(kHealthz));
  const auto served = held[0]->ReadReply().value();
  EXPECT_EQ(served.status, 200u);
  EXPECT_EQ(served.Header("strict-transport-security"), "");
}

}  // namespace
}  // namespace motcua::http
