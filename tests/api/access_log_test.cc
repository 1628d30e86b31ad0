// What a running server logs, read back as a machine would: every line parsed as logfmt (log_line.h). The
// access line names the client, method, route pattern, status, bytes, duration, login and request ID (the
// one the response carries); denials and refused logins carry the same ID and a quoted reason; no citizen ID
// reaches the log.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "support/captured_log.h"
#include "support/dossier_api_fixture.h"
#include "support/raw_connection.h"

namespace motcua::http {
namespace {

using test_support::HttpReply;
using test_support::Intake;
using test_support::kAnId;
using test_support::kVanSonAgency;
using test_support::TokenOf;

using Fields = std::map<std::string, std::string>;

// A logfmt line: the event, then key=value pairs, a value either bare or quoted with \" \\ \n \t \uXXXX
// escapes. nullopt for anything else, so that a line that does not parse fails the test.
std::optional<std::pair<std::string, Fields>> ParseLogfmt(const std::string& line) {
  std::size_t at = line.find(' ');
  std::pair<std::string, Fields> parsed{line.substr(0, at), {}};
  while (at != std::string::npos && at < line.size()) {
    const std::size_t equals = line.find('=', at + 1);
    if (equals == std::string::npos) return std::nullopt;
    const std::string key = line.substr(at + 1, equals - at - 1);
    if (key.empty() || key.find_first_of(" \"") != std::string::npos) return std::nullopt;
    std::string value;
    std::size_t i = equals + 1;
    if (i < line.size() && line[i] == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] != '\\') {
          value += line[i];
          continue;
        }
        if (++i == line.size()) return std::nullopt;
        const char c = line[i];
        if (c == 'u') {
          value += static_cast<char>(std::stoi(line.substr(i + 1, 4), nullptr, 16));
          i += 4;
        } else {
          value += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        }
      }
      if (i >= line.size()) return std::nullopt;  // unterminated
      ++i;
    } else {
      const std::size_t end = std::min(line.find(' ', i), line.size());
      value = line.substr(i, end - i);
      i = end;
    }
    parsed.second[key] = value;
    if (i < line.size() && line[i] != ' ') return std::nullopt;
    at = i < line.size() ? i : std::string::npos;
  }
  return parsed;
}

class AccessLogTest : public test_support::DossierApiFixture {
 protected:
  // The fields of the first `event` line with `request_id`; fails the test if none comes or it does not parse.
  Fields LineOf(const std::string& event, const std::string& request_id) {
    const auto line = log_.WaitFor([&](const std::string& text) {
      const auto parsed = ParseLogfmt(text);
      if (!parsed || parsed->first != event) return false;
      const auto id = parsed->second.find("request_id");
      return id != parsed->second.end() && id->second == request_id;
    });
    EXPECT_TRUE(line.has_value()) << "no " << event << " line for " << request_id;
    return line ? ParseLogfmt(*line)->second : Fields{};
  }

  test_support::CapturedLog log_;
};

TEST_F(AccessLogTest, AnAccessLineNamesTheRequestAndWhoMadeIt) {
  const HttpReply received = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency));
  ASSERT_EQ(received.status, 201u);
  const std::string id = received.Header("x-request-id");
  ASSERT_FALSE(id.empty());
  Fields line = LineOf("http", id);
  EXPECT_EQ(line["method"], "POST");
  EXPECT_EQ(line["route"], "/api/v1/dossiers");
  EXPECT_EQ(line["target"], "/api/v1/dossiers");
  EXPECT_EQ(line["status"], "201");
  EXPECT_EQ(line["bytes"], std::to_string(received.body.size()));
  EXPECT_GE(std::stoll(line["duration_us"]), 0);
  EXPECT_EQ(line["login"], "tn.vanson");
  EXPECT_TRUE(line["client"].starts_with("127.0.0.1:")) << line["client"];

  // A route with a parameter is logged by its pattern; a request without a session has no login.
  const std::string code = received.Json()["code"];
  const HttpReply shown = Get("cv.vanson", "/api/v1/dossiers/" + code);
  EXPECT_EQ(LineOf("http", shown.Header("x-request-id"))["route"], "/api/v1/dossiers/{code}");
  const HttpReply health = server_->Get("/healthz");
  line = LineOf("http", health.Header("x-request-id"));
  EXPECT_EQ(line["route"], "/healthz");
  EXPECT_EQ(line.count("login"), 0u);
  EXPECT_NE(health.Header("x-request-id"), id);
}

TEST_F(AccessLogTest, CitizenIdsNeverReachTheLog) {
  const HttpReply listed = Get("tn.vanson", std::string("/api/v1/dossiers?applicant_id=") + kAnId + "&limit=5");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(LineOf("http", listed.Header("x-request-id"))["target"], "/api/v1/dossiers?applicant_id=***&limit=5");
  // A denied one: the denial line has the redacted target too.
  const HttpReply denied = Get("cd.binh", std::string("/api/v1/dossiers/") + kAnId);
  EXPECT_EQ(LineOf("http", denied.Header("x-request-id"))["target"], "/api/v1/dossiers/***");
  for (const std::string& line : log_.Lines()) EXPECT_EQ(line.find(kAnId), std::string::npos) << line;
}

TEST_F(AccessLogTest, DenialsAndRefusedLoginsCarryTheRequestIdAndAQuotedReason) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const HttpReply denied = Get("tn.hoabinh", "/api/v1/dossiers/" + code);
  ASSERT_EQ(denied.status, 403u);
  const Fields denial = LineOf("access_denied", denied.Header("x-request-id"));
  EXPECT_EQ(denial.at("login"), "tn.hoabinh");
  EXPECT_EQ(denial.at("role"), "receptionist");
  EXPECT_EQ(denial.at("method"), "GET");
  EXPECT_EQ(denial.at("target"), "/api/v1/dossiers/" + code);
  EXPECT_EQ(denial.at("field"), "unit");
  EXPECT_EQ(denial.at("reason"), denied.Json()["error"]["message_en"].get<std::string>());
  EXPECT_EQ(LineOf("http", denied.Header("x-request-id"))["status"], "403");

  const HttpReply anonymous = server_->Get("/api/v1/inbox");
  ASSERT_EQ(anonymous.status, 401u);
  const Fields refused = LineOf("auth_refused", anonymous.Header("x-request-id"));
  EXPECT_EQ(refused.at("target"), "/api/v1/inbox");
  EXPECT_EQ(refused.at("who"), "-");
  EXPECT_EQ(refused.at("reason"), anonymous.Json()["error"]["message_en"].get<std::string>());
  EXPECT_EQ(LineOf("http", anonymous.Header("x-request-id")).count("login"), 0u);

  const HttpReply bad_password =
      server_->Send(Method::post, "/api/v1/sessions", R"({"login":"ghost \"x\"","password":"p"})");
  ASSERT_EQ(bad_password.status, 401u);
  EXPECT_EQ(LineOf("auth_refused", bad_password.Header("x-request-id")).at("who"), "ghost \"x\"");
}

TEST_F(AccessLogTest, ARequestRefusedBeforeRoutingIsLoggedAsRejected) {
  test_support::RawConnection connection(server_->port());
  connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n");
  const auto reply = connection.ReadReply();
  ASSERT_TRUE(reply.has_value());
  ASSERT_EQ(reply->status, 431u);
  const Fields line = LineOf("http", reply->Header("x-request-id"));
  EXPECT_EQ(line.at("route"), "(rejected)");
  EXPECT_EQ(line.at("method"), "-");
  EXPECT_EQ(line.at("status"), "431");
}

}  // namespace
}  // namespace motcua::http
