#include "http/report_json.h"

#include "http/json_response.h"

namespace motcua::http {
namespace {

using nlohmann::json;

// `balances` false for a row that has no open and overdue balances (a breakdown by official): the columns read
// from them are null, as they show "—" in the table and the spreadsheet, not 0.
json FiguresJson(const ReportFigures& figures, bool balances = true) {
  json out = json::object();
  for (const ReportColumn& column : ReportColumns()) {
    out[std::string(column.id)] = !balances && column.from_balances ? json(nullptr) : json(column.value(figures));
  }
  json rates = json::object();
  for (const ReportRate& rate : ReportRates())
    rates[std::string(rate.id)] = OrNull(rate.value(figures), std::identity{});
  out["rates"] = std::move(rates);
  return out;
}

json ColumnsJson() {
  json columns = json::array();
  for (const ReportColumn& c : ReportColumns()) {
    columns.push_back({{"id", c.id}, {"number", c.number}, {"label", c.label_vi}, {"label_en", c.label_en}});
  }
  return columns;
}

json RowJson(const app::ReportRow& row) {
  return {{"key", row.key}, {"label", row.label}, {"figures", FiguresJson(row.figures, row.balances)}};
}

}  // namespace

json ServiceIndexJson(const ServiceIndex& index) {
  json groups = json::array();
  for (const GroupScore& group : index.groups) {
    json indicators = json::array();
    for (const IndicatorScore& i : group.indicators) {
      indicators.push_back({{"id", i.id},
                            {"identifier", i.identifier},
                            {"label", i.label_vi},
                            {"max_points", i.max_points},
                            {"measured", i.measured},
                            {"rate", OrNull(i.rate, std::identity{})},
                            {"points", OrNull(i.points, std::identity{})}});
    }
    groups.push_back({{"identifier", group.identifier},
                      {"label", group.label_vi},
                      {"max_points", group.max_points},
                      {"measured_max", group.measured_max},
                      {"points", group.points},
                      {"indicators", std::move(indicators)}});
  }
  return {{"points", index.points}, {"measured_max", index.measured_max}, {"groups", std::move(groups)}};
}

json PeriodicReportJson(const app::PeriodicReport& report) {
  json rows = json::array();
  for (const app::ReportRow& row : report.rows) rows.push_back(RowJson(row));
  return {{"scope", report.scope_label},
          {"side", report.request.side == store::ReportSide::kReceiving ? "receiving" : "competent"},
          {"from", FormatIsoDate(report.request.first_day)},
          {"to", FormatIsoDate(report.request.last_day)},
          {"in_progress_counted_at_end_of", FormatIsoDate(report.balances_day)},
          {"columns", ColumnsJson()},
          {"rows", std::move(rows)},
          {"total", FiguresJson(report.total.figures)},
          {"index_766", ServiceIndexJson(report.index)}};
}

json RankingJson(const std::vector<app::RankedUnit>& ranking) {
  json items = json::array();
  for (const app::RankedUnit& unit : ranking) {
    items.push_back({{"rank", unit.rank == 0 ? json(nullptr) : json(unit.rank)},
                     {"unit", unit.unit},
                     {"name", unit.name},
                     {"points", unit.index.points},
                     {"measured_max", unit.index.measured_max},
                     {"figures", FiguresJson(unit.figures)}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace motcua::http
