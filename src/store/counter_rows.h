#pragma once
// The rows of the report counters before they are written, and their sums in memory. The events of one append
// often touch the same rows, and their month and year rows always; so do the appends of one transaction (a group
// commit's, a bulk load's): each engine adds the deltas up here, one PendingCounters per open transaction level,
// and writes each row once, just before the commit. Engine-neutral: the tables are migrations 0005 (counters) and
// 0009 (totals). Not thread-safe: one per connection and level.
#include <compare>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "domain/report_counters.h"

namespace motcua::store {

// The `side` column of report_totals and report_units: the receiving unit's figures, or the competent unit's.
inline constexpr const char* kReceivingSide = "receiving";
inline constexpr const char* kCompetentSide = "competent";

// One row of report_counters before it is written.
struct CounterRowKey {
  char bucket = 'd';  // counter_buckets.h
  std::string period;
  Measure measure = Measure::kOpen;
  CounterKey key;
  auto operator<=>(const CounterRowKey&) const = default;
};

// One row of report_totals before it is written (its province is looked up when it is). The receiving side adds
// up every agency (agency ""); the competent side keeps the competent agency.
struct TotalsRowKey {
  std::string_view side = kReceivingSide;
  std::string unit;
  char bucket = 'd';
  std::string period;
  Measure measure = Measure::kOpen;
  std::string agency;
  auto operator<=>(const TotalsRowKey&) const = default;
};

// Counter deltas added up by row. Rows whose sum comes to 0 are kept (with value 0); the writer skips them.
struct PendingCounters {
  std::map<CounterRowKey, std::int64_t> counters;
  std::map<TotalsRowKey, std::int64_t> totals;

  // Adds each delta to its day, month and year rows (and, for a balance, its all-time row 'a' ""), in the
  // counters and in both sides' totals.
  void Add(std::span<const CounterDelta> deltas);
  // Adds every row of this level to `outer` (a savepoint released into its enclosing level).
  void AddTo(PendingCounters& outer) const;
  bool Empty() const { return counters.empty() && totals.empty(); }

 private:
  void AddRows(const CounterDelta& d, char bucket, const std::string& period);
};

}  // namespace motcua::store
