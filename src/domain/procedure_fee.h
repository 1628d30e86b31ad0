#pragma once
// What the catalogue's fee text of a channel says, read for people: the amounts it names, and whether its
// "free" flag contradicts them. The portal's flattened tables flag many procedures free while their fee text
// names amounts ("Miễn phí" followed by "Lệ phí: 50.000 đồng/lần"); the text is what the law published, so it is
// always shown, and a contradiction is listed for the administrator to settle in the province's settings.
// Pure functions; safe from any thread.
#include <string_view>
#include <vector>

#include "domain/money.h"
#include "domain/procedure.h"

namespace motcua {

// Every amount of đồng the text names, in order: digits grouped with '.', ',' or spaces, directly followed by a
// currency word ("đồng", "đ", "VNĐ", "VND", "vnđ"), e.g. "50.000 đồng/lần", "1.500.000đ", "100,000 VNĐ".
// Numbers without a currency word (article numbers, dates, percentages) are not amounts.
std::vector<Money> AmountsNamedIn(std::string_view fee_text);

// True when the channel is flagged free but its fee text names an amount above zero.
bool FreeFlagContradictsText(const ProcedureChannel& channel);

}  // namespace motcua
