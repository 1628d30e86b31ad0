#pragma once
// Fresh SQLite file paths for store tests, in one folder per test process that is removed when the
// process ends (files left open by a failing test are removed too).
#include <unistd.h>

#include <filesystem>
#include <string>

namespace motcua::test_support {

class TempDbFolder {
 public:
  TempDbFolder() : dir_(std::filesystem::temp_directory_path() / ("motcua_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_);
  }
  ~TempDbFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string NewPath() { return (dir_ / ("db" + std::to_string(++counter_) + ".sqlite")).string(); }

 private:
  std::filesystem::path dir_;
  int counter_ = 0;
};

// A path no other call returns, in this process's folder.
inline std::string TempDbPath() {
  static TempDbFolder folder;
  return folder.NewPath();
}

}  // namespace motcua::test_support
