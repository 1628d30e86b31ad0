// Report counters (domain/report_counters.h). The expected deltas are written from the report form's rules
// (docs/law/reports.md), not from the code's output; a property test then checks the open and overdue balances
// of random histories against a count made directly from the dossiers' states.
#include "domain/report_counters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/dossier_state.h"

namespace motcua {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr const char* kCode = "000.00.10.H29-260302-0001";
constexpr const char* kProcedure = "1.001612";
constexpr const char* kUnit = "00004";
constexpr const char* kAgency = "UBND phường Ba Đình";
const Actor kReceptionist{"tiepnhan01", "receptionist", "00004"};
const Actor kSpecialist{"chuyenvien01", "specialist", "00004"};
const Actor kLeader{"lanhdao01", "leader", "00004"};
const Actor kCitizen{"001090012345", "citizen", ""};
const Actor kGateway{"system", "system", ""};

// "2026-03-02T09:00" is Viet Nam local time; an explicit offset or "Z" may be given.
Instant At(std::string_view text) { return ParseIsoInstant(text, "test").value(); }
LocalDate Day(std::string_view text) { return ParseIsoDate(text, "test").value(); }

// "2026-03-02 received_direct +1 tiepnhan01": a delta on one line, its key shortened to the official.
std::string Show(const CounterDelta& d) {
  std::string line = FormatIsoDate(d.day) + " " + std::string(MeasureName(d.measure)) + " " + (d.delta > 0 ? "+" : "") +
                     std::to_string(d.delta);
  if (!d.key.official.empty()) line += " " + d.key.official;
  return line;
}

// The same with the competent agency and unit: "2026-03-09 open -1 @Sở Tư pháp/01".
std::string ShowWhere(const CounterDelta& d) { return Show(d) + " @" + d.key.agency + "/" + d.key.competent_unit; }

DeadlinePolicy Classifying(bool by_day) {
  DeadlinePolicy policy;
  policy.classify_by_day = by_day;
  return policy;
}

Received Receipt(Instant at, std::string_view due, Channel channel = Channel::kDirect) {
  Received p;
  p.procedure_code = kProcedure;
  p.channel = channel;
  p.applicant = {"Nguyễn Văn An", "001090012345", "0912345678", "", "Hà Nội", ""};
  p.components = {{1, "Tờ khai", 1, 0}};
  p.receiving_unit = kUnit;
  p.receiving_point = "Trung tâm phục vụ hành chính công phường Ba Đình";
  p.competent_agency = kAgency;
  p.competent_unit = kUnit;
  p.processing_amount = 5;
  p.processing_unit = TimeUnit::kWorkingDay;
  p.clock_started_at = at;
  p.due_at = At(due);
  return p;
}

Submitted Submission(Channel channel) {
  Submitted p;
  p.procedure_code = kProcedure;
  p.channel = channel;
  p.applicant = {"Nguyễn Văn An", "001090012345", "0912345678", "", "Hà Nội", ""};
  p.components = {{1, "Tờ khai", 1, 0}};
  p.receiving_unit = kUnit;
  p.competent_agency = kAgency;
  p.competent_unit = kUnit;
  return p;
}

// One dossier's history. Do() applies an event with ApplyEvent (a rejected event fails the test) and returns
// its deltas as lines; every delta is kept, to read the balances at the end of a day.
class Dossier {
 public:
  explicit Dossier(DeadlinePolicy policy = {}) : policy_(policy) {}

  std::vector<std::string> Do(EventPayload payload, std::string_view at, const Actor& actor = kSpecialist) {
    DossierEvent event;
    event.dossier_code = kCode;
    event.seq = state_.last_seq + 1;
    event.payload = std::move(payload);
    event.actor = actor;
    event.occurred_at = At(at);
    event.recorded_at = event.occurred_at;
    event.prev_hash = state_.last_hash;
    event.hash = "h" + std::to_string(event.seq);
    auto next = ApplyEvent(state_, event);
    if (!next) {
      ADD_FAILURE() << "event " << event.seq << " rejected: " << next.error().message_en;
      return {"rejected"};
    }
    last_ = CounterDeltas(state_, *next, event, policy_);
    state_ = std::move(*next);
    all_.insert(all_.end(), last_.begin(), last_.end());
    std::vector<std::string> lines;
    for (const CounterDelta& d : last_) lines.push_back(Show(d));
    return lines;
  }

  // Receives the dossier at `at` (the clock starts at once) with the appointment `due`.
  std::vector<std::string> Receive(std::string_view at, std::string_view due, Channel channel = Channel::kDirect) {
    return Do(Receipt(At(at), due, channel), at, kReceptionist);
  }

  // The running sum of the `measure` deltas of every event so far, over the days up to `day` included.
  std::int64_t SumTo(Measure measure, std::string_view day) const {
    std::int64_t sum = 0;
    for (const CounterDelta& d : all_) {
      if (d.measure == measure && d.day <= Day(day)) sum += d.delta;
    }
    return sum;
  }

  const std::vector<CounterDelta>& last() const { return last_; }
  const DossierState& state() const { return state_; }

 private:
  DeadlinePolicy policy_;
  DossierState state_;
  std::vector<CounterDelta> last_;
  std::vector<CounterDelta> all_;
};

// --- Names -----------------------------------------------------------------------------------------------

TEST(ReportCounterMeasureTest, NamesAreTheEnumeratorsInSnakeCase) {
  struct Case {
    Measure measure;
    std::string_view name;
    bool balance;
  };
  const Case cases[] = {
      {Measure::kReceivedOnline, "received_online", false},
      {Measure::kReceivedDirect, "received_direct", false},
      {Measure::kReceivedPostal, "received_postal", false},
      {Measure::kBoundaryless, "boundaryless", false},
      {Measure::kResolvedEarly, "resolved_early", false},
      {Measure::kResolvedOnTime, "resolved_on_time", false},
      {Measure::kResolvedLate, "resolved_late", false},
      {Measure::kResolvedLateWithApology, "resolved_late_with_apology", false},
      {Measure::kRefused, "refused", false},
      {Measure::kWithdrawn, "withdrawn", false},
      {Measure::kCancelled, "cancelled", false},
      {Measure::kSupplementRequests, "supplement_requests", false},
      {Measure::kExtensions, "extensions", false},
      {Measure::kDigitizedComponents, "digitized_components", false},
      {Measure::kDigitizedResults, "digitized_results", false},
      {Measure::kReturnedByPost, "returned_by_post", false},
      {Measure::kWithFees, "with_fees", false},
      {Measure::kPaidOnline, "paid_online", false},
      {Measure::kEvaluations, "evaluations", false},
      {Measure::kEvaluationScoreSum, "evaluation_score_sum", false},
      {Measure::kReceptionRefused, "reception_refused", false},
      {Measure::kDigitizedDossiers, "digitized_dossiers", false},
      {Measure::kEvaluationsDissatisfied, "evaluations_dissatisfied", false},
      {Measure::kNotSupplemented, "not_supplemented", false},
      {Measure::kElectronicResults, "electronic_results", false},
      {Measure::kDigitizedComplete, "digitized_complete", false},
      {Measure::kOpen, "open", true},
      {Measure::kOverdue, "overdue", true},
  };
  ASSERT_EQ(std::size(cases), static_cast<std::size_t>(kMeasureCount));
  for (const Case& c : cases) {
    EXPECT_EQ(MeasureName(c.measure), c.name);
    EXPECT_EQ(ParseMeasure(c.name), c.measure) << c.name;
    EXPECT_EQ(IsBalance(c.measure), c.balance) << c.name;
  }
  EXPECT_EQ(ParseMeasure(""), std::nullopt);
  EXPECT_EQ(ParseMeasure("Open"), std::nullopt);
  EXPECT_EQ(ParseMeasure("resolved_late_without_apology"), std::nullopt);
}

// --- Reception --------------------------------------------------------------------------------------------

TEST(ReportCounterTest, ReceptionCountsInItsChannelAndOpensTheDossier) {
  Dossier direct;
  // Open from the day of reception; overdue from the day after the appointment's day (form column (13): the
  // appointment's day must be before the day at whose end the balance is read) if still running then.
  EXPECT_THAT(
      direct.Receive("2026-03-02T09:00", "2026-03-06T17:00"),
      UnorderedElementsAre("2026-03-02 open +1", "2026-03-07 overdue +1", "2026-03-02 received_direct +1 tiepnhan01"));

  // An online submission counts nothing until a receptionist accepts it, in the channel it came by.
  Dossier online;
  EXPECT_THAT(online.Do(Submission(Channel::kOnline), "2026-03-01T21:00", kCitizen), IsEmpty());
  EXPECT_THAT(
      online.Receive("2026-03-02T08:10", "2026-03-06T17:00", Channel::kOnline),
      UnorderedElementsAre("2026-03-02 open +1", "2026-03-07 overdue +1", "2026-03-02 received_online +1 tiepnhan01"));
}

TEST(ReportCounterTest, TheDayIsTheVietnamLocalDate) {
  // 23:30 UTC on 2 March is 06:30 on 3 March in Viet Nam.
  Dossier postal;
  EXPECT_THAT(postal.Do(Submission(Channel::kPostal), "2026-03-02T10:00", kCitizen), IsEmpty());
  EXPECT_THAT(
      postal.Receive("2026-03-02T23:30:00Z", "2026-03-09T17:00", Channel::kPostal),
      UnorderedElementsAre("2026-03-03 open +1", "2026-03-10 overdue +1", "2026-03-03 received_postal +1 tiepnhan01"));
  // 23:30 local on 2 March is still 2 March.
  Dossier late_evening;
  EXPECT_THAT(
      late_evening.Receive("2026-03-02T23:30:00+07:00", "2026-03-09T17:00"),
      UnorderedElementsAre("2026-03-02 open +1", "2026-03-10 overdue +1", "2026-03-02 received_direct +1 tiepnhan01"));
}

TEST(ReportCounterTest, BoundarylessReceptionIsKeyedByBothUnits) {
  Received p = Receipt(At("2026-03-02T09:00"), "2026-03-06T17:00");
  p.competent_unit = "00007";
  p.competent_agency = "UBND xã Vân Sơn";
  Dossier d;
  EXPECT_THAT(
      d.Do(p, "2026-03-02T09:00", kReceptionist),
      UnorderedElementsAre("2026-03-02 open +1", "2026-03-07 overdue +1", "2026-03-02 received_direct +1 tiepnhan01",
                           "2026-03-02 boundaryless +1 tiepnhan01"));
  const CounterKey official{"00007", "00004", "UBND xã Vân Sơn", "1.001612", Channel::kDirect, "tiepnhan01"};
  const CounterKey balances{"00007", "00004", "UBND xã Vân Sơn", "1.001612", Channel::kDirect, ""};
  EXPECT_THAT(d.last(), ElementsAre(CounterDelta{balances, Day("2026-03-02"), Measure::kOpen, 1},
                                    CounterDelta{balances, Day("2026-03-07"), Measure::kOverdue, 1},
                                    CounterDelta{official, Day("2026-03-02"), Measure::kReceivedDirect, 1},
                                    CounterDelta{official, Day("2026-03-02"), Measure::kBoundaryless, 1}));
}

TEST(ReportCounterTest, ReceptionRefusedCountsOnlyItself) {
  Dossier d;
  d.Do(Submission(Channel::kOnline), "2026-03-02T10:00", kCitizen);
  EXPECT_THAT(d.Do(ReceptionRefused{"hồ sơ không thuộc thẩm quyền"}, "2026-03-03T08:30", kReceptionist),
              ElementsAre("2026-03-03 reception_refused +1 tiepnhan01"));
}

// --- Resolution -------------------------------------------------------------------------------------------

TEST(ReportCounterTest, ResultIsEarlyOnTimeOrLateAgainstTheAppointment) {
  // Appointment: Friday 6 March 2026, 17:00. By day (the form's reading) the whole of 6 March is on time, and
  // the open dossier would have counted as overdue from the end of 7 March: a resolution on or before the
  // appointment's day takes it back from that balance on 7 March.
  struct Case {
    std::string_view approved_at;
    bool classify_by_day;
    std::vector<std::string> deltas;
  };
  const Case cases[] = {
      {"2026-03-05T10:00",
       true,
       {"2026-03-05 open -1", "2026-03-07 overdue -1", "2026-03-05 resolved_early +1 lanhdao01"}},
      {"2026-03-05T10:00",
       false,
       {"2026-03-05 open -1", "2026-03-07 overdue -1", "2026-03-05 resolved_early +1 lanhdao01"}},
      {"2026-03-06T16:59",
       true,
       {"2026-03-06 open -1", "2026-03-07 overdue -1", "2026-03-06 resolved_on_time +1 lanhdao01"}},
      {"2026-03-06T16:59",
       false,
       {"2026-03-06 open -1", "2026-03-07 overdue -1", "2026-03-06 resolved_early +1 lanhdao01"}},
      {"2026-03-06T17:00",
       false,
       {"2026-03-06 open -1", "2026-03-07 overdue -1", "2026-03-06 resolved_on_time +1 lanhdao01"}},
      {"2026-03-06T17:30",
       true,
       {"2026-03-06 open -1", "2026-03-07 overdue -1", "2026-03-06 resolved_on_time +1 lanhdao01"}},
      {"2026-03-06T17:30",
       false,
       {"2026-03-06 open -1", "2026-03-07 overdue -1", "2026-03-06 resolved_late +1 lanhdao01"}},
      {"2026-03-09T08:00",
       true,
       {"2026-03-09 open -1", "2026-03-09 overdue -1", "2026-03-09 resolved_late +1 lanhdao01"}},
      {"2026-03-09T08:00",
       false,
       {"2026-03-09 open -1", "2026-03-09 overdue -1", "2026-03-09 resolved_late +1 lanhdao01"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.approved_at) + (c.classify_by_day ? " by day" : " by moment"));
    Dossier d(Classifying(c.classify_by_day));
    d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
    EXPECT_THAT(d.Do(ResultApproved{"Giấy chứng nhận số 12", "Trần Văn B"}, c.approved_at, kLeader),
                testing::UnorderedElementsAreArray(c.deltas));
  }
}

TEST(ReportCounterTest, ResolutionIsTheFigureOfTheAssignee) {
  Dossier approved;
  approved.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(
      approved.Do(StepAssigned{"thẩm định", "specialist", kAgency, "chuyenvien01"}, "2026-03-02T10:00", kLeader),
      IsEmpty());
  EXPECT_THAT(
      approved.Do(ResultApproved{"Quyết định số 3", "Trần Văn B"}, "2026-03-04T15:00", kLeader),
      UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 resolved_early +1 chuyenvien01"));

  // Once the step is completed nobody is assigned: the figure is whoever approved.
  Dossier completed_step;
  completed_step.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  completed_step.Do(StepAssigned{"thẩm định", "specialist", kAgency, "chuyenvien01"}, "2026-03-02T10:00", kLeader);
  EXPECT_THAT(completed_step.Do(StepCompleted{"thẩm định", "đạt"}, "2026-03-03T10:00"), IsEmpty());
  EXPECT_THAT(
      completed_step.Do(ResultApproved{"Quyết định số 4", "Trần Văn B"}, "2026-03-04T15:00", kLeader),
      UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 resolved_early +1 lanhdao01"));

  Dossier refused;
  refused.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  refused.Do(StepAssigned{"thẩm định", "specialist", kAgency, "chuyenvien01"}, "2026-03-02T10:00", kLeader);
  EXPECT_THAT(refused.Do(Refused{"không đủ điều kiện"}, "2026-03-10T09:00", kLeader),
              UnorderedElementsAre("2026-03-10 open -1", "2026-03-10 overdue -1", "2026-03-10 refused +1 chuyenvien01",
                                   "2026-03-10 resolved_on_time +1 chuyenvien01"));
}

TEST(ReportCounterTest, ExtendedDossierResolvedAfterItsOriginalAppointmentIsLateWithApology) {
  Dossier d;
  d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  // The apology slip gives the applicant a new date; the statutory appointment, and so the overdue balance
  // (from the day after the appointment's day), stay where they were.
  EXPECT_THAT(d.Do(Extended{"chờ xác minh", At("2026-03-13T17:00")}, "2026-03-05T15:00", kLeader),
              ElementsAre("2026-03-05 extensions +1 lanhdao01"));
  EXPECT_EQ(d.state().statutory_due_at, At("2026-03-06T17:00"));
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-05"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-06"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-07"), 1);
  // Approved before the new date but after the original one: late, with an apology.
  EXPECT_THAT(
      d.Do(ResultApproved{"Giấy phép số 7", "Trần Văn B"}, "2026-03-10T10:00", kLeader),
      UnorderedElementsAre("2026-03-10 open -1", "2026-03-10 overdue -1", "2026-03-10 resolved_late +1 lanhdao01",
                           "2026-03-10 resolved_late_with_apology +1 lanhdao01"));

  // Extended but approved before the original appointment: early, and no apology is counted.
  Dossier early;
  early.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  early.Do(Extended{"chờ xác minh", At("2026-03-13T17:00")}, "2026-03-03T15:00", kLeader);
  EXPECT_THAT(
      early.Do(ResultApproved{"Giấy phép số 8", "Trần Văn B"}, "2026-03-04T10:00", kLeader),
      UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 resolved_early +1 lanhdao01"));
}

TEST(ReportCounterTest, WithdrawalAndCancellationCountOnlyAReceivedDossier) {
  Dossier received;
  received.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(received.Do(Withdrawn{"không còn nhu cầu"}, "2026-03-04T10:00", kReceptionist),
              UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 withdrawn +1 tiepnhan01",
                                   "2026-03-04 resolved_on_time +1 tiepnhan01"));

  // Withdrawn by the applicant before anyone was assigned: counted under no official, not under the applicant.
  Dossier by_applicant;
  by_applicant.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(by_applicant.Do(Withdrawn{"không còn nhu cầu"}, "2026-03-04T10:00", kCitizen),
              UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 withdrawn +1",
                                   "2026-03-04 resolved_on_time +1"));

  Dossier submitted_only;
  submitted_only.Do(Submission(Channel::kOnline), "2026-03-02T10:00", kCitizen);
  EXPECT_THAT(submitted_only.Do(Withdrawn{"nộp nhầm"}, "2026-03-03T10:00", kCitizen), IsEmpty());

  // A cancelled dossier is counted like a withdrawn one (docs/law/reports.md §1.3), even when resolved late.
  Dossier cancelled;
  cancelled.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(cancelled.Do(Cancelled{"trùng hồ sơ"}, "2026-03-11T10:00", kLeader),
              UnorderedElementsAre("2026-03-11 open -1", "2026-03-11 overdue -1", "2026-03-11 cancelled +1 lanhdao01",
                                   "2026-03-11 resolved_on_time +1 lanhdao01"));

  Dossier cancelled_submission;
  cancelled_submission.Do(Submission(Channel::kPostal), "2026-03-02T10:00", kCitizen);
  EXPECT_THAT(cancelled_submission.Do(Cancelled{"trùng hồ sơ"}, "2026-03-03T10:00", kLeader), IsEmpty());

  // Withdrawn while waiting for a supplement: it was open but not running, so only the open balance moves.
  Dossier waiting;
  waiting.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  waiting.Do(SupplementRequested{"thiếu giấy tờ", {"Giấy xác nhận"}}, "2026-03-03T09:00");
  EXPECT_THAT(waiting.Do(Withdrawn{"không bổ sung được"}, "2026-03-09T10:00", kReceptionist),
              UnorderedElementsAre("2026-03-09 open -1", "2026-03-09 withdrawn +1 tiepnhan01",
                                   "2026-03-09 resolved_on_time +1 tiepnhan01"));
}

// --- Supplements, transfers, periods ----------------------------------------------------------------------

TEST(ReportCounterTest, SupplementAcrossTheEndOfAQuarter) {
  Dossier d;
  d.Receive("2026-03-25T09:00", "2026-03-30T17:00");
  // Waiting for the applicant: the dossier stops counting towards the overdue balance it would have joined on
  // 31 March, the day after its appointment's day.
  EXPECT_THAT(d.Do(SupplementRequested{"thiếu giấy tờ", {"Giấy xác nhận cư trú"}}, "2026-03-27T10:00"),
              UnorderedElementsAre("2026-03-31 overdue -1", "2026-03-27 supplement_requests +1 chuyenvien01"));
  // At the end of Q1 it is in progress and within its deadline (form column 12), though its appointment passed.
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-03-31"), 1);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-31"), 0);
  // The supplement moves the appointment (and the statutory one) by the stopped time; the dossier rejoins the
  // overdue balance on the day after the new appointment's day.
  EXPECT_THAT(d.Do(Supplemented{{{1, "Giấy xác nhận cư trú", 1, 0}}, At("2026-04-09T17:00")}, "2026-04-06T09:00",
                   kReceptionist),
              ElementsAre("2026-04-10 overdue +1"));
  EXPECT_EQ(d.state().statutory_due_at, At("2026-04-09T17:00"));
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-04-08"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-04-09"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-04-10"), 1);
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-04-09"), 1);
}

TEST(ReportCounterTest, SupplementRequestedWhenAlreadyOverdueLeavesTheOverdueBalanceThatDay) {
  Dossier d;
  d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(d.Do(SupplementRequested{"thiếu giấy tờ", {"Sơ đồ thửa đất"}}, "2026-03-09T10:00"),
              UnorderedElementsAre("2026-03-09 overdue -1", "2026-03-09 supplement_requests +1 chuyenvien01"));
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-08"), 1);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-03-09"), 0);
  EXPECT_THAT(d.Do(Supplemented{{}, At("2026-03-16T17:00")}, "2026-03-12T09:00", kReceptionist),
              ElementsAre("2026-03-17 overdue +1"));
}

TEST(ReportCounterTest, TransferMovesTheBalancesBetweenAgencies) {
  const Transferred to_justice{"Sở Tư pháp", "01", "liên thông"};
  // After the appointment's day: both balances move on the transfer's day.
  Dossier overdue;
  overdue.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  overdue.Do(to_justice, "2026-03-09T08:00");
  std::vector<std::string> lines;
  for (const CounterDelta& delta : overdue.last()) lines.push_back(ShowWhere(delta));
  EXPECT_THAT(lines, ElementsAre("2026-03-09 open -1 @UBND phường Ba Đình/00004",
                                 "2026-03-09 overdue -1 @UBND phường Ba Đình/00004",
                                 "2026-03-09 open +1 @Sở Tư pháp/01", "2026-03-09 overdue +1 @Sở Tư pháp/01"));

  // Before it: the open balance moves now, the overdue one on the day after the appointment's day.
  Dossier running;
  running.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  running.Do(to_justice, "2026-03-04T08:00");
  lines.clear();
  for (const CounterDelta& delta : running.last()) lines.push_back(ShowWhere(delta));
  EXPECT_THAT(lines, ElementsAre("2026-03-04 open -1 @UBND phường Ba Đình/00004",
                                 "2026-03-07 overdue -1 @UBND phường Ba Đình/00004",
                                 "2026-03-04 open +1 @Sở Tư pháp/01", "2026-03-07 overdue +1 @Sở Tư pháp/01"));

  // On the appointment's day itself the dossier is not overdue yet: the overdue balance still moves the next day.
  Dossier on_the_day;
  on_the_day.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  on_the_day.Do(to_justice, "2026-03-06T10:00");
  lines.clear();
  for (const CounterDelta& delta : on_the_day.last()) lines.push_back(ShowWhere(delta));
  EXPECT_THAT(lines, ElementsAre("2026-03-06 open -1 @UBND phường Ba Đình/00004",
                                 "2026-03-07 overdue -1 @UBND phường Ba Đình/00004",
                                 "2026-03-06 open +1 @Sở Tư pháp/01", "2026-03-07 overdue +1 @Sở Tư pháp/01"));
}

TEST(ReportCounterTest, DossierReceivedInOneQuarterAndResolvedInTheNext) {
  Dossier d;
  EXPECT_THAT(
      d.Receive("2026-03-20T09:00", "2026-04-03T17:00"),
      UnorderedElementsAre("2026-03-20 open +1", "2026-04-04 overdue +1", "2026-03-20 received_direct +1 tiepnhan01"));
  EXPECT_THAT(
      d.Do(ResultApproved{"Giấy phép số 9", "Trần Văn B"}, "2026-04-02T15:00", kLeader),
      UnorderedElementsAre("2026-04-02 open -1", "2026-04-04 overdue -1", "2026-04-02 resolved_early +1 lanhdao01"));
  // Q1: received and still open at its end; Q2: carried over (the open balance before 1 April) and resolved.
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-03-19"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-03-31"), 1);
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-04-01"), 1);
  EXPECT_EQ(d.SumTo(Measure::kOpen, "2026-06-30"), 0);
  EXPECT_EQ(d.SumTo(Measure::kOverdue, "2026-04-03"), 0);
}

// --- The other flows --------------------------------------------------------------------------------------

TEST(ReportCounterTest, FeesCountTheFirstAssessmentAndTheFirstOnlinePaymentOnce) {
  Dossier d;
  d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(d.Do(FeeAssessed{Money::Dong(50'000), "lệ phí"}, "2026-03-02T09:10", kReceptionist),
              ElementsAre("2026-03-02 with_fees +1 tiepnhan01"));
  EXPECT_THAT(d.Do(FeeAssessed{Money::Dong(20'000), "phí thẩm định"}, "2026-03-02T09:20", kReceptionist), IsEmpty());
  EXPECT_THAT(d.Do(FeePaid{Money::Dong(30'000), PaymentMethod::kCounter, "BL-001"}, "2026-03-02T09:30", kReceptionist),
              IsEmpty());
  EXPECT_THAT(d.Do(FeePaid{Money::Dong(20'000), PaymentMethod::kOnline, "GD-778"}, "2026-03-03T20:00", kGateway),
              ElementsAre("2026-03-03 paid_online +1 system"));
  EXPECT_THAT(d.Do(FeePaid{Money::Dong(20'000), PaymentMethod::kOnline, "GD-779"}, "2026-03-04T20:00", kGateway),
              IsEmpty());
  // Paid online by the applicant themselves: under no official.
  Dossier paid_by_applicant;
  paid_by_applicant.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  paid_by_applicant.Do(FeeAssessed{Money::Dong(50'000), "lệ phí"}, "2026-03-02T09:10", kReceptionist);
  EXPECT_THAT(paid_by_applicant.Do(FeePaid{Money::Dong(50'000), PaymentMethod::kOnline, "GD-780"}, "2026-03-02T21:00",
                                   kCitizen),
              ElementsAre("2026-03-02 paid_online +1"));
}

// A score of 1 or 2 is a dissatisfied evaluation (Decision 766 indicator 5.4); 3 and above are not. A rating is
// the applicant's act: it counts under no official.
TEST(ReportCounterTest, EvaluationsCountAndSumTheirScores) {
  Dossier d;
  d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  d.Do(ResultApproved{"Giấy phép số 10", "Trần Văn B"}, "2026-03-04T10:00", kLeader);
  EXPECT_THAT(d.Do(Evaluated{4, "nhanh"}, "2026-03-05T08:00", kCitizen),
              ElementsAre("2026-03-05 evaluations +1", "2026-03-05 evaluation_score_sum +4"));
  EXPECT_THAT(d.Do(Evaluated{2, "phải đi lại"}, "2026-03-05T09:00", kCitizen),
              ElementsAre("2026-03-05 evaluations +1", "2026-03-05 evaluation_score_sum +2",
                          "2026-03-05 evaluations_dissatisfied +1"));
  EXPECT_THAT(d.Do(Evaluated{3, "bình thường"}, "2026-03-06T09:00", kCitizen),
              ElementsAre("2026-03-06 evaluations +1", "2026-03-06 evaluation_score_sum +3"));
  EXPECT_THAT(d.Do(Evaluated{1, "không hài lòng"}, "2026-03-07T09:00", kCitizen),
              ElementsAre("2026-03-07 evaluations +1", "2026-03-07 evaluation_score_sum +1",
                          "2026-03-07 evaluations_dissatisfied +1"));
  EXPECT_EQ(d.SumTo(Measure::kEvaluations, "2026-03-31"), 4);
  EXPECT_EQ(d.SumTo(Measure::kEvaluationScoreSum, "2026-03-31"), 10);
  EXPECT_EQ(d.SumTo(Measure::kEvaluationsDissatisfied, "2026-03-31"), 2);
}

TEST(ReportCounterTest, DigitizationReturnAndWorkflowEvents) {
  Dossier d;
  d.Do(Submission(Channel::kOnline), "2026-03-02T07:00", kCitizen);
  d.Receive("2026-03-02T09:00", "2026-03-06T17:00", Channel::kOnline);
  // The dossier's first digitized component also makes it a digitized dossier; the next ones do not.
  EXPECT_THAT(
      d.Do(Digitized{1, "files/to-khai.pdf"}, "2026-03-02T09:05", kReceptionist),
      ElementsAre("2026-03-02 digitized_components +1 tiepnhan01", "2026-03-02 digitized_dossiers +1 tiepnhan01"));
  EXPECT_THAT(d.Do(Digitized{2, "files/cccd.pdf"}, "2026-03-02T09:07", kReceptionist),
              ElementsAre("2026-03-02 digitized_components +1 tiepnhan01"));
  EXPECT_THAT(d.Do(StepAssigned{"thẩm định", "specialist", kAgency, "chuyenvien01"}, "2026-03-02T10:00", kLeader),
              IsEmpty());
  EXPECT_THAT(d.Do(StepCompleted{"thẩm định", "đạt"}, "2026-03-03T10:00"), IsEmpty());
  d.Do(ResultApproved{"Giấy phép số 11", "Trần Văn B"}, "2026-03-04T10:00", kLeader);
  // Decision 766: the approved result's first file makes the dossier one with an electronic result (4.1) and,
  // its components being digitized, one digitized in full (4.2).
  EXPECT_THAT(d.Do(Digitized{-1, "files/ket-qua.pdf"}, "2026-03-04T10:30", kLeader),
              ElementsAre("2026-03-04 digitized_results +1 lanhdao01", "2026-03-04 electronic_results +1 lanhdao01",
                          "2026-03-04 digitized_complete +1 lanhdao01"));
  // 4.1 counts dossiers, not files: a second scan of the result is a file only.
  EXPECT_THAT(d.Do(Digitized{-1, "files/ket-qua-trang-2.pdf"}, "2026-03-04T10:40", kLeader),
              ElementsAre("2026-03-04 digitized_results +1 lanhdao01"));
  EXPECT_EQ(d.SumTo(Measure::kDigitizedComponents, "2026-03-31"), 2);
  EXPECT_EQ(d.SumTo(Measure::kDigitizedDossiers, "2026-03-31"), 1);
  EXPECT_THAT(d.Do(ResultReturned{ReturnMethod::kPost, "VNPost EH123"}, "2026-03-05T08:00", kReceptionist),
              ElementsAre("2026-03-05 returned_by_post +1 tiepnhan01"));

  Dossier at_counter;
  at_counter.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  at_counter.Do(ResultApproved{"Giấy phép số 12", "Trần Văn B"}, "2026-03-04T10:00", kLeader);
  EXPECT_THAT(at_counter.Do(ResultReturned{ReturnMethod::kCounter, ""}, "2026-03-05T08:00", kReceptionist), IsEmpty());

  // A digitized result does not make the dossier a digitized one; a component digitized after it does, and
  // completes it for 4.2.
  EXPECT_THAT(at_counter.Do(Digitized{-1, "files/ket-qua.pdf"}, "2026-03-05T09:00", kLeader),
              ElementsAre("2026-03-05 digitized_results +1 lanhdao01", "2026-03-05 electronic_results +1 lanhdao01"));
  EXPECT_THAT(
      at_counter.Do(Digitized{1, "files/to-khai.pdf"}, "2026-03-05T10:00", kReceptionist),
      ElementsAre("2026-03-05 digitized_components +1 tiepnhan01", "2026-03-05 digitized_dossiers +1 tiepnhan01",
                  "2026-03-05 digitized_complete +1 tiepnhan01"));
}

TEST(ReportCounterTest, DigitizedInFullIsJudgedWhenTheProcessingEnds) {
  // Decision 766 indicator 4.2: components digitized and, when a result is issued, an electronic result. An
  // open dossier is not judged yet; one that ends without a result needs its components only.
  Dossier refused;
  refused.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  EXPECT_THAT(
      refused.Do(Digitized{1, "files/to-khai.pdf"}, "2026-03-02T09:05", kReceptionist),
      ElementsAre("2026-03-02 digitized_components +1 tiepnhan01", "2026-03-02 digitized_dossiers +1 tiepnhan01"));
  EXPECT_THAT(
      refused.Do(Refused{"không đủ điều kiện"}, "2026-03-04T10:00", kLeader),
      UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 refused +1 lanhdao01",
                           "2026-03-04 resolved_on_time +1 lanhdao01", "2026-03-04 digitized_complete +1 lanhdao01"));
  // The refusal letter scanned is a file, not an electronic result (4.1 counts results).
  EXPECT_THAT(refused.Do(Digitized{-1, "files/van-ban-tra-lai.pdf"}, "2026-03-04T11:00", kLeader),
              ElementsAre("2026-03-04 digitized_results +1 lanhdao01"));

  // Approved without a scanned result: not digitized in full until the result is scanned.
  Dossier approved;
  approved.Receive("2026-03-02T09:00", "2026-03-06T17:00");
  approved.Do(Digitized{1, "files/to-khai.pdf"}, "2026-03-02T09:05", kReceptionist);
  EXPECT_THAT(
      approved.Do(ResultApproved{"Giấy phép số 13", "Trần Văn B"}, "2026-03-04T10:00", kLeader),
      UnorderedElementsAre("2026-03-04 open -1", "2026-03-07 overdue -1", "2026-03-04 resolved_early +1 lanhdao01"));
}

TEST(ReportCounterTest, RefusalForWantOfASupplementIsAlsoCountedApart) {
  // "Returned to the applicant (refused or not supplemented)": both are refusals; the second kind is also
  // counted on its own. An omitted kind is a plain refusal.
  struct Case {
    RefusalKind kind;
    std::vector<std::string> deltas;
  };
  const Case cases[] = {
      {RefusalKind::kRefused,
       {"2026-03-12 open -1", "2026-03-12 refused +1 lanhdao01", "2026-03-12 resolved_on_time +1 lanhdao01"}},
      {RefusalKind::kNotSupplemented,
       {"2026-03-12 open -1", "2026-03-12 refused +1 lanhdao01", "2026-03-12 resolved_on_time +1 lanhdao01",
        "2026-03-12 not_supplemented +1 lanhdao01"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(RefusalKindName(c.kind));
    Dossier d;
    d.Receive("2026-03-02T09:00", "2026-03-06T17:00");
    d.Do(SupplementRequested{"thiếu giấy tờ", {"Giấy xác nhận cư trú"}}, "2026-03-03T09:00");
    EXPECT_THAT(d.Do(Refused{"không bổ sung hồ sơ trong thời hạn", c.kind}, "2026-03-12T09:00", kLeader),
                testing::UnorderedElementsAreArray(c.deltas));
  }
  EXPECT_EQ(Refused{"x"}.kind, RefusalKind::kRefused);
}

// --- Property: balances against a direct count -----------------------------------------------------------

LocalDate LocalDay(Instant at) { return std::chrono::floor<std::chrono::days>(ToLocal(at)); }

struct Step {
  DossierState after;
  LocalDate day;
  std::vector<CounterDelta> deltas;
};

// Random walks through a dossier's life: a random event with plausible content is tried with ApplyEvent and
// kept when accepted; times only move forward, by minutes, hours or days.
class RandomHistory {
 public:
  explicit RandomHistory(unsigned seed)
      : rng_(seed), now_(At("2026-01-05T08:00")), policy_(Classifying(Uniform(0, 1) == 0)) {}

  std::vector<Step> Walk(int events) {
    std::vector<Step> steps;
    DossierState state;
    for (int tries = 0; tries < 20 * events && static_cast<int>(steps.size()) < events; ++tries) {
      const Instant at = Later();
      const DossierEvent event = Event(state, at);
      auto next = ApplyEvent(state, event);
      if (!next) continue;
      now_ = at;
      steps.push_back({*next, LocalDay(at), CounterDeltas(state, *next, event, policy_)});
      state = std::move(*next);
    }
    return steps;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  T Pick(const std::vector<T>& from) {
    return from[Uniform(0, static_cast<int>(from.size()) - 1)];
  }

  Instant Later() {
    const int roll = Uniform(1, 10);
    if (roll <= 6) return now_ + std::chrono::minutes(Uniform(1, 180));
    if (roll <= 9) return now_ + std::chrono::hours(Uniform(1, 48));
    return now_ + std::chrono::days(Uniform(2, 20));
  }

  DossierEvent Event(const DossierState& state, Instant at) {
    DossierEvent event;
    event.dossier_code = kCode;
    event.seq = state.last_seq + 1;
    event.payload = Payload(state, at);
    event.actor = Pick(std::vector<Actor>{kReceptionist, kSpecialist, kLeader});
    event.occurred_at = at;
    event.recorded_at = at;
    event.prev_hash = state.last_hash;
    event.hash = "h" + std::to_string(event.seq);
    return event;
  }

  Instant Due(Instant from) { return from + std::chrono::hours(Uniform(0, 15 * 24)); }

  EventPayload Payload(const DossierState& s, Instant at) {
    const std::vector<std::string> units = {"00004", "00007", "01"};
    const std::vector<std::string> agencies = {"UBND phường Ba Đình", "UBND xã Vân Sơn", "Sở Tư pháp"};
    const Instant due = s.due_at.value_or(at) > at ? *s.due_at : at;
    switch (Uniform(0, 17)) {
      case 0: {
        Submitted p = Submission(Uniform(0, 1) == 0 ? Channel::kOnline : Channel::kPostal);
        p.competent_unit = Pick(units);
        return p;
      }
      case 1: {
        const Channel channel = s.last_seq == 0
                                    ? Pick(std::vector<Channel>{Channel::kDirect, Channel::kOnline, Channel::kPostal})
                                    : s.channel;
        Received p = Receipt(at + std::chrono::minutes(Uniform(0, 600)), "2026-01-01", channel);
        p.due_at = Due(p.clock_started_at);
        p.procedure_code = Pick(std::vector<std::string>{"1.001612", "2.000884"});
        p.competent_unit = Pick(units);
        p.competent_agency = Pick(agencies);
        return p;
      }
      case 2:
        return ReceptionRefused{"không đủ điều kiện tiếp nhận"};
      case 3:
        return StepAssigned{"thẩm định", "specialist", "", Pick(std::vector<std::string>{"chuyenvien01", "cv02"})};
      case 4:
        return StepCompleted{"", ""};
      case 5:
        return Transferred{Pick(agencies), Uniform(0, 2) == 0 ? "" : Pick(units), "liên thông"};
      case 6:
        return SupplementRequested{"thiếu giấy tờ", {"Giấy xác nhận"}};
      case 7:
        return Supplemented{{}, Due(due)};
      case 8:
        return Extended{"chờ xác minh", due + std::chrono::hours(Uniform(1, 10 * 24))};
      case 9:
        return Refused{"không đủ điều kiện"};
      case 10:
        return Withdrawn{"không còn nhu cầu"};
      case 11:
        return Cancelled{"trùng hồ sơ"};
      case 12:
        return ResultApproved{"kết quả", "lãnh đạo"};
      case 13:
        return ResultReturned{Pick(std::vector<ReturnMethod>{ReturnMethod::kCounter, ReturnMethod::kPost}), ""};
      case 14:
        return FeeAssessed{Money::Dong(Uniform(1, 5) * 10'000), "lệ phí"};
      case 15: {
        const std::int64_t owed = (s.fees_assessed - s.fees_paid).dong();
        return FeePaid{Money::Dong(owed > 10'000 ? 10'000 : owed),
                       Uniform(0, 1) == 0 ? PaymentMethod::kCounter : PaymentMethod::kOnline, "GD"};
      }
      case 16:
        return Digitized{Uniform(-1, 3), "files/x.pdf"};
      default:
        return Evaluated{Uniform(1, 5), ""};
    }
  }

  std::mt19937 rng_;
  Instant now_;
  DeadlinePolicy policy_;
};

// Balances by measure and key, the key written out so that a difference reads in a failure.
using Balances = std::map<std::string, std::int64_t>;

std::string Bucket(Measure measure, const CounterKey& k) {
  return std::string(MeasureName(measure)) + " " + k.competent_unit + "/" + k.receiving_unit + "/" + k.agency + "/" +
         k.procedure_code + "/" + std::string(ChannelName(k.channel)) + "/" + k.official;
}

// What the balances must be at the end of `day`, counted from the state the dossier was in then (the one after
// its last event of that day or before), written from the form's definitions and independent of the code
// under test: open = received and not completed; overdue = open, not waiting for a supplement, with its
// statutory appointment's day before `day` (form column (13): "appointment day < period end day").
Balances CountedFromStates(const std::vector<Step>& steps, LocalDate day) {
  const DossierState* state = nullptr;
  for (const Step& step : steps) {
    if (step.day <= day) state = &step.after;
  }
  Balances balances;
  if (state == nullptr || !state->received_at || state->completed_at) return balances;
  const CounterKey key{state->competent_unit, state->receiving_unit, state->competent_agency,
                       state->procedure_code, state->channel,        ""};
  balances[Bucket(Measure::kOpen, key)] = 1;
  if (state->status != DossierStatus::kWaitingSupplement && state->statutory_due_at &&
      LocalDay(*state->statutory_due_at) < day) {
    balances[Bucket(Measure::kOverdue, key)] = 1;
  }
  return balances;
}

// The running sums of the balance deltas up to the end of `day`, without the keys that sum to zero.
Balances SummedFromDeltas(const std::vector<Step>& steps, LocalDate day) {
  Balances balances;
  for (const Step& step : steps) {
    for (const CounterDelta& d : step.deltas) {
      if (IsBalance(d.measure) && d.day <= day) balances[Bucket(d.measure, d.key)] += d.delta;
    }
  }
  std::erase_if(balances, [](const auto& entry) { return entry.second == 0; });
  return balances;
}

// Flows summed up to the end of `day`.
std::int64_t SumFlows(const std::vector<Step>& steps, std::initializer_list<Measure> measures, LocalDate day) {
  std::int64_t sum = 0;
  for (const Step& step : steps) {
    for (const CounterDelta& d : step.deltas) {
      if (d.day <= day && std::ranges::find(measures, d.measure) != measures.end()) sum += d.delta;
    }
  }
  return sum;
}

// Each event's deltas: sorted, one per key, day and measure, none zero; flows on the event's day and keyed
// by an official, balances on that day or later and not split by official.
void ExpectWellFormed(const Step& step) {
  for (std::size_t i = 0; i < step.deltas.size(); ++i) {
    const CounterDelta& d = step.deltas[i];
    EXPECT_NE(d.delta, 0) << Show(d);
    if (i > 0) {
      const CounterDelta& p = step.deltas[i - 1];
      EXPECT_TRUE(std::tie(p.key, p.day, p.measure) < std::tie(d.key, d.day, d.measure)) << Show(p) << " / " << Show(d);
    }
    if (IsBalance(d.measure)) {
      EXPECT_TRUE(d.key.official.empty() && d.day >= step.day) << Show(d);
    } else {
      EXPECT_TRUE(!d.key.official.empty() && d.day == step.day) << Show(d);
    }
  }
}

TEST(ReportCounterPropertyTest, BalancesAreTheCountsAtEveryDayBoundary) {
  int overdue_days = 0;
  int waiting_steps = 0;
  int transferred = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::vector<Step> steps = RandomHistory(seed).Walk(30);
    ASSERT_FALSE(steps.empty());
    LocalDate last = steps.back().day;
    for (const Step& step : steps) {
      ExpectWellFormed(step);
      if (step.after.statutory_due_at) last = std::max(last, LocalDay(*step.after.statutory_due_at));
    }
    if (!steps.back().after.transfers.empty()) ++transferred;
    for (LocalDate day = steps.front().day - std::chrono::days(1); day <= last + std::chrono::days(2);
         day += std::chrono::days(1)) {
      const Balances expected = CountedFromStates(steps, day);
      ASSERT_EQ(SummedFromDeltas(steps, day), expected) << "at the end of " << FormatIsoDate(day);
      overdue_days += static_cast<int>(
          std::ranges::count_if(expected, [](const auto& entry) { return entry.first.starts_with("overdue "); }));
      // Form II.06a: (3) = (7) + (11), cumulatively: every dossier received so far is resolved or still open.
      const std::int64_t received =
          SumFlows(steps, {Measure::kReceivedDirect, Measure::kReceivedOnline, Measure::kReceivedPostal}, day);
      const std::int64_t resolved =
          SumFlows(steps, {Measure::kResolvedEarly, Measure::kResolvedOnTime, Measure::kResolvedLate}, day);
      ASSERT_EQ(received, resolved + (expected.empty() ? 0 : 1)) << "at the end of " << FormatIsoDate(day);
    }
    for (const Step& step : steps) waiting_steps += step.after.status == DossierStatus::kWaitingSupplement ? 1 : 0;
    // Counted from the states too: a dossier is digitized once, when its first component is; an evaluation is
    // dissatisfied when it scores 1 or 2.
    int dissatisfied = 0;
    std::int64_t evaluations = 0;
    for (const Step& step : steps) {
      if (step.after.evaluations > evaluations && step.after.evaluation.value() <= 2) ++dissatisfied;
      evaluations = step.after.evaluations;
    }
    const LocalDate end = steps.back().day;
    EXPECT_EQ(SumFlows(steps, {Measure::kDigitizedDossiers}, end), steps.back().after.digitized_components > 0 ? 1 : 0);
    EXPECT_EQ(SumFlows(steps, {Measure::kEvaluationsDissatisfied}, end), dissatisfied);
    // Decision 766 4.1 and 4.2, from the final state: at most once per dossier, whatever the order of events.
    const DossierState& final_state = steps.back().after;
    const bool with_result =
        final_state.status == DossierStatus::kResultReady || final_state.status == DossierStatus::kReturned;
    const bool ended_received = final_state.completed_at && final_state.received_at;
    EXPECT_EQ(SumFlows(steps, {Measure::kElectronicResults}, end), with_result && final_state.result_digitized ? 1 : 0);
    EXPECT_EQ(SumFlows(steps, {Measure::kDigitizedComplete}, end),
              ended_received && final_state.digitized_components > 0 && (!with_result || final_state.result_digitized)
                  ? 1
                  : 0);
  }
  // The walks did reach the cases that matter.
  EXPECT_GT(overdue_days, 100);
  EXPECT_GT(waiting_steps, 20);
  EXPECT_GT(transferred, 10);
}

}  // namespace
}  // namespace motcua
