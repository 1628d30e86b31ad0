#include "store/sql/sql_registry_store.h"

#include <string>

#include "store/sql/connection.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

constexpr const char* kAgencySelect = "SELECT id, name, unit FROM agencies";
constexpr const char* kPointSelect = "SELECT id, name, unit, agency_id, address FROM receiving_points";

std::string Text(sql::Statement& row, int column) { return row.Text(column); }

Agency ReadAgency(sql::Statement& row) { return {Text(row, 0), Text(row, 1), Text(row, 2)}; }

ReceivingPoint ReadPoint(sql::Statement& row) {
  return {Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3), Text(row, 4)};
}

// Runs `select` (a SELECT ... FROM without WHERE), keeping rows whose `column` is `value` when one is given,
// in id order.
template <typename T>
std::vector<T> Rows(sql::Connection& db, const std::string& select, const char* column,
                    std::optional<std::string_view> value, T (*read)(sql::Statement&)) {
  // Cached: a reception looks its receiving point and agency up on every request.
  sql::Statement cached(db, select + (value ? std::string(" WHERE ") + column + " = ?" : "") + " ORDER BY id");
  sql::Statement& rows = cached;
  if (value) rows.Bind(1, std::string(*value));
  std::vector<T> found;
  while (rows.Step()) found.push_back(read(rows));
  return found;
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

void SqlRegistryStore::SaveAgency(const Agency& agency) {
  sql::Statement upsert(db_,
                        "INSERT INTO agencies (id, name, unit) VALUES (?, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit");
  upsert.Bind(1, agency.id);
  upsert.Bind(2, agency.name);
  upsert.Bind(3, agency.unit);
  upsert.Execute();
}

std::optional<Agency> SqlRegistryStore::FindAgency(std::string_view id) {
  return First(Rows<Agency>(db_, kAgencySelect, "id", id, ReadAgency));
}

std::vector<Agency> SqlRegistryStore::ListAgencies(std::optional<std::string_view> unit) {
  return Rows<Agency>(db_, kAgencySelect, "unit", unit, ReadAgency);
}

Result<void> SqlRegistryStore::SaveReceivingPoint(const ReceivingPoint& point) {
  // The agency is checked here, in the write transaction, so that the error names the field instead of
  // surfacing as SQLite's foreign-key failure (which says neither which key nor why).
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  if (!AgencyExists(point.agency_id)) {
    return Fail(Error::NotFound("agency_id", "không có cơ quan có mã '" + point.agency_id + "'",
                                "there is no agency with the id '" + point.agency_id + "'"));
  }
  sql::Statement upsert(db_,
                        "INSERT INTO receiving_points (id, name, unit, agency_id, address) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, "
                        "agency_id = excluded.agency_id, address = excluded.address");
  upsert.Bind(1, point.id);
  upsert.Bind(2, point.name);
  upsert.Bind(3, point.unit);
  upsert.Bind(4, point.agency_id);
  upsert.Bind(5, point.address);
  upsert.Execute();
  transaction.Commit();
  return {};
}

std::optional<ReceivingPoint> SqlRegistryStore::FindReceivingPoint(std::string_view id) {
  return First(Rows<ReceivingPoint>(db_, kPointSelect, "id", id, ReadPoint));
}

std::vector<ReceivingPoint> SqlRegistryStore::ListReceivingPoints(std::optional<std::string_view> unit) {
  return Rows<ReceivingPoint>(db_, kPointSelect, "unit", unit, ReadPoint);
}

bool SqlRegistryStore::AgencyExists(std::string_view id) {
  sql::Statement row(db_, "SELECT 1 FROM agencies WHERE id = ?");
  row.Bind(1, std::string(id));
  return row.Step();
}

}  // namespace motcua::store
