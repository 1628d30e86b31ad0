// The sign-in gate of `motcua serve` (src/http/sign_in_gate.h), on the real server and route table: a large body
// to a route that needs a session is refused from its header — 401, connection closed, not a byte of the body
// read — unless the request carries a valid session; small bodies and the login are left to their handlers.
// Each test sends only what it says and reads the server's answer; a server that waited for the body would leave
// the client's read to time out.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"
#include "support/raw_connection.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::RawConnection;
using test_support::TokenOf;

constexpr std::size_t kScanBytes = 20 * 1000 * 1000;  // a large scan, under the upload's 20 MiB limit

class SignInGateTest : public test_support::DossierApiFixture {
 protected:
  // The head of a document upload of `length` bytes; `authorization` is the whole header line's value, if any.
  static std::string UploadHead(std::size_t length, const std::string& authorization = "") {
    return "POST /api/v1/files?name=scan.pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n" +
           (authorization.empty() ? "" : "Authorization: " + authorization + "\r\n") +
           "Content-Length: " + std::to_string(length) + "\r\n\r\n";
  }

  // Sends `head` alone and returns the answer; nullopt when none comes within 5 s.
  std::optional<test_support::RawReply> AnswerToHeadAlone(const std::string& head) {
    RawConnection connection(server_->port(), std::chrono::seconds(5));
    if (!connection.Send(head)) return std::nullopt;
    auto reply = connection.ReadReply();
    if (reply) {
      EXPECT_TRUE(connection.ClosedByServer()) << "the connection stays open after the refusal";
    }
    return reply;
  }
};

TEST_F(SignInGateTest, ALargeUploadWithoutAValidSessionIsRefusedBeforeItsBody) {
  // The field the handlers' own check names: no bearer token at all, or a token that is no session.
  const std::pair<std::string, std::string> cases[] = {
      {"", "authorization"}, {"Bearer not-a-session-token", "token"}, {"Basic dG4udmFuc29uOng=", "authorization"}};
  for (const auto& [authorization, field] : cases) {
    const auto reply = AnswerToHeadAlone(UploadHead(kScanBytes, authorization));
    ASSERT_TRUE(reply.has_value()) << "no answer before the body to \"" << authorization << "\"";
    EXPECT_EQ(reply->status, 401u) << reply->body;
    EXPECT_EQ(reply->Header("connection"), "close");
    const json error = json::parse(reply->body)["error"];
    EXPECT_EQ(error["code"], "unauthenticated") << reply->body;
    EXPECT_EQ(error["field"], field);
    EXPECT_FALSE(error["message"].get<std::string>().empty());
  }
  // A chunked body announces no size: it is checked as a large one.
  const auto chunked =
      AnswerToHeadAlone("POST /api/v1/files?name=scan.pdf HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  ASSERT_TRUE(chunked.has_value());
  EXPECT_EQ(chunked->status, 401u);
  // Counted in /metrics with the other refusals before routing.
  EXPECT_NE(server_->Get("/metrics")
                .body.find(R"m(motcua_http_requests_total{method="POST",route="(rejected)",status="401"} 4)m"),
            std::string::npos);
}

TEST_F(SignInGateTest, ALargeBodyToAnyRouteNeedingASessionIsRefused) {
  // Within the 1 MiB limit of JSON bodies, above what the gate lets by unchecked.
  const auto reply = AnswerToHeadAlone("POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\n");
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 401u);
}

TEST_F(SignInGateTest, AValidSessionsUploadIsRead) {
  const std::string scan = "%PDF-1.4\n" + std::string(200 * 1000, 'x') + "\n%%EOF\n";
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.Send(UploadHead(scan.size(), "Bearer " + TokenOf("tn.vanson")) + scan));
  const auto reply = connection.ReadReply();
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 201u) << reply->body;
}

TEST_F(SignInGateTest, SmallBodiesAndTheLoginAreLeftToTheirHandlers) {
  // A small body without a session: its handler refuses it, as before, on a connection that stays open.
  const auto small = server_->Send(Method::post, "/api/v1/dossiers", "{}");
  EXPECT_EQ(small.status, 401u);
  EXPECT_NE(small.Header("connection"), "close");
  // A large login body is read (and refused by the login's strict body reader), not gated.
  const auto login = server_->Send(Method::post, "/api/v1/sessions", std::string(100 * 1000, ' '));
  EXPECT_EQ(login.status, 400u) << login.body;
}

// The gate's list of public routes with a body holds only the login: every other route that takes a body
// answers 401 without a session, so the gate refuses nothing its handler would have accepted.
TEST_F(SignInGateTest, EveryRouteWithABodyButTheLoginNeedsASession) {
  for (const auto& [pattern, method] : server_->routes()) {
    if (method == Method::get || method == Method::head) continue;
    if (method == Method::post && pattern == "/api/v1/sessions") continue;
    std::string target = pattern;
    for (std::size_t open; (open = target.find('{')) != std::string::npos;) {
      target.replace(open, target.find('}', open) - open + 1, "x");
    }
    EXPECT_EQ(server_->Send(method, target, "{}").status, 401u)
        << ToStd(beast_http::to_string(method)) << " " << pattern;
  }
}

}  // namespace
}  // namespace motcua::http
