#include "domain/periodic_report.h"

namespace motcua {

ReportFigures& ReportFigures::operator+=(const ReportFigures& o) {
  carried_over += o.carried_over;
  received_online += o.received_online;
  received_direct += o.received_direct;
  received_postal += o.received_postal;
  resolved_early += o.resolved_early;
  resolved_on_time += o.resolved_on_time;
  resolved_late += o.resolved_late;
  resolved_late_with_apology += o.resolved_late_with_apology;
  in_progress_within_deadline += o.in_progress_within_deadline;
  in_progress_overdue += o.in_progress_overdue;
  returned_to_applicant += o.returned_to_applicant;
  not_supplemented += o.not_supplemented;
  withdrawn += o.withdrawn;
  cancelled += o.cancelled;
  reception_refused += o.reception_refused;
  supplement_requests += o.supplement_requests;
  extensions += o.extensions;
  digitized_dossiers += o.digitized_dossiers;
  digitized_components += o.digitized_components;
  digitized_results += o.digitized_results;
  electronic_results += o.electronic_results;
  digitized_complete += o.digitized_complete;
  returned_by_post += o.returned_by_post;
  boundaryless += o.boundaryless;
  with_fees += o.with_fees;
  paid_online += o.paid_online;
  evaluations += o.evaluations;
  evaluation_score_sum += o.evaluation_score_sum;
  evaluations_dissatisfied += o.evaluations_dissatisfied;
  return *this;
}

std::optional<double> Percent(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return 100.0 * static_cast<double>(numerator) / static_cast<double>(denominator);
}

// The headings of columns (3)–(13) follow the form as provinces' systems print it ("Tiếp nhận", "Số lượng hồ sơ
// đã giải quyết", "Số lượng hồ sơ đang giải quyết" over their columns; docs/law/reports.md §1.1), flattened
// into one line each: "Tiếp nhận: Trực tuyến". Columns read from the open and overdue balances are marked, for
// the breakdowns that have none (by official).
const std::vector<ReportColumn>& ReportColumns() {
  using F = ReportFigures;
  static const std::vector<ReportColumn> columns = {
      {"(3)", "received_total", "Tiếp nhận: Tổng số", "Received: total", [](const F& f) { return f.received_total(); },
       true},
      {"(4)", "received_online", "Tiếp nhận: Trực tuyến", "Received: online",
       [](const F& f) { return f.received_online; }},
      {"(5)", "received_direct_or_postal", "Tiếp nhận: Trực tiếp, dịch vụ bưu chính", "Received: direct or by post",
       [](const F& f) { return f.received_direct + f.received_postal; }},
      {"(6)", "carried_over", "Tiếp nhận: Từ kỳ trước", "Received: carried over from the previous period",
       [](const F& f) { return f.carried_over; }, true},
      {"(7)", "resolved_total", "Đã giải quyết: Tổng số", "Resolved: total",
       [](const F& f) { return f.resolved_total(); }},
      {"(8)", "resolved_early", "Đã giải quyết: Trước hạn", "Resolved: early",
       [](const F& f) { return f.resolved_early; }},
      {"(9)", "resolved_on_time", "Đã giải quyết: Đúng hạn (bao gồm cả hồ sơ trả lại/xin rút)",
       "Resolved: on time (incl. returned or withdrawn dossiers)", [](const F& f) { return f.resolved_on_time; }},
      {"(10)", "resolved_late", "Đã giải quyết: Quá hạn", "Resolved: late", [](const F& f) { return f.resolved_late; }},
      {"(11)", "in_progress_total", "Đang giải quyết: Tổng số", "In progress: total",
       [](const F& f) { return f.in_progress_total(); }, true},
      {"(12)", "in_progress_within_deadline", "Đang giải quyết: Trong hạn (bao gồm cả hồ sơ chờ bổ sung)",
       "In progress: within deadline (incl. waiting for a supplement)",
       [](const F& f) { return f.in_progress_within_deadline; }, true},
      {"(13)", "in_progress_overdue", "Đang giải quyết: Quá hạn", "In progress: overdue",
       [](const F& f) { return f.in_progress_overdue; }, true},
      {"", "received_direct", "Trong đó: trực tiếp", "of which direct", [](const F& f) { return f.received_direct; }},
      {"", "received_postal", "Trong đó: bưu chính", "of which by post", [](const F& f) { return f.received_postal; }},
      {"", "received_boundaryless", "Tiếp nhận phi địa giới", "Boundaryless receptions",
       [](const F& f) { return f.boundaryless; }},
      {"", "returned_to_applicant", "Trả lại hồ sơ (từ chối hoặc không bổ sung)",
       "Returned to the applicant (refused or not supplemented)", [](const F& f) { return f.returned_to_applicant; }},
      {"", "not_supplemented", "Trong đó: không bổ sung hồ sơ", "of which not supplemented",
       [](const F& f) { return f.not_supplemented; }},
      {"", "withdrawn", "Xin rút", "Withdrawn", [](const F& f) { return f.withdrawn; }},
      {"", "cancelled", "Hủy", "Cancelled", [](const F& f) { return f.cancelled; }},
      {"", "reception_refused", "Không được tiếp nhận", "Refused at reception",
       [](const F& f) { return f.reception_refused; }},
      {"", "resolved_late_with_apology", "Quá hạn đã có thư xin lỗi", "Late with an apology slip",
       [](const F& f) { return f.resolved_late_with_apology; }},
      {"", "supplement_requests", "Yêu cầu bổ sung", "Supplement requests",
       [](const F& f) { return f.supplement_requests; }},
      {"", "extensions", "Phiếu xin lỗi và hẹn lại", "Apology slips (extensions)",
       [](const F& f) { return f.extensions; }},
      {"", "digitized_dossiers", "Hồ sơ được số hóa", "Dossiers digitized",
       [](const F& f) { return f.digitized_dossiers; }},
      {"", "digitized_components", "Thành phần hồ sơ số hóa", "Components digitized",
       [](const F& f) { return f.digitized_components; }},
      {"", "digitized_results", "Kết quả số hóa", "Results digitized", [](const F& f) { return f.digitized_results; }},
      {"", "electronic_results", "Hồ sơ có kết quả điện tử", "Dossiers with an electronic result",
       [](const F& f) { return f.electronic_results; }},
      {"", "digitized_complete", "Hồ sơ số hóa đầy đủ (cả kết quả)", "Dossiers digitized in full (result included)",
       [](const F& f) { return f.digitized_complete; }},
      {"", "returned_by_post", "Trả kết quả qua bưu chính", "Results returned by post",
       [](const F& f) { return f.returned_by_post; }},
      {"", "with_fees", "Hồ sơ có phí, lệ phí", "Dossiers with fees", [](const F& f) { return f.with_fees; }},
      {"", "paid_online", "Thanh toán trực tuyến", "Paid online", [](const F& f) { return f.paid_online; }},
      {"", "evaluations", "Lượt đánh giá", "Evaluations", [](const F& f) { return f.evaluations; }},
      {"", "evaluations_dissatisfied", "Đánh giá không hài lòng", "Dissatisfied evaluations",
       [](const F& f) { return f.evaluations_dissatisfied; }},
  };
  return columns;
}

const std::vector<ReportRate>& ReportRates() {
  using F = ReportFigures;
  static const std::vector<ReportRate> rates = {
      {"rate_early_or_on_time", "Tỷ lệ trước hạn, đúng hạn", "Early or on time",
       [](const F& f) { return Percent(f.resolved_early + f.resolved_on_time, f.resolved_total()); }},
      {"rate_online", "Tỷ lệ tiếp nhận trực tuyến", "Received online",
       [](const F& f) { return Percent(f.received_online, f.received_in_period()); }},
      {"rate_paid_online", "Tỷ lệ thanh toán trực tuyến", "Paid online, of dossiers with fees",
       [](const F& f) { return Percent(f.paid_online, f.with_fees); }},
      {"rate_digitized", "Tỷ lệ số hóa hồ sơ", "Dossiers digitized",
       [](const F& f) { return Percent(f.digitized_dossiers, f.received_in_period()); }},
      {"rate_boundaryless", "Tỷ lệ tiếp nhận phi địa giới", "Boundaryless receptions",
       [](const F& f) { return Percent(f.boundaryless, f.received_in_period()); }},
      {"average_score", "Điểm đánh giá trung bình (1–5)", "Average score (1–5)",
       [](const F& f) -> std::optional<double> {
         if (f.evaluations == 0) return std::nullopt;
         return static_cast<double>(f.evaluation_score_sum) / static_cast<double>(f.evaluations);
       }},
  };
  return rates;
}

}  // namespace motcua
