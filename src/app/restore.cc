#include "app/restore.h"

#include <set>
#include <string_view>
#include <utility>

#include "app/backup.h"
#include "app/durable_files.h"
#include "store/store_migration.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

// The companions SQLite keeps beside a database file in WAL mode, which belong with it wherever it goes.
constexpr std::string_view kCompanions[] = {"-wal", "-shm"};

fs::path WithSuffix(const fs::path& path, std::string_view suffix) { return path.string() + std::string(suffix); }

bool Exists(const fs::path& path) {
  std::error_code error;
  return fs::exists(path, error);
}

Error RenameFailed(const fs::path& from, const fs::path& to, const std::error_code& error) {
  const std::string what = from.string() + " → " + to.string() + ": " + error.message();
  return Error::Unavailable(from.string(), "không đổi tên được " + what, "cannot rename " + what);
}

Result<void> Rename(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error) return Fail(RenameFailed(from, to, error));
  return {};
}

// The copies of step 3, beside the target: removed when this goes, unless they were put in place.
class Staging {
 public:
  explicit Staging(const RestoreTarget& target)
      : database_(WithSuffix(target.database, ".restoring")), files_(WithSuffix(target.files, ".restoring")) {
    Remove();  // left by a restore that was interrupted
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  ~Staging() {
    if (!placed_) Remove();
  }

  const fs::path& database() const { return database_; }
  const fs::path& files() const { return files_; }

  // Step 6: the files first, so that a database in place always has its files.
  Result<void> PutInPlace(const RestoreTarget& target) {
    if (Exists(files_)) {
      if (auto renamed = Rename(files_, target.files); !renamed) return renamed;
    }
    if (auto renamed = Rename(database_, target.database); !renamed) return renamed;
    placed_ = true;
    return SyncFolder(target.database.parent_path());
  }

 private:
  void Remove() {
    std::error_code ignored;
    for (std::string_view suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(WithSuffix(database_, suffix), ignored);
    fs::remove_all(files_, ignored);
  }

  fs::path database_;
  fs::path files_;
  bool placed_ = false;
};

// Step 1.
Result<BackupManifest> CheckedManifest(const fs::path& backup, const RestoreTarget& target) {
  auto manifest = ReadBackupManifest(backup);
  if (!manifest) return manifest;
  if (manifest->facts.engine != target.engine) {
    return Fail(Error::FailedPrecondition(
        "engine", "bản sao lưu của cơ sở dữ liệu " + manifest->facts.engine + ", không phải " + target.engine,
        "the backup is of a " + manifest->facts.engine + " database, not " + target.engine));
  }
  if (auto checked = CheckBackupFiles(backup, *manifest); !checked) return Fail(checked.error());
  return manifest;
}

// Step 2: what is at the target already.
std::vector<fs::path> Occupants(const RestoreTarget& target) {
  std::vector<fs::path> found;
  for (const fs::path& path : {target.database, WithSuffix(target.database, "-wal"), target.files}) {
    if (Exists(path)) found.push_back(path);
  }
  return found;
}

// Step 3: the database and every document file, copied and synced.
Result<std::size_t> CopyToStaging(const fs::path& backup, const BackupManifest& manifest, const Staging& staging) {
  if (auto copied = CopyFileDurably(backup / manifest.database, staging.database()); !copied) {
    return Fail(copied.error());
  }
  const std::string prefix = std::string(kBackupFilesFolder) + "/";
  std::set<fs::path> folders;
  std::size_t files = 0;
  for (const BackupFile& file : manifest.files) {
    if (!file.path.starts_with(prefix)) continue;
    const fs::path target = staging.files() / file.path.substr(prefix.size());
    if (auto created = CreateFolders(target.parent_path()); !created) return Fail(created.error());
    folders.insert(target.parent_path());
    if (auto copied = CopyFileDurably(backup / file.path, target); !copied) return Fail(copied.error());
    ++files;
  }
  for (const fs::path& folder : folders) {
    if (auto synced = SyncFolder(folder); !synced) return Fail(synced.error());
  }
  return files;
}

Error CopyIsDamaged(const std::string& database, const std::string& vi, const std::string& en) {
  return Error::FailedPrecondition(database, "bản sao lưu không dùng được: " + vi, "the backup cannot be used: " + en);
}

// Step 4.
Result<void> CheckCopy(store::Store& copy, const BackupManifest& manifest) {
  auto problems = copy.CheckIntegrity();
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(CopyIsDamaged(manifest.database, problems->front(), problems->front()));
  auto broken = copy.VerifyDossierChains();
  if (!broken) return Fail(broken.error());
  if (!*broken) {
    broken = copy.VerifyEventLog(std::nullopt);
    if (!broken) return Fail(broken.error());
  }
  if (*broken) {
    const std::string where = "hồ sơ " + (*broken)->dossier_code + ", sự kiện " + std::to_string((*broken)->seq);
    const std::string where_en = "dossier " + (*broken)->dossier_code + ", event " + std::to_string((*broken)->seq);
    return Fail(CopyIsDamaged(manifest.database, where + ": " + (*broken)->what, where_en + ": " + (*broken)->what));
  }
  auto codes = copy.DossierCodes({});
  if (!codes) return Fail(codes.error());
  if (static_cast<std::int64_t>(codes->size()) != manifest.facts.dossiers) {
    const std::string counts = std::to_string(codes->size()) + " / " + std::to_string(manifest.facts.dossiers);
    return Fail(CopyIsDamaged(manifest.database, "số hồ sơ khác bản kê (" + counts + ")",
                              "its number of dossiers differs from the manifest's (" + counts + ")"));
  }
  return {};
}

// Step 5: each occupant renamed aside, the database with its companions.
Result<std::vector<fs::path>> SetAside(const RestoreTarget& target, Instant now) {
  const std::string suffix = ".before-restore-" + BackupFolderName(now).substr(std::string_view("motcua-").size());
  std::vector<fs::path> moved;
  for (const fs::path& path : {target.database, target.files}) {
    if (!Exists(path)) continue;
    const fs::path aside = WithSuffix(path, suffix);
    if (Exists(aside)) {
      return Fail(
          Error::Conflict(aside.string(), "tên để cất bản cũ đã có", "the name to set the old one aside exists"));
    }
    if (auto renamed = Rename(path, aside); !renamed) return Fail(renamed.error());
    moved.push_back(aside);
    if (path != target.database) continue;
    for (std::string_view companion : kCompanions) {
      if (!Exists(WithSuffix(path, companion))) continue;
      if (auto renamed = Rename(WithSuffix(path, companion), WithSuffix(aside, companion)); !renamed) {
        return Fail(renamed.error());
      }
    }
  }
  return moved;
}

}  // namespace

Result<RestoreReport> RestoreBackup(const fs::path& backup, const RestoreTarget& target, bool replace,
                                    const StoreOpener& open, Instant now) {
  RestoreReport report;
  auto manifest = CheckedManifest(backup, target);
  if (!manifest) return Fail(manifest.error());
  report.manifest = std::move(*manifest);
  if (auto occupants = Occupants(target); !occupants.empty() && !replace) {
    return Fail(Error::Conflict(occupants.front().string(),
                                "đã có dữ liệu ở đây: chỉ thay khi được yêu cầu (--force cất bản cũ sang bên)",
                                "data is there already: replaced only when asked (--force sets it aside)"));
  }
  if (auto created = CreateFolders(target.database.parent_path()); !created) return Fail(created.error());
  Staging staging(target);
  auto files = CopyToStaging(backup, report.manifest, staging);
  if (!files) return Fail(files.error());
  report.files = *files;
  {
    auto copy = open(staging.database().string());
    if (!copy) return Fail(copy.error());
    if (auto checked = CheckCopy(**copy, report.manifest); !checked) return Fail(checked.error());
  }
  // Closed, its last connection folded its -wal back into the file: the file alone is the database to move.
  if (Exists(WithSuffix(staging.database(), "-wal"))) {
    return Fail(Error::Unavailable(staging.database().string(), "bản chép còn tệp -wal chưa gộp: hãy thử lại",
                                   "the copy still has a -wal not folded back: try again"));
  }
  auto aside = SetAside(target, now);
  if (!aside) return Fail(aside.error());
  report.set_aside = std::move(*aside);
  if (auto placed = staging.PutInPlace(target); !placed) return Fail(placed.error());
  return report;
}

Result<RestoreReport> RestoreBackupIntoServer(const fs::path& backup, const store::StoreSpec& database,
                                              const fs::path& files, const StoreOpener& open) {
  RestoreReport report;
  auto manifest = ReadBackupManifest(backup);
  if (!manifest) return Fail(manifest.error());
  if (auto checked = CheckBackupFiles(backup, *manifest); !checked) return Fail(checked.error());
  report.manifest = std::move(*manifest);
  std::error_code error;
  if (Exists(files) && !fs::is_empty(files, error)) {
    return Fail(Error::Conflict(files.string(), "đã có tệp tài liệu ở đây: khôi phục vào một thư mục mới",
                                "document files are there already: restore into a new folder"));
  }
  if (auto created = CreateFolders(files.parent_path()); !created) return Fail(created.error());
  // The backup's database (a SQLite file whatever the engine it was taken from) is staged beside the files.
  const RestoreTarget staged_target{WithSuffix(files, ".db"), files, "sqlite"};
  Staging staging(staged_target);
  auto copied = CopyToStaging(backup, report.manifest, staging);
  if (!copied) return Fail(copied.error());
  report.files = *copied;
  {
    auto copy = open(staging.database().string());
    if (!copy) return Fail(copy.error());
    if (auto checked = CheckCopy(**copy, report.manifest); !checked) return Fail(checked.error());
  }
  auto moved = store::MigrateDatabase(store::StoreSpec::Sqlite(staging.database().string()), database, {});
  if (!moved) {
    Error refused = moved.error();
    if (refused.field == "to") refused.field = "db";
    return Fail(refused);
  }
  if (moved->problem) return Fail(CopyIsDamaged(report.manifest.database, *moved->problem, *moved->problem));
  if (Exists(staging.files())) {
    if (Exists(files)) fs::remove(files, error);  // empty, checked above
    if (auto renamed = Rename(staging.files(), files); !renamed) return Fail(renamed.error());
  }
  return report;
}

}  // namespace motcua::app
