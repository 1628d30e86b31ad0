#pragma once
// The BlobStore on a local disk: one file per content in a folder beside the database, named by its SHA-256 and
// fanned out by its first two hex digits (`<root>/ab/cdef…`, 62 characters), so no folder holds more than a
// small share of the files.
//
// A Put writes a temporary file in the target folder, fsyncs it, renames it to its name (atomic on POSIX) and
// fsyncs the folder, so that the name exists only with the whole content and survives a power cut. A failure
// removes the temporary file. Concurrent Puts of the same content each write their own temporary file; the
// last rename wins with the same bytes.
// Thread-safety: safe from many threads (no shared mutable state besides the file system).
#include <filesystem>

#include "store/blob_store.h"

namespace motcua::store {

class DiskBlobStore final : public BlobStore {
 public:
  // `root` is created on the first Put if missing.
  explicit DiskBlobStore(std::filesystem::path root) : root_(std::move(root)) {}

  Result<BlobPut> Put(std::string_view content) override;
  Result<std::optional<std::string>> Get(std::string_view id) override;
  Result<bool> Remove(std::string_view id) override;

  // Where the content `id` is (or would be) kept.
  std::filesystem::path PathOf(std::string_view id) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// The folder of a database's files: "<db_path>.files" ("/var/lib/motcua/motcua.db" → ".../motcua.db.files").
std::filesystem::path BlobFolderBeside(const std::string& db_path);

}  // namespace motcua::store
