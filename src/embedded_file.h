#pragma once
// A file compiled into the motcua binary (see cmake/EmbedFiles.cmake): its path relative to the folder
// it was taken from, and its bytes. Immutable, lives for the whole program; safe to share across threads.
#include <string_view>

namespace motcua {

struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};

}  // namespace motcua
