#include "domain/deadline_rules.h"

#include <gtest/gtest.h>

#include "support/real_calendar.h"

namespace motcua {
namespace {

using test_support::RealCalendar;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

struct ReceiptCase {
  const char* name;
  const char* received;
  double amount;
  TimeUnit unit;
  std::optional<int> cutoff_hour;
  const char* clock_start;  // expected, worked out by hand on the 2025–2026 calendar
  const char* due;
};

const ReceiptCase kReceipts[] = {
    {"counter, Monday morning", "2026-03-02T09:00:00+07:00", 3, TimeUnit::kWorkingDay, std::nullopt,
     "2026-03-02T09:00:00+07:00", "2026-03-05T09:00:00+07:00"},
    {"online on a Saturday inside the New Year break", "2026-01-03T10:00:00+07:00", 1, TimeUnit::kWorkingDay,
     std::nullopt, "2026-01-05T07:30:00+07:00", "2026-01-05T17:00:00+07:00"},
    {"16:59 on Friday before the make-up Saturday", "2026-01-09T16:59:00+07:00", 1, TimeUnit::kWorkingDay, std::nullopt,
     "2026-01-09T16:59:00+07:00", "2026-01-10T16:59:00+07:00"},
    {"17:01 on Friday 9 Jan counts from the make-up Saturday", "2026-01-09T17:01:00+07:00", 1, TimeUnit::kWorkingDay,
     std::nullopt, "2026-01-10T07:30:00+07:00", "2026-01-10T17:00:00+07:00"},
    {"Sunday night online", "2026-03-01T22:00:00+07:00", 2, TimeUnit::kWorkingDay, std::nullopt,
     "2026-03-02T07:30:00+07:00", "2026-03-03T17:00:00+07:00"},
    {"on Giao thừa 2026", "2026-02-16T10:00:00+07:00", 1, TimeUnit::kWorkingDay, std::nullopt,
     "2026-02-23T07:30:00+07:00", "2026-02-23T17:00:00+07:00"},
    {"after a 15:00 cut-off", "2026-03-03T15:30:00+07:00", 1, TimeUnit::kWorkingDay, 15, "2026-03-04T07:30:00+07:00",
     "2026-03-04T17:00:00+07:00"},
    {"before a 15:00 cut-off", "2026-03-03T14:59:00+07:00", 1, TimeUnit::kWorkingDay, 15, "2026-03-03T14:59:00+07:00",
     "2026-03-04T14:59:00+07:00"},
    {"no cut-off set", "2026-03-03T15:30:00+07:00", 1, TimeUnit::kWorkingDay, std::nullopt, "2026-03-03T15:30:00+07:00",
     "2026-03-04T15:30:00+07:00"},
    {"cut-off on Friday jumps the weekend", "2026-03-06T16:00:00+07:00", 1, TimeUnit::kWorkingDay, 15,
     "2026-03-09T07:30:00+07:00", "2026-03-09T17:00:00+07:00"},
    {"4 working hours across lunch", "2026-03-02T10:00:00+07:00", 4, TimeUnit::kWorkingHour, std::nullopt,
     "2026-03-02T10:00:00+07:00", "2026-03-02T15:30:00+07:00"},
};

TEST(DeadlineRulesTest, ClockStartAndAppointmentAtReceipt) {
  for (const auto& c : kReceipts) {
    SCOPED_TRACE(c.name);
    DeadlinePolicy policy;
    if (c.cutoff_hour) policy.same_day_cutoff = std::chrono::hours(*c.cutoff_hour);
    auto deadline = DeadlineAtReceipt(RealCalendar(), At(c.received), c.amount, c.unit, policy);
    ASSERT_TRUE(deadline.has_value()) << deadline.error().message_en;
    EXPECT_EQ(FormatIsoLocal(deadline->clock_started_at), c.clock_start);
    EXPECT_EQ(FormatIsoLocal(deadline->due_at), c.due);
  }
}

// The Civil Code's reading of working days (art. 147–148; docs/law/deadlines.md §1.j): whole days from the day after
// the one the dossier counts as received, ending at the end of the last one (17:00); the portal's reading beside
// it for the same dossier, worked out by hand on the 2025–2026 calendar.
struct ReadingCase {
  const char* name;
  const char* received;
  double amount;
  const char* by_hours;       // WorkingDayReading::kWorkingHours
  const char* by_civil_code;  // WorkingDayReading::kCivilCode
};

const ReadingCase kReadings[] = {
    {"Monday morning, 3 days", "2026-03-02T09:00:00+07:00", 3, "2026-03-05T09:00:00+07:00",
     "2026-03-05T17:00:00+07:00"},
    {"after hours on Friday, 1 day: received Monday, due Monday by hours, Tuesday by the Code",
     "2026-03-06T17:30:00+07:00", 1, "2026-03-09T17:00:00+07:00", "2026-03-10T17:00:00+07:00"},
    {"the Friday before Tết Bính Ngọ (14–22 Feb), 1 day", "2026-02-13T10:00:00+07:00", 1, "2026-02-23T10:00:00+07:00",
     "2026-02-23T17:00:00+07:00"},
    {"on Giao thừa, 2 days: received on Monday 23 Feb", "2026-02-16T10:00:00+07:00", 2, "2026-02-24T17:00:00+07:00",
     "2026-02-25T17:00:00+07:00"},
    {"Friday 9 Jan 2026, 1 day: the make-up Saturday 10 Jan is a working day", "2026-01-09T10:00:00+07:00", 1,
     "2026-01-10T10:00:00+07:00", "2026-01-10T17:00:00+07:00"},
    {"the make-up Saturday itself, 1 day", "2026-01-10T09:00:00+07:00", 1, "2026-01-12T09:00:00+07:00",
     "2026-01-12T17:00:00+07:00"},
    {"half a day is still counted in working hours", "2026-03-02T09:00:00+07:00", 0.5, "2026-03-02T14:30:00+07:00",
     "2026-03-02T14:30:00+07:00"},
};

TEST(DeadlineRulesTest, WorkingDaysByHoursOrByTheCivilCode) {
  for (const auto& c : kReadings) {
    SCOPED_TRACE(c.name);
    DeadlinePolicy hours;
    DeadlinePolicy code;
    code.working_days = WorkingDayReading::kCivilCode;
    auto by_hours = DeadlineAtReceipt(RealCalendar(), At(c.received), c.amount, TimeUnit::kWorkingDay, hours);
    auto by_code = DeadlineAtReceipt(RealCalendar(), At(c.received), c.amount, TimeUnit::kWorkingDay, code);
    ASSERT_TRUE(by_hours.has_value() && by_code.has_value());
    EXPECT_EQ(FormatIsoLocal(by_hours->due_at), c.by_hours);
    EXPECT_EQ(FormatIsoLocal(by_code->due_at), c.by_civil_code);
  }
}

TEST(DeadlineRulesTest, TheReadingDoesNotChangeOtherUnits) {
  DeadlinePolicy code;
  code.working_days = WorkingDayReading::kCivilCode;
  const Instant received = At("2026-03-02T09:00:00+07:00");
  EXPECT_EQ(FormatIsoLocal(DeadlineAtReceipt(RealCalendar(), received, 4, TimeUnit::kWorkingHour, code)->due_at),
            "2026-03-02T14:30:00+07:00");
  EXPECT_EQ(FormatIsoLocal(DeadlineAtReceipt(RealCalendar(), received, 5, TimeUnit::kDay, code)->due_at),
            "2026-03-09T17:00:00+07:00");  // Saturday 7 → the next working day
  EXPECT_EQ(ParseWorkingDayReading("civil_code"), WorkingDayReading::kCivilCode);
  EXPECT_EQ(ParseWorkingDayReading("working_hours"), WorkingDayReading::kWorkingHours);
  EXPECT_EQ(ParseWorkingDayReading("days"), std::nullopt);
}

// Received Mon 9 Feb 2026 09:00 for 5 working days: Tết Bính Ngọ (14–22 Feb) puts the appointment on
// Mon 23 Feb 09:00. A supplement is asked on Wed 11 Feb 10:00 and arrives Tue 24 Feb 08:00.
DossierState SuspendedOverTet() {
  DossierState state;
  state.status = DossierStatus::kWaitingSupplement;
  state.processing_amount = 5;
  state.processing_unit = TimeUnit::kWorkingDay;
  state.due_at = At("2026-02-23T09:00:00+07:00");
  state.suspended_at = At("2026-02-11T10:00:00+07:00");
  return state;
}

TEST(DeadlineRulesTest, SupplementRestartsTheFullTimeAcrossTet) {
  DeadlinePolicy policy;
  policy.supplement_clock = SupplementClock::kRestart;
  auto due = DueAfterSupplement(RealCalendar(), SuspendedOverTet(), At("2026-02-24T08:00:00+07:00"), policy);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(FormatIsoLocal(*due), "2026-03-03T08:00:00+07:00");
}

// Left at the request: Wed 11 Feb 10:00–11:30 and 13:00–17:00 (5.5 h), Thu 12 and Fri 13 (16 h), Mon 23
// 07:30–09:00 (1.5 h) = 23 h. From Tue 24 Feb 08:00: 7.5 h that day, 8 h Wed 25, then 7.5 h on Thu 26:
// 07:30–11:30 and 13:00–16:30.
// The full time again from Tue 24 Feb, by the Code: five working days after the 24th is Tue 3 March, at 17:00.
TEST(DeadlineRulesTest, SupplementRestartsByTheCivilCode) {
  DeadlinePolicy policy;
  policy.supplement_clock = SupplementClock::kRestart;
  policy.working_days = WorkingDayReading::kCivilCode;
  auto due = DueAfterSupplement(RealCalendar(), SuspendedOverTet(), At("2026-02-24T08:00:00+07:00"), policy);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(FormatIsoLocal(*due), "2026-03-03T17:00:00+07:00");
}

TEST(DeadlineRulesTest, SupplementResumesWithTheWorkingTimeLeftAcrossTet) {
  DeadlinePolicy policy;
  policy.supplement_clock = SupplementClock::kResume;
  auto due = DueAfterSupplement(RealCalendar(), SuspendedOverTet(), At("2026-02-24T08:00:00+07:00"), policy);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(FormatIsoLocal(*due), "2026-02-26T16:30:00+07:00");
}

TEST(DeadlineRulesTest, SupplementNeverBringsTheAppointmentForward) {
  DossierState state = SuspendedOverTet();
  state.processing_amount = 1;  // restarting 1 day from 24 Feb would land before an appointment of 3 Mar
  state.due_at = At("2026-03-03T08:00:00+07:00");
  DeadlinePolicy restart;
  restart.supplement_clock = SupplementClock::kRestart;
  auto due = DueAfterSupplement(RealCalendar(), state, At("2026-02-24T08:00:00+07:00"), restart);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(FormatIsoLocal(*due), "2026-03-03T08:00:00+07:00");
}

TEST(DeadlineRulesTest, SupplementOfADossierNotWaitingIsAnError) {
  DossierState state;
  state.status = DossierStatus::kProcessing;
  state.due_at = At("2026-03-03T08:00:00+07:00");
  EXPECT_FALSE(DueAfterSupplement(RealCalendar(), state, At("2026-02-24T08:00:00+07:00"), {}).has_value());
}

struct ClassifyCase {
  const char* completed;
  bool by_day;
  Timeliness expected;
};

// Appointment Thu 5 Mar 2026 09:00.
const ClassifyCase kClassify[] = {
    {"2026-03-04T16:00:00+07:00", true, Timeliness::kEarly},   {"2026-03-05T07:30:00+07:00", true, Timeliness::kOnTime},
    {"2026-03-05T16:59:00+07:00", true, Timeliness::kOnTime},  // same day, after the hour: on time by day
    {"2026-03-06T07:30:00+07:00", true, Timeliness::kLate},    {"2026-03-05T08:59:00+07:00", false, Timeliness::kEarly},
    {"2026-03-05T09:00:00+07:00", false, Timeliness::kOnTime}, {"2026-03-05T16:59:00+07:00", false, Timeliness::kLate},
};

TEST(DeadlineRulesTest, EarlyOnTimeLate) {
  const Instant due = At("2026-03-05T09:00:00+07:00");
  for (const auto& c : kClassify) {
    SCOPED_TRACE(std::string(c.completed) + (c.by_day ? " by day" : " by moment"));
    DeadlinePolicy policy;
    policy.classify_by_day = c.by_day;
    EXPECT_EQ(ClassifyCompletion(At(c.completed), due, policy), c.expected);
  }
}

}  // namespace
}  // namespace motcua
