#include "app/idempotent_requests.h"

#include <algorithm>

#include "store/sha256.h"

namespace motcua::app {
namespace {

Error KeyConflict(std::string vi, std::string en) {
  return Error::Conflict("idempotency_key", std::move(vi), std::move(en));
}

// Runs `request` with its dossier writes marking `key`; the mark is lifted however the request ends.
store::IdempotentResponse RunMarkingKey(store::Store& store, store::RequestKey key,
                                        const std::function<store::IdempotentResponse()>& request) {
  struct Unmark {
    store::Store& store;
    ~Unmark() { store.SetRequestKey(std::nullopt); }
  } unmark{store};
  store.SetRequestKey(std::move(key));
  return request();
}

}  // namespace

Result<void> ValidateIdempotencyKey(std::string_view key) {
  const bool printable = std::ranges::all_of(key, [](char c) { return c >= 0x21 && c <= 0x7e; });
  if (!key.empty() && key.size() <= 128 && printable) return {};
  return Fail(Error::InvalidArgument("idempotency_key", "khóa chống gửi lặp gồm 1–128 ký tự ASCII in được",
                                     "an idempotency key is 1–128 printable ASCII characters"));
}

Result<IdempotentOutcome> IdempotentRequests::Run(std::string_view login, std::string_view key,
                                                  std::string_view fingerprint,
                                                  const std::function<store::IdempotentResponse()>& request) {
  if (auto valid = ValidateIdempotencyKey(key); !valid) return Fail(valid.error());
  const std::string request_hash = store::Sha256Hex(fingerprint);
  const Instant now = clock_.Now();
  auto claim = store_.ClaimIdempotencyKey(login, key, request_hash, now, now - ttl_);
  if (!claim) return Fail(claim.error());
  if (!claim->claimed) {
    if (claim->request_hash != request_hash) {
      return Fail(KeyConflict("khóa chống gửi lặp này đã dùng cho một yêu cầu khác",
                              "this idempotency key was used for a different request"));
    }
    if (claim->response) return IdempotentOutcome{IdempotentOutcome::Kind::kReplayed, *claim->response, {}};
    if (claim->dossier_code)
      return IdempotentOutcome{IdempotentOutcome::Kind::kWrittenBefore, {}, *claim->dossier_code};
    return IdempotentOutcome{IdempotentOutcome::Kind::kStillRunning, {}, {}};
  }
  store::IdempotentResponse response =
      RunMarkingKey(store_, store::RequestKey{std::string(login), std::string(key)}, request);
  // A refusal changed nothing, so there is nothing a retry could duplicate; keeping it would both leave a
  // row behind a denial and replay an answer that may no longer hold.
  if (response.status >= 400) {
    if (auto released = store_.ReleaseIdempotencyKey(login, key); !released) return Fail(released.error());
  } else if (auto kept = store_.CompleteIdempotencyKey(login, key, response); !kept) {
    return Fail(kept.error());
  }
  return IdempotentOutcome{IdempotentOutcome::Kind::kRan, std::move(response), {}};
}

Result<void> IdempotentRequests::Answer(std::string_view login, std::string_view key,
                                        const store::IdempotentResponse& response) {
  auto kept = store_.CompleteIdempotencyKey(login, key, response);
  if (!kept && kept.error().code != ErrorCode::kConflict) return Fail(kept.error());
  return {};
}

}  // namespace motcua::app
