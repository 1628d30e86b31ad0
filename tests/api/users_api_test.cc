// The users API (src/http/users_api.h) end to end: a real server on loopback (tests/support/api_server.h) with
// an administrator, a receptionist, a supervisor and a citizen whose sessions are stored with known tokens. The
// server is shared by the suite (installing the catalogue is the slow part); each test works on its own logins.
#include "http/users_api.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_server.h"
#include "support/signed_in_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::AddSignedInPerson;
using test_support::ApiServer;
using test_support::HttpReply;
using test_support::TokenOf;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

constexpr const char* kVanSon = "05152";
constexpr const char* kAnId = "025099012345";
constexpr const char* kPassword = "mật-khẩu-đủ-dài-2026";

struct Person {
  const char* login;
  Role role;
  std::vector<std::string> units;
  const char* citizen_id = "";
};

const std::vector<Person>& People() {
  static const std::vector<Person> people = {
      {"admin", Role::kAdministrator, {}},        {"tn.vanson", Role::kReceptionist, {kVanSon}},
      {"gs.phutho", Role::kSupervisor, {"25"}},   {"cd.an", Role::kCitizen, {}, kAnId},
      {"tn.tam", Role::kReceptionist, {kVanSon}},  // disabled by a test
      {"cv.quen", Role::kSpecialist, {kVanSon}},   // whose password a test sets
  };
  return people;
}

void Seed(store::Store& store, const app::Clock& clock) {
  for (const Person& person : People()) {
    AddSignedInPerson(store, clock, person.login, person.role, person.units, person.citizen_id);
  }
}

class UsersApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(At("2026-01-12T08:00:00+07:00"), Seed); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply Post(const std::string& who, const std::string& target, const std::string& body) {
    return server_->Send(Method::post, target, body, who.empty() ? "" : TokenOf(who));
  }
  static HttpReply Get(const std::string& who, const std::string& target) {
    return server_->Get(target, who.empty() ? "" : TokenOf(who));
  }
  static HttpReply LogIn(const std::string& login, const std::string& password) {
    return server_->Send(Method::post, "/api/v1/sessions", json{{"login", login}, {"password", password}}.dump());
  }

  static void ExpectError(const HttpReply& reply, unsigned status, const std::string& code, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["code"], code) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
  }

  static json Find(const json& list, const std::string& login) {
    for (const json& user : list["items"]) {
      if (user["login"] == login) return user;
    }
    return nullptr;
  }

  static inline ApiServer* server_ = nullptr;
};

TEST_F(UsersApiTest, AdministratorListsEveryAccountWithoutPasswordHashes) {
  const HttpReply reply = Get("admin", "/api/v1/users");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.body.find("argon2"), std::string::npos) << reply.body;
  EXPECT_EQ(reply.body.find("password"), std::string::npos) << reply.body;
  const json list = reply.Json();
  std::vector<std::string> logins;
  for (const json& user : list["items"]) logins.push_back(user["login"]);
  EXPECT_TRUE(std::is_sorted(logins.begin(), logins.end()));
  EXPECT_GE(logins.size(), People().size());
  EXPECT_EQ(Find(list, "tn.vanson"), (json{{"login", "tn.vanson"},
                                           {"display_name", "Người dùng tn.vanson"},
                                           {"role", "receptionist"},
                                           {"role_label", std::string(RoleLabelVi(Role::kReceptionist))},
                                           {"units", {kVanSon}},
                                           {"agencies", json::array()},
                                           {"citizen_id", ""},
                                           {"disabled", false},
                                           {"locked", false},
                                           {"locked_until", nullptr}}));
  EXPECT_EQ(Find(list, "cd.an")["citizen_id"], kAnId);
  EXPECT_EQ(Find(list, "gs.phutho")["units"], json({"25"}));
  ExpectError(Get("admin", "/api/v1/users?role=citizen"), 400, "invalid_argument", "role");
}

// Every route, for every other role: 403 on role, before the body is looked at; without a session: 401.
TEST_F(UsersApiTest, OnlyTheAdministratorManagesAccounts) {
  struct Route {
    Method method;
    const char* target;
    const char* body;
  };
  const Route routes[] = {
      {Method::get, "/api/v1/users", ""},
      {Method::post, "/api/v1/users", "not json"},
      {Method::post, "/api/v1/users/tn.vanson/disable", ""},
      {Method::post, "/api/v1/users/tn.vanson/password", "{\"password\":\"mật-khẩu-mới-2026\"}"},
  };
  for (const Route& route : routes) {
    SCOPED_TRACE(route.target);
    for (const char* who : {"tn.vanson", "gs.phutho", "cd.an"}) {
      const HttpReply reply = server_->Send(route.method, route.target, route.body, TokenOf(who));
      ExpectError(reply, 403, "permission_denied", "role");
      EXPECT_FALSE(reply.Json()["error"]["message"].get<std::string>().empty());
    }
    ExpectError(server_->Send(route.method, route.target, route.body), 401, "unauthenticated", "authorization");
  }
  EXPECT_EQ(Get("tn.vanson", "/api/v1/me").status, 200u);  // the refused password change changed nothing
}

TEST_F(UsersApiTest, DenialsAreLogged) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(
      std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
  ExpectError(Get("gs.phutho", "/api/v1/users"), 403, "permission_denied", "role");
  spdlog::default_logger()->flush();
  spdlog::set_default_logger(previous);
  EXPECT_NE(log.str().find("access_denied request_id="), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("login=\"gs.phutho\" role=\"supervisor\" method=\"GET\" target=\"/api/v1/users\""),
            std::string::npos)
      << log.str();
}

TEST_F(UsersApiTest, AdministratorCreatesAnAccountThatCanLogIn) {
  const json body = {{"login", "ld.moi"},
                     {"role", "leader"},
                     {"units", {kVanSon}},
                     {"display_name", "Lê Văn Mới"},
                     {"password", kPassword}};
  const HttpReply created = Post("admin", "/api/v1/users", body.dump());
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.Json(), (json{{"login", "ld.moi"},
                                  {"display_name", "Lê Văn Mới"},
                                  {"role", "leader"},
                                  {"role_label", std::string(RoleLabelVi(Role::kLeader))},
                                  {"units", {kVanSon}},
                                  {"agencies", json::array()},
                                  {"citizen_id", ""},
                                  {"disabled", false},
                                  {"locked", false},
                                  {"locked_until", nullptr}}));
  EXPECT_NE(Find(Get("admin", "/api/v1/users").Json(), "ld.moi"), nullptr);
  EXPECT_EQ(LogIn("ld.moi", kPassword).status, 201u);
  ExpectError(Post("admin", "/api/v1/users", body.dump()), 409, "conflict", "login");

  const json citizen = {
      {"login", "cd.binh"}, {"role", "citizen"}, {"citizen_id", "001199003456"}, {"password", kPassword}};
  const HttpReply made = Post("admin", "/api/v1/users", citizen.dump());
  ASSERT_EQ(made.status, 201u) << made.body;
  EXPECT_EQ(made.Json()["citizen_id"], "001199003456");
  EXPECT_EQ(made.Json()["units"], json::array());
}

// Bodies are strict, and the use case names the field at fault; nothing is created.
TEST_F(UsersApiTest, BadNewAccountsAreRefusedNamingTheField) {
  const json good = {{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", kPassword}};
  struct Case {
    json body;
    const char* field;
  };
  std::vector<Case> cases = {
      {json::object(), "login"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {kVanSon}}}, "password"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", kPassword}, {"admin", true}},
       "admin"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", kVanSon}, {"password", kPassword}}, "units"},
      {{{"login", "TN SAI"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", kPassword}}, "login"},
      {{{"login", "tn.sai"}, {"role", "boss"}, {"units", {kVanSon}}, {"password", kPassword}}, "role"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"password", kPassword}}, "units"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {"99999"}}, {"password", kPassword}}, "units"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", "ngắn"}}, "password"},
      {{{"login", "tn.sai"}, {"role", "citizen"}, {"password", kPassword}}, "citizen_id"},
      {{{"login", "tn.sai"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", nullptr}}, "password"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body.dump());
    const HttpReply reply = Post("admin", "/api/v1/users", c.body.dump());
    EXPECT_EQ(reply.status, 400u) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], c.field) << reply.body;
  }
  ExpectError(Post("admin", "/api/v1/users", "{\"login\":\"a\",\"login\":\"b\"}"), 400, "invalid_argument", "login");
  ExpectError(Post("admin", "/api/v1/users", ""), 400, "invalid_argument", "body");
  EXPECT_EQ(Find(Get("admin", "/api/v1/users").Json(), "tn.sai"), nullptr);
  EXPECT_EQ(Post("admin", "/api/v1/users", good.dump()).status, 201u);  // the same account, well formed
}

TEST_F(UsersApiTest, DisablingEndsTheSessionsAndTheLogins) {
  ASSERT_EQ(Get("tn.tam", "/api/v1/me").status, 200u);
  const HttpReply disabled = Post("admin", "/api/v1/users/tn.tam/disable", "");
  ASSERT_EQ(disabled.status, 200u) << disabled.body;
  EXPECT_EQ(disabled.Json()["login"], "tn.tam");
  EXPECT_EQ(disabled.Json()["disabled"], true);
  EXPECT_EQ(Find(Get("admin", "/api/v1/users").Json(), "tn.tam")["disabled"], true);
  EXPECT_EQ(Get("tn.tam", "/api/v1/me").status, 401u);
  EXPECT_EQ(Post("admin", "/api/v1/users/tn.tam/disable", "{}").status, 200u);  // again: nothing changes

  ExpectError(Post("admin", "/api/v1/users/ai.do/disable", ""), 404, "not_found", "login");
  ExpectError(Post("admin", "/api/v1/users/tn.tam/disable", "{\"reason\":\"x\"}"), 400, "invalid_argument", "reason");
  ExpectError(Post("admin", "/api/v1/users/admin/disable", ""), 409, "failed_precondition", "login");
  EXPECT_EQ(Get("admin", "/api/v1/me").status, 200u);
}

// A person locked out by failed logins (someone guessing at their login) gets back in when the administrator
// unlocks them; a disabled account is enabled again. Both answer the account as it now is.
TEST_F(UsersApiTest, TheAdministratorUnlocksAndEnablesAccounts) {
  const json body = {{"login", "tn.khoa"}, {"role", "receptionist"}, {"units", {kVanSon}}, {"password", kPassword}};
  ASSERT_EQ(Post("admin", "/api/v1/users", body.dump()).status, 201u);
  for (int attempt = 0; attempt < 5; ++attempt) EXPECT_EQ(LogIn("tn.khoa", "sai-mat-khau-roi").status, 401u);
  // This address must wait, though the password is right; an unknown login is answered the same way.
  const HttpReply waiting = LogIn("tn.khoa", kPassword);
  ExpectError(waiting, 429, "rate_limited", "login");
  EXPECT_FALSE(waiting.Header("retry-after").empty());
  for (int attempt = 0; attempt < 5; ++attempt) EXPECT_EQ(LogIn("khong.co.ai", "sai-mat-khau-roi").status, 401u);
  ExpectError(LogIn("khong.co.ai", kPassword), 429, "rate_limited", "login");
  // The account itself is not locked: the failures are counted for the administrator to see.
  const json counted = Find(Get("admin", "/api/v1/users").Json(), "tn.khoa");
  EXPECT_EQ(counted["locked"], false);

  const HttpReply unlocked = Post("admin", "/api/v1/users/tn.khoa/unlock", "");
  ASSERT_EQ(unlocked.status, 200u) << unlocked.body;
  EXPECT_EQ(unlocked.Json()["locked"], false);
  EXPECT_TRUE(unlocked.Json()["locked_until"].is_null());
  EXPECT_EQ(LogIn("tn.khoa", kPassword).status, 201u);

  ASSERT_EQ(Post("admin", "/api/v1/users/tn.khoa/disable", "").status, 200u);
  EXPECT_EQ(LogIn("tn.khoa", kPassword).status, 401u);
  const HttpReply enabled = Post("admin", "/api/v1/users/tn.khoa/enable", "{}");
  ASSERT_EQ(enabled.status, 200u) << enabled.body;
  EXPECT_EQ(enabled.Json()["disabled"], false);
  EXPECT_EQ(LogIn("tn.khoa", kPassword).status, 201u);

  for (const char* action : {"enable", "unlock"}) {
    ExpectError(Post("admin", std::string("/api/v1/users/ai.do/") + action, ""), 404, "not_found", "login");
    ExpectError(Post("admin", std::string("/api/v1/users/tn.khoa/") + action, "{\"x\":1}"), 400, "invalid_argument",
                "x");
    for (const char* who : {"tn.vanson", "gs.phutho", "cd.an"}) {
      ExpectError(Post(who, std::string("/api/v1/users/tn.khoa/") + action, ""), 403, "permission_denied", "role");
    }
  }
}

TEST_F(UsersApiTest, SettingAPasswordEndsTheSessions) {
  ASSERT_EQ(Get("cv.quen", "/api/v1/me").status, 200u);
  const HttpReply changed = Post("admin", "/api/v1/users/cv.quen/password", json{{"password", kPassword}}.dump());
  ASSERT_EQ(changed.status, 200u) << changed.body;
  EXPECT_EQ(changed.Json()["login"], "cv.quen");
  EXPECT_EQ(changed.body.find("argon2"), std::string::npos);
  EXPECT_EQ(Get("cv.quen", "/api/v1/me").status, 401u);
  EXPECT_EQ(LogIn("cv.quen", kPassword).status, 201u);

  ExpectError(Post("admin", "/api/v1/users/cv.quen/password", json{{"password", "aaaaaaaaaaaa"}}.dump()), 400,
              "invalid_argument", "password");
  ExpectError(Post("admin", "/api/v1/users/cv.quen/password", "{}"), 400, "invalid_argument", "password");
  ExpectError(Post("admin", "/api/v1/users/cv.quen/password", json{{"password", kPassword}, {"x", 1}}.dump()), 400,
              "invalid_argument", "x");
  ExpectError(Post("admin", "/api/v1/users/ai.do/password", json{{"password", kPassword}}.dump()), 404, "not_found",
              "login");
  EXPECT_EQ(LogIn("cv.quen", kPassword).status, 201u);  // the refused changes kept the password
}

}  // namespace
}  // namespace motcua::http
