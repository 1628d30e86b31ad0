#include "store/sqlite/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/sql/sql_copy.h"
#include "store/sqlite/sqlite_migrator.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

Error Unwritable(const std::string& path, const std::string& why) {
  return Error::Unavailable("backup", "không ghi được bản sao lưu " + path + ": " + why,
                            "cannot write the backup " + path + ": " + why);
}

// fsync of a file or a folder (a folder's fsync makes its new names durable).
bool Sync(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  return ::close(fd) == 0 && synced;
}

std::int64_t Scalar(SQLite::Database& db, const char* sql) { return db.execAndGet(sql).getInt64(); }

BackupFacts FactsOf(SQLite::Database& copy, const std::string& engine) {
  return BackupFacts{engine, static_cast<int>(Scalar(copy, "SELECT max(version) FROM schema_migrations")),
                     Scalar(copy, "SELECT count(*) FROM dossiers"),
                     Scalar(copy, "SELECT count(*) FROM dossier_events")};
}

// Copies every page under one read snapshot of the source. In WAL mode that snapshot blocks no writer (they append
// to the WAL, which only stops being checkpointed past it until the copy ends). A copy made in several steps
// would restart whenever another connection commits between them, and under steady intake might never finish.
BackupFacts CopyInOneStep(SQLite::Database& source, const std::string& path) {
  SQLite::Database copy(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  {
    SQLite::Backup backup(copy, source);
    const int result = backup.executeStep(-1);
    if (result != SQLITE_DONE) {
      throw SQLite::Exception("the backup stopped before the end (busy or locked: try again)", result);
    }
  }
  // The copied header says WAL, as the source: a restored file is opened in WAL mode again anyway, but a backup
  // should be one file, readable where it lies without a -wal and -shm beside it.
  copy.exec("PRAGMA journal_mode = DELETE");
  return FactsOf(copy, "sqlite");
}

// A new SQLite file at `path` with the schema, then every row of `source` (sql_copy.h): one read snapshot of the
// source, one transaction on the file.
BackupFacts CopyRowByRow(sql::Connection& source, const std::string& path, const std::string& engine) {
  {
    const auto copy = OpenStoreConnection(path, 65536);
    if (auto migrated = MigrateSqlite(*copy); !migrated)
      throw sql::DbError(sql::Failure::kOther, migrated.error().message_en);
    if (auto copied = CopyDatabase(source, *copy, {}); !copied) {
      throw sql::DbError(sql::Failure::kOther, copied.error().message_en);
    }
  }
  SQLite::Database copy(path, SQLite::OPEN_READWRITE);
  copy.exec("PRAGMA journal_mode = DELETE");
  return FactsOf(copy, engine);
}

void RemoveCopy(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

// Makes the copy at `path` with `copy`, then syncs it and its folder; on any failure nothing is left at `path`.
template <typename Copy>
Result<BackupFacts> WriteBackupFile(const std::string& path, const Copy& copy) {
  std::error_code error;
  if (fs::exists(path, error)) {
    return Fail(Error::Conflict("backup", "đã có tệp " + path + ": bản sao lưu không ghi đè",
                                "the file " + path + " exists: a backup overwrites nothing"));
  }
  BackupFacts facts;
  try {
    facts = copy();
  } catch (const SQLite::Exception& sqlite_error) {
    RemoveCopy(path);
    throw SqliteError(sqlite_error);
  } catch (...) {
    RemoveCopy(path);
    throw;
  }
  const fs::path folder = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  if (!Sync(path, 0) || !Sync(folder, O_DIRECTORY)) {
    const std::string why = std::strerror(errno);
    RemoveCopy(path);
    return Fail(Unwritable(path, why));
  }
  return facts;
}

}  // namespace

Result<BackupFacts> CopySqliteDatabase(SqliteConnection& source, const std::string& path) {
  return WriteBackupFile(path, [&] { return CopyInOneStep(source.database(), path); });
}

Result<BackupFacts> CopyIntoSqliteFile(sql::Connection& source, const std::string& path) {
  return WriteBackupFile(path, [&] { return CopyRowByRow(source, path, std::string(source.engine())); });
}

std::vector<std::string> SqliteIntegrityProblems(sql::Connection& db) {
  std::vector<std::string> problems;
  sql::Statement integrity(db, "PRAGMA integrity_check");
  while (integrity.Step()) {
    std::string row = integrity.Text(0);
    if (row != "ok") problems.push_back(std::move(row));
  }
  // Columns: the table, the rowid of the row at fault, the table it refers to.
  sql::Statement foreign_keys(db, "PRAGMA foreign_key_check");
  while (foreign_keys.Step()) {
    problems.push_back("foreign key: " + foreign_keys.Text(0) + " row " + foreign_keys.Text(1) +
                       " refers to a missing row of " + foreign_keys.Text(2));
  }
  return problems;
}

}  // namespace motcua::store
