#pragma once
// Where the reference catalogue is read from: the copy compiled into the binary (the default, so the
// product needs nothing beside itself), or a folder with the same layout (data/reference/) holding a
// newer catalogue. Files are named by their path relative to that root, e.g. "units/communes.csv".
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::app {

class ReferenceFiles {
 public:
  virtual ~ReferenceFiles() = default;
  // The whole content of `relative_path`, or NotFound/Unavailable naming the file. A file kept compressed as
  // `relative_path` + ".gz" (the largest tables are) is inflated, so readers never see the difference.
  Result<std::string> Read(std::string_view relative_path) const;
  // Where the files come from, for messages ("built-in catalogue", "/path/to/dir").
  virtual std::string Describe() const = 0;

 protected:
  // The bytes stored under exactly `relative_path`, or NotFound.
  virtual Result<std::string> ReadStored(std::string_view relative_path) const = 0;
};

// The catalogue compiled into the binary from data/reference/ at build time.
class BuiltInReferenceFiles final : public ReferenceFiles {
 public:
  std::string Describe() const override;

 protected:
  Result<std::string> ReadStored(std::string_view relative_path) const override;
};

// A folder on disk laid out like data/reference/.
class DirectoryReferenceFiles final : public ReferenceFiles {
 public:
  explicit DirectoryReferenceFiles(std::filesystem::path root) : root_(std::move(root)) {}
  std::string Describe() const override { return root_.string(); }

 protected:
  Result<std::string> ReadStored(std::string_view relative_path) const override;

 private:
  std::filesystem::path root_;
};

}  // namespace motcua::app
