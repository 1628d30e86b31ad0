#pragma once
// SHA-256 of a byte string, as 64 lower-case hex digits (OpenSSL). Thread-safe.
#include <string>
#include <string_view>

namespace motcua::store {

std::string Sha256Hex(std::string_view bytes);

}  // namespace motcua::store
