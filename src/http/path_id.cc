#include "http/path_id.h"

#include <charconv>
#include <string>

namespace motcua::http {

Result<std::int64_t> PositiveIdParam(const PathParams& params, std::string_view name) {
  const std::string_view text = params.Get(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Fail(Error::InvalidArgument(std::string(name), "phải là số nguyên dương", "must be a positive integer"));
  }
  return id;
}

}  // namespace motcua::http
