#pragma once
// The manifest of a backup (manifest.json in its folder): what the backup holds, and the size and SHA-256 of
// every file in it, so that a restore can tell a whole backup from a damaged one before trusting it. It is
// written last, inside the backup's temporary folder, so that a folder under its final name always has one.
//
//   {"format": "motcua-backup", "version": 1, "created_at": "2026-01-12T07:30:00+07:00", "engine": "sqlite",
//    "schema_version": 12, "dossiers": 4000, "events": 21000, "database": "motcua.db",
//    "files": [{"path": "motcua.db", "size": 1234, "sha256": "9f86…"}, {"path": "files/ab/cdef…", …}]}
//
// A manifest says what the backup held when it was made; it is no signature: whoever can change the files can
// also change the manifest.
// Thread-safety: values and free functions touching only the paths they are given.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_time.h"
#include "domain/error.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr std::string_view kManifestName = "manifest.json";

// One file of a backup.
struct BackupFile {
  std::string path;  // relative to the backup folder, '/'-separated: "motcua.db", "files/ab/cdef…"
  std::uint64_t size = 0;
  std::string sha256;  // 64 lower-case hex digits
};

struct BackupManifest {
  Instant created_at{};
  store::BackupFacts facts;       // the backend, its schema version, how many dossiers and events
  std::string database;           // which of `files` is the database copy
  std::vector<BackupFile> files;  // every file of the backup but the manifest, the database first
};

// The manifest as JSON, one file a line (readable, and diffable between two backups).
std::string FormatBackupManifest(const BackupManifest& manifest);

// Reads a manifest, refusing what a backup made by motcua cannot hold: InvalidArgument naming "manifest.json"
// for text that is not such a manifest (another format or version, a missing or ill-typed member, a file path
// that leaves the folder or repeats, a hash that is not 64 hex digits, a database not among the files).
Result<BackupManifest> ParseBackupManifest(std::string_view text);

// Reads and parses `folder`/manifest.json. NotFound naming "manifest.json" when there is none (not a backup, or
// one that never finished).
Result<BackupManifest> ReadBackupManifest(const std::filesystem::path& folder);

// The size and SHA-256 of the file at `path`, read in pieces, listed as `name`. Unavailable naming `name` when it
// cannot be read.
Result<BackupFile> DigestFile(const std::filesystem::path& path, std::string name);

// Checks that every file the manifest lists is in `folder` with its size and SHA-256, reading them all: NotFound
// naming the first missing file, FailedPrecondition naming the first whose size or content differs.
Result<void> CheckBackupFiles(const std::filesystem::path& folder, const BackupManifest& manifest);

}  // namespace motcua::app
