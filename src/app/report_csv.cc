#include "app/report_csv.h"

#include <fmt/format.h>

#include <chrono>

namespace motcua::app {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kNoFigure = "—";

std::string Quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Two decimals, with the decimal separator of the language (Vietnamese: a comma; the cell is then quoted).
std::string Number(double value, bool english) {
  std::string text = fmt::format("{:.2f}", value);
  if (!english) text.replace(text.find('.'), 1, ",");
  return Quoted(text);
}

std::string Rate(const std::optional<double>& rate, bool english) { return rate ? Number(*rate, english) : ""; }

// "30/09/2025", as Vietnamese documents write dates.
std::string DayMonthYear(LocalDate day) {
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                     static_cast<int>(ymd.year()));
}

// "01/10/2025 08:05" in Viet Nam time.
std::string LocalDateTime(Instant at) {
  const LocalTime local = ToLocal(at);
  const LocalDate day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::minutes>(local - day)};
  return fmt::format("{} {:02}:{:02}", DayMonthYear(day), time.hours().count(), time.minutes().count());
}

std::string Heading(std::string_view number, std::string_view label) {
  return Quoted(number.empty() ? std::string(label) : std::string(number) + " " + std::string(label));
}

std::string FiguresLine(const ReportFigures& figures, bool balances, bool english) {
  std::string line;
  for (const ReportColumn& column : ReportColumns()) {
    line += ",";
    line += !balances && column.from_balances ? std::string(kNoFigure) : std::to_string(column.value(figures));
  }
  for (const ReportRate& rate : ReportRates()) line += "," + Rate(rate.value(figures), english);
  return line;
}

std::string FiguresHeadings(bool english) {
  std::string line;
  for (const ReportColumn& c : ReportColumns()) line += "," + Heading(c.number, english ? c.label_en : c.label_vi);
  for (const ReportRate& r : ReportRates()) {
    // Percentages, except the average score (1 to 5).
    const std::string unit = r.id.starts_with("rate_") ? " (%)" : "";
    line += "," + Quoted(std::string(english ? r.label_en : r.label_vi) + unit);
  }
  return line;
}

// The lines above the table, one cell each.
std::string Preamble(const PeriodicReport& report, bool english) {
  const std::string from = DayMonthYear(report.request.first_day);
  const std::string to = DayMonthYear(report.request.last_day);
  const std::string lines[] = {
      english ? "Form II.06a/VPCP/KSTT — RESULTS OF HANDLING ADMINISTRATIVE PROCEDURES"
              : "Biểu số II.06a/VPCP/KSTT — TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
      (english ? "Reporting unit: " : "Đơn vị báo cáo: ") + report.scope_label,
      english ? "Reporting period: from " + from + " to " + to : "Kỳ báo cáo: từ ngày " + from + " đến ngày " + to,
      (english ? "In progress counted at the end of: " : "Hồ sơ đang giải quyết tính đến hết ngày: ") +
          DayMonthYear(report.balances_day),
      (english ? "Generated at: " : "Ngày lập: ") + LocalDateTime(report.generated_at) +
          (english ? " (Viet Nam time)" : " (giờ Việt Nam)"),
      english ? "Unit: number of dossiers" : "Đơn vị tính: Số hồ sơ TTHC",
  };
  std::string csv;
  for (const std::string& line : lines) csv += Quoted(line) + "\r\n";
  return csv + "\r\n";
}

std::string IndexBlock(const ServiceIndex& index, bool english) {
  std::string csv = Quoted(english ? "Decision 766/QĐ-TTg index (measured indicators only)"
                                   : "Chỉ số theo Quyết định 766/QĐ-TTg (chỉ tính các chỉ số đo được)") +
                    "\r\n";
  csv += english ? "Group,Indicator,Name,Rate (%),Points,Maximum,Measured\r\n"
                 : "Nhóm,Chỉ số,Tên chỉ số,Tỷ lệ (%),Điểm,Điểm tối đa,Đo được\r\n";
  for (const GroupScore& group : index.groups) {
    for (const IndicatorScore& i : group.indicators) {
      csv += Quoted(english ? group.identifier : group.label_vi) + "," + std::string(i.id) + "," +
             Quoted(english ? i.identifier : i.label_vi) + "," + Rate(i.rate, english) + "," +
             (i.points ? Number(*i.points, english) : "") + "," + Number(i.max_points, english) + "," +
             (i.measured ? (english ? "yes" : "có") : (english ? "no" : "không")) + "\r\n";
    }
  }
  csv += Quoted(english ? "Total (measured)" : "Tổng (phần đo được)") + ",,,," + Number(index.points, english) + "," +
         Number(index.measured_max, english) + ",\r\n";
  return csv;
}

}  // namespace

std::string PeriodicReportCsv(const PeriodicReport& report, bool english) {
  std::string csv(kByteOrderMark);
  csv += Preamble(report, english);
  csv += Quoted(english ? "(1) No." : "(1) STT") + "," + Quoted(english ? "(2) Row" : "(2) Lĩnh vực, đơn vị") +
         FiguresHeadings(english) + "\r\n";
  int number = 0;
  for (const ReportRow& row : report.rows) {
    csv +=
        std::to_string(++number) + "," + Quoted(row.label) + FiguresLine(row.figures, row.balances, english) + "\r\n";
  }
  csv += "," + Quoted(english ? "Total: " + report.scope_label : "Tổng cộng: " + report.scope_label) +
         FiguresLine(report.total.figures, true, english) + "\r\n";
  return csv + "\r\n" + IndexBlock(report.index, english);
}

std::string RankingCsv(const std::vector<RankedUnit>& ranking, bool english) {
  std::string csv(kByteOrderMark);
  csv += english ? "Rank,Unit code,Unit,766 points (measured),Measured maximum"
                 : "Hạng,Mã đơn vị,Đơn vị,Điểm 766 (phần đo được),Điểm tối đa đo được";
  csv += FiguresHeadings(english) + "\r\n";
  for (const RankedUnit& unit : ranking) {
    csv += (unit.rank == 0 ? std::string() : std::to_string(unit.rank)) + "," + unit.unit + "," + Quoted(unit.name) +
           "," + Number(unit.index.points, english) + "," + Number(unit.index.measured_max, english) +
           FiguresLine(unit.figures, true, english) + "\r\n";
  }
  return csv;
}

}  // namespace motcua::app
