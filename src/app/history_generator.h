#pragma once
// Use case: a province's history of dossiers for benchmarks and load tests (`motcua bench-data`, issue 7),
// made through the same lifecycle use cases as real work (DossierLifecycle), so that every event obeys the rules,
// is hash-chained and counted in the report counters exactly as in production.
//
// What it makes, on the real units and procedures of the catalogue:
//  - an agency and a receiving point for every commune of the province and one provincial department, all
//    registered as an administrator would;
//  - `dossiers` dossiers received on working days spread evenly over `years` years ending at `end`, at the
//    communes in uneven shares, through the three channels (direct, online, postal);
//  - outcomes in the proportions of a real commune report (Đông Khê commune, Q3 2025, DESIGN.md §2): most
//    resolved early, about one in seven on the appointment day, a few late or extended with an apology slip,
//    some returned to the applicant (refused), cancelled or withdrawn, supplements requested and supplied;
//    nearly every dossier digitized, a third with fees (most paid online), about half of them received across
//    boundaries (a provincial procedure at a commune's point), most results rated; the dossiers whose
//    appointment falls after `end` are still open, as a real center's are.
// Deterministic: the same plan (seed included) against the same catalogue makes the same events.
// Writes in transactions of `batch` dossiers (Store::InOneTransaction), so that the disk's syncs do not bound it.
#include <cstddef>
#include <functional>
#include <string>

#include "app/lifecycle_settings.h"
#include "domain/civil_time.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

struct HistoryPlan {
  std::string province;         // 2-digit code of a province in the catalogue
  std::size_t dossiers = 1000;  // how many to receive
  int years = 1;                // spread over this many years ...
  Instant end;                  // ... ending at this moment, the generated "now"
  unsigned seed = 1;
  std::size_t batch = 2000;  // dossiers per transaction
  // Called after each batch with the dossiers made so far; may be empty.
  std::function<void(std::size_t dossiers, std::size_t events)> progress = {};
};

struct HistorySummary {
  std::size_t communes = 0;
  std::size_t dossiers = 0;
  std::size_t events = 0;
  std::size_t open_at_end = 0;  // still in progress at `end`
};

// InvalidArgument on "province" (unknown, or without communes), "dossiers" (0), "years" (outside 1..30);
// NotFound on "procedures" when the catalogue has no procedure with a usable processing time; a store error
// stops the run (the batches already written stay).
Result<HistorySummary> GenerateHistory(store::Store& store, const WorkCalendar& calendar,
                                       const LifecycleSettings& settings, const HistoryPlan& plan);

}  // namespace motcua::app
