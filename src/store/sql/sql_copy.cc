#include "store/sql/sql_copy.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

// The record of the schema's migrations: each database keeps its own.
const std::set<std::string, std::less<>> kNotCopied = {"schema_migrations"};
// Rows a new database is made with, replaced by the source's: the receipts' key, and the mark that the event log
// is still to be filled (0016), which the copied log makes untrue.
const std::set<std::string, std::less<>> kReplaced = {"server_secrets", "event_log_backfill"};

// Large enough that a round trip to a PostgreSQL server carries many rows, and under two limits: SQLite's 32,766
// parameters in a statement, and libpq's 30,000 bytes for the server's description of a prepared statement's
// parameters (4 bytes each; more loses the connection with "lost synchronization with server" on libpq 15).
constexpr int kMaxParametersPerBatch = 6000;
constexpr int kMaxRowsPerBatch = 500;

std::vector<std::string> Names(sql::Connection& db, const std::string& query, std::string_view table = {}) {
  sql::Statement rows(db, query);
  if (!table.empty()) rows.Bind(1, table);
  std::vector<std::string> names;
  while (rows.Step()) names.push_back(rows.Text(0));
  return names;
}

// The tables in an order where each comes after those it refers to (the schema has no cycle of references).
std::vector<std::string> TablesInOrder(sql::Connection& db) {
  std::map<std::string, std::vector<std::string>> parents;
  for (const auto& table : Names(db, db.dialect().TablesSql())) {
    if (!kNotCopied.contains(table)) parents[table] = Names(db, db.dialect().ParentTablesSql(), table);
  }
  std::vector<std::string> ordered;
  std::set<std::string> placed;
  while (ordered.size() < parents.size()) {
    const std::size_t before = ordered.size();
    for (const auto& [table, its_parents] : parents) {
      if (placed.contains(table)) continue;
      const bool ready = std::ranges::all_of(
          its_parents, [&](const std::string& p) { return p == table || placed.contains(p) || !parents.contains(p); });
      if (ready) {
        ordered.push_back(table);
        placed.insert(table);
      }
    }
    if (ordered.size() == before) break;  // a cycle: cannot happen in this schema; the rest follow in name order
  }
  for (const auto& [table, unused] : parents) {
    if (!placed.contains(table)) ordered.push_back(table);
  }
  return ordered;
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)…" for `rows` rows.
std::string InsertSql(std::string_view table, const std::vector<std::string>& columns, int rows) {
  std::string list, one;
  for (const auto& column : columns) {
    list += (list.empty() ? "" : ", ") + Quoted(column);
    one += one.empty() ? "(?" : ", ?";
  }
  one += ")";
  std::string sql = "INSERT INTO " + Quoted(table) + " (" + list + ") VALUES ";
  for (int i = 0; i < rows; ++i) sql += (i == 0 ? "" : ", ") + one;
  return sql;
}

using Row = std::vector<std::variant<sql::Value, sql::Blob>>;

class TableCopier {
 public:
  TableCopier(sql::Connection& from, sql::Connection& to, std::string table)
      : from_(from), to_(to), table_(std::move(table)) {
    const auto blobs = Names(to_, to_.dialect().BlobColumnsSql(), table_);
    blob_columns_.insert(blobs.begin(), blobs.end());
  }

  std::int64_t Copy() {
    sql::Statement rows(from_, "SELECT * FROM " + Quoted(table_));
    std::vector<Row> batch;
    std::int64_t copied = 0;
    while (rows.Step()) {
      if (columns_.empty()) ReadColumns(rows);
      batch.push_back(ReadRow(rows));
      if (static_cast<int>(batch.size()) == batch_rows_) copied += Flush(batch);
    }
    copied += Flush(batch);
    ContinueNumbering();
    return copied;
  }

 private:
  void ReadColumns(sql::Statement& rows) {
    for (int i = 0; i < rows.Columns(); ++i) {
      columns_.push_back(rows.Name(i));
      is_blob_.push_back(blob_columns_.contains(columns_.back()));
    }
    batch_rows_ =
        std::clamp(kMaxParametersPerBatch / std::max<int>(1, static_cast<int>(columns_.size())), 1, kMaxRowsPerBatch);
  }

  Row ReadRow(sql::Statement& rows) const {
    Row row;
    row.reserve(columns_.size());
    for (int i = 0; i < static_cast<int>(columns_.size()); ++i) {
      if (is_blob_[static_cast<std::size_t>(i)] && !rows.Null(i)) {
        row.emplace_back(rows.Bytes(i));
      } else {
        row.emplace_back(rows.Any(i));
      }
    }
    return row;
  }

  std::int64_t Flush(std::vector<Row>& batch) {
    if (batch.empty()) return 0;
    sql::Statement insert(to_, InsertSql(table_, columns_, static_cast<int>(batch.size())));
    int index = 0;
    for (const Row& row : batch) {
      for (const auto& value : row) {
        ++index;
        if (const auto* bytes = std::get_if<sql::Blob>(&value)) {
          insert.Bind(index, std::span<const std::byte>(*bytes));
        } else {
          insert.Bind(index, std::get<sql::Value>(value));
        }
      }
    }
    insert.Execute();
    const auto n = static_cast<std::int64_t>(batch.size());
    batch.clear();
    return n;
  }

  // Identity columns (PostgreSQL) were given their values: their numbering goes on after the largest.
  void ContinueNumbering() {
    const std::string numbered = to_.dialect().NumberedColumnsSql();
    if (numbered.empty()) return;
    const std::string continue_sql = to_.dialect().ContinueNumberingSql();
    for (const auto& column : Names(to_, numbered, table_)) {
      sql::Statement largest(to_, "SELECT max(" + Quoted(column) + ") FROM " + Quoted(table_));
      const bool any = largest.Step() && !largest.Null(0);
      const std::int64_t value = any ? largest.Int(0) : 1;
      sql::Statement set(to_, continue_sql);
      set.Bind(1, table_).Bind(2, column).Bind(3, value).Bind(4, any ? 1 : 0);
      set.Step();
    }
  }

  sql::Connection& from_;
  sql::Connection& to_;
  const std::string table_;
  std::set<std::string> blob_columns_;
  std::vector<std::string> columns_;  // as the source's SELECT * gives them
  std::vector<bool> is_blob_;
  int batch_rows_ = 1;
};

bool HasRows(sql::Connection& db, const std::string& table) {
  sql::Statement any(db, "SELECT 1 FROM " + Quoted(table) + " LIMIT 1");
  return any.Step();
}

}  // namespace

Result<std::vector<TableCopied>> CopyDatabase(sql::Connection& from, sql::Connection& to,
                                              const std::function<void(const TableCopied&)>& progress) {
  sql::Transaction snapshot(from, sql::TxMode::kRead);
  sql::Transaction writing(to, sql::TxMode::kWrite);
  const std::vector<std::string> tables = TablesInOrder(from);
  for (const auto& table : tables) {
    if (!kReplaced.contains(table) && HasRows(to, table)) {
      return Fail(Error::Conflict(
          "to", "cơ sở dữ liệu đích đã có dữ liệu (bảng " + table + "): hãy chuyển vào một cơ sở dữ liệu mới",
          "the target database already holds data (table " + table + "): migrate into a new, empty database"));
    }
  }
  for (const auto& table : kReplaced) {
    if (std::ranges::find(tables, table) != tables.end()) to.ExecuteScript("DELETE FROM " + Quoted(table));
  }
  std::vector<TableCopied> copied;
  for (const auto& table : tables) {
    copied.push_back({table, TableCopier(from, to, table).Copy()});
    if (progress) progress(copied.back());
  }
  writing.Commit();
  return copied;
}

}  // namespace motcua::store
