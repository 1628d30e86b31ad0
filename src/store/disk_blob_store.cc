#include "store/disk_blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "domain/document_file.h"
#include "store/sha256.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

Error Unwritable(const fs::path& path, std::string_view what, int error) {
  const std::string reason = std::string(what) + " " + path.string() + ": " + std::strerror(error);
  return Error::Unavailable("file", "không lưu được tệp (" + reason + ")", "cannot store the file (" + reason + ")");
}

// An open file descriptor, closed when it goes.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error close() may give (a delayed write error on some file systems).
  int Close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

bool WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Makes the folder's entries (a new name, a new sub-folder) durable.
bool SyncFolder(const fs::path& folder) {
  const fs::path path = folder.empty() ? fs::path(".") : folder;
  Descriptor dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return dir.get() >= 0 && ::fsync(dir.get()) == 0;
}

// A name no other writer uses at the same moment: this process, a per-process counter.
fs::path TemporaryName(const fs::path& folder) {
  static std::atomic<std::uint64_t> counter{0};
  return folder / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Creates `folder` (and the root above it) when missing, durably.
Result<void> EnsureFolder(const fs::path& folder) {
  if (fs::is_directory(folder)) return {};
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) return Fail(Unwritable(folder, "mkdir", error.value()));
  // The new names: the fan-out folder in the root and, the first time, the root in its parent.
  for (const fs::path& parent : {folder.parent_path(), folder.parent_path().parent_path()}) {
    if (!SyncFolder(parent)) return Fail(Unwritable(parent, "fsync", errno));
  }
  return {};
}

Result<void> WriteDurably(const fs::path& temporary, const fs::path& target, std::string_view content) {
  Descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
  if (file.get() < 0) return Fail(Unwritable(temporary, "open", errno));
  if (!WriteAll(file.get(), content)) return Fail(Unwritable(temporary, "write", errno));
  if (::fsync(file.get()) != 0) return Fail(Unwritable(temporary, "fsync", errno));
  if (file.Close() != 0) return Fail(Unwritable(temporary, "close", errno));
  if (::rename(temporary.c_str(), target.c_str()) != 0) return Fail(Unwritable(target, "rename", errno));
  if (!SyncFolder(target.parent_path())) return Fail(Unwritable(target.parent_path(), "fsync", errno));
  return {};
}

}  // namespace

fs::path BlobFolderBeside(const std::string& db_path) { return fs::path(db_path + ".files"); }

fs::path DiskBlobStore::PathOf(std::string_view id) const {
  return root_ / std::string(id.substr(0, 2)) / std::string(id.substr(2));
}

Result<BlobPut> DiskBlobStore::Put(std::string_view content) {
  BlobPut put{Sha256Hex(content), false};
  const fs::path target = PathOf(put.id);
  std::error_code error;
  // Stored already: the name exists only with the whole content (written by rename), so it is this content.
  if (fs::exists(target, error)) return put;
  if (auto ok = EnsureFolder(target.parent_path()); !ok) return Fail(ok.error());
  const fs::path temporary = TemporaryName(target.parent_path());
  if (auto ok = WriteDurably(temporary, target, content); !ok) {
    fs::remove(temporary, error);
    return Fail(ok.error());
  }
  put.created = true;
  return put;
}

Result<std::optional<std::string>> DiskBlobStore::Get(std::string_view id) {
  if (!IsDocumentFileId(id)) return std::nullopt;
  const fs::path path = PathOf(id);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code error;
    if (!fs::exists(path, error)) return std::nullopt;
    return Fail(
        Error::Unavailable("file", "không đọc được tệp " + path.string(), "cannot read the file " + path.string()));
  }
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return Fail(
        Error::Unavailable("file", "không đọc được tệp " + path.string(), "cannot read the file " + path.string()));
  }
  return content;
}

Result<bool> DiskBlobStore::Remove(std::string_view id) {
  if (!IsDocumentFileId(id)) return false;
  const fs::path path = PathOf(id);
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return false;
    return Fail(Unwritable(path, "unlink", errno));
  }
  if (!SyncFolder(path.parent_path())) return Fail(Unwritable(path.parent_path(), "fsync", errno));
  return true;
}

}  // namespace motcua::store
