#pragma once
// Use case: a POST retried with the same Idempotency-Key runs once. A counter on a flaky line that sends
// "receive this dossier" twice must get one dossier and the same answer twice, not two codes.
//
// The first request with a key claims it (atomically, in the store), runs, and stores its answer; a retry
// with the same key and the same request gets that answer again without running; the same key with a
// different request, or while the first is still running, is a Conflict on "idempotency_key". Only a success
// (below 400) is kept. A refusal (4xx: denied, invalid, not possible in the dossier's current status) or a
// server failure (5xx) releases the key, so that a refused request leaves nothing in the store (a denial
// writes nothing) and a retry after the dossier or the account changed runs again instead of replaying a
// stale refusal. Keys are per login and forgotten after `ttl`.
//
// Known limit: if the process dies between running a request and storing its answer, the key stays claimed
// without an answer until it expires, and retries get the "still running" Conflict (never a second run).
// Thread-safety: one instance per thread, like the Store it uses.
#include <chrono>
#include <functional>
#include <string_view>

#include "app/clock.h"
#include "store/store.h"

namespace motcua::app {

struct IdempotentOutcome {
  store::IdempotentResponse response;
  bool replayed = false;  // the answer is the stored one of an earlier request
};

class IdempotentRequests {
 public:
  IdempotentRequests(store::Store& store, const Clock& clock, std::chrono::seconds ttl = std::chrono::hours(24))
      : store_(store), clock_(clock), ttl_(ttl) {}

  // Runs `request` unless `key` already answered the same `fingerprint` (any bytes identifying the request:
  // method, target and body). InvalidArgument on "idempotency_key" for a malformed key.
  Result<IdempotentOutcome> Run(std::string_view login, std::string_view key, std::string_view fingerprint,
                                const std::function<store::IdempotentResponse()>& request);

 private:
  store::Store& store_;
  const Clock& clock_;
  std::chrono::seconds ttl_;
};

// A key is 1–128 printable ASCII characters (a UUID fits). InvalidArgument on "idempotency_key".
Result<void> ValidateIdempotencyKey(std::string_view key);

}  // namespace motcua::app
