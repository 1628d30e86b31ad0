#include "store/counter_rows.h"

#include "store/counter_buckets.h"

namespace motcua::store {

void PendingCounters::Add(std::span<const CounterDelta> deltas) {
  for (const CounterDelta& d : deltas) {
    for (char bucket : {'d', 'm', 'y'}) AddRows(d, bucket, PeriodText(bucket, d.day));
    // Balances also keep one all-time running row, so that reading one never sums the whole history.
    if (IsBalance(d.measure)) AddRows(d, 'a', "");
  }
}

void PendingCounters::AddTo(PendingCounters& outer) const {
  for (const auto& [row, value] : counters) outer.counters[row] += value;
  for (const auto& [row, value] : totals) outer.totals[row] += value;
}

void PendingCounters::AddRows(const CounterDelta& d, char bucket, const std::string& period) {
  counters[CounterRowKey{bucket, period, d.measure, d.key}] += d.delta;
  totals[TotalsRowKey{kReceivingSide, d.key.receiving_unit, bucket, period, d.measure, ""}] += d.delta;
  totals[TotalsRowKey{kCompetentSide, d.key.competent_unit, bucket, period, d.measure, d.key.agency}] += d.delta;
}

}  // namespace motcua::store
