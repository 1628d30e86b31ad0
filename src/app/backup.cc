#include "app/backup.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include "app/durable_files.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using Stopwatch = std::chrono::steady_clock;

constexpr std::string_view kPrefix = "motcua-";
constexpr std::string_view kPartialSuffix = ".partial";

std::chrono::milliseconds Since(Stopwatch::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Stopwatch::now() - start);
}

Error Unwritable(const fs::path& path, std::string_view what, int error) {
  const std::string reason = std::string(what) + ": " + std::strerror(error);
  return Error::Unavailable(path.string(), "không ghi được bản sao lưu (" + reason + ")",
                            "cannot write the backup (" + reason + ")");
}

// The hidden folder a backup is built in: removed when it goes, unless it was renamed to its final name.
class PartialFolder {
 public:
  PartialFolder() = default;
  PartialFolder(const PartialFolder&) = delete;
  PartialFolder& operator=(const PartialFolder&) = delete;
  ~PartialFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }

  // Creates the hidden folder of `name` in `to`; false when that name is taken (by a backup or a hidden folder).
  Result<bool> Claim(const fs::path& to, const std::string& name) {
    std::error_code error;
    if (fs::exists(to / name, error)) return false;
    const fs::path path = to / ("." + name + std::string(kPartialSuffix));
    // mkdir is atomic: of two processes claiming one name in the same second, one gets it, the other moves on.
    if (::mkdir(path.c_str(), 0750) != 0) {
      if (errno == EEXIST) return false;
      return Fail(Unwritable(path, "mkdir", errno));
    }
    path_ = path;
    return true;
  }
  const fs::path& path() const { return path_; }

  Result<void> RenameTo(const fs::path& final_path) {
    std::error_code error;
    fs::rename(path_, final_path, error);
    if (error) return Fail(Unwritable(final_path, "rename", error.value()));
    path_.clear();
    return SyncFolder(final_path.parent_path());
  }

 private:
  fs::path path_;
};

// Claims the first free name of the time in `to`: "motcua-…", then "motcua-…-2", "-3"…
Result<std::string> ClaimName(PartialFolder& partial, const fs::path& to, Instant now) {
  const std::string base = BackupFolderName(now);
  for (int n = 1; n < 100; ++n) {
    const std::string name = n == 1 ? base : base + "-" + std::to_string(n);
    auto claimed = partial.Claim(to, name);
    if (!claimed) return Fail(claimed.error());
    if (*claimed) return name;
  }
  return Fail(Error::Unavailable(to.string(), "đã có 99 bản sao lưu trong cùng một giây",
                                 "99 backups exist already for the same second"));
}

// Whether a name in the files folder is one of the store's own hidden files (a temporary file being written).
bool IsHidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

// Copies the database into `folder` (Store::BackupTo) and lists it first in the manifest.
Result<void> CopyDatabase(store::Store& store, const fs::path& folder, BackupReport& report) {
  const fs::path database = folder / kBackupDatabaseName;
  const auto started = Stopwatch::now();
  auto facts = store.BackupTo(database.string());
  if (!facts) return Fail(facts.error());
  report.database_time = Since(started);
  // It holds password hashes and applicants' personal data: not for every account of the machine to read.
  std::error_code ignored;
  fs::permissions(database, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read, ignored);
  report.manifest.facts = std::move(*facts);
  auto digest = DigestFile(database, report.manifest.database);
  if (!digest) return Fail(digest.error());
  report.manifest.files.push_back(std::move(*digest));
  return {};
}

// Places one entry of the files folder under `to` at the same relative path: a folder is created (and kept in
// `folders`, to be synced), a file linked or copied and added to the manifest.
Result<void> PlaceEntry(const fs::directory_entry& entry, const fs::path& from, const fs::path& to,
                        std::set<fs::path>& folders, BackupReport& report) {
  const fs::path relative = entry.path().lexically_relative(from);
  const fs::path target = to / relative;
  std::error_code error;
  if (entry.is_directory(error)) {
    folders.insert(target);
    return CreateFolders(target);
  }
  if (!entry.is_regular_file(error)) return {};
  auto placed = LinkOrCopyFile(entry.path(), target);
  if (!placed) return Fail(placed.error());
  ++(*placed == Placed::kLinked ? report.files_linked : report.files_copied);
  auto digest = DigestFile(target, std::string(kBackupFilesFolder) + "/" + relative.generic_string());
  if (!digest) return Fail(digest.error());
  report.manifest.files.push_back(std::move(*digest));
  return {};
}

// Places every document file of `from` under `to`, skipping the store's hidden files (temporary files being
// written), then syncs the folders made.
Result<void> PlaceFiles(const fs::path& from, const fs::path& to, BackupReport& report) {
  std::error_code error;
  if (!fs::is_directory(from, error)) return {};
  if (auto created = CreateFolders(to); !created) return created;
  std::set<fs::path> folders{to};
  for (auto it = fs::recursive_directory_iterator(from, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (IsHidden(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (auto placed = PlaceEntry(*it, from, to, folders, report); !placed) return placed;
  }
  if (error) return Fail(Unwritable(from, "read", error.value()));
  for (const fs::path& folder : folders) {
    if (auto synced = SyncFolder(folder); !synced) return synced;
  }
  return {};
}

// Fills the report's totals and writes the manifest, the database's entry first and the files in path order.
Result<void> WriteManifest(const fs::path& folder, BackupReport& report) {
  auto& files = report.manifest.files;
  std::sort(files.begin() + 1, files.end(), [](const BackupFile& a, const BackupFile& b) { return a.path < b.path; });
  for (const BackupFile& file : files) report.bytes += file.size;
  if (auto written = WriteNewFile(folder / kManifestName, FormatBackupManifest(report.manifest)); !written) {
    return written;
  }
  return SyncFolder(folder);
}

}  // namespace

std::string BackupFolderName(Instant at) {
  // "2026-01-12T07:30:00+07:00" → "20260112-073000".
  const std::string iso = FormatIsoLocal(at).substr(0, 19);
  std::string stamp;
  for (char c : iso) {
    if (c == 'T') stamp += '-';
    if (c >= '0' && c <= '9') stamp += c;
  }
  return std::string(kPrefix) + stamp;
}

bool IsBackupFolderName(std::string_view name) {
  if (!name.starts_with(kPrefix)) return false;
  name.remove_prefix(kPrefix.size());
  const auto digits = [](std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (name.size() < 15 || !digits(name.substr(0, 8)) || name[8] != '-' || !digits(name.substr(9, 6))) return false;
  const std::string_view suffix = name.substr(15);
  return suffix.empty() || (suffix[0] == '-' && digits(suffix.substr(1)));
}

Result<BackupReport> MakeBackup(const BackupSource& source, const fs::path& to, Instant now) {
  const auto started = Stopwatch::now();
  if (auto created = CreateFolders(to); !created) return Fail(created.error());
  PartialFolder partial;
  auto name = ClaimName(partial, to, now);
  if (!name) return Fail(name.error());
  BackupReport report;
  report.manifest.created_at = now;
  report.manifest.database = std::string(kBackupDatabaseName);
  if (auto copied = CopyDatabase(source.store, partial.path(), report); !copied) return Fail(copied.error());
  if (auto placed = PlaceFiles(source.files, partial.path() / kBackupFilesFolder, report); !placed) {
    return Fail(placed.error());
  }
  if (auto written = WriteManifest(partial.path(), report); !written) return Fail(written.error());
  report.folder = to / *name;
  if (auto renamed = partial.RenameTo(report.folder); !renamed) return Fail(renamed.error());
  report.total_time = Since(started);
  return report;
}

}  // namespace motcua::app
