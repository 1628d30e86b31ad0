#include "store/counter_query.h"

#include <optional>
#include <utility>

namespace motcua::store {

Result<void> CheckCounterQuery(const CounterQuery& query) {
  if (query.unit.has_value() == query.province.has_value()) {
    return Fail(Error::InvalidArgument("unit", "cần chọn đúng một trong hai: đơn vị hoặc tỉnh",
                                       "give exactly one of unit and province"));
  }
  if (query.to <= query.from) {
    return Fail(Error::InvalidArgument("to", "ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu",
                                       "the period must end after it starts (to after from)"));
  }
  return {};
}

bool TotalsAnswer(const CounterQuery& query) {
  const bool competent = query.side == ReportSide::kCompetent;
  switch (query.group_by) {
    case ReportGrouping::kNone:
    case ReportGrouping::kUnit:
      return !query.agency || competent;
    case ReportGrouping::kAgency:
      return competent;
    case ReportGrouping::kProcedure:
    case ReportGrouping::kOfficial:
    case ReportGrouping::kChannel:
      break;
  }
  return false;
}

std::string MeasureList(bool balances) {
  std::string list;
  for (int m = 0; m < kMeasureCount; ++m) {
    const auto measure = static_cast<Measure>(m);
    if (IsBalance(measure) == balances) list += (list.empty() ? "('" : ", '") + std::string(MeasureName(measure)) + "'";
  }
  return list + ")";
}

std::vector<CounterRead> CounterReads(const CounterQuery& query) {
  std::vector<CounterRead> reads;
  for (PeriodRange& range : Decompose(query.from, query.to)) reads.push_back({std::move(range), CounterPart::kFlows});
  for (SignedRange& r : Before(query.from)) reads.push_back({std::move(r.range), CounterPart::kBeforeFrom, r.sign});
  for (SignedRange& r : Before(query.to)) reads.push_back({std::move(r.range), CounterPart::kBeforeTo, r.sign});
  return reads;
}

bool AllZero(const CounterTotals& totals) {
  for (std::int64_t flow : totals.flows) {
    if (flow != 0) return false;
  }
  return totals.open_before == 0 && totals.open_at_end == 0 && totals.overdue_at_end == 0;
}

void CounterSums::Add(const std::string& group, std::string_view measure_name, CounterPart part, std::int64_t value) {
  const std::optional<Measure> measure = ParseMeasure(measure_name);
  if (!measure) return;  // a measure this binary does not know
  CounterTotals& figures = totals_[group];
  if (part == CounterPart::kFlows) {
    figures.flows[static_cast<std::size_t>(*measure)] += value;
  } else if (*measure == Measure::kOpen) {
    (part == CounterPart::kBeforeFrom ? figures.open_before : figures.open_at_end) += value;
  } else if (part == CounterPart::kBeforeTo) {
    figures.overdue_at_end += value;
  }
}

std::vector<CounterTotals> CounterSums::Totals(ReportGrouping grouping) && {
  std::vector<CounterTotals> result;
  if (grouping == ReportGrouping::kNone) {
    result.push_back(std::move(totals_[""]));
    return result;
  }
  for (auto& [group, figures] : totals_) {
    if (AllZero(figures)) continue;
    figures.group = group;
    result.push_back(std::move(figures));
  }
  return result;
}

}  // namespace motcua::store
