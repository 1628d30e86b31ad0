#pragma once
// Writes rows into a SQLite table keyed by its leading columns, rewriting a row only when a value
// differs: the count of rows actually written is what makes "load the catalogue twice, change nothing"
// checkable. One prepared statement is reused for every row.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlUpsert {
 public:
  // `columns` start with the `key_count` key columns. `update_only_if` is an extra SQL condition on the
  // stored row (e.g. "calendar_days.source = 'reference'"), empty for none.
  SqlUpsert(sql::Connection& db, const std::string& table, const std::vector<std::string>& columns,
            std::size_t key_count, const std::string& update_only_if = "");

  // Inserts or updates one row (values in `columns` order) and counts the outcome in `changes`.
  void Write(const std::vector<sql::Value>& values, TableChanges& changes);

 private:
  sql::Statement statement_;
};

}  // namespace motcua::store
