#pragma once
// The periodic report and the ranking as CSV a supervisor opens in a spreadsheet: UTF-8 with a byte-order
// mark (so that Excel reads Vietnamese correctly), comma-separated, RFC 4180 quoting.
//
// The periodic report opens with the lines the printed form carries above its table (form II.06a/VPCP/KSTT,
// docs/law/reports.md §1.0): its number and title, the reporting unit, the period, the day "in progress" is
// counted at, when it was generated and "Đơn vị tính: Số hồ sơ TTHC"; then a blank line, one header row whose
// headings carry the form's column numbers, one row per group, the total; then a blank line and the Decision 766
// index, one line per indicator. A row without balances (a breakdown by official) has "—" in the columns read
// from them.
//
// Rates and points are plain numbers without "%" (the heading says "(%)"), two decimals. In Vietnamese the
// decimal separator is a comma ("83,13", quoted), as a spreadsheet set to Vietnamese expects; in English a
// point ("83.13"). Pure functions.
#include <string>
#include <vector>

#include "app/periodic_reports.h"

namespace motcua::app {

std::string PeriodicReportCsv(const PeriodicReport& report, bool english = false);
std::string RankingCsv(const std::vector<RankedUnit>& ranking, bool english = false);

}  // namespace motcua::app
