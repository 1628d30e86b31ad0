#pragma once
// The level of procedures an account's searches rank first: a commune's staff see commune procedures first, a
// province's see province procedures first (ProcedureSearch's preferred_level). Read from the units the account
// works for: a commune code (5 digits) makes it "commune", else a province code (2 digits) "province"; an
// administrator or a citizen, who works for no unit, prefers none. Pure; safe to share between threads.
#include <optional>
#include <string_view>

#include "domain/account.h"

namespace motcua {

std::optional<std::string_view> PreferredSearchLevel(const Account& account);

}  // namespace motcua
