#pragma once
// The service-quality index of Decision 766/QĐ-TTg (23/6/2022): five groups, 100 points, each indicator a
// rate turned into points (docs/law/reports.md §2). The indicators and their points are data (the table in
// service_index.cc), so that a change of the scoring is an edit of a table, not of code paths.
//
// motcua measures what its own records show: progress (2.1), online submission and payment (3.3, 3.6),
// electronic results and digitization (4.1, 4.2: dossiers, judged once their processing ended), satisfaction
// with dossier handling (5.4). An indicator with nothing to measure (no dossier) has no rate and scores 0. The others
// need data kept elsewhere (publication of procedures on the national database, sync with the national portal, the
// feedback system, the population database): they are listed, marked unmeasured, and count neither in the score nor in
// the measured maximum, so that a commune is never ranked on what we cannot see. Pure; thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/periodic_report.h"

namespace motcua {

struct IndicatorScore {
  std::string_view id;          // "2.1"
  std::string_view identifier;  // "dossiers_on_time_rate"
  std::string_view label_vi;
  double max_points = 0;
  bool measured = false;
  std::optional<double> rate;    // percentage, when measured and there was something to measure
  std::optional<double> points;  // when measured
};

struct GroupScore {
  std::string_view identifier;  // "progress"
  std::string_view label_vi;
  double max_points = 0;    // the decision's points for the group
  double measured_max = 0;  // the points of its measured indicators
  double points = 0;        // scored on the measured indicators
  std::vector<IndicatorScore> indicators;
};

struct ServiceIndex {
  std::vector<GroupScore> groups;
  double points = 0;        // sum of the measured indicators' points
  double measured_max = 0;  // what a perfect unit would score on them
};

// The index of a unit over a period, from its report figures.
ServiceIndex ComputeServiceIndex(const ReportFigures& figures);

// Competition ranking (1, 2, 2, 4) by points, descending: ranks[i] is the rank of scores[i]. Points equal to the
// hundredth (as published) tie.
std::vector<int> CompetitionRanks(const std::vector<double>& scores);

}  // namespace motcua
