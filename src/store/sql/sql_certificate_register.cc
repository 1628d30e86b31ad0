#include "store/sql/sql_certificate_register.h"

#include <string>

#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {
namespace {

constexpr const char* kColumns =
    "id, login, holding, remote_user, certificate, sha256, serial, common_name, issuer, not_before, not_after, "
    "added_by, added_at, retired_by, retired_at";

OfficialCertificate ReadRow(sql::Statement& row) {
  OfficialCertificate c;
  c.id = row.Int(0);
  c.login = row.Text(1);
  c.holding = ParseCertificateHolding(row.Text(2)).value_or(CertificateHolding::kToken);
  c.remote_user = row.Text(3);
  c.certificate = row.Text(4);
  c.sha256 = row.Text(5);
  c.serial = row.Text(6);
  c.common_name = row.Text(7);
  c.issuer = row.Text(8);
  c.not_before = ParseIsoInstant(row.Text(9), "not_before").value_or(Instant{});
  c.not_after = ParseIsoInstant(row.Text(10), "not_after").value_or(Instant{});
  c.added_by = row.Text(11);
  c.added_at = ParseIsoInstant(row.Text(12), "added_at").value_or(Instant{});
  if (!row.Null(14)) {
    c.retired_by = row.Text(13);
    c.retired_at = ParseIsoInstant(row.Text(14), "retired_at").value_or(Instant{});
  }
  return c;
}

}  // namespace

Result<OfficialCertificate> SqlCertificateRegister::Add(const OfficialCertificate& certificate) {
  sql::Statement same(db_, "SELECT 1 FROM signing_certificates WHERE login = ? AND sha256 = ? AND retired_at IS NULL");
  same.Bind(1, certificate.login);
  same.Bind(2, certificate.sha256);
  if (same.Step()) {
    return Fail(Error::Conflict("certificate", "chứng thư số này đã có trong danh sách của " + certificate.login,
                                "this certificate is registered to " + certificate.login + " already"));
  }
  sql::Statement insert(db_,
                        "INSERT INTO signing_certificates (login, holding, remote_user, certificate, sha256, serial, "
                        "common_name, issuer, not_before, not_after, added_by, added_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.Bind(1, certificate.login);
  insert.Bind(2, std::string(CertificateHoldingName(certificate.holding)));
  insert.Bind(3, certificate.remote_user);
  insert.Bind(4, certificate.certificate);
  insert.Bind(5, certificate.sha256);
  insert.Bind(6, certificate.serial);
  insert.Bind(7, certificate.common_name);
  insert.Bind(8, certificate.issuer);
  insert.Bind(9, UtcText(certificate.not_before));
  insert.Bind(10, UtcText(certificate.not_after));
  insert.Bind(11, certificate.added_by);
  insert.Bind(12, UtcText(certificate.added_at));
  insert.Step();
  OfficialCertificate added = certificate;
  added.id = insert.Int(0);
  added.retired_by.reset();
  added.retired_at.reset();
  return added;
}

std::vector<OfficialCertificate> SqlCertificateRegister::List() {
  sql::Statement rows(db_, std::string("SELECT ") + kColumns + " FROM signing_certificates ORDER BY id");
  std::vector<OfficialCertificate> certificates;
  while (rows.Step()) certificates.push_back(ReadRow(rows));
  return certificates;
}

Result<OfficialCertificate> SqlCertificateRegister::Retire(std::int64_t id, std::string_view by, Instant at) {
  auto found = Find(id);
  if (!found) {
    return Fail(Error::NotFound("id", "không có chứng thư số số " + std::to_string(id) + " trong danh sách",
                                "no registered certificate has id " + std::to_string(id)));
  }
  if (!found->active()) {
    return Fail(Error::Conflict("id", "chứng thư số số " + std::to_string(id) + " đã được thu hồi khỏi danh sách",
                                "certificate " + std::to_string(id) + " is already retired"));
  }
  sql::Statement update(db_, "UPDATE signing_certificates SET retired_by = ?, retired_at = ? WHERE id = ?");
  update.Bind(1, std::string(by));
  update.Bind(2, UtcText(at));
  update.Bind(3, id);
  update.Execute();
  found->retired_by = std::string(by);
  found->retired_at = at;
  return *found;
}

std::optional<OfficialCertificate> SqlCertificateRegister::Find(std::int64_t id) {
  sql::Statement row(db_, std::string("SELECT ") + kColumns + " FROM signing_certificates WHERE id = ?");
  row.Bind(1, id);
  if (!row.Step()) return std::nullopt;
  return ReadRow(row);
}

}  // namespace motcua::store
