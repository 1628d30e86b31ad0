// Bad requests never write anything: every POST route of the table gets bodies made by mutating a valid one
// (tests/support/body_mutator.h), each sent by an account that could act with the valid body, and the
// connection gets raw bytes no client library would send. After each batch the server still answers
// /healthz; at the end every row of every table is as before (tests/support/database_fingerprint.h).
// Randomized: one generator, seeded anew on each run and the seed shown (support/test_seed.h; MOTCUA_TEST_SEED
// replays a run); no sleeps.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/body_mutator.h"
#include "support/database_fingerprint.h"
#include "support/dossier_api_fixture.h"
#include "support/raw_connection.h"
#include "support/test_seed.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using std::string_literals::operator""s;
using test_support::BodyMutator;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kHoaBinhAgency;
using test_support::kVanSonAgency;
using test_support::RawConnection;
using test_support::TokenOf;

// A POST route with a body it accepts, who may send it, and the fields it requires.
struct ValidPost {
  std::string actor;  // "" for a route without login
  json body;
  std::vector<std::string> required;
};

json Submission() {
  json body = Intake("", kVanSonAgency, "");
  body.erase("receiving_point");
  return body;
}

// Keyed by route pattern. Each body is as small as the route allows, plus a few optional strings to mutate.
const std::map<std::string, ValidPost>& ValidPosts() {
  const std::vector<std::string> intake = {"/procedure_code", "/applicant", "/applicant/name", "/competent_agency",
                                           "/components/0/seq"};
  const std::string action = "/api/v1/dossiers/{code}/";
  static const std::map<std::string, ValidPost> posts = {
      {"/api/v1/dossiers", {"tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency), intake}},
      {"/api/v1/submissions", {"cd.an", Submission(), intake}},
      {action + "accept", {"tn.vanson", {{"receiving_point", "vs-ttpvhcc"}}, {}}},
      {action + "refuse-reception", {"tn.vanson", {{"reason", "Sai thủ tục"}}, {"/reason"}}},
      {action + "assign", {"ld.vanson", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}}, {"/step", "/assignee"}}},
      {action + "complete-step", {"cv.vanson", {{"step", "Thẩm định"}}, {"/step"}}},
      {action + "transfer",
       {"ld.vanson", {{"to_agency", kHoaBinhAgency}, {"reason", "Thẩm quyền"}}, {"/to_agency", "/reason"}}},
      {action + "request-supplement", {"cv.vanson", {{"reason", "Thiếu"}, {"missing", {"Giấy tờ"}}}, {"/reason"}}},
      {action + "supplement",
       {"cd.an",
        {{"components", json::array({{{"seq", 0}, {"name", "Bản sao"}, {"copies", 1}}})}},
        {"/components/0/seq"}}},
      {action + "extend",
       {"ld.vanson",
        {{"reason", "Xác minh"}, {"new_due_at", "2026-01-20T17:00:00+07:00"}},
        {"/reason", "/new_due_at"}}},
      {action + "refuse", {"ld.vanson", {{"reason", "Không đủ điều kiện"}}, {"/reason"}}},
      {action + "withdraw", {"cd.an", {{"reason", "Không còn nhu cầu"}}, {"/reason"}}},
      {action + "cancel", {"gd.vanson", {{"reason", "Nhập trùng"}}, {"/reason"}}},
      {action + "approve", {"ld.vanson", {{"result", "Xác nhận"}}, {"/result"}}},
      {action + "return", {"tn.vanson", {{"method", "counter"}}, {"/method"}}},
      {action + "fees", {"tn.vanson", {{"amount", 10000}, {"description", "Lệ phí"}}, {"/amount", "/description"}}},
      {action + "payments", {"tn.vanson", {{"amount", 10000}, {"method", "counter"}}, {"/amount", "/method"}}},
      {action + "digitize", {"tn.vanson", {{"component_seq", 1}, {"file", "scan/a.pdf"}}, {"/component_seq", "/file"}}},
      {action + "evaluate", {"cd.an", {{"score", 5}}, {"/score"}}},
      {action + "sign-result", {"ld.vanson", {{"method", "seal"}}, {"/method"}}},
      {"/api/v1/users",
       {"admin",
        {{"login", "cv.moi"}, {"role", "specialist"}, {"units", {"05152"}}, {"password", "mat-khau-dai-du-12"}},
        {"/login", "/role", "/password"}}},
      {"/api/v1/users/{login}/disable", {"admin", json::object(), {}}},
      {"/api/v1/users/{login}/enable", {"admin", json::object(), {}}},
      {"/api/v1/users/{login}/unlock", {"admin", json::object(), {}}},
      {"/api/v1/search/synonyms",
       {"admin",
        {{"phrase", "bìa xanh"}, {"expansion", "giấy chứng nhận quyền sử dụng đất"}},
        {"/phrase", "/expansion"}}},
      {"/api/v1/search/synonyms/{id}/retire", {"admin", json::object(), {}}},
      // A certificate's text that is none: a mutation that keeps every field is still refused, on it.
      {"/api/v1/signing/certificates",
       {"admin",
        {{"login", "ld.vanson"},
         {"holding", "token"},
         {"certificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}},
        {"/login", "/holding", "/certificate"}}},
      {"/api/v1/signing/certificates/{id}/retire", {"admin", json::object(), {}}},
      {"/api/v1/users/{login}/password", {"admin", {{"password", "mat-khau-moi-dai-12"}}, {"/password"}}},
      {"/api/v1/agencies",
       {"admin",
        {{"id", "000.00.32.H52"}, {"name", "UBND xã Mường Bi"}, {"unit", "05158"}},
        {"/id", "/name", "/unit"}}},
      {"/api/v1/receiving-points",
       {"admin",
        {{"id", "mb-1"}, {"name", "Một cửa"}, {"unit", "05152"}, {"agency_id", kVanSonAgency}, {"address", "Xóm 1"}},
        {"/id", "/name", "/unit", "/agency_id"}}},
      {"/api/v1/calendar/days",
       {"admin",
        {{"date", "2026-05-02"}, {"kind", "makeup_working_day"}, {"name", "Làm bù"}},
        {"/date", "/kind", "/name"}}},
      // Only bodies the reader refuses: a well-formed wrong password would count a failed attempt.
      {"/api/v1/sessions", {"", {{"login", "cv.vanson"}, {"password", "sai-mat-khau"}}, {"/login", "/password"}}},
  };
  return posts;
}

// A request to a route whose body is not JSON: the query string, the Content-Type and the bytes.
struct RawPost {
  std::string query;
  std::string content_type;
  std::string body;
};

// Keyed by route pattern: refused uploads (the content is no accepted format, or not the one declared, or the
// query is wrong), sent by an account that may upload.
const std::map<std::string, std::vector<RawPost>>& RawPosts() {
  const std::string pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  const std::string png = "\x89PNG\r\n\x1A\n" + std::string(64, '\0');
  static const std::map<std::string, std::vector<RawPost>> posts = {
      {"/api/v1/files",
       {{"?name=a.pdf", "image/png", pdf},
        {"?name=a.png", "application/pdf", png},
        {"?name=a.txt", "text/plain", "xin chào"},
        {"?name=a.pdf", "application/pdf", ""},
        {"?name=a.pdf", "application/pdf", "PDF-1.7 without its percent sign"},
        {"?name=a.pdf", "application/x-msdownload", "MZ\x90\x00"},
        {"?name=%ZZ.pdf", "application/pdf", pdf},
        {"?name=a.pdf&owner=x", "application/pdf", pdf},
        {"?name=a.pdf&name=b.pdf", "application/pdf", pdf}}},
  };
  return posts;
}

// The pattern with its parameters filled in: the dossier `code`, an existing login, "x" for anything else.
std::string TargetOf(std::string pattern, const std::string& code) {
  for (const auto& [name, value] : std::map<std::string, std::string>{{"{code}", code}, {"{login}", "cv.vanson"}}) {
    if (auto at = pattern.find(name); at != std::string::npos) pattern.replace(at, name.size(), value);
  }
  for (auto open = pattern.find('{'); open != std::string::npos; open = pattern.find('{')) {
    pattern.replace(open, pattern.find('}', open) - open + 1, "x");
  }
  return pattern;
}

// Bodies for a route without a valid one listed above (one added after this test): garbage only.
std::vector<std::string> Garbage(std::mt19937& random) {
  std::vector<std::string> bodies = {"",
                                     "{",
                                     "[]",
                                     "null",
                                     "\"text\"",
                                     "{\"unknown_field\":1}",
                                     "{\"a\":1,\"a\":1}",
                                     std::string(20000, '[') + std::string(20000, ']')};
  for (int i = 0; i < 10; ++i) {
    std::string noise(1 + random() % 200, ' ');
    for (char& c : noise) c = static_cast<char>(random() % 256);
    bodies.push_back(noise);
  }
  return bodies;
}

// Whether `mutant` has the shape of `valid`: the same keys, array sizes and JSON types throughout. A random
// mutation of that shape may be a body the endpoint rightly accepts (another text where a text is asked, as seed
// 1577620565 gave for a refusal's reason), so it cannot be expected refused.
bool SameShape(const json& mutant, const json& valid) {
  // Integers are one kind whatever their sign: a parsed 12 is unsigned, the listed 10000 a signed literal, and a
  // mutant that retyped the amount twice back to a number is a valid body, not a bad one.
  const bool both_integers = mutant.is_number_integer() && valid.is_number_integer();
  if (!both_integers && mutant.type() != valid.type()) return false;
  if (valid.is_object()) {
    if (mutant.size() != valid.size()) return false;
    for (const auto& [key, value] : valid.items()) {
      if (!mutant.contains(key) || !SameShape(mutant[key], value)) return false;
    }
  }
  if (valid.is_array()) {
    if (mutant.size() != valid.size()) return false;
    for (std::size_t i = 0; i < valid.size(); ++i) {
      if (!SameShape(mutant[i], valid[i])) return false;
    }
  }
  return true;
}

class BadRequestsTest : public test_support::DossierApiFixture {
 protected:
  // Sends `body` and checks the refusal: a 4xx JSON error naming a field.
  void ExpectRefused(const std::string& who, const std::string& target, const std::string& body,
                     std::vector<std::pair<std::string, std::string>> headers) {
    const HttpReply reply =
        server_->Send(Method::post, target, body, who.empty() ? "" : TokenOf(who), std::move(headers));
    const std::string shown =
        target + " " + json(body.substr(0, 120)).dump(-1, ' ', false, json::error_handler_t::replace);
    ASSERT_GE(reply.status, 400u) << shown << " -> " << reply.body;
    ASSERT_LT(reply.status, 500u) << shown << " -> " << reply.body;
    const json error = reply.Json()["error"];
    ASSERT_TRUE(error.is_object()) << shown << " -> " << reply.body;
    EXPECT_FALSE(error["field"].get<std::string>().empty()) << shown << " -> " << reply.body;
  }

  void ExpectHealthy() { ASSERT_EQ(server_->Get("/healthz").status, 200u); }
};

TEST_F(BadRequestsTest, MutatedBodiesOnEveryPostRouteWriteNothing) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const auto before = test_support::FingerprintDatabase(server_->spec());
  const std::uint32_t seed = test_support::TestSeed();
  SCOPED_TRACE("MOTCUA_TEST_SEED=" + std::to_string(seed));
  std::mt19937 random(seed);
  std::set<std::string> covered;
  int sent = 0;
  for (const auto& [pattern, method] : server_->routes()) {
    if (method != Method::post) continue;
    SCOPED_TRACE(pattern);
    const auto valid = ValidPosts().find(pattern);
    std::vector<std::string> bodies;
    std::string who = "admin";
    if (const auto raw = RawPosts().find(pattern); raw != RawPosts().end()) {
      covered.insert(pattern);
      for (const RawPost& post : raw->second) {
        ExpectRefused("tn.vanson", TargetOf(pattern, code) + post.query, post.body,
                      {{"Content-Type", post.content_type}});
        ++sent;
      }
      who = "tn.vanson";
      bodies = Garbage(random);
    } else if (valid != ValidPosts().end()) {
      covered.insert(pattern);
      who = valid->second.actor;
      BodyMutator mutator(valid->second.body, valid->second.required, random);
      bodies = mutator.Systematic();
      for (std::string& body : mutator.Random(12)) {
        if (!SameShape(json::parse(body, nullptr, false), valid->second.body)) bodies.push_back(std::move(body));
      }
    } else {
      ADD_FAILURE() << "no valid body listed for the POST route " << pattern << ": it gets garbage only";
      bodies = Garbage(random);
    }
    // Over the body limit: refused by the server before any handler.
    bodies.push_back(std::string(1 << 20, ' ') + "{}");
    for (const std::string& body : bodies) {
      std::vector<std::pair<std::string, std::string>> headers;
      if (random() % 2 == 0) headers.emplace_back("Idempotency-Key", "fuzz-" + std::to_string(sent));
      ExpectRefused(who, TargetOf(pattern, code), body, std::move(headers));
      ++sent;
    }
    ExpectHealthy();
  }
  EXPECT_EQ(covered.size(), ValidPosts().size() + RawPosts().size()) << "a listed route is no longer served";
  EXPECT_GT(sent, 800);
  EXPECT_EQ(test_support::FingerprintDatabase(server_->spec()), before);
}

// Raw bytes: a broken request line, a bad Content-Length, a body shorter or longer than it says, a huge header.
// Each request names a route and carries a valid token, so a misread one could write.
TEST_F(BadRequestsTest, BrokenHttpIsRefusedAndTheServerGoesOn) {
  const auto before = test_support::FingerprintDatabase(server_->spec());
  const std::string valid = Intake("vs-ttpvhcc", kVanSonAgency).dump();
  const std::string head = "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           TokenOf("tn.vanson") + "\r\nContent-Type: application/json\r\n";
  const auto sized = [&](const std::string& length) { return head + "Content-Length: " + length + "\r\n\r\n"; };
  std::string many_headers;
  for (int i = 0; i < 2000; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  struct Case {
    std::string name;
    std::string bytes;
    std::set<unsigned> statuses;  // what each answer may be; empty: none, the connection just ends
  };
  const std::vector<Case> cases = {
      {"garbage request line", "GARBAGE\r\n\r\n", {400}},
      {"three-part line with junk", "POST /api/v1/dossiers HTTP/1.1 extra\r\nHost: x\r\n\r\n", {400}},
      {"unknown version", "POST /api/v1/dossiers HTTP/7.0\r\nHost: x\r\n\r\n", {400}},
      {"bad method characters", "P@ST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\n\r\n", {400}},
      {"TLS handshake", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s, {400}},
      {"header without colon", head + "Broken header\r\n\r\n", {400}},
      {"NUL in a header", head + "X-A: a\0b\r\n\r\n"s, {400}},
      {"Content-Length not a number", sized("abc") + valid, {400}},
      {"negative Content-Length", sized("-5") + valid, {400}},
      {"Content-Length overflow", sized("99999999999999999999999") + valid, {400, 413}},
      {"two Content-Lengths", head + "Content-Length: 2\r\n" + sized("3") + "{}", {400}},
      {"Content-Length with chunked", head + "Transfer-Encoding: chunked\r\n" + sized("2") + "{}", {400}},
      {"bad chunk size", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", {400}},
      {"body shorter than Content-Length", sized(std::to_string(valid.size())) + valid.substr(0, 40), {}},
      // The first N bytes are cut-off JSON (400, connection kept); the rest is read as a request line (400).
      {"body longer than Content-Length", sized(std::to_string(valid.size() - 1)) + valid + "GARBAGE\r\n\r\n", {400}},
      {"declared body over the limit", sized("2097152"), {413}},
      {"one huge header", head + "X-Big: " + std::string(10000, 'a') + "\r\n\r\n", {431}},
      {"many headers", head + many_headers + "\r\n", {431}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RawConnection connection(server_->port());
    connection.Send(c.bytes);
    // Nothing more will come, so a server waiting for the rest of a request sees the end at once.
    connection.ShutdownWrite();
    for (int answers = 0;; ++answers) {
      const auto reply = connection.ReadReply();
      if (!reply) {
        EXPECT_TRUE(answers > 0 || c.statuses.empty()) << "no answer";
        break;
      }
      EXPECT_TRUE(c.statuses.contains(reply->status)) << reply->status << " " << reply->body;
      EXPECT_FALSE(json::parse(reply->body, nullptr, false)["error"]["code"].is_null()) << reply->body;
    }
    ExpectHealthy();
  }
  EXPECT_EQ(test_support::FingerprintDatabase(server_->spec()), before);
}

}  // namespace
}  // namespace motcua::http
