#pragma once
// An applicant's phone number and e-mail address, checked where they are typed so that a slip, an SMS or a
// notice can reach the person: a phone is 8 to 15 digits, optionally after "+" (an international number),
// grouped with spaces, dots, hyphens or brackets as people write them ("0912 345 678", "(0206) 3852.123",
// "+84 912 345 678"); an e-mail is one "@" between a local part and a domain of at least two labels, without
// spaces. Empty means not given and is accepted. Pure functions; errors name `field` and say what is wrong.
#include <string_view>

#include "domain/error.h"

namespace motcua {

Result<void> CheckPhone(std::string_view text, std::string_view field);
Result<void> CheckEmail(std::string_view text, std::string_view field);

}  // namespace motcua
