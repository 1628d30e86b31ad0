#pragma once
// The periodic report, the 766 index and the ranking as JSON, for the API and `motcua report --format json`:
// figures keyed by the column identifiers of domain/periodic_report.h (with the form's numbers and headings in
// "columns"), rates as percentages (null when there is nothing to divide by). Pure functions.
#include <vector>

#include <nlohmann/json.hpp>

#include "app/periodic_reports.h"

namespace motcua::http {

nlohmann::json PeriodicReportJson(const app::PeriodicReport& report);
nlohmann::json ServiceIndexJson(const ServiceIndex& index);
nlohmann::json RankingJson(const std::vector<app::RankedUnit>& ranking);

}  // namespace motcua::http
