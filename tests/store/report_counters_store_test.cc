// Report counters and totals in the SQLite store (Store::SumCounters, Store::RebuildCounters): appends update
// them in the events' transaction, the totals are the counters added up per side and unit, day rows roll up into months
// and years, a period adds up whole years, months and days, balances are read at the period's start and end, and the
// rebuild from the history finds a hand-edited row. The history: five dossiers over Sơn La (14: communes 04006 and
// 03646) and Hải Phòng (31: commune 10507), from 2025-11-20 to 2027-03-04, whose figures are counted by hand below.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "store/sql/sql_report_counters.h"
#include "store/sql/transaction.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_store.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using std::chrono::days;

constexpr const char* kA = "04006";  // Xã Song Khủa, Sơn La
constexpr const char* kB = "10507";  // Phường Thành Đông, Hải Phòng
constexpr const char* kSonLa = "14";
constexpr const char* kHaiPhong = "31";

Instant At(std::string_view text) { return ParseIsoInstant(text, "t").value(); }
LocalDate Day(std::string_view text) { return ParseIsoDate(text, "d").value(); }

// The units the provinces of the counters come from; no procedures, no calendar (the events carry their dates).
ReferenceCatalogue Units() {
  ReferenceCatalogue units;
  units.provinces = {{kSonLa, "Tỉnh Sơn La", "tỉnh", "son_la", "212"},
                     {kHaiPhong, "Thành phố Hải Phòng", "thành phố trung ương", "hai_phong", "225"}};
  units.communes = {{kA, "Xã Song Khủa", "xã", "xa_song_khua", kSonLa},
                    {"03646", "Phường Tô Hiệu", "phường", "phuong_to_hieu", kSonLa},
                    {kB, "Phường Thành Đông", "phường", "phuong_thanh_dong", kHaiPhong}};
  return units;
}

DossierEvent Event(std::string code, EventPayload payload, std::string_view when, std::string user) {
  DossierEvent e;
  e.dossier_code = std::move(code);
  e.payload = std::move(payload);
  e.actor = {std::move(user), "receptionist", ""};
  e.occurred_at = At(when);
  e.recorded_at = At(when);
  return e;
}

struct Route {
  Channel channel;
  std::string receiving_unit, competent_unit, agency, procedure;
};

Received Receipt(const Route& r, std::string_view at, std::string_view due) {
  Received p;
  p.procedure_code = r.procedure;
  p.channel = r.channel;
  p.applicant = {"Nguyễn Thị Hoa", "001190012345", "", "", "", ""};
  p.receiving_unit = r.receiving_unit;
  p.receiving_point = "TTPVHCC " + r.receiving_unit;
  p.competent_agency = r.agency;
  p.competent_unit = r.competent_unit;
  p.processing_amount = 3;
  p.clock_started_at = At(at);
  p.due_at = At(due);
  return p;
}

Submitted Submission(const Route& r) {
  return Submitted{r.procedure, r.channel,       {"Trần Văn An", "014085000123", "", "", "", ""}, {}, r.receiving_unit,
                   r.agency,    r.competent_unit};
}

// Each inner list is one append.
std::vector<std::vector<DossierEvent>> History() {
  const Route d1{Channel::kDirect, kA, kA, "AG-A", "1.001193"};
  const Route d2{Channel::kOnline, kA, kA, "AG-A", "1.001193"};
  const Route d3{Channel::kDirect, kB, kA, "AG-A", "1.001193"};  // boundaryless: received in Hải Phòng
  const Route d4{Channel::kPostal, kA, kSonLa, "SO-TP", "2.000001"};
  const Route d5{Channel::kOnline, kA, kA, "AG-A", "1.001193"};
  return {
      // D1: received 2025-11-20, due 11-25, approved early on 11-24 (the assignee cv01 resolved it).
      {Event("D1", Receipt(d1, "2025-11-20T09:00:00+07:00", "2025-11-25T09:00:00+07:00"), "2025-11-20T09:00:00+07:00",
             "tn01")},
      {Event("D1", StepAssigned{"thẩm định", "specialist", "AG-A", "cv01"}, "2025-11-21T09:00:00+07:00", "ld01")},
      {Event("D1", ResultApproved{"Giấy khai sinh số 1", "Chủ tịch"}, "2025-11-24T15:00:00+07:00", "ld01")},
      // D2: submitted online 2025-12-30, received 12-31, due 2026-01-05, never resolved: overdue from 2026-01-06.
      {Event("D2", Submission(d2), "2025-12-30T20:00:00+07:00", "cd01")},
      {Event("D2", Receipt(d2, "2025-12-31T10:00:00+07:00", "2026-01-05T10:00:00+07:00"), "2025-12-31T10:00:00+07:00",
             "tn01")},
      // D3: received in Hải Phòng 2026-01-12 for Song Khủa, due 01-15, withdrawn 2027-02-10.
      {Event("D3", Receipt(d3, "2026-01-12T08:00:00+07:00", "2026-01-15T08:00:00+07:00"), "2026-01-12T08:00:00+07:00",
             "tn02")},
      {Event("D3", Withdrawn{"không cần nữa"}, "2027-02-10T09:00:00+07:00", "cd02")},
      // D5: submitted online 2026-06-01, refused at reception 06-02: never received.
      {Event("D5", Submission(d5), "2026-06-01T10:00:00+07:00", "cd03")},
      {Event("D5", ReceptionRefused{"sai thủ tục"}, "2026-06-02T09:00:00+07:00", "tn01")},
      // D4: posted 2027-03-03 to Song Khủa for the province's agency, received 03-04 (one batch), due 03-10.
      {Event("D4", Submission(d4), "2027-03-03T10:00:00+07:00", "cd04"),
       Event("D4", Receipt(d4, "2027-03-04T09:00:00+07:00", "2027-03-10T09:00:00+07:00"), "2027-03-04T09:00:00+07:00",
             "tn01")},
  };
}

// The history's period: from D1's receipt to the day after D4's.
constexpr const char* kFrom = "2025-11-20";
constexpr const char* kTo = "2027-03-05";

CounterQuery ByUnit(ReportSide side, std::string unit, std::string_view from = kFrom, std::string_view to = kTo) {
  CounterQuery q;
  q.side = side;
  q.unit = std::move(unit);
  q.from = Day(from);
  q.to = Day(to);
  return q;
}

CounterQuery ByProvince(ReportSide side, std::string province, std::string_view from = kFrom,
                        std::string_view to = kTo) {
  CounterQuery q = ByUnit(side, "", from, to);
  q.unit.reset();
  q.province = std::move(province);
  return q;
}

CounterQuery Grouped(CounterQuery q, ReportGrouping grouping) {
  q.group_by = grouping;
  return q;
}

// "received_direct=2 resolved_early=1 | open 0 → 1, overdue 1": the figures that are not 0, to compare and print.
std::string Figures(const CounterTotals& t) {
  std::string text;
  for (int m = 0; m < kMeasureCount; ++m) {
    if (t.flows[m] != 0)
      text += std::string(MeasureName(static_cast<Measure>(m))) + "=" + std::to_string(t.flows[m]) + " ";
  }
  return text + "| open " + std::to_string(t.open_before) + " → " + std::to_string(t.open_at_end) + ", overdue " +
         std::to_string(t.overdue_at_end);
}

std::string Expect(std::vector<std::pair<Measure, std::int64_t>> flows, std::int64_t open_before,
                   std::int64_t open_at_end, std::int64_t overdue_at_end) {
  CounterTotals t;
  for (const auto& [measure, value] : flows) t.flows[static_cast<std::size_t>(measure)] = value;
  t.open_before = open_before;
  t.open_at_end = open_at_end;
  t.overdue_at_end = overdue_at_end;
  return Figures(t);
}

using enum Measure;

// The single number a query over the engine interface gives.
std::int64_t CountOf(sql::Connection& db, const std::string& query) {
  sql::Statement count(db, query);
  count.Step();
  return count.Int(0);
}

// How many rows one query gives that the other does not, either way: 0 when both give the same rows.
int RowsOnlyInEither(SQLite::Database& db, const std::string& a, const std::string& b) {
  return db.execAndGet("SELECT count(*) FROM (" + a + " EXCEPT " + b + ")").getInt() +
         db.execAndGet("SELECT count(*) FROM (" + b + " EXCEPT " + a + ")").getInt();
}

class ReportCountersTest : public ::testing::Test {
 protected:
  void Open(const StoreSpec& spec) {
    store_ = OpenStore(spec).value();
    ASSERT_TRUE(store_->SaveReferenceCatalogue(Units()).has_value());
  }

  void AppendHistory() {
    for (const auto& events : History()) {
      auto state = store_->AppendDossierEvents(events, {}, DeadlinePolicy{});
      ASSERT_TRUE(state.has_value()) << events.front().dossier_code << ": " << state.error().message_en;
    }
  }

  CounterTotals Totals(const CounterQuery& query) {
    auto totals = store_->SumCounters(query);
    EXPECT_TRUE(totals.has_value()) << totals.error().field << ": " << totals.error().message_en;
    if (!totals) return {};
    EXPECT_EQ(totals->size(), 1u);
    return totals->empty() ? CounterTotals{} : totals->front();
  }

  std::string Sum(const CounterQuery& query) { return Figures(Totals(query)); }

  // The query's figures added up from its split by channel, which reads report_counters (unsplit, a unit's or a
  // province's figures are read from report_totals).
  std::string SumOfChannels(const CounterQuery& query) {
    CounterTotals sum;
    auto channels = store_->SumCounters(Grouped(query, ReportGrouping::kChannel));
    EXPECT_TRUE(channels.has_value()) << channels.error().field << ": " << channels.error().message_en;
    for (const CounterTotals& group : channels.value_or(std::vector<CounterTotals>{})) {
      for (int m = 0; m < kMeasureCount; ++m) sum.flows[m] += group.flows[m];
      sum.open_before += group.open_before;
      sum.open_at_end += group.open_at_end;
      sum.overdue_at_end += group.overdue_at_end;
    }
    return Figures(sum);
  }

  std::map<std::string, std::string> SumGroups(const CounterQuery& query) {
    auto totals = store_->SumCounters(query);
    EXPECT_TRUE(totals.has_value()) << totals.error().field << ": " << totals.error().message_en;
    std::map<std::string, std::string> groups;
    for (const CounterTotals& t : totals.value_or(std::vector<CounterTotals>{})) groups[t.group] = Figures(t);
    return groups;
  }

  std::unique_ptr<Store> store_;
};

class ReportCountersStoreTest : public ReportCountersTest,
                                public ::testing::WithParamInterface<test_support::StoreBackend> {
 protected:
  void SetUp() override {
    if (auto why = GetParam().unavailable()) GTEST_SKIP() << *why;
    Open(GetParam().fresh());
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, ReportCountersStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(ReportCountersStoreTest, AppendingAnEventUpdatesTheCounters) {
  const auto history = History();
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kA)), Expect({}, 0, 0, 0));
  ASSERT_TRUE(store_->AppendDossierEvents(history[0], {}).has_value());
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kA, "2025-11-20", "2025-11-21")),
            Expect({{kReceivedDirect, 1}}, 0, 1, 0));
  ASSERT_TRUE(store_->AppendDossierEvents(history[1], {}).has_value());
  ASSERT_TRUE(store_->AppendDossierEvents(history[2], {}).has_value());
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kA, "2025-11-20", "2025-11-25")),
            Expect({{kReceivedDirect, 1}, {kResolvedEarly, 1}}, 0, 0, 0));
}

TEST_P(ReportCountersStoreTest, AFailedAppendLeavesTheCountersAsTheyWere) {
  AppendHistory();
  const std::string before = Sum(ByProvince(ReportSide::kReceiving, kSonLa, "2020-01-01", "2030-01-01"));
  // The first event alone would count a receipt; the second cannot happen, so neither is written.
  auto failed =
      store_->AppendDossierEvents(std::vector{Event("D9",
                                                    Receipt({Channel::kDirect, kA, kA, "AG-A", "1.001193"},
                                                            "2026-03-02T08:00:00+07:00", "2026-03-05T08:00:00+07:00"),
                                                    "2026-03-02T08:00:00+07:00", "tn01"),
                                              Event("D9", ResultReturned{}, "2026-03-02T09:00:00+07:00", "tn01")},
                                  {});
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().field, "events[1].type");
  EXPECT_EQ(Sum(ByProvince(ReportSide::kReceiving, kSonLa, "2020-01-01", "2030-01-01")), before);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
}

TEST_P(ReportCountersStoreTest, APeriodsFiguresAreThoseCountedByHand) {
  AppendHistory();
  // D1, D2, D3 and D5 are decided in Song Khủa; D3 was withdrawn in the period, D2 is still open and overdue.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA)), Expect({{kReceivedDirect, 2},
                                                             {kReceivedOnline, 1},
                                                             {kBoundaryless, 1},
                                                             {kResolvedEarly, 1},
                                                             {kResolvedOnTime, 1},
                                                             {kWithdrawn, 1},
                                                             {kReceptionRefused, 1}},
                                                            0, 1, 1));
  // D1, D2, D4 and D5 were handed in at Song Khủa; D4 (for the province's agency) is boundaryless, open, not due.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kA)), Expect({{kReceivedDirect, 1},
                                                             {kReceivedOnline, 1},
                                                             {kReceivedPostal, 1},
                                                             {kBoundaryless, 1},
                                                             {kResolvedEarly, 1},
                                                             {kReceptionRefused, 1}},
                                                            0, 2, 1));
}

TEST_P(ReportCountersStoreTest, ABoundarylessDossierCountsWhereItWasReceivedAndWhereItIsDecided) {
  AppendHistory();
  const std::string d3 =
      Expect({{kReceivedDirect, 1}, {kBoundaryless, 1}, {kResolvedOnTime, 1}, {kWithdrawn, 1}}, 0, 0, 0);
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kB)), d3);
  EXPECT_EQ(Sum(ByProvince(ReportSide::kReceiving, kHaiPhong)), d3);
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kB)), Expect({}, 0, 0, 0));
  EXPECT_EQ(Sum(ByProvince(ReportSide::kCompetent, kHaiPhong)), Expect({}, 0, 0, 0));
  // While it was open, it was in Hải Phòng's balances on the receiving side.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kB, "2026-01-13", "2026-01-17")), Expect({}, 1, 1, 1));
}

TEST_P(ReportCountersStoreTest, BalancesAreReadAtThePeriodsStartAndEnd) {
  AppendHistory();
  // D1 open from 11-20 to its approval on 11-24.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2025-11-21", "2025-11-24")), Expect({}, 1, 1, 0));
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2025-11-21", "2025-11-25")),
            Expect({{kResolvedEarly, 1}}, 1, 0, 0));
  // D2 (due 01-05) and D3 (due 01-15) open: D3 is overdue at the end of the day after its appointment's, when
  // the appointment fell on an earlier day (domain/report_counters.h), not before.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2026-01-13", "2026-01-15")), Expect({}, 2, 2, 1));
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2026-01-13", "2026-01-16")), Expect({}, 2, 2, 1));
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2026-01-13", "2026-01-17")), Expect({}, 2, 2, 2));
  // Carried over from one year into the next, across a whole year of nothing new.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2027-01-01", "2027-02-10")), Expect({}, 2, 2, 2));
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2027-02-10", "2027-02-11")),
            Expect({{kResolvedOnTime, 1}, {kWithdrawn, 1}}, 2, 1, 1));
  // After the history: D2 still open and overdue; nothing flows.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2030-01-01", "2030-02-01")), Expect({}, 1, 1, 1));
  // Before it: nothing.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2020-01-01", "2025-11-20")), Expect({}, 0, 0, 0));
}

// Every period, whatever years, months and days it is made of, adds up to the sum of its single days; its
// balances are those of its first day's start and its last day's end.
TEST_P(ReportCountersStoreTest, SumsAcrossMonthAndYearBoundariesEqualTheSumOfTheirDays) {
  AppendHistory();
  const LocalDate first = Day("2025-11-01");
  const LocalDate last = Day("2027-04-01");
  for (ReportSide side : {ReportSide::kCompetent, ReportSide::kReceiving}) {
    std::vector<CounterTotals> daily;
    for (LocalDate d = first; d < last; d += days(1)) {
      daily.push_back(Totals(ByUnit(side, kA, FormatIsoDate(d), FormatIsoDate(d + days(1)))));
    }
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{kFrom, kTo},
                                                                                   {"2025-11-01", "2027-04-01"},
                                                                                   {"2025-12-31", "2026-01-01"},
                                                                                   {"2025-12-15", "2026-01-16"},
                                                                                   {"2026-01-01", "2027-01-01"},
                                                                                   {"2025-11-24", "2027-02-11"},
                                                                                   {"2026-01-05", "2026-06-03"},
                                                                                   {"2026-02-01", "2027-03-01"}}) {
      CounterTotals expected;
      const auto begin = (Day(from) - first).count();
      const auto end = (Day(to) - first).count();
      for (auto i = begin; i < end; ++i) {
        for (int m = 0; m < kMeasureCount; ++m) expected.flows[m] += daily[i].flows[m];
      }
      expected.open_before = daily[begin].open_before;
      expected.open_at_end = daily[end - 1].open_at_end;
      expected.overdue_at_end = daily[end - 1].overdue_at_end;
      EXPECT_EQ(Sum(ByUnit(side, kA, from, to)), Figures(expected)) << from << " .. " << to;
    }
  }
}

TEST_P(ReportCountersStoreTest, EachGroupingSplitsTheTotals) {
  AppendHistory();
  const CounterQuery sonla = ByProvince(ReportSide::kCompetent, kSonLa);
  EXPECT_EQ(
      SumGroups(Grouped(sonla, ReportGrouping::kUnit)),
      (std::map<std::string, std::string>{{kA, Expect({{kReceivedDirect, 2},
                                                       {kReceivedOnline, 1},
                                                       {kBoundaryless, 1},
                                                       {kResolvedEarly, 1},
                                                       {kResolvedOnTime, 1},
                                                       {kWithdrawn, 1},
                                                       {kReceptionRefused, 1}},
                                                      0, 1, 1)},
                                          {kSonLa, Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0)}}));
  EXPECT_EQ(
      SumGroups(Grouped(sonla, ReportGrouping::kChannel)),
      (std::map<std::string, std::string>{
          {"direct",
           Expect(
               {{kReceivedDirect, 2}, {kBoundaryless, 1}, {kResolvedEarly, 1}, {kResolvedOnTime, 1}, {kWithdrawn, 1}},
               0, 0, 0)},
          {"online", Expect({{kReceivedOnline, 1}, {kReceptionRefused, 1}}, 0, 1, 1)},
          {"postal", Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0)}}));
  // Balances are not split by official: they are in the group "".
  EXPECT_EQ(
      SumGroups(Grouped(sonla, ReportGrouping::kOfficial)),
      (std::map<std::string, std::string>{{"", Expect({}, 0, 2, 1)},
                                          {"cd02", Expect({{kResolvedOnTime, 1}, {kWithdrawn, 1}}, 0, 0, 0)},
                                          {"cv01", Expect({{kResolvedEarly, 1}}, 0, 0, 0)},
                                          {"tn01", Expect({{kReceivedDirect, 1},
                                                           {kReceivedOnline, 1},
                                                           {kReceivedPostal, 1},
                                                           {kBoundaryless, 1},
                                                           {kReceptionRefused, 1}},
                                                          0, 0, 0)},
                                          {"tn02", Expect({{kReceivedDirect, 1}, {kBoundaryless, 1}}, 0, 0, 0)}}));
  const auto agencies = SumGroups(Grouped(sonla, ReportGrouping::kAgency));
  EXPECT_EQ(agencies.size(), 2u);
  EXPECT_EQ(agencies.at("SO-TP"), Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0));
  const auto procedures = SumGroups(Grouped(sonla, ReportGrouping::kProcedure));
  EXPECT_EQ(procedures.size(), 2u);
  EXPECT_EQ(procedures.at("2.000001"), Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0));

  // Whatever the grouping, the groups add up to the ungrouped totals, in group order.
  const CounterTotals all = Totals(sonla);
  for (ReportGrouping grouping : {ReportGrouping::kProcedure, ReportGrouping::kOfficial, ReportGrouping::kUnit,
                                  ReportGrouping::kAgency, ReportGrouping::kChannel}) {
    const auto groups = store_->SumCounters(Grouped(sonla, grouping)).value();
    CounterTotals added;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (i > 0) {
        EXPECT_LT(groups[i - 1].group, groups[i].group);
      }
      for (int m = 0; m < kMeasureCount; ++m) added.flows[m] += groups[i].flows[m];
      added.open_before += groups[i].open_before;
      added.open_at_end += groups[i].open_at_end;
      added.overdue_at_end += groups[i].overdue_at_end;
    }
    EXPECT_EQ(Figures(added), Figures(all)) << static_cast<int>(grouping);
  }
  // No dossier: no group, but one empty total when not grouped.
  EXPECT_TRUE(SumGroups(Grouped(ByProvince(ReportSide::kCompetent, kHaiPhong), ReportGrouping::kUnit)).empty());
  EXPECT_EQ(store_->SumCounters(ByProvince(ReportSide::kCompetent, kHaiPhong)).value().size(), 1u);
}

TEST_P(ReportCountersStoreTest, AProvinceCountsEachOfItsUnits) {
  AppendHistory();
  // On the receiving side Sơn La is Song Khủa (its own province "14" received nothing).
  EXPECT_EQ(Sum(ByProvince(ReportSide::kReceiving, kSonLa)), Sum(ByUnit(ReportSide::kReceiving, kA)));
  // On the deciding side, Song Khủa and the province's own agency.
  EXPECT_EQ(Sum(ByProvince(ReportSide::kCompetent, kSonLa)), Expect({{kReceivedDirect, 2},
                                                                     {kReceivedOnline, 1},
                                                                     {kReceivedPostal, 1},
                                                                     {kBoundaryless, 2},
                                                                     {kResolvedEarly, 1},
                                                                     {kResolvedOnTime, 1},
                                                                     {kWithdrawn, 1},
                                                                     {kReceptionRefused, 1}},
                                                                    0, 2, 1));
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kSonLa)), Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0));
  // A commune of the province with nothing.
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, "03646")), Expect({}, 0, 0, 0));
}

TEST_P(ReportCountersStoreTest, AnAgencyFilterKeepsOnlyItsDossiers) {
  AppendHistory();
  CounterQuery query = ByProvince(ReportSide::kCompetent, kSonLa);
  query.agency = "SO-TP";
  EXPECT_EQ(Sum(query), Expect({{kReceivedPostal, 1}, {kBoundaryless, 1}}, 0, 1, 0));
  query = ByUnit(ReportSide::kReceiving, kA, "2025-11-21", "2026-01-16");
  query.agency = "AG-A";
  EXPECT_EQ(Sum(query), Expect({{kReceivedOnline, 1}, {kResolvedEarly, 1}}, 1, 1, 1));
  query.agency = "nobody";
  EXPECT_EQ(Sum(query), Expect({}, 0, 0, 0));
}

TEST_P(ReportCountersStoreTest, BadQueriesAreRefused) {
  auto field_of = [&](const CounterQuery& query) {
    auto totals = store_->SumCounters(query);
    EXPECT_FALSE(totals.has_value());
    EXPECT_EQ(totals ? ErrorCode::kInternal : totals.error().code, ErrorCode::kInvalidArgument);
    return totals ? std::string("(accepted)") : totals.error().field;
  };
  CounterQuery neither = ByUnit(ReportSide::kReceiving, kA);
  neither.unit.reset();
  EXPECT_EQ(field_of(neither), "unit");
  CounterQuery both = ByUnit(ReportSide::kReceiving, kA);
  both.province = kSonLa;
  EXPECT_EQ(field_of(both), "unit");
  EXPECT_EQ(field_of(ByUnit(ReportSide::kReceiving, kA, "2026-01-12", "2026-01-12")), "to");
  EXPECT_EQ(field_of(ByUnit(ReportSide::kReceiving, kA, "2026-01-12", "2026-01-11")), "to");
}

TEST_P(ReportCountersStoreTest, RebuildFindsNothingOnAnIntactStore) {
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt) << "an empty store";
  AppendHistory();
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
  EXPECT_EQ(store_->RebuildCounters({}, true).value(), std::nullopt);
  EXPECT_EQ(Sum(ByUnit(ReportSide::kCompetent, kA, "2026-01-13", "2026-01-17")), Expect({}, 2, 2, 2));
}

// What only a second connection to the file can do: look at the rows, break a write, edit a counter.
class ReportCountersFileTest : public ReportCountersTest {
 protected:
  void SetUp() override {
    path_ = test_support::TempDbPath();
    Open(store::StoreSpec::Sqlite(path_));
  }
  std::string path_;
};

TEST_F(ReportCountersFileTest, CountersAreWrittenInTheEventsTransaction) {
  const auto history = History();
  for (const char* table : {"report_counters", "report_totals"}) {
    {
      SQLite::Database db(path_, SQLite::OPEN_READWRITE);
      db.exec(std::string("CREATE TRIGGER refuse_counters BEFORE INSERT ON ") + table +
              " BEGIN SELECT RAISE(ABORT, 'counters refused'); END");
    }
    auto refused = store_->AppendDossierEvents(history[0], {});
    ASSERT_FALSE(refused.has_value()) << table;
    EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
    EXPECT_FALSE(store_->LoadDossier("D1").value().has_value()) << "the event went with the " << table;
    EXPECT_TRUE(store_->DossierCodes({}).value().empty());
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER refuse_counters");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM report_counters").getInt(), 0) << table;
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM report_totals").getInt(), 0) << table;
  }
  ASSERT_TRUE(store_->AppendDossierEvents(history[0], {}).has_value());
  EXPECT_EQ(Sum(ByUnit(ReportSide::kReceiving, kA, "2025-11-20", "2025-11-21")),
            Expect({{kReceivedDirect, 1}}, 0, 1, 0));
}

TEST_F(ReportCountersFileTest, MonthAndYearRowsAreTheSumsOfTheirDays) {
  AppendHistory();
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  // Each table's key without its bucket and period.
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"report_counters",
       "receiving_unit, measure, competent_unit, agency, procedure_code, channel, official, receiving_province, "
       "competent_province"},
      {"report_totals", "side, unit, measure, agency, province"}};
  for (const auto& [table, key] : tables) {
    for (const auto& [bucket, length, finer] : {std::tuple{"m", 7, "d"}, std::tuple{"y", 4, "m"}}) {
      const std::string rolled_up = "SELECT " + key + ", substr(period, 1, " + std::to_string(length) +
                                    ") AS rolled_period, sum(value) FROM " + table + " WHERE bucket = '" + finer +
                                    "' GROUP BY " + key + ", rolled_period HAVING sum(value) <> 0";
      const std::string kept =
          "SELECT " + key + ", period, value FROM " + table + " WHERE bucket = '" + bucket + "' AND value <> 0";
      EXPECT_EQ(RowsOnlyInEither(db, rolled_up, kept), 0) << table << " " << bucket;
    }
  }
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM report_counters WHERE bucket = 'y'").getInt(), 0);
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM report_totals WHERE bucket = 'y'").getInt(), 0);
  // Provinces come from the catalogue: a commune's, or the 2-digit unit itself.
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM report_counters WHERE receiving_unit = '10507' AND "
                          "receiving_province <> '31'")
                .getInt(),
            0);
  EXPECT_EQ(db.execAndGet("SELECT count(DISTINCT competent_province) FROM report_counters").getInt(), 1);
}

// Each side's totals are the counters added up per unit (and, on the competent side, per agency): the rows the
// migration 0009 derives from the counters are those the appends maintain.
TEST_F(ReportCountersFileTest, TotalsAreTheCountersAddedUpPerSideAndUnit) {
  AppendHistory();
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  const std::string receiving =
      "SELECT 'receiving', receiving_unit, bucket, period, measure, '', receiving_province, sum(value) FROM "
      "report_counters GROUP BY 2, 3, 4, 5, 7 HAVING sum(value) <> 0";
  const std::string competent =
      "SELECT 'competent', competent_unit, bucket, period, measure, agency, competent_province, sum(value) FROM "
      "report_counters GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(value) <> 0";
  const std::string derived = "SELECT * FROM (" + receiving + " UNION ALL " + competent + ")";
  const std::string kept =
      "SELECT side, unit, bucket, period, measure, agency, province, value FROM report_totals WHERE value <> 0";
  EXPECT_GT(db.execAndGet("SELECT count(*) FROM (" + kept + ")").getInt(), 0);
  EXPECT_EQ(RowsOnlyInEither(db, derived, kept), 0);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM report_totals WHERE side = 'receiving' AND agency <> ''").getInt(), 0);
}

// Reports that need no finer split than a unit read the totals; split by channel they read the counters. Both
// must give the same figures for every scope, side and period.
TEST_F(ReportCountersFileTest, TotalsAndCountersGiveTheSameFigures) {
  AppendHistory();
  std::vector<CounterQuery> queries;
  for (ReportSide side : {ReportSide::kReceiving, ReportSide::kCompetent}) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {kFrom, kTo}, {"2026-01-01", "2027-01-01"}, {"2026-01-13", "2026-01-17"}, {"2027-02-10", "2027-03-05"}}) {
      queries.push_back(ByUnit(side, kA, from, to));
      queries.push_back(ByProvince(side, kSonLa, from, to));
      queries.push_back(ByProvince(side, kHaiPhong, from, to));
      CounterQuery agency = ByProvince(side, kSonLa, from, to);
      agency.agency = "AG-A";
      queries.push_back(agency);
    }
  }
  for (const CounterQuery& query : queries) {
    EXPECT_EQ(Sum(query), SumOfChannels(query))
        << (query.unit ? *query.unit : *query.province) << " " << static_cast<int>(query.side) << " "
        << FormatIsoDate(query.from) << " .. " << FormatIsoDate(query.to) << " " << query.agency.value_or("");
  }
}

// A database made before the totals existed gets them from its counters when it is opened (migration 0009).
TEST_F(ReportCountersFileTest, TheMigrationDerivesTheTotalsFromTheCounters) {
  AppendHistory();
  const std::string before = Sum(ByProvince(ReportSide::kCompetent, kSonLa));
  store_.reset();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE report_totals; DELETE FROM schema_migrations WHERE version = 9");
  }
  Open(store::StoreSpec::Sqlite(path_));
  EXPECT_EQ(Sum(ByProvince(ReportSide::kCompetent, kSonLa)), before);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
}

// The units each province's split reports read (0010) are those of the counters, under the province each unit's
// rows were written under.
TEST_F(ReportCountersFileTest, UnitsAreListedUnderTheProvincesOfTheirCounters) {
  AppendHistory();
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  const std::string counted =
      "SELECT * FROM (SELECT 'receiving', receiving_province, receiving_unit FROM report_counters UNION "
      "SELECT 'competent', competent_province, competent_unit FROM report_counters)";
  const std::string listed = "SELECT side, province, unit FROM report_units";
  EXPECT_EQ(RowsOnlyInEither(db, counted, listed), 0);
  // Received at Song Khủa (Sơn La) and, for D3, Thành Đông (Hải Phòng); decided at Song Khủa and, for D4, by the
  // province of Sơn La itself.
  EXPECT_EQ(db.execAndGet("SELECT group_concat(side || ' ' || province || ' ' || unit, ', ') FROM (" + listed +
                          " ORDER BY side, province, unit)")
                .getString(),
            "competent 14 04006, competent 14 14, receiving 14 04006, receiving 31 10507");
  EXPECT_EQ(
      db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'report_counters_by_%_province'").getInt(), 0);
}

// A commune moved to another province keeps the rows written before the move under its old province, in the
// split reports (read through report_units) as in the unsplit ones (report_totals).
TEST_F(ReportCountersFileTest, AMovedCommunesRowsStayWithTheProvinceTheyWereWrittenUnder) {
  AppendHistory();
  const std::string hai_phong = SumOfChannels(ByProvince(ReportSide::kReceiving, kHaiPhong));
  const std::string son_la = SumOfChannels(ByProvince(ReportSide::kReceiving, kSonLa));
  ReferenceCatalogue moved = Units();
  moved.communes[2].province_code = kSonLa;  // Thành Đông
  ASSERT_TRUE(store_->SaveReferenceCatalogue(moved).has_value());
  const Route d6{Channel::kDirect, kB, kA, "AG-A", "1.001193"};
  const std::vector<DossierEvent> d6_received = {
      Event("D6", Receipt(d6, "2027-03-04T10:00:00+07:00", "2027-03-09T10:00:00+07:00"), "2027-03-04T10:00:00+07:00",
            "tn02")};
  ASSERT_TRUE(store_->AppendDossierEvents(d6_received, {}, DeadlinePolicy{}).has_value());

  EXPECT_EQ(SumOfChannels(ByProvince(ReportSide::kReceiving, kHaiPhong)), hai_phong);
  EXPECT_NE(SumOfChannels(ByProvince(ReportSide::kReceiving, kSonLa)), son_la);
  for (const char* province : {kHaiPhong, kSonLa}) {
    for (ReportSide side : {ReportSide::kReceiving, ReportSide::kCompetent}) {
      EXPECT_EQ(SumOfChannels(ByProvince(side, province)), Sum(ByProvince(side, province))) << province;
    }
  }
  const auto direct = SumGroups(
      Grouped(ByProvince(ReportSide::kReceiving, kSonLa, "2027-03-04", "2027-03-05"), ReportGrouping::kChannel));
  ASSERT_TRUE(direct.contains("direct"));
  EXPECT_NE(direct.at("direct").find("received_direct=1 "), std::string::npos) << direct.at("direct");
}

// A database made before report_units existed lists the units of its counters when it is opened (migration
// 0010), and loses the two province indexes it no longer needs.
TEST_F(ReportCountersFileTest, TheMigrationListsTheUnitsOfTheCounters) {
  AppendHistory();
  const auto before = SumGroups(Grouped(ByProvince(ReportSide::kCompetent, kSonLa), ReportGrouping::kProcedure));
  ASSERT_EQ(before.size(), 2u);
  store_.reset();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec(
        "DROP TABLE report_units; DELETE FROM schema_migrations WHERE version = 10;"
        "CREATE INDEX report_counters_by_competent_province ON report_counters (competent_province, bucket, "
        "period)");
  }
  Open(store::StoreSpec::Sqlite(path_));
  EXPECT_EQ(SumGroups(Grouped(ByProvince(ReportSide::kCompetent, kSonLa), ReportGrouping::kProcedure)), before);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM report_units").getInt(), 4);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'report_counters'")
                .getInt(),
            1);
}

// A unit missing from report_units would drop out of its province's split reports: the rebuild names it and
// lists it again.
TEST_F(ReportCountersFileTest, RebuildNamesAnUnlistedUnitAndReplaceListsIt) {
  AppendHistory();
  const CounterQuery hai_phong = Grouped(ByProvince(ReportSide::kReceiving, kHaiPhong), ReportGrouping::kChannel);
  const auto before = SumGroups(hai_phong);
  ASSERT_FALSE(before.empty());
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.exec("DELETE FROM report_units WHERE side = 'receiving' AND unit = '10507'"), 1);
  }
  EXPECT_TRUE(SumGroups(hai_phong).empty());
  auto found = store_->RebuildCounters({}, false).value();
  ASSERT_TRUE(found.has_value());
  for (const char* part : {"report unit", "'receiving'", "'31'", "'10507'"}) {
    EXPECT_NE(found->description.find(part), std::string::npos) << part << " in " << found->description;
  }
  EXPECT_EQ(store_->RebuildCounters({}, true).value()->description, found->description);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
  EXPECT_EQ(SumGroups(hai_phong), before);
}

TEST_F(ReportCountersFileTest, RebuildNamesAHandEditedTotalAndReplaceRepairsIt) {
  AppendHistory();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.exec("UPDATE report_totals SET value = value + 2 WHERE side = 'competent' AND unit = '04006' AND "
                      "bucket = 'y' AND period = '2026' AND measure = 'received_direct'"),
              1);
  }
  constexpr auto kDirect = static_cast<std::size_t>(kReceivedDirect);
  EXPECT_EQ(Totals(ByUnit(ReportSide::kCompetent, kA, "2026-01-01", "2027-01-01")).flows[kDirect], 3);
  auto found = store_->RebuildCounters({}, false).value();
  ASSERT_TRUE(found.has_value());
  for (const char* part :
       {"report total", "'competent'", "'04006'", "'2026'", "'received_direct'", "'AG-A'", "maintained 3, rebuilt 1"}) {
    EXPECT_NE(found->description.find(part), std::string::npos) << part << " in " << found->description;
  }
  EXPECT_EQ(store_->RebuildCounters({}, true).value()->description, found->description);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
  EXPECT_EQ(Totals(ByUnit(ReportSide::kCompetent, kA, "2026-01-01", "2027-01-01")).flows[kDirect], 1);
}

TEST_F(ReportCountersFileTest, RebuildNamesAHandEditedCounterAndReplaceRepairsIt) {
  AppendHistory();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.exec("UPDATE report_counters SET value = value + 5 WHERE bucket = 'd' AND period = '2026-01-12' "
                      "AND measure = 'received_direct'"),
              1);
  }
  constexpr auto kDirect = static_cast<std::size_t>(kReceivedDirect);
  // Split by channel, the day reads the edited row (D3, received and still open that day); a period that covers
  // it with the year 2026 reads the year's.
  auto direct = [&](std::string_view from, std::string_view to) {
    const auto groups = SumGroups(Grouped(ByUnit(ReportSide::kCompetent, kA, from, to), ReportGrouping::kChannel));
    return groups.contains("direct") ? groups.at("direct") : "";
  };
  EXPECT_EQ(direct("2026-01-12", "2026-01-13"), Expect({{kReceivedDirect, 6}, {kBoundaryless, 1}}, 0, 1, 0));
  EXPECT_EQ(
      direct(kFrom, kTo),
      Expect({{kReceivedDirect, 2}, {kBoundaryless, 1}, {kResolvedEarly, 1}, {kResolvedOnTime, 1}, {kWithdrawn, 1}}, 0,
             0, 0));
  // The totals were not edited.
  EXPECT_EQ(Totals(ByUnit(ReportSide::kCompetent, kA, "2026-01-12", "2026-01-13")).flows[kDirect], 1);
  auto found = store_->RebuildCounters({}, false).value();
  ASSERT_TRUE(found.has_value());
  for (const char* part :
       {"'2026-01-12'", "'d'", "'received_direct'", "'10507'", "'04006'", "'tn02'", "maintained 6, rebuilt 1"}) {
    EXPECT_NE(found->description.find(part), std::string::npos) << part << " in " << found->description;
  }
  EXPECT_EQ(store_->RebuildCounters({}, false).value()->description, found->description) << "only compared";

  EXPECT_EQ(store_->RebuildCounters({}, true).value()->description, found->description);
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
  EXPECT_EQ(direct("2026-01-12", "2026-01-13"), Expect({{kReceivedDirect, 1}, {kBoundaryless, 1}}, 0, 1, 0));
}

TEST_F(ReportCountersFileTest, RebuildNamesAMissingRow) {
  AppendHistory();
  {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.exec("DELETE FROM report_counters WHERE bucket = 'y' AND measure = 'withdrawn'"), 1);
  }
  auto found = store_->RebuildCounters({}, false).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_NE(found->description.find("'withdrawn'"), std::string::npos) << found->description;
  EXPECT_NE(found->description.find("'2027'"), std::string::npos) << found->description;
  EXPECT_NE(found->description.find("maintained 0, rebuilt 1"), std::string::npos) << found->description;
  ASSERT_TRUE(store_->RebuildCounters({}, true).value().has_value());
  EXPECT_EQ(store_->RebuildCounters({}, false).value(), std::nullopt);
}

// Inside a transaction the deltas are added up in memory and written just before the commit, level by level: a
// savepoint rolled back drops its own deltas only, a transaction rolled back drops them all, and outside any
// transaction they are written at once.
TEST(SqliteReportCountersTest, DeltasFollowTheTransactionsAndSavepointsTheyWereAppliedIn) {
  SqliteConnection db(":memory:");
  ASSERT_TRUE(MigrateSqlite(db).has_value());
  SqlReportCounters counters(db);
  const CounterKey key{kA, kA, "AG-A", "1.001193", Channel::kDirect, "tn01"};
  auto apply = [&](std::int64_t delta) {
    const std::vector<CounterDelta> deltas = {{key, Day("2026-01-12"), kReceivedDirect, delta}};
    counters.Apply(deltas);
  };
  auto received = [&] {
    CounterQuery query = ByUnit(ReportSide::kReceiving, kA, "2026-01-01", "2026-02-01");
    std::int64_t unsplit = counters.Sum(query).value().front().flows[static_cast<std::size_t>(kReceivedDirect)];
    query.group_by = ReportGrouping::kChannel;
    const auto channels = counters.Sum(query).value();
    const std::int64_t split = channels.empty() ? 0 : channels.front().flows[static_cast<std::size_t>(kReceivedDirect)];
    EXPECT_EQ(unsplit, split) << "the totals and the counters disagree";
    return unsplit;
  };
  auto rows = [&] { return CountOf(db, "SELECT count(*) FROM report_counters"); };
  {
    sql::Transaction outer(db, sql::TxMode::kWrite);
    apply(1);
    {
      sql::Transaction kept(db, sql::TxMode::kWrite);
      apply(2);
      {
        sql::Transaction dropped(db, sql::TxMode::kWrite);
        apply(100);
      }
      kept.Commit();
    }
    {
      sql::Transaction dropped(db, sql::TxMode::kWrite);
      apply(1000);
    }
    EXPECT_EQ(rows(), 0) << "kept in memory until the commit";
    outer.Commit();
  }
  EXPECT_EQ(rows(), 3) << "one day, month and year row, each written once";
  EXPECT_EQ(received(), 3);
  {
    sql::Transaction rolled_back(db, sql::TxMode::kWrite);
    apply(5);
  }
  EXPECT_EQ(received(), 3);
  apply(4);
  EXPECT_EQ(received(), 7) << "written at once outside a transaction";
  // A commit whose rows cannot be written fails, and its transaction rolls back with nothing written.
  db.ExecuteScript(
      "CREATE TRIGGER refuse_totals BEFORE INSERT ON report_totals BEGIN SELECT RAISE(ABORT, 'refused'); END");
  db.ExecuteScript("CREATE TABLE marks (mark INTEGER)");
  {
    sql::Transaction refused(db, sql::TxMode::kWrite);
    db.ExecuteScript("INSERT INTO marks VALUES (1)");
    const std::vector<CounterDelta> elsewhere = {{key, Day("2026-03-02"), kReceivedDirect, 1}};
    counters.Apply(elsewhere);
    EXPECT_THROW(refused.Commit(), sql::DbError);
  }
  EXPECT_EQ(CountOf(db, "SELECT count(*) FROM marks"), 0);
  EXPECT_EQ(rows(), 3);
  EXPECT_EQ(received(), 7);
}

// SqlReportCounters alone, with deltas made up at random over twelve years: any period adds up the deltas of
// its days, and its balances are the sums of all the deltas before its first day and before its end.
TEST(SqliteReportCountersTest, AnyPeriodAddsUpItsDaysAndBalancesEverythingBefore) {
  SqliteConnection db(":memory:");
  ASSERT_TRUE(MigrateSqlite(db).has_value());
  SqlReportCounters counters(db);
  const CounterKey key{kA, kA, "AG-A", "1.001193", Channel::kDirect, "tn01"};
  const CounterKey balance_key{kA, kA, "AG-A", "1.001193", Channel::kDirect, ""};
  const CounterKey elsewhere{kB, kB, "AG-B", "1.001193", Channel::kDirect, "tn01"};
  const LocalDate first = Day("2019-12-20");
  const int span = 12 * 366;
  std::mt19937 random(20260112);
  std::map<LocalDate, std::int64_t> received, open;
  std::vector<CounterDelta> deltas;
  for (int i = 0; i < 3000; ++i) {
    const LocalDate day = first + days(random() % span);
    const std::int64_t delta = 1 + random() % 3;
    deltas.push_back({key, day, kReceivedDirect, delta});
    deltas.push_back({elsewhere, day, kReceivedDirect, 100});
    received[day] += delta;
    const LocalDate moved = first + days(random() % span);
    const std::int64_t step = random() % 2 == 0 ? 1 : -1;
    deltas.push_back({balance_key, moved, kOpen, step});
    open[moved] += step;
  }
  const std::span<const CounterDelta> all(deltas);
  counters.Apply(all.first(deltas.size() / 2));
  counters.Apply(all.last(deltas.size() - deltas.size() / 2));

  auto sum_days = [](const std::map<LocalDate, std::int64_t>& per_day, LocalDate from, LocalDate to) {
    std::int64_t total = 0;
    for (auto it = per_day.lower_bound(from); it != per_day.end() && it->first < to; ++it) total += it->second;
    return total;
  };
  std::vector<std::pair<LocalDate, LocalDate>> periods = {{Day("2025-11-20"), Day("2027-03-05")},
                                                          {Day("2026-01-01"), Day("2027-01-01")},
                                                          {Day("2026-02-01"), Day("2026-03-01")},
                                                          {Day("2026-02-28"), Day("2026-03-01")},
                                                          {Day("2018-01-01"), Day("2035-01-01")}};
  for (int i = 0; i < 300; ++i) {
    const LocalDate from = first - days(40) + days(random() % (span + 80));
    periods.emplace_back(from, from + days(1 + random() % 1500));
  }
  for (const auto& [from, to] : periods) {
    CounterQuery query;
    query.side = ReportSide::kCompetent;
    query.unit = kA;
    query.from = from;
    query.to = to;
    auto totals = counters.Sum(query);
    ASSERT_TRUE(totals.has_value());
    ASSERT_EQ(totals->size(), 1u);
    CounterTotals expected;
    expected.flows[static_cast<std::size_t>(kReceivedDirect)] = sum_days(received, from, to);
    expected.open_before = sum_days(open, first, from);
    expected.open_at_end = sum_days(open, first, to);
    EXPECT_EQ(Figures(totals->front()), Figures(expected)) << FormatIsoDate(from) << " .. " << FormatIsoDate(to);
    // The same figures from the fine counters: every delta here is of the one channel "direct".
    query.group_by = ReportGrouping::kChannel;
    auto by_channel = counters.Sum(query);
    ASSERT_TRUE(by_channel.has_value());
    const CounterTotals fine = by_channel->empty() ? CounterTotals{} : by_channel->front();
    EXPECT_LE(by_channel->size(), 1u);
    EXPECT_EQ(Figures(fine), Figures(expected)) << "fine, " << FormatIsoDate(from) << " .. " << FormatIsoDate(to);
  }
}

}  // namespace
}  // namespace motcua::store
