#include "store/sqlite/sqlite_connection.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

namespace motcua::store {
namespace {

sql::Failure FailureOf(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      return sql::Failure::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return sql::Failure::kForeignKey;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_TRIGGER:
      return sql::Failure::kCheck;
    default:
      break;
  }
  switch (extended_code & 0xff) {  // the primary result code
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return sql::Failure::kBusy;
    case SQLITE_FULL:
      return sql::Failure::kDiskFull;
    case SQLITE_READONLY:
      return sql::Failure::kReadOnly;
    case SQLITE_CONSTRAINT:
      return sql::Failure::kCheck;
    default:
      return sql::Failure::kOther;
  }
}

// Runs one call into SQLiteCpp, turning its exception into the engine-neutral one.
template <typename F>
auto Translated(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& error) {
    throw SqliteError(error);
  }
}

class SqlitePreparedStatement final : public sql::PreparedStatement {
 public:
  SqlitePreparedStatement(SQLite::Database& db, std::string_view sql) : statement_(db, std::string(sql)) {}

  const std::string& sql() const override { return statement_.getQuery(); }

  void BindNull(int index) override {
    Translated([&] { statement_.bind(index); });
  }
  void BindInt(int index, std::int64_t value) override {
    Translated([&] { statement_.bind(index, static_cast<int64_t>(value)); });
  }
  void BindReal(int index, double value) override {
    Translated([&] { statement_.bind(index, value); });
  }
  void BindText(int index, std::string_view value) override {
    // SQLite would keep the NUL, PostgreSQL refuses it: both refuse, so that the store behaves the same on each.
    if (value.find('\0') != std::string_view::npos) {
      throw sql::DbError(sql::Failure::kBadText, "text with a NUL byte cannot be stored");
    }
    Translated([&] { statement_.bind(index, std::string(value)); });
  }
  void BindBlob(int index, std::span<const std::byte> value) override {
    Translated([&] { statement_.bind(index, value.data(), static_cast<int>(value.size())); });
  }

  bool Step() override {
    return Translated([&] {
      const bool row = statement_.executeStep();
      if (!row) changes_ = statement_.getChanges();
      return row;
    });
  }
  std::int64_t Changes() const override { return changes_; }

  bool Null(int column) const override { return statement_.isColumnNull(column); }
  std::int64_t Int(int column) const override { return Column(column).getInt64(); }
  double Real(int column) const override { return Column(column).getDouble(); }
  std::string Text(int column) const override { return Column(column).getString(); }
  sql::Blob Bytes(int column) const override {
    const SQLite::Column value = Column(column);
    const auto* data = static_cast<const std::byte*>(value.getBlob());
    return sql::Blob(data, data + value.getBytes());
  }

  sql::Value Any(int column) const override {
    const SQLite::Column value = Column(column);
    if (value.isNull()) return nullptr;
    if (value.isInteger()) return value.getInt64();
    if (value.isFloat()) return value.getDouble();
    return value.getString();
  }

  std::string Name(int column) const override {
    return Translated([&] { return std::string(statement_.getColumnName(column)); });
  }

  int Columns() const override { return statement_.getColumnCount(); }

  void Reset() noexcept override {
    try {
      statement_.reset();
    } catch (...) {
      // reset() reports the last step's error again; the statement is reset all the same.
    }
    statement_.clearBindings();
    changes_ = 0;
  }

 private:
  SQLite::Column Column(int column) const {
    return Translated([&] { return statement_.getColumn(column); });
  }

  SQLite::Statement statement_;
  std::int64_t changes_ = 0;
};

}  // namespace

sql::DbError SqliteError(const SQLite::Exception& error) {
  return sql::DbError(FailureOf(error.getExtendedErrorCode()), error.what());
}

SqliteConnection::SqliteConnection(const std::string& path)
    : db_(Translated(
          [&] { return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); })) {}

std::unique_ptr<SqliteConnection> OpenStoreConnection(const std::string& path, int cache_kib) {
  auto db = std::make_unique<SqliteConnection>(path);
  Translated([&] { db->database().setBusyTimeout(5000); });
  db->ExecuteScript("PRAGMA journal_mode = WAL");
  db->ExecuteScript("PRAGMA synchronous = FULL");
  db->ExecuteScript("PRAGMA foreign_keys = ON");
  db->ExecuteScript("PRAGMA cache_size = -" + std::to_string(cache_kib));
  return db;
}

SqliteConnection::~SqliteConnection() { ClearStatementCache(); }  // statements are finalized before the database

void SqliteConnection::ExecuteScript(std::string_view sql) {
  Translated([&] { db_->exec(std::string(sql)); });
}

bool SqliteConnection::InTransaction() const { return sqlite3_get_autocommit(db_->getHandle()) == 0; }

std::string_view SqliteConnection::BeginSql(sql::TxMode mode) const {
  // IMMEDIATE takes the write lock at BEGIN, so that no other writer slips in between a read and the write it
  // decides; DEFERRED takes a read snapshot at the first read.
  return mode == sql::TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
}

std::unique_ptr<sql::PreparedStatement> SqliteConnection::Prepare(std::string_view sql) {
  return Translated([&] { return std::make_unique<SqlitePreparedStatement>(*db_, sql); });
}

}  // namespace motcua::store
