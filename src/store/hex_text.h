#pragma once
// Bytes as lower-case hex text and back, for binary values kept in TEXT columns the same way on both engines
// (a certificate's DER, a digest). Pure; thread-safe.
#include <optional>
#include <string>
#include <string_view>

namespace motcua::store {

std::string HexText(std::string_view bytes);
// nullopt for an odd length or a character that is not a hex digit (either case).
std::optional<std::string> ParseHexText(std::string_view text);

}  // namespace motcua::store
