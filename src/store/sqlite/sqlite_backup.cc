#include "store/sqlite/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

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
  return BackupFacts{"sqlite", static_cast<int>(Scalar(copy, "SELECT max(version) FROM schema_migrations")),
                     Scalar(copy, "SELECT count(*) FROM dossiers"),
                     Scalar(copy, "SELECT count(*) FROM dossier_events")};
}

void RemoveCopy(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

}  // namespace

Result<BackupFacts> CopySqliteDatabase(SqliteConnection& source, const std::string& path) {
  std::error_code error;
  if (fs::exists(path, error)) {
    return Fail(Error::Conflict("backup", "đã có tệp " + path + ": bản sao lưu không ghi đè",
                                "the file " + path + " exists: a backup overwrites nothing"));
  }
  BackupFacts facts;
  try {
    facts = CopyInOneStep(source.database(), path);
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
