// How long the deadline arithmetic takes: every dossier computes its appointment at reception and the
// reports recompute lateness, so this runs millions of times on a province's history.
// Run: ./build/bench/work_calendar_bench
#include <benchmark/benchmark.h>

#include "domain/work_calendar.h"
#include "support/real_calendar.h"

namespace motcua {
namespace {

using test_support::RealCalendar;

LocalTime At(int year, unsigned month, unsigned day, int hour, int minute) {
  using namespace std::chrono;
  return local_days{std::chrono::year{year} / month / day} + hours{hour} + minutes{minute};
}

void BM_AddWorkingDays(benchmark::State& state) {
  const WorkCalendar& calendar = RealCalendar();
  const double amount = static_cast<double>(state.range(0));
  LocalTime start = At(2025, 1, 20, 16, 59);  // just before Tết 2025
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.Add(start, amount, TimeUnit::kWorkingDay));
  }
}
BENCHMARK(BM_AddWorkingDays)->Arg(1)->Arg(15)->Arg(60);

void BM_AddCalendarDays(benchmark::State& state) {
  const WorkCalendar& calendar = RealCalendar();
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.Add(At(2026, 2, 10, 9, 0), 30, TimeUnit::kDay));
  }
}
BENCHMARK(BM_AddCalendarDays);

void BM_WorkingMinutesBetween(benchmark::State& state) {
  const WorkCalendar& calendar = RealCalendar();
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.WorkingMinutesBetween(At(2025, 12, 20, 8, 0), At(2026, 3, 1, 8, 0)));
  }
}
BENCHMARK(BM_WorkingMinutesBetween);

}  // namespace
}  // namespace motcua
