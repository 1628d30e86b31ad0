#pragma once
// The figures of the periodic report on administrative procedures (form II.06a/VPCP/KSTT under Circular
// 01/2020/TT-VPCP; its columns and counting rules are in docs/law/reports.md §1) and the extras provinces
// report beside it, for one row: a unit, an agency, a field, a procedure or an official over a period.
// Plain values and arithmetic; the counting itself is report_counters.h.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace motcua {

struct ReportFigures {
  std::int64_t carried_over = 0;  // (6) received before the period, not resolved at its start
  std::int64_t received_online = 0;
  std::int64_t received_direct = 0;
  std::int64_t received_postal = 0;
  std::int64_t resolved_early = 0;    // (8)
  std::int64_t resolved_on_time = 0;  // (9), including refused, withdrawn and cancelled dossiers
  std::int64_t resolved_late = 0;     // (10)
  std::int64_t resolved_late_with_apology = 0;
  std::int64_t in_progress_within_deadline = 0;  // (12), including those waiting for a supplement
  std::int64_t in_progress_overdue = 0;          // (13)
  std::int64_t returned_to_applicant = 0;        // refused by the competent agency ("trả lại"), for any reason
  std::int64_t not_supplemented = 0;             // of those, because the applicant did not supplement
  std::int64_t withdrawn = 0;
  std::int64_t cancelled = 0;
  std::int64_t reception_refused = 0;
  std::int64_t supplement_requests = 0;
  std::int64_t extensions = 0;  // apology slips with a new appointment
  std::int64_t digitized_dossiers = 0;
  std::int64_t digitized_components = 0;
  std::int64_t digitized_results = 0;   // result files digitized (files, not dossiers)
  std::int64_t electronic_results = 0;  // dossiers whose approved result has an electronic file (766: 4.1)
  std::int64_t digitized_complete = 0;  // ended dossiers digitized in full, result included (766: 4.2)
  std::int64_t returned_by_post = 0;
  std::int64_t boundaryless = 0;
  std::int64_t with_fees = 0;
  std::int64_t paid_online = 0;
  std::int64_t evaluations = 0;
  std::int64_t evaluation_score_sum = 0;
  std::int64_t evaluations_dissatisfied = 0;  // scores 1 and 2

  // (4) + (5): received in the period.
  std::int64_t received_in_period() const { return received_online + received_direct + received_postal; }
  // (3) = (4) + (5) + (6).
  std::int64_t received_total() const { return received_in_period() + carried_over; }
  // (7) = (8) + (9) + (10).
  std::int64_t resolved_total() const { return resolved_early + resolved_on_time + resolved_late; }
  // (11) = (12) + (13).
  std::int64_t in_progress_total() const { return in_progress_within_deadline + in_progress_overdue; }
  // Of (7), those that ended with an approved result (not refused, withdrawn or cancelled).
  std::int64_t resolved_with_result() const { return resolved_total() - returned_to_applicant - withdrawn - cancelled; }

  ReportFigures& operator+=(const ReportFigures& other);
  bool operator==(const ReportFigures&) const = default;
};

// numerator / denominator as a percentage, or nullopt when the denominator is 0 (no dossier: no rate).
std::optional<double> Percent(std::int64_t numerator, std::int64_t denominator);

// A column of the report as printed: its number on the form ("(8)") or "" for an extra, its identifier (CSV
// and JSON key), its Vietnamese and English headings, and how to read it from the figures.
struct ReportColumn {
  std::string_view number;
  std::string_view id;
  std::string_view label_vi;
  std::string_view label_en;
  std::int64_t (*value)(const ReportFigures&);
  // Read (at least in part) from the open and overdue balances — (3), (6), (11), (12), (13) — which a breakdown
  // by official does not have (report_counters.h): such a row shows "—" there.
  bool from_balances = false;
};

// The form's thirteen columns' figures (3)–(13) in its order, then the extras.
const std::vector<ReportColumn>& ReportColumns();

// The rates a report shows under its figures.
struct ReportRate {
  std::string_view id;
  std::string_view label_vi;
  std::string_view label_en;
  std::optional<double> (*value)(const ReportFigures&);
};
const std::vector<ReportRate>& ReportRates();

}  // namespace motcua
