#pragma once
// The signing_certificates table (migrations/0019_signing_certificates.sql), on either engine. SqlStore owns the
// connection and forwards the Store's certificate-register methods here, turning database exceptions into
// Errors; the contracts are in store/store.h. Thread-safety: as the connection it is given.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/official_certificate.h"
#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlCertificateRegister {
 public:
  explicit SqlCertificateRegister(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  Result<OfficialCertificate> Add(const OfficialCertificate& certificate);
  std::vector<OfficialCertificate> List();
  Result<OfficialCertificate> Retire(std::int64_t id, std::string_view by, Instant at);

 private:
  std::optional<OfficialCertificate> Find(std::int64_t id);

  sql::Connection& db_;
};

}  // namespace motcua::store
