// Accounts, logins, lock-out and sessions through the use cases, on a real in-memory SQLite store with the
// units it names, a fixed clock, predictable tokens and the real Argon2id hasher (few hashes: each
// costs tens of milliseconds).
#include "app/accounts.h"

#include <gtest/gtest.h>

#include "app/sodium_password_hasher.h"
#include "store/store_factory.h"

namespace motcua::app {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

// "token-1", "token-2", … so that tests know the token a login hands out.
class CountingTokenSource final : public TokenSource {
 public:
  std::string NewToken() override { return "token-" + std::to_string(++count_); }

 private:
  int count_ = 0;
};

constexpr const char* kPassword = "Vân Sơn 2026!";

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
    // Only the units the tests name, as in data/reference/units: the whole catalogue is not needed.
    ReferenceCatalogue units;
    units.provinces.push_back({"25", "Tỉnh Phú Thọ", "tỉnh", "phu_tho", "210"});
    units.communes.push_back({"05152", "Xã Vân Sơn", "xã", "xa_van_son", "25"});
    ASSERT_TRUE(store_->SaveReferenceCatalogue(units).has_value());
    accounts_ = std::make_unique<Accounts>(*store_, clock_, hasher_, tokens_);
  }

  Account AddReceptionist(const std::string& login = "le.thi.binh") {
    auto added = accounts_->AddUser({login, "receptionist", {"05152"}, "Lê Thị Bình", ""}, kPassword);
    EXPECT_TRUE(added.has_value()) << (added ? "" : added.error().message_en);
    return added.value_or(Account{});
  }

  static ::testing::AssertionResult DeniedOn(const Result<LoginSession>& login, const std::string& part) {
    if (login) return ::testing::AssertionFailure() << "the login succeeded";
    if (login.error().code != ErrorCode::kUnauthenticated) return ::testing::AssertionFailure() << "wrong code";
    if (login.error().message_en.find(part) == std::string::npos) {
      return ::testing::AssertionFailure() << login.error().message_en;
    }
    return ::testing::AssertionSuccess();
  }

  FixedClock clock_{At("2026-03-02T08:00:00+07:00")};
  SodiumPasswordHasher hasher_;
  CountingTokenSource tokens_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_F(AccountsTest, AddUserStoresAnArgon2idHashAndNeverThePassword) {
  const Account added = AddReceptionist();
  EXPECT_EQ(added.role, Role::kReceptionist);
  EXPECT_EQ(added.units, std::vector<std::string>{"05152"});
  auto stored = store_->FindAccount("le.thi.binh").value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->password_hash.starts_with("$argon2id$")) << stored->password_hash;
  EXPECT_EQ(stored->password_hash.find(kPassword), std::string::npos);
  EXPECT_EQ(stored->account.display_name, "Lê Thị Bình");
  EXPECT_EQ(stored->account.created_at, clock_.Now());
  EXPECT_FALSE(stored->account.disabled);
}

TEST_F(AccountsTest, AddUserRefusesATakenLoginAndBadInput) {
  AddReceptionist();
  auto again = accounts_->AddUser({"le.thi.binh", "specialist", {"05152"}, "", ""}, kPassword);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "login");

  struct Case {
    NewAccount request;
    std::string password;
    std::string field;
  } cases[] = {
      {{"x.user", "clerk", {"05152"}, "", ""}, kPassword, "role"},
      {{"x.user", "receptionist", {"99999"}, "", ""}, kPassword, "units"},  // no such commune
      {{"x.user", "supervisor", {"05152"}, "", ""}, kPassword, "units"},    // a commune, not a province
      {{"x.user", "receptionist", {}, "", ""}, kPassword, "units"},
      {{"X.User", "administrator", {}, "", ""}, kPassword, "login"},
      {{"x.user", "administrator", {}, "", ""}, "short", "password"},
      {{"x.user", "citizen", {}, "", "12345"}, kPassword, "citizen_id"},
  };
  for (const Case& c : cases) {
    auto added = accounts_->AddUser(c.request, c.password);
    ASSERT_FALSE(added.has_value()) << c.field;
    EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(added.error().field, c.field);
  }
  EXPECT_FALSE(store_->FindAccount("x.user").value().has_value()) << "nothing was written";
}

TEST_F(AccountsTest, AddsASupervisorOfAProvinceAndACitizen) {
  ASSERT_TRUE(accounts_->AddUser({"giam.sat", "supervisor", {"25"}, "", ""}, kPassword).has_value());
  auto citizen = accounts_->AddUser({"nguyen.van.an", "citizen", {}, "Nguyễn Văn An", " 025099012345"}, kPassword);
  ASSERT_TRUE(citizen.has_value()) << citizen.error().message_en;
  EXPECT_EQ(citizen->citizen_id, "025099012345");
}

TEST_F(AccountsTest, LoginOpensASessionStoredOnlyAsItsHash) {
  AddReceptionist();
  auto login = accounts_->Login("le.thi.binh", kPassword);
  ASSERT_TRUE(login.has_value()) << login.error().message_en;
  EXPECT_EQ(login->token, "token-1");
  EXPECT_EQ(login->account.login, "le.thi.binh");
  EXPECT_EQ(login->expires_at, clock_.Now() + hours(8));
  EXPECT_FALSE(store_->FindSession("token-1").value().has_value());
  auto session = store_->FindSession(SessionTokenHash("token-1")).value();
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->login, "le.thi.binh");
  auto who = accounts_->Authenticate("token-1");
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->role, Role::kReceptionist);
  EXPECT_FALSE(accounts_->Authenticate("token-2").has_value());
}

TEST_F(AccountsTest, WrongPasswordAndUnknownLoginGiveTheSameError) {
  AddReceptionist();
  auto wrong = accounts_->Login("le.thi.binh", "not the password");
  auto unknown = accounts_->Login("nobody", kPassword);
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message_vi, "sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang bị khoá");
  EXPECT_EQ(wrong.error().message_en, unknown.error().message_en);
  EXPECT_EQ(wrong.error().field, unknown.error().field);
}

TEST_F(AccountsTest, FailuresAreCountedButNeverLockThePersonOut) {
  // Guessing is slowed per client address (app/login_throttle.h); a lock on the account itself let anyone lock
  // the administrator out with five requests.
  AddReceptionist();
  for (int i = 1; i <= 20; ++i) EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", "wrong guess"), "wrong login"));
  EXPECT_EQ(store_->FindAccount("le.thi.binh").value()->account.failed_attempts, 20);
  EXPECT_FALSE(store_->FindAccount("le.thi.binh").value()->account.locked_until.has_value());
  auto login = accounts_->Login("le.thi.binh", kPassword);
  ASSERT_TRUE(login.has_value()) << login.error().message_en;
  EXPECT_EQ(store_->FindAccount("le.thi.binh").value()->account.failed_attempts, 0);
}

TEST_F(AccountsTest, ALockLeftByAnEarlierVersionHoldsUntilItEnds) {
  AddReceptionist();
  ASSERT_TRUE(store_->RecordLoginFailure("le.thi.binh", 1, At("2026-03-02T08:15:00+07:00")));
  EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", kPassword), "wrong login or password, or the account"));
  clock_.Advance(minutes(15));
  EXPECT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
}

TEST_F(AccountsTest, ASuccessResetsTheFailureCount) {
  AddReceptionist();
  for (int i = 0; i < 4; ++i) (void)accounts_->Login("le.thi.binh", "wrong guess");
  ASSERT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
  EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", "wrong guess"), "wrong login")) << "1 failure, not 5";
}

TEST_F(AccountsTest, ADisabledAccountCannotLogInAndItsSessionsAreRevoked) {
  AddReceptionist();
  ASSERT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
  ASSERT_TRUE(accounts_->DisableUser("le.thi.binh").has_value());
  EXPECT_FALSE(accounts_->Authenticate("token-1").has_value());
  EXPECT_EQ(store_->FindSession(SessionTokenHash("token-1")).value()->revoked_at, clock_.Now());
  EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", kPassword), "wrong login")) << "the same answer as any refusal";
  EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", "wrong guess"), "wrong login"));
  auto unknown = accounts_->DisableUser("nobody");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_F(AccountsTest, ASessionExpiresAfterEightHours) {
  AddReceptionist();
  ASSERT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
  clock_.Advance(hours(8) - seconds(1));
  EXPECT_TRUE(accounts_->Authenticate("token-1").has_value());
  clock_.Advance(seconds(1));
  auto expired = accounts_->Authenticate("token-1");
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(expired.error().field, "token");
}

TEST_F(AccountsTest, LogoutRevokesTheSession) {
  AddReceptionist();
  ASSERT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
  ASSERT_TRUE(accounts_->Logout("token-1").has_value());
  EXPECT_FALSE(accounts_->Authenticate("token-1").has_value());
  EXPECT_FALSE(accounts_->Logout("token-1").has_value()) << "already revoked";
  EXPECT_FALSE(accounts_->Logout("never-issued").has_value());
}

TEST_F(AccountsTest, ChangingThePasswordRetiresTheOldOneAndItsSessions) {
  AddReceptionist();
  ASSERT_TRUE(accounts_->Login("le.thi.binh", kPassword).has_value());
  const std::string new_password = "một mật khẩu mới";
  ASSERT_TRUE(accounts_->ChangePassword("le.thi.binh", new_password).has_value());
  EXPECT_FALSE(accounts_->Authenticate("token-1").has_value());
  EXPECT_TRUE(DeniedOn(accounts_->Login("le.thi.binh", kPassword), "wrong login"));
  EXPECT_TRUE(accounts_->Login("le.thi.binh", new_password).has_value());
  auto weak = accounts_->ChangePassword("le.thi.binh", "short");
  ASSERT_FALSE(weak.has_value());
  EXPECT_EQ(weak.error().field, "password");
  auto unknown = accounts_->ChangePassword("nobody", new_password);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST(SessionTokenTest, HashIsSha256HexAndTokensAreRandomHex) {
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  EXPECT_EQ(SessionTokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  SodiumTokenSource source;
  const std::string a = source.NewToken(), b = source.NewToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(SodiumPasswordHasherTest, VerifiesOnlyTheRightPasswordAndRejectsGarbage) {
  SodiumPasswordHasher hasher;
  const std::string hash = hasher.Hash(kPassword).value();
  EXPECT_TRUE(hasher.Verify(hash, kPassword));
  EXPECT_FALSE(hasher.Verify(hash, "Vân Sơn 2026?"));
  EXPECT_FALSE(hasher.Verify("not a hash", kPassword));
  EXPECT_FALSE(hasher.Verify("", kPassword));
}

}  // namespace
}  // namespace motcua::app
