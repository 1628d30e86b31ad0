// The periodic report from the counters the store keeps with the events: a generated quarter shaped like the
// Đông Khê commune's Q3 2025 report (DESIGN.md §2, docs/law/reports.md §3), imported as JSON Lines, gives exactly
// its figures; and the edges of each category, one dossier at a time, through the lifecycle use cases.
#include "app/periodic_reports.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/catalogue_installer.h"
#include "app/dossier_lifecycle.h"
#include "app/event_transfer.h"
#include "app/report_csv.h"
#include "store/dossier_event_codec.h"
#include "store/store_factory.h"
#include "support/real_calendar.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }
LocalDate Day(const char* iso) { return ParseIsoDate(iso, "test").value(); }

constexpr const char* kDongKhe = "01786";  // Xã Đông Khê, Cao Bằng
constexpr const char* kDongKheAgency = "000.00.31.H04";
constexpr const char* kProvinceAgency = "000.00.00.H04";  // a provincial department: decided at province level

std::unique_ptr<store::Store> NewStoreWithCatalogue() {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(test_support::TempDbPath())).value();
  EXPECT_TRUE(InstallReferenceCatalogue(*store, BuiltInReferenceFiles()).has_value());
  return store;
}

// Events of one dossier, numbered as they are added.
class History {
 public:
  explicit History(std::string code) : code_(std::move(code)) {}
  History& Add(Instant at, EventPayload payload, const std::string& user = "can.bo") {
    DossierEvent event;
    event.dossier_code = code_;
    event.seq = static_cast<std::int64_t>(events_.size()) + 1;
    event.payload = std::move(payload);
    event.actor = {user, "receptionist", kDongKhe};
    event.occurred_at = at;
    event.recorded_at = at;
    events_.push_back(std::move(event));
    return *this;
  }
  void WriteTo(std::ostream& out) const {
    for (const DossierEvent& event : events_) out << store::EncodeDossierEvent(event).dump() << "\n";
  }

 private:
  std::string code_;
  std::vector<DossierEvent> events_;
};

// A quarter shaped like Đông Khê Q3 2025: 944 dossiers received (11 by post, 300 online), 797 resolved early,
// 79 on the appointment day, 12 cancelled and 52 refused, 4 still open at the end; 460 received for a provincial
// agency (boundaryless); 940 digitized; 332 with fees, 276 of them paid online.
std::string DongKheQuarter() {
  const WorkCalendar& calendar = test_support::RealCalendar();
  std::vector<LocalDate> days;
  for (LocalDate d = Day("2025-07-01"); d <= Day("2025-09-30"); d += std::chrono::days(1)) {
    if (calendar.IsWorkingDay(d)) days.push_back(d);
  }
  std::ostringstream out;
  const int kResolved = 940;
  for (int i = 0; i < 944; ++i) {
    const bool open = i >= kResolved;
    // Resolved dossiers are received early enough to finish in the quarter; the open ones on its last day.
    const LocalDate day = open ? days.back() : days[static_cast<std::size_t>(i) % (days.size() - 5)];
    const Instant received = ToInstant(LocalTime(day) + std::chrono::hours(8) + std::chrono::minutes(i % 180));
    const ReceiptDeadline deadline =
        DeadlineAtReceipt(calendar, received, 3, TimeUnit::kWorkingDay, DeadlinePolicy{}).value();
    const Channel channel = i < 11 ? Channel::kPostal : (i >= 500 && i < 800) ? Channel::kOnline : Channel::kDirect;
    const bool boundaryless = i >= 484;  // 460 of them
    char code[40];
    std::snprintf(code, sizeof code, "%s-%s-%04d", kDongKheAgency, "2507", i + 1);
    History history(code);
    history.Add(received, Received{"1.004837",  // offered on all three channels, 3 working days
                                   channel,
                                   {"Nông Văn Dân", "004090001234", "", "", "Đông Khê", ""},
                                   {{1, "Tờ khai", 1, 0}},
                                   kDongKhe,
                                   "dk-ttpvhcc",
                                   boundaryless ? kProvinceAgency : kDongKheAgency,
                                   boundaryless ? "04" : kDongKhe,
                                   3,
                                   TimeUnit::kWorkingDay,
                                   deadline.clock_started_at,
                                   deadline.due_at});
    const Instant later = received + std::chrono::minutes(5);
    if (!open) history.Add(later, Digitized{1, "scan/to-khai.pdf"});
    if (i < 332) {
      history.Add(later + std::chrono::minutes(1), FeeAssessed{Money::Dong(7000), "Lệ phí"});
      history.Add(later + std::chrono::minutes(2),
                  FeePaid{Money::Dong(7000), i < 276 ? PaymentMethod::kOnline : PaymentMethod::kCounter, ""});
    }
    if (open) {
      history.WriteTo(out);
      continue;
    }
    const LocalDate due_day = std::chrono::floor<std::chrono::days>(ToLocal(deadline.due_at));
    const Instant next_day =
        ToInstant(calendar.NextWorkingMoment(LocalTime(day + std::chrono::days(1))) + std::chrono::hours(2));
    if (i < 797) {
      history.Add(next_day, ResultApproved{"Xác nhận", "Chủ tịch"}, "lanh.dao");  // a day before the due day
    } else if (i < 876) {
      // On the appointment day, one minute before the office closes.
      history.Add(ToInstant(LocalTime(due_day) + std::chrono::minutes(16 * 60 + 59)), ResultApproved{"Xác nhận", ""},
                  "lanh.dao");
    } else if (i < 888) {
      history.Add(next_day, Cancelled{"Nhập trùng"});
    } else {
      history.Add(next_day, Refused{"Không đủ điều kiện"}, "lanh.dao");
    }
    history.WriteTo(out);
  }
  return out.str();
}

TEST(PeriodicReportTest, AQuarterShapedLikeDongKheGivesExactlyItsFigures) {
  auto store = NewStoreWithCatalogue();
  std::istringstream lines(DongKheQuarter());
  const FixedClock clock(At("2025-10-01T08:00:00+07:00"));
  ImportOptions options;
  options.importer = "kiem.thu";
  options.outside_files = true;  // the scans are named, not stored: the figures count the events
  const ImportReport imported = ImportEvents(*store, clock, lines, options).value();
  ASSERT_TRUE(imported.problems.empty()) << imported.problems.front().error.message_en << " line "
                                         << imported.problems.front().line;
  ASSERT_EQ(imported.dossiers_imported, 944u);

  const ReportRequest request{
      store::ReportSide::kReceiving, kDongKhe, std::nullopt, std::nullopt, Day("2025-07-01"), Day("2025-09-30"),
      ReportBreakdown::kNone};
  const PeriodicReport report = BuildPeriodicReport(*store, request, clock.Now()).value();
  const ReportFigures& f = report.total.figures;
  EXPECT_EQ(f.received_total(), 944);
  EXPECT_EQ(f.carried_over, 0);
  EXPECT_EQ(f.received_online, 300);
  EXPECT_EQ(f.received_postal, 11);
  EXPECT_EQ(f.received_direct, 633);
  EXPECT_EQ(f.resolved_total(), 940);
  EXPECT_EQ(f.resolved_early, 797);
  EXPECT_EQ(f.resolved_on_time, 143);
  EXPECT_EQ(f.resolved_late, 0);
  EXPECT_EQ(f.in_progress_total(), 4);
  EXPECT_EQ(f.in_progress_within_deadline, 4);
  EXPECT_EQ(f.in_progress_overdue, 0);
  EXPECT_EQ(f.cancelled, 12);
  EXPECT_EQ(f.returned_to_applicant, 52);
  EXPECT_EQ(f.digitized_dossiers, 940);
  EXPECT_EQ(f.boundaryless, 460);
  EXPECT_EQ(f.with_fees, 332);
  EXPECT_EQ(f.paid_online, 276);
  // The form's identities.
  EXPECT_EQ(f.received_total(), f.resolved_total() + f.in_progress_total());
  // The rates as the report prints them.
  const auto rate = [&](std::string_view id) {
    for (const ReportRate& r : ReportRates()) {
      if (r.id == id) return r.value(f).value();
    }
    return -1.0;
  };
  EXPECT_NEAR(rate("rate_paid_online"), 83.13, 0.005);
  EXPECT_NEAR(rate("rate_boundaryless"), 48.73, 0.005);
  EXPECT_NEAR(rate("rate_digitized"), 99.58, 0.005);
  EXPECT_NEAR(report.index.groups[1].points, 20.0, 1e-9);  // progress: everything early, on time or within

  // The counters rebuilt from the events are the ones kept with them.
  EXPECT_FALSE(store->RebuildCounters(DeadlinePolicy{}, false).value().has_value());

  // The province sees the same dossiers; the competent side of Đông Khê only those it decides.
  ReportRequest province = request;
  province.unit.reset();
  province.province = "04";
  EXPECT_EQ(BuildPeriodicReport(*store, province, clock.Now()).value().total.figures, f);
  ReportRequest decided = request;
  decided.side = store::ReportSide::kCompetent;
  EXPECT_EQ(BuildPeriodicReport(*store, decided, clock.Now()).value().total.figures.received_total(), 944 - 460);

  // The same quarter as CSV opens in a spreadsheet: a byte-order mark, the form's numbered headings.
  const std::string csv = PeriodicReportCsv(report);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("(3) Tiếp nhận: Tổng số"), std::string::npos);
  EXPECT_NE(csv.find(",944,300,644,0,940,797,143,0,4,4,0,"), std::string::npos) << csv;
}

// One dossier at a time through the lifecycle, at the times a test chooses.
class ReportEdgeTest : public ::testing::Test {
 protected:
  ReportEdgeTest() : store_(NewStoreWithCatalogue()), clock_(At("2026-03-02T08:00:00+07:00")) {}

  std::string Receive(Instant at) {
    clock_.Set(at);
    IntakeCommand c;
    c.procedure_code = "1.004194";  // 3 working days
    c.applicant = {"Hà Thị Hoa", "004190001234", "", "", "", ""};
    c.receiving_unit = kDongKhe;
    c.receiving_point = "dk-ttpvhcc";
    c.agency_id = kDongKheAgency;
    c.competent_agency = kDongKheAgency;
    c.actor = {"tiep.nhan", "receptionist", kDongKhe};
    return Lifecycle().Receive(c).value().code;
  }
  DossierState Do(Instant at, const std::string& code, EventPayload payload) {
    clock_.Set(at);
    auto state = Lifecycle().Record(code, std::move(payload), {"lanh.dao", "leader", kDongKhe});
    EXPECT_TRUE(state.has_value()) << state.error().message_en;
    return state.value_or(DossierState{});
  }
  ReportFigures Figures(const char* first, const char* last, Instant now) {
    const ReportRequest request{
        store::ReportSide::kReceiving, kDongKhe, std::nullopt, std::nullopt, Day(first), Day(last),
        ReportBreakdown::kNone};
    return BuildPeriodicReport(*store_, request, now).value().total.figures;
  }
  DossierLifecycle Lifecycle() { return DossierLifecycle(*store_, clock_, test_support::RealCalendar(), settings_); }

  std::unique_ptr<store::Store> store_;
  FixedClock clock_;
  LifecycleSettings settings_;
};

TEST_F(ReportEdgeTest, ResolvedOnItsDueDateAt1659IsOnTime) {
  // Received Monday 2 March 2026 08:00: due Thursday 5 March 08:00.
  const std::string code = Receive(At("2026-03-02T08:00:00+07:00"));
  Do(At("2026-03-05T16:59:00+07:00"), code, ResultApproved{"Xác nhận", ""});
  const ReportFigures f = Figures("2026-03-01", "2026-03-31", At("2026-04-01T08:00:00+07:00"));
  EXPECT_EQ(f.resolved_on_time, 1);
  EXPECT_EQ(f.resolved_early + f.resolved_late, 0);
}

TEST_F(ReportEdgeTest, ResolvedTheDayAfterItsDueDateIsLate) {
  const std::string code = Receive(At("2026-03-02T08:00:00+07:00"));
  Do(At("2026-03-06T07:31:00+07:00"), code, ResultApproved{"Xác nhận", ""});
  EXPECT_EQ(Figures("2026-03-01", "2026-03-31", At("2026-04-01T08:00:00+07:00")).resolved_late, 1);
}

TEST_F(ReportEdgeTest, ASupplementPendingOverThePeriodsEndIsWithinDeadline) {
  const std::string code = Receive(At("2026-03-25T08:00:00+07:00"));  // due Mon 30 March 08:00
  Do(At("2026-03-26T09:00:00+07:00"), code, SupplementRequested{"Thiếu giấy tờ", {"Hợp đồng thuê nhà"}});
  const ReportFigures march = Figures("2026-03-01", "2026-03-31", At("2026-04-10T08:00:00+07:00"));
  EXPECT_EQ(march.in_progress_within_deadline, 1);
  EXPECT_EQ(march.in_progress_overdue, 0);
  EXPECT_EQ(march.supplement_requests, 1);
  // Still waiting in April: carried over, still within deadline, however long the applicant takes.
  const ReportFigures april = Figures("2026-04-01", "2026-04-30", At("2026-05-10T08:00:00+07:00"));
  EXPECT_EQ(april.carried_over, 1);
  EXPECT_EQ(april.received_in_period(), 0);
  EXPECT_EQ(april.in_progress_within_deadline, 1);
}

TEST_F(ReportEdgeTest, ReceivedLastQuarterResolvedThisQuarterIsCarriedOverAndResolved) {
  const std::string code = Receive(At("2026-03-30T14:00:00+07:00"));
  Do(At("2026-04-01T10:00:00+07:00"), code, ResultApproved{"Xác nhận", ""});
  const ReportFigures q1 = Figures("2026-01-01", "2026-03-31", At("2026-04-15T08:00:00+07:00"));
  EXPECT_EQ(q1.received_in_period(), 1);
  EXPECT_EQ(q1.in_progress_within_deadline, 1);
  EXPECT_EQ(q1.resolved_total(), 0);
  const ReportFigures q2 = Figures("2026-04-01", "2026-06-30", At("2026-07-01T08:00:00+07:00"));
  EXPECT_EQ(q2.carried_over, 1);
  EXPECT_EQ(q2.received_in_period(), 0);
  EXPECT_EQ(q2.resolved_early, 1);
  EXPECT_EQ(q2.received_total(), q2.resolved_total() + q2.in_progress_total());
}

TEST_F(ReportEdgeTest, AWithdrawnDossierIsResolvedOnTimeAndCountedAsWithdrawn) {
  const std::string code = Receive(At("2026-03-02T08:00:00+07:00"));
  Do(At("2026-03-20T09:00:00+07:00"), code, Withdrawn{"Không còn nhu cầu"});  // long after its due day
  const ReportFigures f = Figures("2026-03-01", "2026-03-31", At("2026-04-01T08:00:00+07:00"));
  EXPECT_EQ(f.withdrawn, 1);
  EXPECT_EQ(f.resolved_on_time, 1);
  EXPECT_EQ(f.resolved_late, 0);
}

TEST_F(ReportEdgeTest, AnExtendedDossierResolvedAfterItsFirstAppointmentIsLateWithAnApology) {
  const std::string code = Receive(At("2026-03-02T08:00:00+07:00"));  // due Thu 5 March 08:00
  Do(At("2026-03-04T10:00:00+07:00"), code, Extended{"Cần xác minh", At("2026-03-12T17:00:00+07:00")});
  // Overdue at the end of 6 March by the statute, though the new appointment is still ahead.
  const ReportFigures midway = Figures("2026-03-01", "2026-03-06", At("2026-03-07T08:00:00+07:00"));
  EXPECT_EQ(midway.in_progress_overdue, 1);
  EXPECT_EQ(midway.extensions, 1);
  Do(At("2026-03-10T10:00:00+07:00"), code, ResultApproved{"Xác nhận", ""});
  const ReportFigures f = Figures("2026-03-01", "2026-03-31", At("2026-04-01T08:00:00+07:00"));
  EXPECT_EQ(f.resolved_late, 1);
  EXPECT_EQ(f.resolved_late_with_apology, 1);
}

TEST_F(ReportEdgeTest, ADossierDueOnThePeriodsLastDayIsStillWithinDeadlineThen) {
  Receive(At("2026-03-25T08:00:00+07:00"));  // due Monday 30 March 08:00
  const Instant later = At("2026-04-10T08:00:00+07:00");
  EXPECT_EQ(Figures("2026-03-01", "2026-03-30", later).in_progress_within_deadline, 1);
  EXPECT_EQ(Figures("2026-03-01", "2026-03-30", later).in_progress_overdue, 0);
  EXPECT_EQ(Figures("2026-03-01", "2026-03-31", later).in_progress_overdue, 1);
}

TEST_F(ReportEdgeTest, ARefusalForWantOfASupplementIsReturnedAndCountedApart) {
  // "Returned to the applicant (refused or not supplemented)": both refusals, on time in column (9).
  const std::string refused = Receive(At("2026-03-02T08:00:00+07:00"));
  Do(At("2026-03-03T09:00:00+07:00"), refused, Refused{"Không đủ điều kiện"});
  const std::string lapsed = Receive(At("2026-03-02T09:00:00+07:00"));
  Do(At("2026-03-03T09:00:00+07:00"), lapsed, SupplementRequested{"Thiếu giấy tờ", {"Hợp đồng thuê nhà"}});
  Do(At("2026-03-20T09:00:00+07:00"), lapsed,
     Refused{"Không bổ sung hồ sơ trong thời hạn", RefusalKind::kNotSupplemented});
  const ReportFigures f = Figures("2026-03-01", "2026-03-31", At("2026-04-01T08:00:00+07:00"));
  EXPECT_EQ(f.returned_to_applicant, 2);
  EXPECT_EQ(f.not_supplemented, 1);
  EXPECT_EQ(f.resolved_on_time, 2);
  EXPECT_FALSE(store_->RebuildCounters(DeadlinePolicy{}, false).value().has_value());
}

TEST_F(ReportEdgeTest, ByOfficialTheBalancesAreNotSplitAndNoRowLacksAnOfficial) {
  // The open and overdue balances are kept per dossier, not per official (docs/law/reports.md §1.4 rule 7).
  const std::string done = Receive(At("2026-03-02T08:00:00+07:00"));
  Do(At("2026-03-03T09:00:00+07:00"), done, ResultApproved{"Xác nhận", ""});
  Receive(At("2026-03-02T09:00:00+07:00"));  // due Thu 5 March: overdue at the end of March
  ReportRequest request{
      store::ReportSide::kReceiving, kDongKhe, std::nullopt, std::nullopt, Day("2026-03-01"), Day("2026-03-31"),
      ReportBreakdown::kOfficial};
  const PeriodicReport report = BuildPeriodicReport(*store_, request, At("2026-04-01T08:00:00+07:00")).value();
  ASSERT_EQ(report.rows.size(), 2u);
  EXPECT_EQ(report.rows[0].key, "tiep.nhan");
  EXPECT_EQ(report.rows[0].figures.received_in_period(), 2);
  EXPECT_EQ(report.rows[1].key, "lanh.dao");
  EXPECT_EQ(report.rows[1].figures.resolved_early, 1);
  for (const ReportRow& row : report.rows) {
    EXPECT_FALSE(row.balances) << row.key;
    EXPECT_EQ(row.figures.carried_over + row.figures.in_progress_total(), 0) << row.key;
  }
  // The total keeps them.
  EXPECT_TRUE(report.total.balances);
  EXPECT_EQ(report.total.figures.in_progress_overdue, 1);
  // Other breakdowns do split the balances.
  request.by = ReportBreakdown::kProcedure;
  const PeriodicReport by_procedure = BuildPeriodicReport(*store_, request, At("2026-04-01T08:00:00+07:00")).value();
  ASSERT_EQ(by_procedure.rows.size(), 1u);
  EXPECT_TRUE(by_procedure.rows[0].balances);
  EXPECT_EQ(by_procedure.rows[0].figures.in_progress_overdue, 1);
}

TEST_F(ReportEdgeTest, APeriodNotYetOverCountsItsOpenDossiersNow) {
  Receive(At("2026-03-02T08:00:00+07:00"));  // due Thu 5 March
  // Asked on 4 March about the whole of March: in progress within deadline now, not overdue by the 31st.
  const ReportFigures f = Figures("2026-03-01", "2026-03-31", At("2026-03-04T12:00:00+07:00"));
  EXPECT_EQ(f.in_progress_within_deadline, 1);
  EXPECT_EQ(f.in_progress_overdue, 0);
}

}  // namespace
}  // namespace motcua::app
