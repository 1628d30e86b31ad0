#pragma once
// Which backups a folder holds, and the removal of the oldest beyond a number to keep (scheduled backups,
// app/backup_scheduler.h). Only folders MakeBackup made are ever considered: a name it gives (app/backup.h) and a
// manifest that reads. Anything else in the folder — an officer's own copies, a folder without a manifest, the
// hidden folder of a backup under way — is left alone.
// Thread-safety: free functions over the file system; a backup made meanwhile in the same folder is either seen
// whole or not at all (it appears by a rename).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "app/backup_manifest.h"
#include "domain/error.h"

namespace motcua::app {

struct CompletedBackup {
  std::string name;  // "motcua-20260112-073000"
  std::filesystem::path path;
  BackupManifest manifest;
};

// The complete backups in `folder`, oldest first (names sort as their times do). A missing folder has none.
// Unavailable naming the folder when it cannot be read.
Result<std::vector<CompletedBackup>> ListBackups(const std::filesystem::path& folder);

// Removes the oldest complete backups of `folder` beyond the newest `keep` (at least 1: the newest backup is never
// removed) and returns the names removed, oldest first. Each is first renamed to a hidden name (".motcua-….removing"),
// so that a removal stopped half-way never leaves what looks like a complete backup; such leftovers are removed
// first. Unavailable naming the backup that could not be removed (those before it are removed).
Result<std::vector<std::string>> PruneBackups(const std::filesystem::path& folder, std::size_t keep);

// The hidden folders of backups that never finished (".motcua-….partial"): one under way in another process, or
// one a crash interrupted, which nothing removes by itself (whoever looks after the server does).
std::vector<std::filesystem::path> UnfinishedBackups(const std::filesystem::path& folder);

}  // namespace motcua::app
