#pragma once
// Passwords too common to accept however long they are (issue 15, item 3): the list shipped as data
// (data/reference/security/common_passwords.csv: the top of public breach lists, keyboard walks, default
// credentials, Vietnamese habits such as "anhyeuem123" and "matkhau123", this system's own name), compared without
// regard to case. Read once from the catalogue compiled into the binary. Thread-safe.
#include <string_view>

namespace motcua::app {

bool IsCommonPassword(std::string_view password);

}  // namespace motcua::app
