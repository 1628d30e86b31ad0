#pragma once
// How a report's CounterQuery (store.h) is answered from the counter rows, apart from the SQL that reads them:
// the checks of the query, which table answers it, which ranges of rows are read for which figure, and the folding
// of the rows read into CounterTotals. Shared by every engine's Store::SumCounters, so that all of them give the
// same figures from the same rows. Thread-safe except CounterSums (one per query).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/counter_buckets.h"
#include "store/store.h"

namespace motcua::store {

// InvalidArgument on "unit" unless exactly one of unit and province is set, on "to" when to <= from.
Result<void> CheckCounterQuery(const CounterQuery& query);

// Whether report_totals answers the query: it needs no split finer than a unit or a competent agency, and the
// competent agency is only in the totals' competent side (the receiving side adds up every agency). Else the
// query is read from report_counters.
bool TotalsAnswer(const CounterQuery& query);

// "('received_online', ...)": the SQL list of the balances' names, or else of the flows', in Measure order.
std::string MeasureList(bool balances);

// Which figure the rows of a range go to: the flows over [from, to), or the balances at the start of `from` or of
// `to`.
enum class CounterPart { kFlows, kBeforeFrom, kBeforeTo };

// A range of rows to read, the figure its rows go to and the sign they are added with. Flows are read from the
// flow measures' rows, balances from the balance measures'.
struct CounterRead {
  PeriodRange range;
  CounterPart part = CounterPart::kFlows;
  int sign = 1;
  bool operator==(const CounterRead&) const = default;
};

// The ranges that answer [query.from, query.to): Decompose(from, to) for the flows, then Before(from) and
// Before(to) for the balances.
std::vector<CounterRead> CounterReads(const CounterQuery& query);

// Whether every figure of `totals` is 0 (its group is then left out of a grouped answer).
bool AllZero(const CounterTotals& totals);

// The figures of a query, group by group, as its rows are read.
class CounterSums {
 public:
  // Adds `value` (the sum of one range's rows of `measure` in `group`, sign applied) to the figure `part` keeps:
  // a flow's own figure; for kBeforeFrom the open balance carried over (other measures are ignored); for
  // kBeforeTo the open balance at the end, any other measure the overdue one. A measure this binary does not know
  // is ignored, and makes no group.
  void Add(const std::string& group, std::string_view measure, CounterPart part, std::int64_t value);

  // Without a grouping, exactly one CounterTotals (group ""); with one, each group whose figures are not all 0,
  // in group order.
  std::vector<CounterTotals> Totals(ReportGrouping grouping) &&;

 private:
  std::map<std::string, CounterTotals> totals_;
};

}  // namespace motcua::store
