#pragma once
// What "the store is unchanged" means in API tests: every row of every table of a SQLite database, read
// through a raw read-only connection of its own (not the Store interface, which shows only what its queries
// select), summed up per table as a row count and a SHA-256 of the rows. Tables are discovered from
// sqlite_schema, so a table added by a later migration is covered without touching this file; SQLite's own
// tables (sqlite_*) are skipped, since the engine may rewrite them (sqlite_stat1 after ANALYZE) without the
// data changing.
//
// Rows are hashed in sorted order of their encoding, not in storage order: a VACUUM or a page split must not
// look like a change, a changed, added or removed row must. Each value is encoded with its storage class and
// length, so that "ab","c" and "a","bc", or 1 and '1', never encode alike.
//
// `except` names columns to leave out ("users.failed_attempts"), for a test where a column legitimately
// changes; the caller says why beside the call.
//
// Reads a consistent snapshot (one read transaction); safe while a server writes the same file in WAL mode.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "store/sha256.h"

namespace motcua::test_support {

struct TableFingerprint {
  std::int64_t rows = 0;
  std::string sha256;  // of the sorted row encodings
  bool operator==(const TableFingerprint&) const = default;
};

// Table name → its fingerprint. Compare two with ==; gtest prints the tables on a mismatch.
using DatabaseFingerprint = std::map<std::string, TableFingerprint>;

inline void PrintTo(const TableFingerprint& table, std::ostream* out) {
  *out << table.rows << " rows, sha256 " << table.sha256.substr(0, 12);
}

namespace fingerprint_detail {

// Storage class, byte length, bytes: an encoding no two different values share.
inline void AppendValue(const SQLite::Column& column, std::string& out) {
  if (column.isNull()) {
    out += "N;";
    return;
  }
  std::string bytes;
  char kind = 'B';
  if (column.isInteger()) {
    kind = 'I';
    bytes = std::to_string(column.getInt64());
  } else if (column.isFloat()) {
    kind = 'F';
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", column.getDouble());
    bytes = text;
  } else {  // TEXT or BLOB, both read as their exact bytes
    kind = column.isText() ? 'T' : 'B';
    bytes.assign(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
  }
  out += kind + std::to_string(bytes.size()) + ':' + bytes + ';';
}

inline std::vector<std::string> TableNames(SQLite::Database& db) {
  SQLite::Statement tables(db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                           "ESCAPE '\\' ORDER BY name");
  std::vector<std::string> names;
  while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
  return names;
}

inline TableFingerprint FingerprintTable(SQLite::Database& db, const std::string& table,
                                         const std::set<std::string>& except) {
  // Names come from sqlite_schema, quoted as identifiers so any name reads back.
  SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
  std::vector<std::string> encoded;
  while (rows.executeStep()) {
    std::string row;
    for (int i = 0; i < rows.getColumnCount(); ++i) {
      if (except.contains(table + "." + rows.getColumnName(i))) continue;
      AppendValue(rows.getColumn(i), row);
    }
    encoded.push_back(std::move(row));
  }
  std::ranges::sort(encoded);
  std::string all;
  for (const std::string& row : encoded) all += std::to_string(row.size()) + '|' + row;
  return {static_cast<std::int64_t>(encoded.size()), store::Sha256Hex(all)};
}

}  // namespace fingerprint_detail

inline DatabaseFingerprint FingerprintDatabase(const std::string& path, const std::set<std::string>& except = {}) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  // One read transaction: every table from the same snapshot, even while a server commits.
  SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
  DatabaseFingerprint fingerprint;
  for (const std::string& table : fingerprint_detail::TableNames(db)) {
    fingerprint[table] = fingerprint_detail::FingerprintTable(db, table, except);
  }
  return fingerprint;
}

}  // namespace motcua::test_support
