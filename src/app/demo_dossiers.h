#pragma once
// Use case: a small, realistic set of dossiers for a demonstration database (`motcua init --demo`),
// made through the same lifecycle use cases as real work, so that they obey every rule. Deterministic for
// a given seed. Outcomes are in proportions like a real commune report (most early, a few on time, some
// waiting for a supplement, withdrawn, cancelled or extended, some still in progress).
#include <cstddef>
#include <string>

#include "app/lifecycle_settings.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

struct DemoPlan {
  std::string unit = "05152";               // Xã Vân Sơn, Phú Thọ
  std::string agency_id = "000.00.25.H52";  // its receiving agency ID (illustrative)
  std::string agency_name = "UBND xã Vân Sơn";
  std::string point_id = "05152-ttpvhcc";  // its receiving point, registered with the agency
  std::string point_name = "Trung tâm Phục vụ hành chính công xã Vân Sơn";
  // The demo citizen: every fifth dossier is theirs, so that a citizen login has something to see.
  std::string citizen_id = "025090001234";
  Instant end;    // the last moment anything may happen (usually now)
  int days = 30;  // receptions spread over this many calendar days before `end`
  int count = 40;
  unsigned seed = 2025;
};

struct DemoSummary {
  std::size_t dossiers = 0;
  std::size_t events = 0;
};

// Registers the plan's agency and receiving point (again, harmlessly, when they exist), then receives and
// plays out the dossiers.
Result<DemoSummary> CreateDemoDossiers(store::Store& store, const WorkCalendar& calendar,
                                       const LifecycleSettings& settings, const DemoPlan& plan);

}  // namespace motcua::app
