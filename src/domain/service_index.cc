#include "domain/service_index.h"

#include <algorithm>
#include <cmath>

namespace motcua {
namespace {

// How an indicator's points follow from its rate: points × min(1, rate ÷ full_at), where full_at is the rate
// that earns full points (100 % unless the portal's formula says otherwise).
struct Indicator {
  std::string_view group;
  std::string_view id;
  std::string_view identifier;
  std::string_view label_vi;
  double points;
  double full_at;  // percentage earning full points
  // The rate from the figures; nullptr: not measured by motcua.
  std::optional<double> (*rate)(const ReportFigures&);
  // The points when there is nothing to measure (no dossier): the portal gives 0 for most, full for some.
  double points_without_data = 0;
};

struct Group {
  std::string_view identifier;
  std::string_view label_vi;
  double points;
};

// Decision 766/QĐ-TTg, groups and points [c]; indicators as the national portal scores them [s]
// (docs/law/reports.md §2.1–2.2).
const Group kGroups[] = {
    {"transparency", "Công khai, minh bạch", 18},
    {"progress", "Tiến độ, kết quả giải quyết", 20},
    {"online_service", "Cung cấp dịch vụ trực tuyến", 22},
    {"digitization", "Số hóa hồ sơ", 22},
    {"satisfaction", "Mức độ hài lòng", 18},
};

using F = ReportFigures;

std::optional<double> OnTimeRate(const F& f) {
  // Finished on time or early, and open within deadline, over everything handled in the period (2.1).
  return Percent(f.resolved_early + f.resolved_on_time + f.in_progress_within_deadline,
                 f.resolved_total() + f.in_progress_total());
}
std::optional<double> OnlineRate(const F& f) { return Percent(f.received_online, f.received_in_period()); }
std::optional<double> PaidOnlineRate(const F& f) { return Percent(f.paid_online, f.with_fees); }
// A result is often scanned a day or more after its approval, so a period's numerator may include dossiers
// approved in the previous period: the rate is capped at 100 % rather than shown above it.
std::optional<double> CappedPercent(std::int64_t numerator, std::int64_t denominator) {
  const std::optional<double> rate = Percent(numerator, denominator);
  return rate ? std::optional<double>(std::min(100.0, *rate)) : std::nullopt;
}
// Dossiers with an electronic result over those that ended with a result (4.1). The formula counts dossiers,
// not files: a result scanned twice is one dossier.
std::optional<double> ElectronicResultRate(const F& f) {
  return CappedPercent(f.electronic_results, f.resolved_with_result());
}
// Dossiers digitized in full — components and, when a result was issued, the result — over the dossiers whose
// processing ended (4.2): the result condition cannot be judged on an open dossier.
std::optional<double> DigitizedRate(const F& f) { return CappedPercent(f.digitized_complete, f.resolved_total()); }
std::optional<double> SatisfactionRate(const F& f) {
  // Dossiers less those rated dissatisfied and those overdue, over the dossiers handled (5.4).
  const std::int64_t handled = f.resolved_total() + f.in_progress_total();
  return Percent(handled - f.evaluations_dissatisfied - f.resolved_late - f.in_progress_overdue, handled);
}

const Indicator kIndicators[] = {
    {"transparency", "1.1", "procedures_published_on_time", "TTHC công bố đúng hạn", 6, 100, nullptr},
    {"transparency", "1.2", "procedures_disclosed_on_time", "TTHC cập nhật, công khai đúng hạn", 4, 100, nullptr},
    {"transparency", "1.3", "procedures_disclosed_complete", "TTHC công khai đầy đủ nội dung", 2, 100, nullptr},
    {"transparency", "1.4", "dossiers_synced_to_portal", "Hồ sơ đồng bộ lên Cổng DVC quốc gia", 6, 100, nullptr},
    {"progress", "2.1", "dossiers_on_time_rate", "Hồ sơ xử lý trước hạn, đúng hạn", 20, 100, OnTimeRate},
    {"online_service", "3.1", "procedures_online_rate", "TTHC cung cấp DVC trực tuyến", 2, 80, nullptr},
    {"online_service", "3.2", "online_services_used_rate", "DVC trực tuyến có phát sinh hồ sơ", 4, 100, nullptr},
    {"online_service", "3.3", "dossiers_online_rate", "Hồ sơ nộp trực tuyến", 6, 50, OnlineRate},
    {"online_service", "3.5", "fee_procedures_integrated_rate", "TTHC có phí tích hợp thanh toán trực tuyến", 4, 80,
     nullptr},
    {"online_service", "3.6", "dossiers_paid_online_rate", "Hồ sơ thanh toán trực tuyến", 6, 100, PaidOnlineRate},
    {"digitization", "4.1", "electronic_result_rate", "Hồ sơ có kết quả điện tử", 6, 100, ElectronicResultRate},
    // Full points from 80 % ("Đạt từ 80% trở lên sẽ đạt điểm tối đa", the portal's formula document).
    {"digitization", "4.2", "digitized_dossier_rate", "Hồ sơ được số hóa", 4, 80, DigitizedRate},
    {"digitization", "4.x", "electronic_certified_copy", "Chứng thực bản sao điện tử", 2, 100, nullptr},
    {"digitization", "4.3", "digitized_data_reuse_rate", "Tái sử dụng dữ liệu số hóa", 2, 80, nullptr},
    {"digitization", "4.4", "digitized_shared_rate", "Dữ liệu số hóa được chia sẻ", 4, 100, nullptr},
    {"digitization", "4.5a", "procedures_population_data_rate", "TTHC kết nối dữ liệu dân cư", 2, 100, nullptr},
    {"digitization", "4.5b", "dossiers_population_data_rate", "Hồ sơ sử dụng dữ liệu dân cư", 2, 100, nullptr},
    {"satisfaction", "5.2", "feedback_on_time_rate", "Phản ánh, kiến nghị xử lý đúng hạn", 6, 100, nullptr},
    {"satisfaction", "5.3", "feedback_satisfaction_rate", "Hài lòng trong xử lý phản ánh, kiến nghị", 6, 100, nullptr},
    {"satisfaction", "5.4", "dossier_satisfaction_rate", "Hài lòng trong tiếp nhận, giải quyết TTHC", 6, 90,
     SatisfactionRate},
};

IndicatorScore Score(const Indicator& indicator, const ReportFigures& figures) {
  IndicatorScore score{indicator.id, indicator.identifier, indicator.label_vi, indicator.points, false, {}, {}};
  if (indicator.rate == nullptr) return score;
  score.measured = true;
  score.rate = indicator.rate(figures);
  score.points =
      score.rate ? indicator.points * std::min(1.0, *score.rate / indicator.full_at) : indicator.points_without_data;
  return score;
}

}  // namespace

ServiceIndex ComputeServiceIndex(const ReportFigures& figures) {
  ServiceIndex index;
  for (const Group& group : kGroups) {
    GroupScore scored{group.identifier, group.label_vi, group.points, 0, 0, {}};
    for (const Indicator& indicator : kIndicators) {
      if (indicator.group != group.identifier) continue;
      IndicatorScore score = Score(indicator, figures);
      if (score.measured) {
        scored.measured_max += score.max_points;
        scored.points += score.points.value_or(0);
      }
      scored.indicators.push_back(score);
    }
    index.points += scored.points;
    index.measured_max += scored.measured_max;
    index.groups.push_back(std::move(scored));
  }
  return index;
}

std::vector<int> CompetitionRanks(const std::vector<double>& scores) {
  // Points are compared as they are published, to the hundredth: two units shown with the same points share a
  // rank, whatever the rounding of the sums behind them.
  std::vector<long long> shown;
  for (double score : scores) shown.push_back(std::llround(score * 100));
  std::vector<int> ranks(scores.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    ranks[i] = 1 + static_cast<int>(std::ranges::count_if(shown, [&](long long other) { return other > shown[i]; }));
  }
  return ranks;
}

}  // namespace motcua
