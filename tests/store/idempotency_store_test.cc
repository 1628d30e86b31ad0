// Idempotency keys in the store: the first claim wins, later ones see the first request's hash and its answer
// (or that it still runs), an answer is stored once, a failed request's key is released, keys expire, and
// keys of different logins never meet.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

Instant At(std::string_view text) { return ParseIsoInstant(text, "t").value(); }

const Instant kT0 = At("2026-01-12T08:00:00Z");
const Instant kLongAgo = At("2026-01-01T00:00:00Z");  // an expiry that forgets nothing of today

class IdempotencyStoreTest : public test_support::StoreBackendTest {
 protected:
  IdempotencyClaim Claim(std::string_view login, std::string_view key, std::string_view hash, Instant at = kT0,
                         Instant expired_before = kLongAgo) {
    auto claim = store_->ClaimIdempotencyKey(login, key, hash, at, expired_before);
    EXPECT_TRUE(claim.has_value()) << claim.error().message_en;
    return claim.value_or(IdempotencyClaim{});
  }

  void Complete(std::string_view login, std::string_view key, int status, std::string body) {
    auto done = store_->CompleteIdempotencyKey(login, key, IdempotentResponse{status, std::move(body)});
    ASSERT_TRUE(done.has_value()) << done.error().message_en;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, IdempotencyStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(IdempotencyStoreTest, TheFirstClaimOfAKeyWins) { EXPECT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed); }

TEST_P(IdempotencyStoreTest, AClaimWhileTheFirstRunsSeesItsHashAndNoAnswer) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-a");
  EXPECT_FALSE(again.claimed);
  EXPECT_EQ(again.request_hash, "hash-a");
  EXPECT_FALSE(again.response.has_value());
}

TEST_P(IdempotencyStoreTest, AClaimWithAnotherRequestSeesTheFirstRequestsHashAndChangesNothing) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  EXPECT_EQ(Claim("tiepnhan01", "k1", "hash-b").request_hash, "hash-a");
  EXPECT_EQ(Claim("tiepnhan01", "k1", "hash-c").request_hash, "hash-a");
}

TEST_P(IdempotencyStoreTest, AClaimAfterTheAnswerGetsTheAnswer) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  Complete("tiepnhan01", "k1", 201, R"({"code":"H15.50.05.13-260112-0001"})");
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-a");
  EXPECT_FALSE(again.claimed);
  EXPECT_EQ(again.request_hash, "hash-a");
  ASSERT_TRUE(again.response.has_value());
  EXPECT_EQ(again.response->status, 201);
  EXPECT_EQ(again.response->body, R"({"code":"H15.50.05.13-260112-0001"})");
}

TEST_P(IdempotencyStoreTest, AnEmptyBodyIsAnAnswerToo) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  Complete("tiepnhan01", "k1", 204, "");
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-a");
  ASSERT_TRUE(again.response.has_value());
  EXPECT_EQ(again.response->status, 204);
  EXPECT_EQ(again.response->body, "");
}

TEST_P(IdempotencyStoreTest, CompletingAKeyThatIsNotClaimedIsNotFound) {
  auto done = store_->CompleteIdempotencyKey("tiepnhan01", "k1", IdempotentResponse{201, "{}"});
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(done.error().field, "idempotency_key");
}

TEST_P(IdempotencyStoreTest, AnAnswerIsStoredOnceAndTheFirstIsKept) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  Complete("tiepnhan01", "k1", 201, "first");
  auto second = store_->CompleteIdempotencyKey("tiepnhan01", "k1", IdempotentResponse{409, "second"});
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().field, "idempotency_key");
  EXPECT_EQ(Claim("tiepnhan01", "k1", "hash-a").response->body, "first");
}

TEST_P(IdempotencyStoreTest, AReleasedKeyMayBeClaimedAgain) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  ASSERT_TRUE(store_->ReleaseIdempotencyKey("tiepnhan01", "k1").has_value());
  EXPECT_TRUE(Claim("tiepnhan01", "k1", "hash-b").claimed);
  EXPECT_EQ(Claim("tiepnhan01", "k1", "hash-a").request_hash, "hash-b");
}

TEST_P(IdempotencyStoreTest, ReleasingAnAnsweredKeyKeepsIt) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  Complete("tiepnhan01", "k1", 201, "{}");
  ASSERT_TRUE(store_->ReleaseIdempotencyKey("tiepnhan01", "k1").has_value());
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-a");
  EXPECT_FALSE(again.claimed);
  ASSERT_TRUE(again.response.has_value());
  EXPECT_EQ(again.response->status, 201);
}

TEST_P(IdempotencyStoreTest, ReleasingAnUnknownKeyDoesNothing) {
  EXPECT_TRUE(store_->ReleaseIdempotencyKey("tiepnhan01", "none").has_value());
}

TEST_P(IdempotencyStoreTest, AKeyFirstUsedBeforeTheExpiryIsForgotten) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a", kT0).claimed);
  Complete("tiepnhan01", "k1", 201, "old");
  const Instant next_day = kT0 + std::chrono::hours(24);
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-b", next_day, kT0 + std::chrono::seconds(1));
  EXPECT_TRUE(again.claimed);
  const IdempotencyClaim third = Claim("tiepnhan01", "k1", "hash-c", next_day, kT0 + std::chrono::seconds(1));
  EXPECT_FALSE(third.claimed);
  EXPECT_EQ(third.request_hash, "hash-b");
  EXPECT_FALSE(third.response.has_value()) << "the old answer went with the old claim";
}

TEST_P(IdempotencyStoreTest, AKeyUsedExactlyAtTheExpiryIsKept) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a", kT0).claimed);
  const IdempotencyClaim again = Claim("tiepnhan01", "k1", "hash-b", kT0 + std::chrono::hours(24), kT0);
  EXPECT_FALSE(again.claimed);
  EXPECT_EQ(again.request_hash, "hash-a");
}

TEST_P(IdempotencyStoreTest, KeysArePerLogin) {
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a").claimed);
  ASSERT_TRUE(Claim("tiepnhan02", "k1", "hash-b").claimed);
  Complete("tiepnhan01", "k1", 201, "for 01");
  const IdempotencyClaim other = Claim("tiepnhan02", "k1", "hash-b");
  EXPECT_FALSE(other.claimed);
  EXPECT_EQ(other.request_hash, "hash-b");
  EXPECT_FALSE(other.response.has_value()) << "one login's answer is never another's";
  ASSERT_TRUE(store_->ReleaseIdempotencyKey("tiepnhan02", "k1").has_value());
  EXPECT_EQ(Claim("tiepnhan01", "k1", "hash-a").response->body, "for 01");
  auto not_claimed = store_->CompleteIdempotencyKey("tiepnhan03", "k1", IdempotentResponse{201, "{}"});
  EXPECT_EQ(not_claimed.error().code, ErrorCode::kNotFound);
}

TEST_P(IdempotencyStoreTest, AnyClaimForgetsExpiredKeysOfEveryLogin) {
  if (GetParam().name != "sqlite_file") GTEST_SKIP() << "the table is read through SQLite itself";
  ASSERT_TRUE(Claim("tiepnhan01", "k1", "hash-a", kT0).claimed);
  ASSERT_TRUE(Claim("tiepnhan01", "k2", "hash-a", kT0 + std::chrono::hours(2)).claimed);
  ASSERT_TRUE(Claim("tiepnhan02", "k9", "hash-b", kT0 + std::chrono::hours(25), kT0 + std::chrono::hours(1)).claimed);
  SQLite::Database raw(spec_.location, SQLite::OPEN_READONLY);
  EXPECT_EQ(
      raw.execAndGet("SELECT group_concat(key, ',') FROM (SELECT key FROM idempotency_keys ORDER BY key)").getString(),
      "k2,k9");
}

// Two counters retrying at once through their own connections: exactly one runs the request. The
// connections are opened before the race, which is about claiming (opening is the provider's business).
TEST(IdempotencyConcurrencyTest, OneOfManyConnectionsClaimingAKeyAtOnceWins) {
  const std::string path = test_support::TempDbPath();
  constexpr int kConnections = 4;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < kConnections; ++i) stores.push_back(OpenSqliteStore(path).value());
  std::atomic<int> claimed = 0, failed = 0;
  std::vector<std::thread> threads;
  for (auto& store : stores) {
    threads.emplace_back([&] {
      auto claim = store->ClaimIdempotencyKey("tiepnhan01", "k1", "hash-a", kT0, kLongAgo);
      if (!claim) ++failed;
      if (claim && claim->claimed) ++claimed;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(claimed, 1);
}

}  // namespace
}  // namespace motcua::store

namespace motcua::store {
namespace {

// A request's dossier writes mark its key in their own transaction: after a crash between the write and the
// answer, the key tells which dossier the request made; a key whose request wrote nothing is forgotten at
// start-up. Through the group-commit writer too, as the server writes.
class IdempotentWriteTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::string mode = GetParam();
    const StoreSpec spec = StoreSpec::Sqlite(mode == "memory" ? ":memory:" : test_support::TempDbPath());
    if (mode == "server") {
      provider_ = OpenStoreProvider(spec).value();
      store_ = provider_->ForThisThread().value();
    } else {
      owned_ = OpenStore(spec).value();
      store_ = owned_.get();
    }
  }

  IdempotencyClaim Claim(std::string_view key) {
    return store_->ClaimIdempotencyKey("tiepnhan01", key, "hash", kT0, kLongAgo).value();
  }
  Result<DossierState> Receive(std::string code) {
    const DossierEvent received = test_support::Event(test_support::SomeReceived(), "2026-01-12T08:00:00+07:00", code);
    return store_->AppendDossierEvents(std::span(&received, 1), LifecycleLimits{});
  }

  std::unique_ptr<StoreProvider> provider_;  // "server": the store of this thread, writing through the group commit
  std::unique_ptr<Store> owned_;
  Store* store_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Engines, IdempotentWriteTest, ::testing::Values("memory", "file", "server"));

TEST_P(IdempotentWriteTest, AWriteMarksTheRequestsKeyWithItsDossier) {
  ASSERT_TRUE(Claim("k1").claimed);
  store_->SetRequestKey(RequestKey{"tiepnhan01", "k1"});
  ASSERT_TRUE(Receive("H04.06-260112-0001"));
  store_->SetRequestKey(std::nullopt);
  // The process dies here: no answer is stored. The retry learns the dossier.
  const IdempotencyClaim retry = Claim("k1");
  EXPECT_FALSE(retry.claimed);
  EXPECT_FALSE(retry.response.has_value());
  EXPECT_EQ(retry.dossier_code, "H04.06-260112-0001");
  // A write after the mark was lifted marks nothing.
  ASSERT_TRUE(Claim("k2").claimed);
  ASSERT_TRUE(Receive("H04.06-260112-0002"));
  EXPECT_FALSE(Claim("k2").dossier_code.has_value());
}

TEST_P(IdempotentWriteTest, AFailedWriteMarksNothing) {
  ASSERT_TRUE(Claim("k1").claimed);
  store_->SetRequestKey(RequestKey{"tiepnhan01", "k1"});
  ASSERT_TRUE(Receive("H04.06-260112-0001"));
  ASSERT_TRUE(Claim("k2").claimed);
  store_->SetRequestKey(RequestKey{"tiepnhan01", "k2"});
  EXPECT_FALSE(Receive("H04.06-260112-0001"));  // received twice: refused, nothing written
  store_->SetRequestKey(std::nullopt);
  EXPECT_FALSE(Claim("k2").dossier_code.has_value());
}

TEST_P(IdempotentWriteTest, SettlingForgetsTheKeysWhoseRequestWroteNothing) {
  ASSERT_TRUE(Claim("wrote").claimed);
  store_->SetRequestKey(RequestKey{"tiepnhan01", "wrote"});
  ASSERT_TRUE(Receive("H04.06-260112-0001"));
  store_->SetRequestKey(std::nullopt);
  ASSERT_TRUE(Claim("nothing").claimed);
  ASSERT_TRUE(Claim("answered").claimed);
  ASSERT_TRUE(store_->CompleteIdempotencyKey("tiepnhan01", "answered", IdempotentResponse{201, "{}"}));
  // Releasing a key whose request wrote a dossier keeps it: a retry must find that dossier.
  ASSERT_TRUE(store_->ReleaseIdempotencyKey("tiepnhan01", "wrote"));

  EXPECT_EQ(store_->SettleIdempotencyKeys().value(), 1u);
  EXPECT_TRUE(Claim("nothing").claimed);  // forgotten: its retry runs
  EXPECT_EQ(Claim("wrote").dossier_code, "H04.06-260112-0001");
  EXPECT_EQ(Claim("answered").response->status, 201);
  EXPECT_EQ(store_->SettleIdempotencyKeys().value(), 1u);  // "nothing", claimed again just above
}

}  // namespace
}  // namespace motcua::store
