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
// A crash between running a request and storing its answer leaves no stuck key: the dossier written by the
// request is marked on its key in the write's own transaction (Store::SetRequestKey), so a retry learns which
// dossier it made (kWrittenBefore: the caller answers with that dossier as it is now) and never makes a second;
// a key claimed by a process that died before writing anything is forgotten when the server starts
// (Store::SettleIdempotencyKeys), so its retry runs. While the first request still runs, a retry is told to
// come back (kStillRunning).
// Thread-safety: one instance per thread, like the Store it uses.
#include <chrono>
#include <functional>
#include <string_view>

#include "app/clock.h"
#include "store/store.h"

namespace motcua::app {

struct IdempotentOutcome {
  enum class Kind {
    kRan,            // the request ran now: `response` is its answer
    kReplayed,       // an earlier request with the key answered `response`
    kWrittenBefore,  // an earlier request wrote `dossier_code` and died before answering
    kStillRunning,   // an earlier request with the key has not finished: retry later with the same key
  };
  Kind kind = Kind::kRan;
  store::IdempotentResponse response;  // kRan, kReplayed
  std::string dossier_code;            // kWrittenBefore
};

class IdempotentRequests {
 public:
  IdempotentRequests(store::Store& store, const Clock& clock, std::chrono::seconds ttl = std::chrono::hours(24))
      : store_(store), clock_(clock), ttl_(ttl) {}

  // Runs `request` unless `key` already answered the same `fingerprint` (any bytes identifying the request:
  // method, target and body). InvalidArgument on "idempotency_key" for a malformed key; Conflict on it when the
  // key was used for another request.
  Result<IdempotentOutcome> Run(std::string_view login, std::string_view key, std::string_view fingerprint,
                                const std::function<store::IdempotentResponse()>& request);

  // Stores `response` as the answer of a key whose earlier request wrote a dossier and died (kWrittenBefore),
  // so that later retries replay it. A key answered meanwhile keeps its first answer.
  Result<void> Answer(std::string_view login, std::string_view key, const store::IdempotentResponse& response);

 private:
  store::Store& store_;
  const Clock& clock_;
  std::chrono::seconds ttl_;
};

// A key is 1–128 printable ASCII characters (a UUID fits). InvalidArgument on "idempotency_key".
Result<void> ValidateIdempotencyKey(std::string_view key);

}  // namespace motcua::app
