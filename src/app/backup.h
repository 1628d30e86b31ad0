#pragma once
// Use case: a backup of a center's data, made while the server takes dossiers (issue 15, item 4). A backup is one
// folder `<to>/motcua-YYYYMMDD-HHMMSS` (Viet Nam time; "-2", "-3"… after it when one of that second exists):
//   motcua.db      the database as it was at one moment (Store::BackupTo: online, writers are not blocked)
//   files/ab/…     the document files (the folder beside the database, store/disk_blob_store.h): hard links when
//                  the backup is on the same file system, copies otherwise
//   manifest.json  what it holds, and the size and SHA-256 of every file (app/backup_manifest.h)
// It is built under a hidden name (".motcua-….partial") and renamed once complete and synced, so a crash during a
// backup never leaves a folder that looks complete; a failure removes the hidden folder.
// The database is copied before the files: a document's bytes are durable before the database records them
// (app/document_files.h), so every file the copy names is already there when the files are copied (files
// uploaded meanwhile are copied too, unnamed by the copy and harmless).
// Thread-safety: one backup at a time per Store instance; backups of several processes may share a folder.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/backup_manifest.h"
#include "domain/civil_time.h"
#include "domain/error.h"
#include "store/store.h"

namespace motcua::app {

// The name of the database copy inside a backup, and of the folder of document files.
inline constexpr std::string_view kBackupDatabaseName = "motcua.db";
inline constexpr std::string_view kBackupFilesFolder = "files";

// What is backed up.
struct BackupSource {
  store::Store& store;
  std::filesystem::path files;  // the document files folder; a missing folder is no files (nothing uploaded yet)
};

struct BackupReport {
  std::filesystem::path folder;  // the complete backup
  BackupManifest manifest;
  std::uint64_t bytes = 0;  // the sizes of every file in it, the database included
  std::size_t files_linked = 0;
  std::size_t files_copied = 0;
  std::chrono::milliseconds database_time{};  // copying the database: how long its read snapshot was held
  std::chrono::milliseconds total_time{};
};

// Makes a backup of `source` in the folder `to` (created when missing), named after `now`. Errors: those of
// Store::BackupTo; Unavailable naming the path at fault when a file cannot be read or written (a full disk, a
// folder without write permission). Nothing is left in `to` on failure.
Result<BackupReport> MakeBackup(const BackupSource& source, const std::filesystem::path& to, Instant now);

// "motcua-20260112-073000" for 07:30:00 on 12 January 2026, Viet Nam time: names sort as their times do.
std::string BackupFolderName(Instant at);

// Whether `name` is a name MakeBackup gives ("motcua-YYYYMMDD-HHMMSS", maybe with "-N" after it).
bool IsBackupFolderName(std::string_view name);

}  // namespace motcua::app
