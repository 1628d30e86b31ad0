#include "app/periodic_reports.h"

#include <algorithm>
#include <map>

namespace motcua::app {
namespace {

std::int64_t Flow(const store::CounterTotals& t, Measure measure) { return t.flows[static_cast<int>(measure)]; }

ReportFigures FiguresOf(const store::CounterTotals& t) {
  ReportFigures f;
  f.carried_over = t.open_before;
  f.received_online = Flow(t, Measure::kReceivedOnline);
  f.received_direct = Flow(t, Measure::kReceivedDirect);
  f.received_postal = Flow(t, Measure::kReceivedPostal);
  f.resolved_early = Flow(t, Measure::kResolvedEarly);
  f.resolved_on_time = Flow(t, Measure::kResolvedOnTime);
  f.resolved_late = Flow(t, Measure::kResolvedLate);
  f.resolved_late_with_apology = Flow(t, Measure::kResolvedLateWithApology);
  f.in_progress_overdue = t.overdue_at_end;
  f.in_progress_within_deadline = t.open_at_end - t.overdue_at_end;
  f.returned_to_applicant = Flow(t, Measure::kRefused);
  f.not_supplemented = Flow(t, Measure::kNotSupplemented);
  f.withdrawn = Flow(t, Measure::kWithdrawn);
  f.cancelled = Flow(t, Measure::kCancelled);
  f.reception_refused = Flow(t, Measure::kReceptionRefused);
  f.supplement_requests = Flow(t, Measure::kSupplementRequests);
  f.extensions = Flow(t, Measure::kExtensions);
  f.digitized_dossiers = Flow(t, Measure::kDigitizedDossiers);
  f.digitized_components = Flow(t, Measure::kDigitizedComponents);
  f.digitized_results = Flow(t, Measure::kDigitizedResults);
  f.electronic_results = Flow(t, Measure::kElectronicResults);
  f.digitized_complete = Flow(t, Measure::kDigitizedComplete);
  f.returned_by_post = Flow(t, Measure::kReturnedByPost);
  f.boundaryless = Flow(t, Measure::kBoundaryless);
  f.with_fees = Flow(t, Measure::kWithFees);
  f.paid_online = Flow(t, Measure::kPaidOnline);
  f.evaluations = Flow(t, Measure::kEvaluations);
  f.evaluation_score_sum = Flow(t, Measure::kEvaluationScoreSum);
  f.evaluations_dissatisfied = Flow(t, Measure::kEvaluationsDissatisfied);
  return f;
}

// A breakdown by official has no balances: the counters keep them per dossier key, not per official
// (domain/report_counters.h), so what the store returns for them there is only the "" group's.
ReportFigures WithoutBalances(ReportFigures f) {
  f.carried_over = 0;
  f.in_progress_within_deadline = 0;
  f.in_progress_overdue = 0;
  return f;
}

Error Invalid(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

store::ReportGrouping GroupingFor(ReportBreakdown by) {
  switch (by) {
    case ReportBreakdown::kField:
    case ReportBreakdown::kProcedure:
      return store::ReportGrouping::kProcedure;
    case ReportBreakdown::kOfficial:
      return store::ReportGrouping::kOfficial;
    case ReportBreakdown::kUnit:
      return store::ReportGrouping::kUnit;
    case ReportBreakdown::kAgency:
      return store::ReportGrouping::kAgency;
    case ReportBreakdown::kChannel:
      return store::ReportGrouping::kChannel;
    case ReportBreakdown::kNone:
      break;
  }
  return store::ReportGrouping::kNone;
}

Result<std::string> UnitLabel(store::Store& store, const std::string& code) {
  if (code.size() == 2) {
    auto province = store.FindProvince(code);
    if (!province) return Fail(province.error());
    if (!*province) return Fail(Error::NotFound("province", "không có tỉnh mã '" + code + "'", "no province " + code));
    return (*province)->name + " (" + code + ")";
  }
  auto commune = store.FindCommune(code);
  if (!commune) return Fail(commune.error());
  if (!*commune) return Fail(Error::NotFound("unit", "không có đơn vị mã '" + code + "'", "no unit " + code));
  return (*commune)->name + " (" + code + ")";
}

// The label of a row: what a reader recognises.
std::string RowLabel(store::Store& store, ReportBreakdown by, const std::string& key,
                     const std::map<std::string, Procedure, std::less<>>& procedures) {
  switch (by) {
    case ReportBreakdown::kProcedure:
      if (auto found = procedures.find(key); found != procedures.end()) return found->second.name;
      break;
    case ReportBreakdown::kOfficial:
      if (auto account = store.FindAccount(key); account && *account && !(*account)->account.display_name.empty()) {
        return (*account)->account.display_name;
      }
      break;
    case ReportBreakdown::kUnit:
      if (auto label = UnitLabel(store, key)) return *label;
      break;
    case ReportBreakdown::kAgency:
      if (auto agency = store.FindAgency(key); agency && *agency) return (*agency)->name;
      break;
    default:
      break;
  }
  return key;
}

Result<std::map<std::string, Procedure, std::less<>>> ProceduresByCode(store::Store& store) {
  auto all = store.ListProcedures();
  if (!all) return Fail(all.error());
  std::map<std::string, Procedure, std::less<>> by_code;
  for (Procedure& procedure : *all) by_code.emplace(procedure.code, std::move(procedure));
  return by_code;
}

Result<std::vector<ReportRow>> Rows(store::Store& store, const store::CounterQuery& base, ReportBreakdown by) {
  if (by == ReportBreakdown::kNone) return std::vector<ReportRow>{};
  store::CounterQuery query = base;
  query.group_by = GroupingFor(by);
  auto groups = store.SumCounters(query);
  if (!groups) return Fail(groups.error());
  // The catalogue (2,600 procedures) is read only for the rows that name procedures or their fields.
  const bool by_procedure = by == ReportBreakdown::kProcedure || by == ReportBreakdown::kField;
  auto procedures = by_procedure ? ProceduresByCode(store) : Result<std::map<std::string, Procedure, std::less<>>>{};
  if (!procedures) return Fail(procedures.error());
  std::map<std::string, ReportRow> rows;
  for (const store::CounterTotals& group : *groups) {
    const ReportFigures figures =
        by == ReportBreakdown::kOfficial ? WithoutBalances(FiguresOf(group)) : FiguresOf(group);
    // The balances, keyed by no official, leave an empty group behind.
    if (by == ReportBreakdown::kOfficial && figures == ReportFigures{}) continue;
    std::string key = group.group;
    if (by == ReportBreakdown::kField) {
      const auto procedure = procedures->find(group.group);
      key = procedure == procedures->end() || procedure->second.field.empty() ? "—" : procedure->second.field;
    }
    auto [found, inserted] = rows.try_emplace(key);
    ReportRow& row = found->second;
    if (inserted) {
      row = {key, by == ReportBreakdown::kField ? key : RowLabel(store, by, key, *procedures), {}};
      if (row.label.empty()) row.label = "—";  // an event recorded without an actor
      row.balances = by != ReportBreakdown::kOfficial;
    }
    row.figures += figures;
  }
  std::vector<ReportRow> sorted;
  for (auto& [key, row] : rows) sorted.push_back(std::move(row));
  std::ranges::stable_sort(sorted, [](const ReportRow& a, const ReportRow& b) {
    return a.figures.received_total() > b.figures.received_total();
  });
  return sorted;
}

// The counter query of a request: the period as [first, min(last, today) + 1).
Result<store::CounterQuery> QueryOf(store::Store& store, const ReportRequest& request, Instant now,
                                    std::string& scope_label, LocalDate& balances_day) {
  if (request.unit.has_value() == request.province.has_value()) {
    return Fail(Invalid("unit", "chọn một đơn vị hoặc một tỉnh", "give either a unit or a province"));
  }
  if (request.last_day < request.first_day) {
    return Fail(Invalid("to", "ngày cuối kỳ phải sau ngày đầu kỳ", "the period's last day precedes its first"));
  }
  auto label = UnitLabel(store, request.unit ? *request.unit : *request.province);
  if (!label) return Fail(label.error());
  scope_label = *label;
  if (request.agency) {
    auto agency = store.FindAgency(*request.agency);
    if (!agency) return Fail(agency.error());
    if (!*agency) return Fail(Error::NotFound("agency", "không có cơ quan '" + *request.agency + "'", "no agency"));
    scope_label += " — " + (*agency)->name;
  }
  const LocalDate today = std::chrono::floor<std::chrono::days>(ToLocal(now));
  balances_day = std::min(request.last_day, today);
  store::CounterQuery query;
  query.side = request.side;
  query.unit = request.unit;
  query.province = request.province;
  query.agency = request.agency;
  query.from = request.first_day;
  query.to = std::max(balances_day, request.first_day) + std::chrono::days(1);
  return query;
}

}  // namespace

Result<ReportBreakdown> ParseReportBreakdown(std::string_view text) {
  static const std::pair<std::string_view, ReportBreakdown> kNames[] = {{"", ReportBreakdown::kNone},
                                                                        {"field", ReportBreakdown::kField},
                                                                        {"procedure", ReportBreakdown::kProcedure},
                                                                        {"official", ReportBreakdown::kOfficial},
                                                                        {"unit", ReportBreakdown::kUnit},
                                                                        {"agency", ReportBreakdown::kAgency},
                                                                        {"channel", ReportBreakdown::kChannel}};
  for (const auto& [name, by] : kNames) {
    if (name == text) return by;
  }
  return Fail(Invalid("by", "chỉ chia theo field, procedure, official, unit, agency hoặc channel",
                      "split by field, procedure, official, unit, agency or channel"));
}

Result<store::ReportSide> ParseReportSide(std::string_view text) {
  if (text == "receiving") return store::ReportSide::kReceiving;
  if (text == "competent") return store::ReportSide::kCompetent;
  return Fail(Invalid("side", "là 'receiving' (nơi tiếp nhận) hoặc 'competent' (nơi giải quyết)",
                      "is 'receiving' or 'competent'"));
}

Result<PeriodicReport> BuildPeriodicReport(store::Store& store, const ReportRequest& request, Instant now) {
  PeriodicReport report;
  report.request = request;
  report.generated_at = now;
  auto query = QueryOf(store, request, now, report.scope_label, report.balances_day);
  if (!query) return Fail(query.error());
  auto totals = store.SumCounters(*query);
  if (!totals) return Fail(totals.error());
  report.total = {"", "Tổng cộng", {}};
  for (const store::CounterTotals& group : *totals) report.total.figures += FiguresOf(group);
  auto rows = Rows(store, *query, request.by);
  if (!rows) return Fail(rows.error());
  report.rows = std::move(*rows);
  report.index = ComputeServiceIndex(report.total.figures);
  return report;
}

Result<std::vector<RankedUnit>> RankUnits(store::Store& store, const std::string& province, LocalDate first_day,
                                          LocalDate last_day, store::ReportSide side, Instant now) {
  ReportRequest request{side, std::nullopt, province, std::nullopt, first_day, last_day, ReportBreakdown::kUnit};
  auto report = BuildPeriodicReport(store, request, now);
  if (!report) return Fail(report.error());
  auto communes = store.CommunesOfProvince(province);
  if (!communes) return Fail(communes.error());
  std::map<std::string, RankedUnit> units;
  for (const Commune& commune : *communes) units[commune.code] = {0, commune.code, commune.name, {}, {}};
  for (const ReportRow& row : report->rows) {
    RankedUnit& unit = units[row.key];
    if (unit.unit.empty()) unit = {0, row.key, row.label, {}, {}};
    unit.figures = row.figures;
  }
  std::vector<RankedUnit> ranked;
  for (auto& [code, unit] : units) {
    unit.index = ComputeServiceIndex(unit.figures);
    ranked.push_back(std::move(unit));
  }
  const auto handled = [](const RankedUnit& u) { return u.figures.received_total() > 0; };
  std::vector<double> scores;
  for (const RankedUnit& unit : ranked) {
    if (handled(unit)) scores.push_back(unit.index.points);
  }
  const std::vector<int> ranks = CompetitionRanks(scores);
  std::size_t next = 0;
  for (RankedUnit& unit : ranked) {
    if (handled(unit)) unit.rank = ranks[next++];
  }
  std::ranges::stable_sort(ranked, [](const RankedUnit& a, const RankedUnit& b) {
    if ((a.rank == 0) != (b.rank == 0)) return b.rank == 0;
    return a.rank < b.rank;
  });
  return ranked;
}

Result<void> AuthorizeReport(store::Store& store, const Account& account, const std::optional<std::string>& unit,
                             const std::optional<std::string>& province) {
  const std::string code = unit ? *unit : province.value_or("");
  const auto mine = [&](const std::string& c) { return std::ranges::find(account.units, c) != account.units.end(); };
  if (account.disabled) {
    return Fail(Error::PermissionDenied("role", "tài khoản đã bị vô hiệu hóa", "the account is disabled"));
  }
  switch (account.role) {
    case Role::kAdministrator:
      return {};
    case Role::kSupervisor: {
      if (mine(code)) return {};
      auto commune = store.FindCommune(code);
      if (!commune) return Fail(commune.error());
      if (*commune && mine((*commune)->province_code)) return {};
      break;
    }
    case Role::kDirector:
    case Role::kLeader:
      if (mine(code)) return {};
      break;
    default:
      return Fail(Error::PermissionDenied(
          "role", "vai trò " + std::string(RoleLabelVi(account.role)) + " không xem báo cáo tổng hợp",
          "the " + std::string(RoleName(account.role)) + " role does not see summary reports"));
  }
  return Fail(Error::PermissionDenied("unit", "báo cáo của " + code + " không thuộc phạm vi của bạn",
                                      "the report of " + code + " is outside your units"));
}

}  // namespace motcua::app
