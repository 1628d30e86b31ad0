// Remote signing requests in the store, on both engines: everything finishing one needs comes back as it was kept
// (binary values included), the open ones and a dossier's are listed in order, and a request moves from one state to
// the next only from the state the mover saw — the guard that lets two servers poll the same CA safely.
#include <gtest/gtest.h>

#include <string>

#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using test_support::At;

SigningRequest Asked(std::string dossier, const char* at) {
  SigningRequest r;
  r.dossier_code = std::move(dossier);
  r.login = "ld.vanson";
  r.source_file = std::string(64, 'a');
  r.transaction = "c0ffee-42";
  r.prepared_file = std::string(64, 'b');
  r.contents_offset = 1234;
  r.contents_length = 32770;
  r.certificates = {std::string("\x30\x82\x01\x00\x00\xff", 6), std::string("\x30\x00", 2)};
  r.signed_attributes = std::string("\x31\x00\x0a\x0d", 4);
  r.digest = std::string(32, '\0');
  r.requested_at = At(at);
  r.expires_at = At(at) + std::chrono::minutes(10);
  return r;
}

class SigningRequestStoreTest : public test_support::StoreBackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, SigningRequestStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(SigningRequestStoreTest, ARequestComesBackAsKept) {
  const auto added = store_->AddSigningRequest(Asked("H1", "2026-12-08T08:00:00+07:00"));
  ASSERT_TRUE(added.has_value()) << added.error().message_en;
  EXPECT_GT(added->id, 0);
  const auto found = store_->FindSigningRequest(added->id).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(*found, *added);
  EXPECT_EQ(found->certificates.size(), 2u);
  EXPECT_EQ(found->certificates[0], std::string("\x30\x82\x01\x00\x00\xff", 6));
  EXPECT_EQ(found->digest, std::string(32, '\0'));
  EXPECT_EQ(found->state, SigningRequestState::kPending);
  EXPECT_FALSE(found->settled_at.has_value());
  EXPECT_FALSE(store_->FindSigningRequest(added->id + 1).value().has_value());
}

TEST_P(SigningRequestStoreTest, OpenOnesAndADossiersAreListedInOrder) {
  const auto first = store_->AddSigningRequest(Asked("H1", "2026-12-08T08:00:00+07:00")).value();
  const auto second = store_->AddSigningRequest(Asked("H2", "2026-12-08T08:01:00+07:00")).value();
  const auto third = store_->AddSigningRequest(Asked("H1", "2026-12-08T08:02:00+07:00")).value();
  ASSERT_TRUE(
      store_
          ->MoveSigningRequest(first.id, SigningRequestState::kPending,
                               {.state = SigningRequestState::kRejected, .settled_at = At("2026-12-08T08:03:00+07:00")})
          .value());
  const auto open = store_->OpenSigningRequests().value();
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, second.id);
  EXPECT_EQ(open[1].id, third.id);
  const auto of_h1 = store_->SigningRequestsOf("H1").value();
  ASSERT_EQ(of_h1.size(), 2u);
  EXPECT_EQ(of_h1[0].state, SigningRequestState::kRejected);
  EXPECT_EQ(of_h1[0].settled_at, At("2026-12-08T08:03:00+07:00"));
  EXPECT_EQ(of_h1[1].id, third.id);
}

TEST_P(SigningRequestStoreTest, ARequestMovesOnlyFromTheStateTheMoverSaw) {
  const auto request = store_->AddSigningRequest(Asked("H1", "2026-12-08T08:00:00+07:00")).value();
  const SigningRequestOutcome settling{.state = SigningRequestState::kSettling};
  EXPECT_TRUE(store_->MoveSigningRequest(request.id, SigningRequestState::kPending, settling).value());
  EXPECT_FALSE(store_->MoveSigningRequest(request.id, SigningRequestState::kPending, settling).value())
      << "a second settler sees it moved";
  const SigningRequestOutcome signed_copy{.state = SigningRequestState::kSigned,
                                          .settled_at = At("2026-12-08T08:04:00+07:00"),
                                          .signed_file = std::string(64, 'c')};
  EXPECT_TRUE(store_->MoveSigningRequest(request.id, SigningRequestState::kSettling, signed_copy).value());
  const auto found = store_->FindSigningRequest(request.id).value().value();
  EXPECT_EQ(found.state, SigningRequestState::kSigned);
  EXPECT_EQ(found.signed_file, std::string(64, 'c'));
  EXPECT_TRUE(store_->OpenSigningRequests().value().empty());
  const auto missing = store_->MoveSigningRequest(request.id + 7, SigningRequestState::kPending, settling);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "id");
}

}  // namespace
}  // namespace motcua::store
