#include "store/sql/dialect.h"

namespace motcua::store::sql {

Dialect Dialect::Of(std::string_view engine) { return Dialect(engine == "postgresql"); }

std::string Dialect::JsonText(std::string_view column, std::string_view key) const {
  if (postgresql_) return "(" + std::string(column) + "::jsonb ->> '" + std::string(key) + "')";
  return "json_extract(" + std::string(column) + ", '$." + std::string(key) + "')";
}

std::string Dialect::UseIndex(std::string_view index) const {
  return postgresql_ ? "" : " INDEXED BY " + std::string(index);
}

std::string Dialect::Unindexed(std::string_view column) const {
  return postgresql_ ? std::string(column) : "+" + std::string(column);
}

std::string Dialect::Stored(std::string_view table) const {
  return postgresql_ ? std::string(table) : "main." + std::string(table);
}

std::string Dialect::Scratch(std::string_view table) const {
  return (postgresql_ ? "pg_temp." : "temp.") + std::string(table);
}

std::string Dialect::CopyShape(std::string_view table, std::string_view scratch) const {
  if (!postgresql_) return "";
  return "CREATE TABLE " + std::string(scratch) + " (LIKE " + std::string(table) + " INCLUDING ALL)";
}

std::string Dialect::TablesSql() const {
  if (postgresql_) {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
           "AND table_type = 'BASE TABLE' ORDER BY table_name";
  }
  return "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
         "ORDER BY name";
}

std::string Dialect::ParentTablesSql() const {
  if (postgresql_) {
    return "SELECT DISTINCT p.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
           "JOIN pg_class p ON p.oid = c.confrelid WHERE c.contype = 'f' AND t.relname = ?1 "
           "AND t.relnamespace = current_schema()::regnamespace";
  }
  return "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)";
}

std::string Dialect::BlobColumnsSql() const {
  if (postgresql_) {
    return "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
           "AND table_name = ?1 AND data_type = 'bytea'";
  }
  return "SELECT name FROM pragma_table_info(?1) WHERE upper(type) = 'BLOB'";
}

std::string Dialect::NumberedColumnsSql() const {
  if (postgresql_) {
    return "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
           "AND table_name = ?1 AND is_identity = 'YES'";
  }
  return "";  // SQLite's rowid follows the largest value stored: nothing to continue
}

std::string Dialect::ContinueNumberingSql() const {
  if (!postgresql_) return "";
  // ?3: the largest value stored, or 1 with ?4 false when there is none (the next number is then 1).
  return "SELECT setval(pg_get_serial_sequence(?1, ?2), ?3, ?4)";
}

}  // namespace motcua::store::sql
