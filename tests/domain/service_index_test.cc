// The Decision 766/QĐ-TTg index (domain/service_index.h). Expected points are worked out by hand from the
// decision's group points and the national portal's formula document (docs/law/reports.md §2.1–2.2): each
// indicator scores points × min(1, rate ÷ the rate earning full points), 0 when there is nothing to measure.
#include "domain/service_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {
namespace {

using ::testing::IsEmpty;

const GroupScore* FindGroup(const ServiceIndex& index, std::string_view identifier) {
  for (const GroupScore& group : index.groups) {
    if (group.identifier == identifier) return &group;
  }
  return nullptr;
}

const IndicatorScore* FindIndicator(const ServiceIndex& index, std::string_view id) {
  for (const GroupScore& group : index.groups) {
    for (const IndicatorScore& indicator : group.indicators) {
      if (indicator.id == id) return &indicator;
    }
  }
  return nullptr;
}

// --- The decision's groups ----------------------------------------------------------------------------------

TEST(ServiceIndexTest, FiveGroupsOfOneHundredPoints) {
  // Decision 766/QĐ-TTg: openness 18, progress 20, digitization 22, online service 22, satisfaction 18.
  struct Case {
    std::string_view identifier;
    std::string_view label_vi;
    double points;
  };
  const Case cases[] = {
      {"transparency", "Công khai, minh bạch", 18}, {"progress", "Tiến độ, kết quả giải quyết", 20},
      {"digitization", "Số hóa hồ sơ", 22},         {"online_service", "Cung cấp dịch vụ trực tuyến", 22},
      {"satisfaction", "Mức độ hài lòng", 18},
  };
  const ServiceIndex index = ComputeServiceIndex(ReportFigures{});
  ASSERT_EQ(index.groups.size(), std::size(cases));
  double total = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.identifier);
    const GroupScore* group = FindGroup(index, c.identifier);
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->label_vi, c.label_vi);
    EXPECT_EQ(group->max_points, c.points);
    // The indicators of a group share out exactly its points, measured by motcua or not.
    double indicators = 0;
    for (const IndicatorScore& indicator : group->indicators) indicators += indicator.max_points;
    EXPECT_DOUBLE_EQ(indicators, c.points);
    total += group->max_points;
  }
  EXPECT_EQ(total, 100);
}

TEST(ServiceIndexTest, OnlyWhatMotcuaRecordsIsMeasured) {
  // Publication on the national database, sync with the portal, feedback and the population database are kept
  // elsewhere: those indicators neither score nor count in the measured maximum.
  const std::vector<std::string_view> measured = {"2.1", "3.3", "3.6", "4.1", "4.2", "5.4"};
  const ServiceIndex index = ComputeServiceIndex(ReportFigures{});
  double measured_max = 0;
  for (const GroupScore& group : index.groups) {
    double group_measured_max = 0;
    for (const IndicatorScore& indicator : group.indicators) {
      SCOPED_TRACE(indicator.id);
      const bool expected = std::ranges::find(measured, indicator.id) != measured.end();
      EXPECT_EQ(indicator.measured, expected);
      if (!indicator.measured) {
        EXPECT_EQ(indicator.rate, std::nullopt);
        EXPECT_EQ(indicator.points, std::nullopt);
      } else {
        group_measured_max += indicator.max_points;
      }
    }
    EXPECT_EQ(group.measured_max, group_measured_max) << group.identifier;
    measured_max += group_measured_max;
  }
  // 2.1 (20) + 3.3 (6) + 3.6 (6) + 4.1 (6) + 4.2 (4) + 5.4 (6).
  EXPECT_EQ(measured_max, 48);
  EXPECT_EQ(index.measured_max, 48);
}

// --- Each measured indicator ----------------------------------------------------------------------------

struct IndicatorCase {
  std::string_view name;
  std::string_view id;
  std::function<void(ReportFigures&)> figures;
  std::optional<double> rate;
  double points;
};

ReportFigures Figures(const std::function<void(ReportFigures&)>& set) {
  ReportFigures f;
  set(f);
  return f;
}

TEST(ServiceIndexTest, EachIndicatorFollowsItsFormula) {
  const IndicatorCase cases[] = {
      // 2.1 (20 × rate): finished early or on time, and open within deadline, over all dossiers handled.
      {"2.1 all on time", "2.1",
       [](ReportFigures& f) {
         f.resolved_early = 7;
         f.resolved_on_time = 2;
         f.in_progress_within_deadline = 1;
       },
       100, 20},
      {"2.1 one late, one overdue of ten", "2.1",
       [](ReportFigures& f) {
         f.resolved_early = 6;
         f.resolved_on_time = 2;
         f.resolved_late = 1;
         f.in_progress_overdue = 1;
       },
       80, 16},
      // Refused and withdrawn dossiers sit in the form's column (9), on time.
      {"2.1 Đông Khê Q3 2025", "2.1",
       [](ReportFigures& f) {
         f.resolved_early = 797;
         f.resolved_on_time = 143;
         f.in_progress_within_deadline = 4;
       },
       100, 20},
      // 3.3 (6 points, full from 50 %): dossiers received online over those received in the period.
      {"3.3 30 % online", "3.3",
       [](ReportFigures& f) {
         f.received_online = 3;
         f.received_direct = 6;
         f.received_postal = 1;
       },
       30, 3.6},
      {"3.3 50 % online earns full points", "3.3",
       [](ReportFigures& f) {
         f.received_online = 5;
         f.received_direct = 5;
       },
       50, 6},
      {"3.3 carried-over dossiers are not in the denominator", "3.3",
       [](ReportFigures& f) {
         f.received_online = 8;
         f.received_direct = 2;
         f.carried_over = 10;
       },
       80, 6},
      // 3.6 (6 × rate): dossiers paid online over dossiers with fees. Đông Khê: 276 / 332.
      {"3.6 Đông Khê", "3.6",
       [](ReportFigures& f) {
         f.with_fees = 332;
         f.paid_online = 276;
       },
       100.0 * 276 / 332, 6.0 * 276 / 332},
      // 4.1 (6 × rate): dossiers whose approved result is electronic over the dossiers that ended with a result.
      {"4.1 three of four results electronic", "4.1",
       [](ReportFigures& f) {
         f.resolved_early = 4;
         f.resolved_on_time = 2;  // of which 1 refused and 1 withdrawn: no result to digitize
         f.returned_to_applicant = 1;
         f.withdrawn = 1;
         f.electronic_results = 3;
         f.digitized_results = 7;  // files scanned, several per dossier: not what 4.1 counts
       },
       75, 4.5},
      {"4.1 results scanned after the period's approvals do not exceed 100 %", "4.1",
       [](ReportFigures& f) {
         f.resolved_early = 2;
         f.electronic_results = 3;
       },
       100, 6},
      {"4.1 nothing ended with a result", "4.1",
       [](ReportFigures& f) {
         f.resolved_on_time = 2;
         f.cancelled = 2;
       },
       std::nullopt, 0},
      // 4.2 (4 points, full from 80 %): dossiers digitized in full over the dossiers that ended.
      {"4.2 70 % digitized", "4.2",
       [](ReportFigures& f) {
         f.resolved_early = 10;
         f.digitized_complete = 7;
         f.digitized_dossiers = 10;  // components scanned but results not: not digitized in full
       },
       70, 3.5},
      {"4.2 80 % earns full points", "4.2",
       [](ReportFigures& f) {
         f.resolved_early = 10;
         f.digitized_complete = 8;
       },
       80, 4},
      {"4.2 open dossiers cannot be judged yet", "4.2",
       [](ReportFigures& f) {
         f.received_direct = 10;
         f.in_progress_within_deadline = 10;
         f.digitized_dossiers = 10;
       },
       std::nullopt, 0},
      // 5.4 (6 points, full from 90 %): dossiers less those rated dissatisfied and those late or overdue, over
      // the dossiers handled.
      {"5.4 80 % satisfied", "5.4",
       [](ReportFigures& f) {
         f.resolved_early = 8;
         f.resolved_late = 1;
         f.in_progress_within_deadline = 1;
         f.evaluations = 4;
         f.evaluations_dissatisfied = 1;
       },
       80, 6.0 * 80 / 90},
      {"5.4 90 % earns full points", "5.4",
       [](ReportFigures& f) {
         f.resolved_early = 9;
         f.in_progress_overdue = 1;
       },
       90, 6},
  };
  for (const IndicatorCase& c : cases) {
    SCOPED_TRACE(c.name);
    const ServiceIndex index = ComputeServiceIndex(Figures(c.figures));
    const IndicatorScore* indicator = FindIndicator(index, c.id);
    ASSERT_NE(indicator, nullptr);
    EXPECT_TRUE(indicator->measured);
    if (c.rate) {
      ASSERT_TRUE(indicator->rate.has_value());
      EXPECT_NEAR(*indicator->rate, *c.rate, 1e-9);
    } else {
      EXPECT_EQ(indicator->rate, std::nullopt);
    }
    ASSERT_TRUE(indicator->points.has_value());
    EXPECT_NEAR(*indicator->points, c.points, 1e-9);
  }
}

TEST(ServiceIndexTest, NothingToMeasureScoresNothing) {
  // A unit without a dossier in the period has no rate; its measured indicators score 0 (ranking leaves such
  // units out, app/periodic_reports.h).
  const ServiceIndex index = ComputeServiceIndex(ReportFigures{});
  for (std::string_view id : {"2.1", "3.3", "3.6", "4.1", "4.2", "5.4"}) {
    SCOPED_TRACE(id);
    const IndicatorScore* indicator = FindIndicator(index, id);
    ASSERT_NE(indicator, nullptr);
    EXPECT_EQ(indicator->rate, std::nullopt);
    EXPECT_EQ(indicator->points, 0);
  }
  EXPECT_EQ(index.points, 0);
  for (const GroupScore& group : index.groups) EXPECT_EQ(group.points, 0) << group.identifier;
}

TEST(ServiceIndexTest, GroupAndTotalPointsAreTheSumsOfTheIndicators) {
  ReportFigures f;
  f.received_online = 5;
  f.received_direct = 5;
  f.resolved_early = 8;  // all with a result, all digitized in full, two electronic results short
  f.resolved_late = 2;
  f.electronic_results = 8;
  f.digitized_complete = 10;
  f.with_fees = 4;
  f.paid_online = 1;
  const ServiceIndex index = ComputeServiceIndex(f);
  // 2.1: 8/10 → 16. 3.3: 50 % → 6. 3.6: 25 % → 1.5. 4.1: 80 % → 4.8. 4.2: 100 % → 4. 5.4: 8/10 = 80 % → 5.333…
  EXPECT_NEAR(FindGroup(index, "progress")->points, 16, 1e-9);
  EXPECT_NEAR(FindGroup(index, "online_service")->points, 7.5, 1e-9);
  EXPECT_NEAR(FindGroup(index, "digitization")->points, 8.8, 1e-9);
  EXPECT_NEAR(FindGroup(index, "satisfaction")->points, 6.0 * 80 / 90, 1e-9);
  EXPECT_EQ(FindGroup(index, "transparency")->points, 0);
  EXPECT_NEAR(index.points, 16 + 7.5 + 8.8 + 6.0 * 80 / 90, 1e-9);
}

// --- Ranking ------------------------------------------------------------------------------------------------

TEST(CompetitionRanksTest, TiesShareARankAndTheNextRankSkips) {
  struct Case {
    std::string_view name;
    std::vector<double> scores;
    std::vector<int> ranks;
  };
  const Case cases[] = {
      {"sorted", {90, 85, 85, 70}, {1, 2, 2, 4}},
      {"unsorted", {70, 85, 90, 85}, {4, 2, 1, 2}},
      {"all equal", {40, 40, 40}, {1, 1, 1}},
      {"tie at the top", {50, 50, 10}, {1, 1, 3}},
      {"one unit", {12.5}, {1}},
      // Published to the hundredth: 85.004 and 84.996 are both shown as 85.00.
      {"equal when published", {85.004, 84.996, 90}, {2, 2, 1}},
      {"a hundredth apart", {85.01, 85.00}, {1, 2}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CompetitionRanks(c.scores), c.ranks);
  }
  EXPECT_THAT(CompetitionRanks({}), IsEmpty());
}

}  // namespace
}  // namespace motcua
