#include "store/sql/sql_signing_requests.h"

#include <string>

#include "store/hex_text.h"
#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {
namespace {

constexpr const char* kColumns =
    "id, dossier_code, login, source_file, transaction_id, state, prepared_file, contents_offset, contents_length, "
    "certificates, signed_attributes, digest, requested_at, expires_at, settled_at, signed_file, problem";

// The certificates column: each DER as hex, one per line.
std::string CertificatesText(const std::vector<std::string>& certificates) {
  std::string text;
  for (const std::string& der : certificates) {
    if (!text.empty()) text += '\n';
    text += HexText(der);
  }
  return text;
}

std::vector<std::string> ParseCertificates(std::string_view text) {
  std::vector<std::string> certificates;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    certificates.push_back(ParseHexText(text.substr(0, end)).value_or(""));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return certificates;
}

SigningRequest ReadRow(sql::Statement& row) {
  SigningRequest r;
  r.id = row.Int(0);
  r.dossier_code = row.Text(1);
  r.login = row.Text(2);
  r.source_file = row.Text(3);
  r.transaction = row.Text(4);
  r.state = ParseSigningRequestState(row.Text(5)).value_or(SigningRequestState::kFailed);
  r.prepared_file = row.Text(6);
  r.contents_offset = static_cast<std::size_t>(row.Int(7));
  r.contents_length = static_cast<std::size_t>(row.Int(8));
  r.certificates = ParseCertificates(row.Text(9));
  r.signed_attributes = ParseHexText(row.Text(10)).value_or("");
  r.digest = ParseHexText(row.Text(11)).value_or("");
  r.requested_at = ParseIsoInstant(row.Text(12), "requested_at").value_or(Instant{});
  r.expires_at = ParseIsoInstant(row.Text(13), "expires_at").value_or(Instant{});
  if (!row.Null(14)) r.settled_at = ParseIsoInstant(row.Text(14), "settled_at").value_or(Instant{});
  r.signed_file = row.Text(15);
  r.problem = row.Text(16);
  return r;
}

}  // namespace

SigningRequest SqlSigningRequests::Add(const SigningRequest& request) {
  sql::Statement insert(db_,
                        "INSERT INTO signing_requests (dossier_code, login, source_file, transaction_id, state, "
                        "prepared_file, contents_offset, contents_length, certificates, signed_attributes, digest, "
                        "requested_at, expires_at, settled_at, signed_file, problem) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.Bind(1, request.dossier_code);
  insert.Bind(2, request.login);
  insert.Bind(3, request.source_file);
  insert.Bind(4, request.transaction);
  insert.Bind(5, SigningRequestStateName(request.state));
  insert.Bind(6, request.prepared_file);
  insert.Bind(7, static_cast<std::int64_t>(request.contents_offset));
  insert.Bind(8, static_cast<std::int64_t>(request.contents_length));
  insert.Bind(9, CertificatesText(request.certificates));
  insert.Bind(10, HexText(request.signed_attributes));
  insert.Bind(11, HexText(request.digest));
  insert.Bind(12, UtcText(request.requested_at));
  insert.Bind(13, UtcText(request.expires_at));
  if (request.settled_at) {
    insert.Bind(14, UtcText(*request.settled_at));
  } else {
    insert.Bind(14, nullptr);
  }
  insert.Bind(15, request.signed_file);
  insert.Bind(16, request.problem);
  insert.Step();
  SigningRequest added = request;
  added.id = insert.Int(0);
  return added;
}

std::optional<SigningRequest> SqlSigningRequests::Find(std::int64_t id) {
  sql::Statement row(db_, std::string("SELECT ") + kColumns + " FROM signing_requests WHERE id = ?");
  row.Bind(1, id);
  if (!row.Step()) return std::nullopt;
  return ReadRow(row);
}

std::vector<SigningRequest> SqlSigningRequests::Open() {
  sql::Statement rows(db_, std::string("SELECT ") + kColumns +
                               " FROM signing_requests WHERE state IN ('pending', 'settling') ORDER BY id");
  std::vector<SigningRequest> found;
  while (rows.Step()) found.push_back(ReadRow(rows));
  return found;
}

std::vector<SigningRequest> SqlSigningRequests::Of(std::string_view dossier_code) {
  sql::Statement rows(db_,
                      std::string("SELECT ") + kColumns + " FROM signing_requests WHERE dossier_code = ? ORDER BY id");
  rows.Bind(1, dossier_code);
  std::vector<SigningRequest> found;
  while (rows.Step()) found.push_back(ReadRow(rows));
  return found;
}

Result<bool> SqlSigningRequests::Move(std::int64_t id, SigningRequestState from, const SigningRequestOutcome& to) {
  sql::Statement update(db_,
                        "UPDATE signing_requests SET state = ?, settled_at = ?, signed_file = ?, problem = ? "
                        "WHERE id = ? AND state = ?");
  update.Bind(1, SigningRequestStateName(to.state));
  if (to.settled_at) {
    update.Bind(2, UtcText(*to.settled_at));
  } else {
    update.Bind(2, nullptr);
  }
  update.Bind(3, to.signed_file);
  update.Bind(4, to.problem);
  update.Bind(5, id);
  update.Bind(6, SigningRequestStateName(from));
  if (update.Execute() > 0) return true;
  if (!Find(id)) {
    return Fail(Error::NotFound("id", "không có yêu cầu ký số số " + std::to_string(id),
                                "no signing request has id " + std::to_string(id)));
  }
  return false;
}

}  // namespace motcua::store
