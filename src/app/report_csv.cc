#include "app/report_csv.h"

#include <fmt/format.h>

namespace motcua::app {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string Quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Rate(const std::optional<double>& rate) { return rate ? fmt::format("{:.2f}", *rate) : ""; }

std::string Heading(std::string_view number, std::string_view label) {
  return Quoted(number.empty() ? std::string(label) : std::string(number) + " " + std::string(label));
}

std::string FiguresLine(const ReportFigures& figures) {
  std::string line;
  for (const ReportColumn& column : ReportColumns()) line += "," + std::to_string(column.value(figures));
  for (const ReportRate& rate : ReportRates()) line += "," + Rate(rate.value(figures));
  return line;
}

std::string FiguresHeadings(bool english) {
  std::string line;
  for (const ReportColumn& c : ReportColumns()) line += "," + Heading(c.number, english ? c.label_en : c.label_vi);
  for (const ReportRate& r : ReportRates())
    line += "," + Quoted(std::string(english ? r.label_en : r.label_vi) + " (%)");
  return line;
}

}  // namespace

std::string PeriodicReportCsv(const PeriodicReport& report, bool english) {
  std::string csv(kByteOrderMark);
  csv += Quoted(english ? "(1) No." : "(1) STT") + "," + Quoted(english ? "(2) Row" : "(2) Lĩnh vực, đơn vị") +
         FiguresHeadings(english) + "\r\n";
  int number = 0;
  for (const ReportRow& row : report.rows) {
    csv += std::to_string(++number) + "," + Quoted(row.label) + FiguresLine(row.figures) + "\r\n";
  }
  csv += "," + Quoted(english ? "Total: " + report.scope_label : "Tổng cộng: " + report.scope_label) +
         FiguresLine(report.total.figures) + "\r\n";
  return csv;
}

std::string RankingCsv(const std::vector<RankedUnit>& ranking, bool english) {
  std::string csv(kByteOrderMark);
  csv += english ? "Rank,Unit code,Unit,766 points (measured),Measured maximum"
                 : "Hạng,Mã đơn vị,Đơn vị,Điểm 766 (phần đo được),Điểm tối đa đo được";
  csv += FiguresHeadings(english) + "\r\n";
  for (const RankedUnit& unit : ranking) {
    csv += (unit.rank == 0 ? std::string() : std::to_string(unit.rank)) + "," + unit.unit + "," + Quoted(unit.name) +
           "," + fmt::format("{:.2f}", unit.index.points) + "," + fmt::format("{:.0f}", unit.index.measured_max) +
           FiguresLine(unit.figures) + "\r\n";
  }
  return csv;
}

}  // namespace motcua::app
