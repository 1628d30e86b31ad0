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

}  // namespace motcua::store::sql
