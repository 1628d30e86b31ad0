#pragma once
// Use case: the periodic report (form II.06a/VPCP/KSTT and its extras, domain/periodic_report.h) of a unit,
// an agency or a whole province over any period, split by field, procedure, official, unit, agency or
// channel, with the Decision 766 index of the whole; and the ranking of a province's communes by that index.
// Figures come from the report counters the store keeps with the events (never from a scan of dossiers).
//
// Periods are whole days, both ends included, in Viet Nam time. "Carried over" is counted at the first
// instant of the period; "in progress" (within deadline / overdue) at the end of its last day — or, for a
// period not yet over, at the end of today (docs/law/reports.md §1.5).
// Thread-safety: stateless functions over the given store (one thread at a time, as the store).
#include <optional>
#include <string>
#include <vector>

#include "domain/account.h"
#include "domain/civil_time.h"
#include "domain/periodic_report.h"
#include "domain/service_index.h"
#include "store/store.h"

namespace motcua::app {

enum class ReportBreakdown { kNone, kField, kProcedure, kOfficial, kUnit, kAgency, kChannel };

// "field", "procedure", "official", "unit", "agency", "channel" (and "" for none); InvalidArgument on "by".
Result<ReportBreakdown> ParseReportBreakdown(std::string_view text);
// "receiving" or "competent"; InvalidArgument on "side".
Result<store::ReportSide> ParseReportSide(std::string_view text);

struct ReportRequest {
  store::ReportSide side = store::ReportSide::kReceiving;
  std::optional<std::string> unit;      // a commune (or province-level unit) code ...
  std::optional<std::string> province;  // ... or a whole province
  std::optional<std::string> agency;    // only this competent agency
  LocalDate first_day{};
  LocalDate last_day{};  // included
  ReportBreakdown by = ReportBreakdown::kNone;
};

struct ReportRow {
  std::string key;    // the field's name, a procedure code, a login, a unit code, an agency id, a channel
  std::string label;  // what to print: the procedure's name, the official's name, the unit's name...
  ReportFigures figures;
  // False for a row of a breakdown by official: the open and overdue balances are not kept per official (a
  // dossier's holder changes as it moves through its workflow), so carried_over and the in-progress figures are
  // 0 there and the columns read from them (ReportColumn::from_balances) are to be shown as "—".
  bool balances = true;
};

struct PeriodicReport {
  ReportRequest request;
  std::string scope_label;      // "Xã Vân Sơn (05152)", "Tỉnh Phú Thọ (25)"
  LocalDate balances_day{};     // the day at whose end "in progress" is counted
  std::vector<ReportRow> rows;  // the breakdown, largest received first; empty when not split
  ReportRow total;
  ServiceIndex index;  // of the total
  Instant generated_at{};
};

// InvalidArgument on "unit" (none or both of unit and province given), "to" (last day before first), NotFound
// on "unit"/"province"/"agency" for unknown codes.
Result<PeriodicReport> BuildPeriodicReport(store::Store& store, const ReportRequest& request, Instant now);

struct RankedUnit {
  int rank = 0;
  std::string unit;
  std::string name;
  ReportFigures figures;
  ServiceIndex index;
};

// Every commune of the province (and the province-level unit itself when it has dossiers), ranked by the
// 766 index points, competition ranking (1, 2, 2, 4). Units with nothing handled in the period come last,
// unranked (rank 0).
Result<std::vector<RankedUnit>> RankUnits(store::Store& store, const std::string& province, LocalDate first_day,
                                          LocalDate last_day, store::ReportSide side, Instant now);

// Who may see a report: the administrator any; a supervisor their province's (the province or any of its
// units); a director or leader their own units' (not a whole province unless the province code is theirs).
// PermissionDenied on "role" or "unit" otherwise.
Result<void> AuthorizeReport(store::Store& store, const Account& account, const std::optional<std::string>& unit,
                             const std::optional<std::string>& province);

}  // namespace motcua::app
