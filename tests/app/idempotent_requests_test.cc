// A keyed request across a crash: the dossier it wrote is found by its retry, never written twice; a request that
// died before writing is run again once the server has settled the keys at start-up; while the first request
// runs, a retry is told to come back. The crash is a request that never returns (an exception through Run).
#include "app/idempotent_requests.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/store_factory.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

using Kind = IdempotentOutcome::Kind;

struct Crash : std::runtime_error {
  Crash() : std::runtime_error("the process died here") {}
};

class IdempotentRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = store::OpenStore(store::StoreSpec::Sqlite(test_support::TempDbPath())).value(); }

  Result<IdempotentOutcome> Run(const std::function<store::IdempotentResponse()>& request) {
    return IdempotentRequests(*store_, clock_).Run("tiepnhan01", "key-1", "POST /api/v1/dossiers\n{}", request);
  }
  void ReceiveDossier() {
    const DossierEvent received =
        test_support::Event(test_support::SomeReceived(), "2026-01-12T08:00:00+07:00", "H04.06-260112-0001");
    ASSERT_TRUE(store_->AppendDossierEvents(std::span(&received, 1), LifecycleLimits{}));
  }
  std::size_t Dossiers() { return store_->DossierCodes({}).value().size(); }

  std::unique_ptr<store::Store> store_;
  FixedClock clock_{test_support::At("2026-01-12T08:00:00+07:00")};
};

TEST_F(IdempotentRequestsTest, ARetryAfterACrashThatWroteTheDossierFindsItAndWritesNothing) {
  EXPECT_THROW((void)Run([&]() -> store::IdempotentResponse {
                 ReceiveDossier();
                 throw Crash();
               }),
               Crash);
  int runs = 0;
  const auto retry = Run([&] {
    ++runs;
    return store::IdempotentResponse{201, "{}"};
  });
  ASSERT_TRUE(retry.has_value()) << retry.error().message_en;
  EXPECT_EQ(retry->kind, Kind::kWrittenBefore);
  EXPECT_EQ(retry->dossier_code, "H04.06-260112-0001");
  EXPECT_EQ(runs, 0);
  EXPECT_EQ(Dossiers(), 1u);

  // The retry's answer is kept: the next retry replays it.
  ASSERT_TRUE(IdempotentRequests(*store_, clock_).Answer("tiepnhan01", "key-1", {201, R"({"code":"H04"})"}));
  const auto again = Run([&] {
    ++runs;
    return store::IdempotentResponse{201, "{}"};
  });
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->kind, Kind::kReplayed);
  EXPECT_EQ(again->response.body, R"({"code":"H04"})");
  EXPECT_EQ(runs, 0);
  // A second answer does not replace the first (two retries raced): no error either.
  EXPECT_TRUE(IdempotentRequests(*store_, clock_).Answer("tiepnhan01", "key-1", {201, "{}"}));
}

TEST_F(IdempotentRequestsTest, ARequestThatDiedBeforeWritingRunsAgainOnceTheKeysAreSettled) {
  EXPECT_THROW((void)Run([]() -> store::IdempotentResponse { throw Crash(); }), Crash);
  const auto waiting = Run([] { return store::IdempotentResponse{201, "{}"}; });
  ASSERT_TRUE(waiting.has_value());
  EXPECT_EQ(waiting->kind, Kind::kStillRunning);  // as far as anyone can tell, it still runs

  ASSERT_EQ(store_->SettleIdempotencyKeys().value(), 1u);  // the server starts again
  const auto ran = Run([&] {
    ReceiveDossier();
    return store::IdempotentResponse{201, "{}"};
  });
  ASSERT_TRUE(ran.has_value());
  EXPECT_EQ(ran->kind, Kind::kRan);
  EXPECT_EQ(Dossiers(), 1u);
}

TEST_F(IdempotentRequestsTest, TheKeyMarksOnlyTheWritesOfItsOwnRequest) {
  ASSERT_TRUE(Run([] { return store::IdempotentResponse{200, "{}"}; }));
  ReceiveDossier();  // after the request: not its write
  const DossierEvent other =
      test_support::Event(test_support::SomeReceived(), "2026-01-12T08:00:00+07:00", "H04.06-260112-0002");
  EXPECT_THROW((void)IdempotentRequests(*store_, clock_)
                   .Run("tiepnhan01", "key-2", "x", []() -> store::IdempotentResponse { throw Crash(); }),
               Crash);
  ASSERT_TRUE(store_->AppendDossierEvents(std::span(&other, 1), LifecycleLimits{}));  // after the crash
  const auto retry = IdempotentRequests(*store_, clock_).Run("tiepnhan01", "key-2", "x", [] {
    return store::IdempotentResponse{200, "{}"};
  });
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->kind, Kind::kStillRunning);  // the later write was not the request's
}

}  // namespace
}  // namespace motcua::app
