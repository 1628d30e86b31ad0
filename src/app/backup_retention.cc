#include "app/backup_retention.h"

#include <algorithm>

#include "app/backup.h"
#include "app/durable_files.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRemovingSuffix = ".removing";

Error Unreadable(const fs::path& folder, const std::error_code& error) {
  return Error::Unavailable(folder.string(), "không đọc được thư mục sao lưu: " + error.message(),
                            "cannot read the backup folder: " + error.message());
}

Error Unremovable(const fs::path& path, const std::error_code& error) {
  return Error::Unavailable(path.string(), "không xoá được bản sao lưu cũ: " + error.message(),
                            "cannot remove the old backup: " + error.message());
}

// Whether `name` is "." + a backup's name + `suffix`: a hidden folder of ours.
bool IsHiddenBackupName(std::string_view name, std::string_view suffix) {
  if (!name.starts_with('.') || !name.ends_with(suffix) || name.size() <= 1 + suffix.size()) return false;
  return IsBackupFolderName(name.substr(1, name.size() - 1 - suffix.size()));
}

std::vector<fs::path> HiddenBackups(const fs::path& folder, std::string_view suffix) {
  std::vector<fs::path> found;
  std::error_code error;
  for (auto it = fs::directory_iterator(folder, error); !error && it != fs::directory_iterator(); it.increment(error)) {
    if (IsHiddenBackupName(it->path().filename().string(), suffix)) found.push_back(it->path());
  }
  std::ranges::sort(found);
  return found;
}

// Removes a backup: first renamed to a hidden name, so that from that moment it no longer looks complete even if
// its removal stops half-way (a later prune finishes it).
Result<void> RemoveBackup(const fs::path& backup) {
  const fs::path hidden = backup.parent_path() / ("." + backup.filename().string() + std::string(kRemovingSuffix));
  std::error_code error;
  fs::rename(backup, hidden, error);
  if (error) return Fail(Unremovable(backup, error));
  fs::remove_all(hidden, error);
  if (error) return Fail(Unremovable(hidden, error));
  return {};
}

}  // namespace

Result<std::vector<CompletedBackup>> ListBackups(const fs::path& folder) {
  std::vector<CompletedBackup> backups;
  std::error_code error;
  if (!fs::exists(folder, error)) return backups;
  for (auto it = fs::directory_iterator(folder, error); !error && it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    std::error_code ignored;
    if (!IsBackupFolderName(name) || !it->is_directory(ignored)) continue;
    auto manifest = ReadBackupManifest(it->path());
    if (manifest) backups.push_back({name, it->path(), std::move(*manifest)});
  }
  if (error) return Fail(Unreadable(folder, error));
  std::ranges::sort(backups, {}, &CompletedBackup::name);
  return backups;
}

Result<std::vector<std::string>> PruneBackups(const fs::path& folder, std::size_t keep) {
  auto backups = ListBackups(folder);
  if (!backups) return Fail(backups.error());
  keep = std::max<std::size_t>(keep, 1);
  std::vector<std::string> removed;
  for (const fs::path& left : HiddenBackups(folder, kRemovingSuffix)) {
    std::error_code error;
    fs::remove_all(left, error);
    if (error) return Fail(Unremovable(left, error));
  }
  for (std::size_t i = 0; i + keep < backups->size(); ++i) {
    if (auto gone = RemoveBackup((*backups)[i].path); !gone) return Fail(gone.error());
    removed.push_back((*backups)[i].name);
  }
  if (!removed.empty()) {
    if (auto synced = SyncFolder(folder); !synced) return Fail(synced.error());
  }
  return removed;
}

std::vector<fs::path> UnfinishedBackups(const fs::path& folder) { return HiddenBackups(folder, ".partial"); }

}  // namespace motcua::app
