// Logins beyond what the password hashing allows at once (app/hashing_gate.h) are told the server is busy, at
// once and without hashing: 503 with Retry-After, the error naming "login".
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/clock.h"
#include "app/hashing_gate.h"
#include "app/login_throttle.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "http/session_api.h"
#include "store/store_factory.h"

namespace motcua::http {
namespace {

Request Login(std::string_view login) {
  Request request{Method::post, "/api/v1/sessions", 11};
  request.set(kClientAddressHeader, "192.0.2.7");
  request.body() = nlohmann::json{{"login", login}, {"password", "not the password"}}.dump();
  request.prepare_payload();
  return request;
}

class LoginBusyTest : public ::testing::Test {
 protected:
  LoginBusyTest()
      : path_(std::filesystem::temp_directory_path() / ("motcua_login_busy_" + std::to_string(::getpid()) + ".db")),
        stores_(store::OpenStoreProvider(store::StoreSpec::Sqlite(path_.string())).value()),
        clock_(ParseIsoInstant("2026-03-10T09:00:00+07:00", "test").value()) {
    AddSessionApi(router_, {*stores_, clock_, hasher_, tokens_, throttle_, gate_, {}});
  }
  ~LoginBusyTest() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<store::StoreProvider> stores_;
  app::FixedClock clock_;
  app::SodiumPasswordHasher hasher_;
  app::SodiumTokenSource tokens_;
  app::LoginThrottle throttle_;
  app::HashingGate gate_{{.concurrent = 1, .waiting = 0, .max_wait = std::chrono::milliseconds(0)}};
  Router router_;
};

TEST_F(LoginBusyTest, ALoginWhileTheHashingIsFullIsTurnedAwayWithRetryAfter) {
  {
    const auto hashing_elsewhere = gate_.Enter();
    ASSERT_TRUE(hashing_elsewhere);
    const Response busy = router_(Login("nguoi.la"));
    EXPECT_EQ(busy.result(), Status::service_unavailable);
    EXPECT_EQ(ToStd(busy[boost::beast::http::field::retry_after]), "1");
    const auto error = nlohmann::json::parse(busy.body(), nullptr, false);
    EXPECT_EQ(error["error"].value("field", ""), "login") << busy.body();
  }
  // Once the other hash ends, the same login is checked (and refused as unknown, not busy).
  const Response checked = router_(Login("nguoi.la"));
  EXPECT_EQ(checked.result(), Status::unauthorized) << checked.body();
}

TEST_F(LoginBusyTest, ATurnedAwayLoginIsNotCountedAsAFailure) {
  const auto hashing_elsewhere = gate_.Enter();
  for (int i = 0; i < 10; ++i) ASSERT_EQ(router_(Login("quan.tri")).result(), Status::service_unavailable);
  EXPECT_EQ(throttle_.WaitFor("quan.tri", "192.0.2.7", clock_.Now()), 0) << "busy answers slowed the real person";
}

}  // namespace
}  // namespace motcua::http
