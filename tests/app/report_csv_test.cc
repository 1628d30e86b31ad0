// The CSV export of the periodic report and the ranking (app/report_csv.h): what a supervisor expects above the
// table (the header lines of form II.06a, docs/law/reports.md §1.0–1.1), numbers a spreadsheet reads, and the
// Decision 766 block.
#include "app/report_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace motcua::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

LocalDate Day(std::string_view text) { return ParseIsoDate(text, "test").value(); }

std::vector<std::string> Lines(const std::string& csv) {
  std::vector<std::string> lines;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// Q3 2025 of a commune: 3 received (2 direct, 1 online), 4 resolved of which 3 early, 1 in progress.
PeriodicReport Quarter() {
  PeriodicReport report;
  report.request.unit = "05152";
  report.request.first_day = Day("2025-07-01");
  report.request.last_day = Day("2025-09-30");
  report.scope_label = "Xã Vân Sơn (05152)";
  report.balances_day = Day("2025-09-30");
  report.generated_at = ParseIsoInstant("2025-10-01T08:05:00+07:00", "test").value();
  ReportFigures& f = report.total.figures;
  f.carried_over = 2;
  f.received_online = 1;
  f.received_direct = 2;
  f.resolved_early = 3;
  f.resolved_on_time = 1;
  f.in_progress_within_deadline = 1;
  f.with_fees = 3;
  f.paid_online = 2;
  report.total.label = "Tổng cộng";
  report.index = ComputeServiceIndex(f);
  return report;
}

TEST(ReportCsvTest, OpensWithTheFormsHeaderLines) {
  const std::vector<std::string> lines = Lines(PeriodicReportCsv(Quarter()));
  ASSERT_GE(lines.size(), 8u);
  EXPECT_EQ(lines[0], "\xEF\xBB\xBF\"Biểu số II.06a/VPCP/KSTT — TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\"");
  EXPECT_EQ(lines[1], "Đơn vị báo cáo: Xã Vân Sơn (05152)");
  EXPECT_EQ(lines[2], "Kỳ báo cáo: từ ngày 01/07/2025 đến ngày 30/09/2025");
  EXPECT_EQ(lines[3], "Hồ sơ đang giải quyết tính đến hết ngày: 30/09/2025");
  EXPECT_EQ(lines[4], "Ngày lập: 01/10/2025 08:05 (giờ Việt Nam)");
  EXPECT_EQ(lines[5], "Đơn vị tính: Số hồ sơ TTHC");
  EXPECT_EQ(lines[6], "");
  EXPECT_THAT(lines[7], testing::StartsWith("(1) STT,\"(2) Lĩnh vực, đơn vị\",(3) Tiếp nhận: Tổng số,"));
  EXPECT_THAT(lines[7], HasSubstr(",\"(5) Tiếp nhận: Trực tiếp, dịch vụ bưu chính\","));
  EXPECT_THAT(lines[7], HasSubstr(",\"Tỷ lệ trước hạn, đúng hạn (%)\","));
}

TEST(ReportCsvTest, EnglishHeaderLines) {
  const std::vector<std::string> lines = Lines(PeriodicReportCsv(Quarter(), /*english=*/true));
  EXPECT_EQ(lines[1], "Reporting unit: Xã Vân Sơn (05152)");
  EXPECT_EQ(lines[2], "Reporting period: from 01/07/2025 to 30/09/2025");
  EXPECT_EQ(lines[4], "Generated at: 01/10/2025 08:05 (Viet Nam time)");
  EXPECT_EQ(lines[5], "Unit: number of dossiers");
}

TEST(ReportCsvTest, RatesAreNumbersWithTheLanguagesDecimalSeparator) {
  // Early or on time: (3 + 1) / 4 = 100 %; online 1 / 3 = 33.33 %; paid online 2 / 3 = 66.67 %.
  const std::string vi = PeriodicReportCsv(Quarter());
  EXPECT_THAT(vi, HasSubstr(",Tổng cộng: Xã Vân Sơn (05152),5,1,2,2,4,3,1,0,1,1,0,"));
  EXPECT_THAT(vi, HasSubstr(",\"100,00\",\"33,33\",\"66,67\","));
  EXPECT_THAT(vi, Not(HasSubstr("%\"")));  // no "%" in a cell, only in the headings
  const std::string en = PeriodicReportCsv(Quarter(), /*english=*/true);
  EXPECT_THAT(en, HasSubstr(",100.00,33.33,66.67,"));
}

TEST(ReportCsvTest, EndsWithTheDecision766Block) {
  const std::vector<std::string> lines = Lines(PeriodicReportCsv(Quarter()));
  const auto heading = std::ranges::find(lines, "Chỉ số theo Quyết định 766/QĐ-TTg (chỉ tính các chỉ số đo được)");
  ASSERT_NE(heading, lines.end());
  EXPECT_EQ(*(heading - 1), "");
  EXPECT_EQ(*(heading + 1), "Nhóm,Chỉ số,Tên chỉ số,Tỷ lệ (%),Điểm,Điểm tối đa,Đo được");
  // 2.1: (3 + 1 + 1) / (4 + 1) = 100 % → 20 points; 3.6: 2 / 3 → 4 points.
  EXPECT_THAT(lines, testing::Contains("\"Tiến độ, kết quả giải quyết\",2.1,\"Hồ sơ xử lý trước hạn, đúng hạn\","
                                       "\"100,00\",\"20,00\",\"20,00\",có"));
  EXPECT_THAT(lines, testing::Contains("Cung cấp dịch vụ trực tuyến,3.6,Hồ sơ thanh toán trực tuyến,"
                                       "\"66,67\",\"4,00\",\"6,00\",có"));
  EXPECT_THAT(lines, testing::Contains("\"Công khai, minh bạch\",1.1,TTHC công bố đúng hạn,,,\"6,00\",không"));
  // 2.1 20 + 3.3 (33.33 % of 50 %) 4 + 3.6 4 + 4.1 0 + 4.2 0 + 5.4 6 = 34 of the 48 measured.
  EXPECT_EQ(lines.back(), "Tổng (phần đo được),,,,\"34,00\",\"48,00\",");
}

TEST(ReportCsvTest, RowsWithoutBalancesShowADash) {
  // A breakdown by official: carried over and in progress are not kept per official (docs/law/reports.md §1.4).
  PeriodicReport report = Quarter();
  ReportRow row{"tiep.nhan", "Nguyễn Thị Tiếp", {}, false};
  row.figures.received_direct = 2;
  row.figures.received_online = 1;
  report.rows.push_back(row);
  EXPECT_THAT(PeriodicReportCsv(report), HasSubstr("\r\n1,Nguyễn Thị Tiếp,—,1,2,—,0,0,0,0,—,—,—,2,0,"));
}

TEST(ReportCsvTest, RankingUsesTheSameNumbers) {
  RankedUnit unit{1, "05152", "Xã Vân Sơn", Quarter().total.figures, Quarter().index};
  RankedUnit idle{0, "05155", "Xã Thu Cúc", {}, ComputeServiceIndex({})};
  const std::vector<std::string> lines = Lines(RankingCsv({unit, idle}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], testing::StartsWith("\xEF\xBB\xBFHạng,Mã đơn vị,Đơn vị,Điểm 766 (phần đo được),"));
  EXPECT_THAT(lines[1], testing::StartsWith("1,05152,Xã Vân Sơn,\""));
  EXPECT_THAT(lines[1], HasSubstr("\",\"48,00\",5,1,2,2,"));
  EXPECT_THAT(lines[2], testing::StartsWith(",05155,Xã Thu Cúc,\"0,00\",\"48,00\",0,"));
}

}  // namespace
}  // namespace motcua::app
