#pragma once
// Files and folders written so that they survive a power cut, for backups and restores: each write is followed by
// an fsync of the file, and a new name by an fsync of its folder (POSIX makes neither durable on its own). Errors
// are Unavailable and name the path at fault.
// Thread-safety: free functions touching only the paths they are given.
#include <filesystem>
#include <string_view>

#include "domain/error.h"

namespace motcua::app {

// Makes the folder's entries (new names, removed names) durable.
Result<void> SyncFolder(const std::filesystem::path& folder);

// Writes `content` to the new file `path` (Conflict when it exists) and syncs it; the caller syncs the folder.
Result<void> WriteNewFile(const std::filesystem::path& path, std::string_view content);

// Copies the regular file `from` to the new file `to` (Conflict when it exists) and syncs the copy; the caller
// syncs the folder.
Result<void> CopyFileDurably(const std::filesystem::path& from, const std::filesystem::path& to);

enum class Placed { kLinked, kCopied };

// Gives `to` the content of `from`: a hard link when both are on one file system (instant, no space), else a
// copy (CopyFileDurably). Only for files never changed in place once written, as the content-addressed document
// files (store/disk_blob_store.h): a link shares its bytes with the original.
Result<Placed> LinkOrCopyFile(const std::filesystem::path& from, const std::filesystem::path& to);

// Creates `folder` and the missing folders above it, syncing each parent that got a new name.
Result<void> CreateFolders(const std::filesystem::path& folder);

}  // namespace motcua::app
