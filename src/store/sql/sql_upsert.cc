#include "store/sql/sql_upsert.h"

namespace motcua::store {
namespace {

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : separator) + part;
  return joined;
}

std::string UpsertSql(const std::string& table, const std::vector<std::string>& columns, std::size_t key_count,
                      const std::string& update_only_if) {
  std::vector<std::string> keys(columns.begin(), columns.begin() + static_cast<long>(key_count));
  std::vector<std::string> placeholders(columns.size(), "?");
  std::vector<std::string> assignments, differences;
  for (std::size_t i = key_count; i < columns.size(); ++i) {
    assignments.push_back(columns[i] + " = excluded." + columns[i]);
    differences.push_back(table + "." + columns[i] + " IS DISTINCT FROM excluded." + columns[i]);
  }
  std::string where = "(" + Join(differences, " OR ") + ")";
  if (!update_only_if.empty()) where += " AND " + update_only_if;
  return "INSERT INTO " + table + " (" + Join(columns, ", ") + ") VALUES (" + Join(placeholders, ", ") +
         ") ON CONFLICT (" + Join(keys, ", ") + ") DO UPDATE SET " + Join(assignments, ", ") + " WHERE " + where;
}

}  // namespace

SqlUpsert::SqlUpsert(sql::Connection& db, const std::string& table, const std::vector<std::string>& columns,
                     std::size_t key_count, const std::string& update_only_if)
    : statement_(db, UpsertSql(table, columns, key_count, update_only_if)) {}

void SqlUpsert::Write(const std::vector<sql::Value>& values, TableChanges& changes) {
  statement_.Reset();
  for (std::size_t i = 0; i < values.size(); ++i) statement_.Bind(static_cast<int>(i + 1), values[i]);
  if (statement_.Execute() > 0)
    ++changes.written;
  else
    ++changes.unchanged;
}

}  // namespace motcua::store
