#pragma once
// The signing_requests table (migrations/0020_signing_requests.sql), on either engine. SqlStore owns the
// connection and forwards the Store's signing-request methods here, turning database exceptions into Errors; the
// contracts are in store/store.h. Thread-safety: as the connection it is given.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/signing_request.h"
#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlSigningRequests {
 public:
  explicit SqlSigningRequests(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  SigningRequest Add(const SigningRequest& request);
  std::optional<SigningRequest> Find(std::int64_t id);
  std::vector<SigningRequest> Open();
  std::vector<SigningRequest> Of(std::string_view dossier_code);
  Result<bool> Move(std::int64_t id, SigningRequestState from, const SigningRequestOutcome& to);

 private:
  sql::Connection& db_;
};

}  // namespace motcua::store
