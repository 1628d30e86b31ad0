#include "app/durable_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

Error Unwritable(const fs::path& path, std::string_view what, int error) {
  const std::string reason = std::string(what) + ": " + std::strerror(error);
  return Error::Unavailable(path.string(), "không ghi được (" + reason + ")", "cannot write (" + reason + ")");
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

// Opens the new file `path` for writing: Conflict when it exists.
Result<int> OpenNew(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd >= 0) return fd;
  if (errno == EEXIST) {
    return Fail(Error::Conflict(path.string(), "tệp đã có, không ghi đè", "the file exists: not overwritten"));
  }
  return Fail(Unwritable(path, "open", errno));
}

Result<void> SyncAndClose(const fs::path& path, Descriptor& file) {
  if (::fsync(file.get()) != 0) return Fail(Unwritable(path, "fsync", errno));
  if (file.Close() != 0) return Fail(Unwritable(path, "close", errno));
  return {};
}

}  // namespace

Result<void> SyncFolder(const fs::path& folder) {
  const fs::path path = folder.empty() ? fs::path(".") : folder;
  Descriptor dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) return Fail(Unwritable(path, "fsync", errno));
  return {};
}

Result<void> WriteNewFile(const fs::path& path, std::string_view content) {
  auto fd = OpenNew(path);
  if (!fd) return Fail(fd.error());
  Descriptor file(*fd);
  if (!WriteAll(file.get(), content)) return Fail(Unwritable(path, "write", errno));
  return SyncAndClose(path, file);
}

Result<void> CopyFileDurably(const fs::path& from, const fs::path& to) {
  Descriptor in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) {
    return Fail(Error::Unavailable(from.string(), std::string("không đọc được: ") + std::strerror(errno),
                                   std::string("cannot read: ") + std::strerror(errno)));
  }
  auto fd = OpenNew(to);
  if (!fd) return Fail(fd.error());
  Descriptor out(*fd);
  std::vector<char> buffer(1 << 20);
  for (;;) {
    const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Fail(Unwritable(from, "read", errno));
    if (got == 0) break;
    if (!WriteAll(out.get(), std::string_view(buffer.data(), static_cast<std::size_t>(got)))) {
      return Fail(Unwritable(to, "write", errno));
    }
  }
  return SyncAndClose(to, out);
}

Result<Placed> LinkOrCopyFile(const fs::path& from, const fs::path& to) {
  if (::link(from.c_str(), to.c_str()) == 0) return Placed::kLinked;
  // Another file system (EXDEV), or one without hard links (EPERM on some mounts): the bytes must be copied.
  if (errno != EXDEV && errno != EPERM && errno != EMLINK && errno != ENOTSUP) {
    return Fail(Unwritable(to, "link", errno));
  }
  if (auto copied = CopyFileDurably(from, to); !copied) return Fail(copied.error());
  return Placed::kCopied;
}

Result<void> CreateFolders(const fs::path& folder) {
  if (folder.empty() || fs::is_directory(folder)) return {};
  if (auto parent = CreateFolders(folder.parent_path()); !parent) return parent;
  if (::mkdir(folder.c_str(), 0750) != 0 && errno != EEXIST) return Fail(Unwritable(folder, "mkdir", errno));
  return SyncFolder(folder.parent_path());
}

}  // namespace motcua::app
