#pragma once
// The periodic report and the ranking as CSV a supervisor opens in a spreadsheet: UTF-8 with a byte-order
// mark (so that Excel reads Vietnamese correctly), comma-separated, RFC 4180 quoting, one header row whose
// headings carry the form's column numbers, one row per group, then the total; rates as percentages with two
// decimals. Pure functions.
#include <string>
#include <vector>

#include "app/periodic_reports.h"

namespace motcua::app {

std::string PeriodicReportCsv(const PeriodicReport& report, bool english = false);
std::string RankingCsv(const std::vector<RankedUnit>& ranking, bool english = false);

}  // namespace motcua::app
