#pragma once
// The few places where the store's SQL cannot be written once for both engines (docs/design/postgresql.md §1.2):
// each is a method here, named for what the statement means, so that store code never asks which engine it is on.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::store::sql {

class Dialect {
 public:
  // The dialect of the engine named by Connection::engine() ("sqlite" or "postgresql").
  static Dialect Of(std::string_view engine);

  // The text of member `key` of the JSON object kept as text in `column`; the same expression as the indexes on it
  // (SQLite 0007, PostgreSQL's baseline), so that the planner uses them.
  std::string JsonText(std::string_view column, std::string_view key) const;
  // After a table name: the index SQLite's planner must use (its guess is wrong there); nothing on PostgreSQL,
  // whose planner reads statistics.
  std::string UseIndex(std::string_view index) const;
  // `column` as an expression no index may order (SQLite's unary +, which keeps its planner from walking a whole
  // index in that column's order); the plain column on PostgreSQL, which has no + for text.
  std::string Unindexed(std::string_view column) const;
  // `table` in the database's own tables, never a session's scratch copy of the same name.
  std::string Stored(std::string_view table) const;
  // `table` among this connection's scratch tables, dropped when it closes.
  std::string Scratch(std::string_view table) const;
  // The statement that makes the scratch table `scratch` empty with exactly the columns, keys and indexes of the
  // stored table `table`; empty when the engine needs the stored definition (SQLite: read it from sqlite_schema).
  std::string CopyShape(std::string_view table, std::string_view scratch) const;

  // Catalogue queries, for copying a whole database (sql_copy.h). The tables of the store (the engine's own left
  // out), one name a row:
  std::string TablesSql() const;
  // The tables that table ?1 refers to by foreign key, one name a row:
  std::string ParentTablesSql() const;
  // The columns of table ?1 that hold bytes rather than text, one name a row:
  std::string BlobColumnsSql() const;
  // Where the engine numbers a column itself from a counter of its own (PostgreSQL's identities; empty on SQLite,
  // whose rowid follows the largest value stored): the columns of table ?1 so numbered, one name a row, and the
  // statement that makes the numbering of column ?2 of table ?1 continue after ?3, the largest value stored
  // (?4 = 1), or start at 1 (?3 = 1, ?4 = 0).
  std::string NumberedColumnsSql() const;
  std::string ContinueNumberingSql() const;

  // How many savepoints one transaction should hold at most: PostgreSQL keeps 64 subtransactions per backend in
  // shared memory and slows every reader down past them (design §3.4); SQLite has no such limit.
  std::size_t MaxSavepoints() const { return postgresql_ ? 48 : SIZE_MAX; }

  bool postgresql() const { return postgresql_; }

 private:
  explicit Dialect(bool postgresql) : postgresql_(postgresql) {}
  bool postgresql_;
};

}  // namespace motcua::store::sql
