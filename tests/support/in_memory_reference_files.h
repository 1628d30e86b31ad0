#pragma once
// A ReferenceFiles whose files live in memory: starts as a copy of the built-in catalogue, and a test
// replaces or edits the files it wants to break.
#include <map>
#include <string>

#include "app/reference_files.h"
#include "app/reference_loader.h"

namespace motcua::testing {

class InMemoryReferenceFiles final : public app::ReferenceFiles {
 public:
  InMemoryReferenceFiles() {
    const app::BuiltInReferenceFiles built_in;
    for (const char* path :
         {app::kProvincesFile, app::kCommunesFile, app::kLegacyCommunesFile, app::kLegacyMappingFile,
          app::kProceduresFile, app::kProcedureChannelsFile, app::kProcedureDocumentsFile, app::kCalendarFile}) {
      files_[path] = built_in.Read(path).value();
    }
  }

  std::string Describe() const override { return "in-memory test catalogue"; }

  void Set(const std::string& path, std::string content) { files_[path] = std::move(content); }
  void Remove(const std::string& path) { files_.erase(path); }
  // Appends `lines` (each ending with '\n') to the file at `path`.
  void Append(const std::string& path, const std::string& lines) { files_[path] += lines; }
  // Replaces the first occurrence of `from` by `to` in the file at `path`.
  void Replace(const std::string& path, const std::string& from, const std::string& to) {
    auto& content = files_[path];
    const auto at = content.find(from);
    if (at != std::string::npos) content.replace(at, from.size(), to);
  }

 protected:
  Result<std::string> ReadStored(std::string_view relative_path) const override {
    auto found = files_.find(std::string(relative_path));
    if (found == files_.end()) {
      return Fail(Error::NotFound(std::string(relative_path), "không có tệp", "no such file"));
    }
    return found->second;
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace motcua::testing
