#pragma once
// What "the store is unchanged" means in API tests: every row of every table of the database (SQLite or
// PostgreSQL), read through a raw connection of its own (not the Store interface, which shows only what its
// queries select), summed up per table as a row count and a SHA-256 of the rows. Tables are discovered from the
// engine's catalogue, so a table added by a later migration is covered without touching this file; SQLite's own
// tables (sqlite_*) are skipped, since the engine may rewrite them (sqlite_stat1 after ANALYZE) without the
// data changing.
//
// Rows are hashed in sorted order of their encoding, not in storage order: a VACUUM or a page split must not
// look like a change, a changed, added or removed row must. Each value is encoded with its storage class and
// length, so that "ab","c" and "a","bc", or 1 and '1', never encode alike. Fingerprints compare within one
// engine (a blob reads as its bytes on SQLite, as PostgreSQL's hex text of it there).
//
// `except` names columns to leave out ("users.failed_attempts"), for a test where a column legitimately
// changes; the caller says why beside the call.
//
// Reads a consistent snapshot (one read transaction); safe while a server writes the same database.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "store/sha256.h"
#include "store/sql/transaction.h"
#include "support/raw_sql.h"

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

// Kind, byte length, bytes: an encoding no two different values share.
inline void AppendValue(const store::sql::Value& value, std::string& out) {
  std::string bytes;
  char kind = 'T';
  if (std::holds_alternative<std::nullptr_t>(value)) {
    out += "N;";
    return;
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    kind = 'I';
    bytes = std::to_string(*integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    kind = 'F';
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", *real);
    bytes = text;
  } else {
    bytes = std::get<std::string>(value);
  }
  out += kind + std::to_string(bytes.size()) + ':' + bytes + ';';
}

inline std::vector<std::string> TableNames(store::sql::Connection& db) {
  store::sql::Statement tables(
      db, db.engine() == "postgresql"
              ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
              : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                "ORDER BY name");
  std::vector<std::string> names;
  while (tables.Step()) names.push_back(tables.Text(0));
  return names;
}

inline TableFingerprint FingerprintTable(store::sql::Connection& db, const std::string& table,
                                         const std::set<std::string>& except) {
  // Names come from the catalogue, quoted as identifiers so any name reads back.
  store::sql::Statement rows(db, "SELECT * FROM \"" + table + "\"");
  std::vector<std::string> encoded;
  std::vector<bool> kept;
  while (rows.Step()) {
    if (kept.empty()) {
      for (int i = 0; i < rows.Columns(); ++i) kept.push_back(!except.contains(table + "." + rows.Name(i)));
    }
    std::string row;
    for (int i = 0; i < rows.Columns(); ++i) {
      if (kept[static_cast<std::size_t>(i)]) AppendValue(rows.Any(i), row);
    }
    encoded.push_back(std::move(row));
  }
  std::ranges::sort(encoded);
  std::string all;
  for (const std::string& row : encoded) all += std::to_string(row.size()) + '|' + row;
  return {static_cast<std::int64_t>(encoded.size()), store::Sha256Hex(all)};
}

}  // namespace fingerprint_detail

inline DatabaseFingerprint FingerprintDatabase(const store::StoreSpec& spec, const std::set<std::string>& except = {}) {
  const auto db = RawSql(spec);
  // One read transaction: every table from the same snapshot, even while a server commits.
  store::sql::Transaction snapshot(*db, store::sql::TxMode::kRead);
  DatabaseFingerprint fingerprint;
  for (const std::string& table : fingerprint_detail::TableNames(*db)) {
    fingerprint[table] = fingerprint_detail::FingerprintTable(*db, table, except);
  }
  return fingerprint;
}

inline DatabaseFingerprint FingerprintDatabase(const std::string& sqlite_path,
                                               const std::set<std::string>& except = {}) {
  return FingerprintDatabase(store::StoreSpec::Sqlite(sqlite_path), except);
}

}  // namespace motcua::test_support
