#pragma once
// poppler's and zbar's command-line tools, as the form tests read PDFs back: whether a tool is installed, and what
// a command prints.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace motcua::test_support {

inline bool HaveTool(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null").c_str()) == 0;
}

// What `command` prints on its standard output.
inline std::string CommandOutput(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> chunk{};
  while (pipe && std::fgets(chunk.data(), chunk.size(), pipe.get())) out += chunk.data();
  return out;
}

}  // namespace motcua::test_support
