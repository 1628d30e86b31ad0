// Field paths in refusals (field_path.h).
#include "domain/field_path.h"

namespace motcua {

namespace {
constexpr std::size_t kMaxKeyBytes = 64;
}  // namespace

std::string FieldPathKey(std::string_view key) {
  if (key.empty()) return "\"\"";  // found unnamed by fuzz_json_body, then by fuzz_event_line
  if (key.size() <= kMaxKeyBytes) return std::string(key);
  std::size_t end = kMaxKeyBytes;
  while (end > 0 && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return std::string(key.substr(0, end)) + "…";
}

std::string FieldPath(std::string_view path, std::string_view key) {
  std::string joined(path);
  if (!joined.empty()) joined += '.';
  return joined + FieldPathKey(key);
}

}  // namespace motcua
