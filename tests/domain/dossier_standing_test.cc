#include "domain/dossier_standing.h"

#include <gtest/gtest.h>

#include "support/real_calendar.h"

namespace motcua {
namespace {

using test_support::RealCalendar;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

// Received Monday 2 March 2026, statutory appointment Thursday 5 March 09:00.
DeadlineFacts Open(DossierStatus status = DossierStatus::kProcessing) {
  return DeadlineFacts{status, At("2026-03-02T09:00:00+07:00"), std::nullopt, At("2026-03-05T09:00:00+07:00")};
}

DeadlineFacts Ended(DossierStatus status, const char* completed) {
  DeadlineFacts facts = Open(status);
  facts.completed_at = At(completed);
  return facts;
}

const DeadlinePolicy kByDay{};
const DeadlinePolicy kByMoment = [] {
  DeadlinePolicy policy;
  policy.classify_by_day = false;
  return policy;
}();

DeadlineFacts Submitted() { return DeadlineFacts{DossierStatus::kSubmitted, std::nullopt, std::nullopt, std::nullopt}; }

TEST(DossierStandingTest, NothingCountsBeforeReception) {
  const Instant late = At("2027-01-01T09:00:00+07:00");
  EXPECT_EQ(StandingOf(Submitted(), late, kByDay), Standing::kNotStarted);
  DeadlineFacts refused{DossierStatus::kReceptionRefused, std::nullopt, At("2026-03-02T10:00:00+07:00"), std::nullopt};
  EXPECT_EQ(StandingOf(refused, late, kByDay), Standing::kNotStarted);
  DeadlineFacts withdrawn{DossierStatus::kWithdrawn, std::nullopt, At("2026-03-02T10:00:00+07:00"), std::nullopt};
  EXPECT_EQ(StandingOf(withdrawn, late, kByDay), Standing::kNotStarted);
}

TEST(DossierStandingTest, AnOpenDossierIsOverdueWhenEndingItNowWouldBeLate) {
  // By day (the report form's reading): the whole appointment day is still on time.
  EXPECT_EQ(StandingOf(Open(), At("2026-03-05T09:00:00+07:00"), kByDay), Standing::kWithinDeadline);
  EXPECT_EQ(StandingOf(Open(), At("2026-03-05T23:59:00+07:00"), kByDay), Standing::kWithinDeadline);
  EXPECT_EQ(StandingOf(Open(), At("2026-03-06T00:00:00+07:00"), kByDay), Standing::kOverdue);
  // By the moment: one minute after the appointment.
  EXPECT_EQ(StandingOf(Open(), At("2026-03-05T09:00:00+07:00"), kByMoment), Standing::kWithinDeadline);
  EXPECT_EQ(StandingOf(Open(), At("2026-03-05T09:01:00+07:00"), kByMoment), Standing::kOverdue);
}

TEST(DossierStandingTest, WaitingForASupplementIsPausedWhateverTheDate) {
  EXPECT_EQ(StandingOf(Open(DossierStatus::kWaitingSupplement), At("2026-06-01T09:00:00+07:00"), kByDay),
            Standing::kPaused);
}

TEST(DossierStandingTest, AnOpenDossierWithoutAppointmentIsWithinItsDeadline) {
  DeadlineFacts facts = Open();
  facts.statutory_due_at.reset();
  EXPECT_EQ(StandingOf(facts, At("2030-01-01T09:00:00+07:00"), kByDay), Standing::kWithinDeadline);
}

TEST(DossierStandingTest, AResultIsJudgedAgainstTheStatutoryAppointment) {
  const Instant any = At("2030-01-01T00:00:00+07:00");  // an ended dossier's standing does not move
  EXPECT_EQ(StandingOf(Ended(DossierStatus::kResultReady, "2026-03-04T16:00:00+07:00"), any, kByDay), Standing::kEarly);
  EXPECT_EQ(StandingOf(Ended(DossierStatus::kReturned, "2026-03-05T16:00:00+07:00"), any, kByDay), Standing::kOnTime);
  EXPECT_EQ(StandingOf(Ended(DossierStatus::kReturned, "2026-03-05T16:00:00+07:00"), any, kByMoment), Standing::kLate);
  EXPECT_EQ(StandingOf(Ended(DossierStatus::kResultReady, "2026-03-06T08:00:00+07:00"), any, kByDay), Standing::kLate);
}

TEST(DossierStandingTest, RefusedWithdrawnOrCancelledAfterReceptionCountOnTimeWhateverTheirDate) {
  // Form II.06a column 9: the pages once called these "late" (44 of 52 "not supplemented" dossiers) while the
  // report counted them on time.
  for (DossierStatus status : {DossierStatus::kRefused, DossierStatus::kWithdrawn, DossierStatus::kCancelled}) {
    SCOPED_TRACE(std::string(DossierStatusName(status)));
    EXPECT_EQ(StandingOf(Ended(status, "2026-04-20T10:00:00+07:00"), At("2026-04-21T00:00:00+07:00"), kByDay),
              Standing::kOnTime);
  }
}

TEST(DossierStandingTest, AnExtensionDoesNotMakeALateDossierOnTime) {
  DossierState state;
  state.status = DossierStatus::kProcessing;
  state.received_at = At("2026-03-02T09:00:00+07:00");
  state.statutory_due_at = At("2026-03-05T09:00:00+07:00");
  state.due_at = At("2026-03-12T09:00:00+07:00");  // the apology slip's new date
  state.extensions = 1;
  EXPECT_EQ(StandingOf(state, At("2026-03-09T09:00:00+07:00"), kByDay), Standing::kOverdue);
  state.status = DossierStatus::kResultReady;
  state.completed_at = At("2026-03-10T09:00:00+07:00");
  EXPECT_EQ(StandingOf(state, At("2026-03-10T09:00:00+07:00"), kByDay), Standing::kLate);
}

TEST(DossierStandingTest, TimelinessOnlyOnceEnded) {
  EXPECT_EQ(TimelinessOf(Standing::kEarly), Timeliness::kEarly);
  EXPECT_EQ(TimelinessOf(Standing::kOnTime), Timeliness::kOnTime);
  EXPECT_EQ(TimelinessOf(Standing::kLate), Timeliness::kLate);
  for (Standing open : {Standing::kNotStarted, Standing::kWithinDeadline, Standing::kPaused, Standing::kOverdue}) {
    EXPECT_EQ(TimelinessOf(open), std::nullopt) << StandingName(open);
    EXPECT_FALSE(IsEnded(open));
  }
}

DeadlineFacts DueOn(const char* due) {
  return DeadlineFacts{DossierStatus::kProcessing, At("2026-01-05T09:00:00+07:00"), std::nullopt, At(due)};
}

TEST(DossierStandingTest, UrgencyCountsWorkingDaysOnTheCalendar) {
  const auto& calendar = RealCalendar();
  // Monday 2 March 2026: due today, within two working days (Wednesday), later (Thursday).
  const Instant monday = At("2026-03-02T08:00:00+07:00");
  EXPECT_EQ(UrgencyOf(DueOn("2026-03-02T17:00:00+07:00"), monday, kByDay, calendar), Urgency::kDueToday);
  EXPECT_EQ(UrgencyOf(DueOn("2026-03-04T17:00:00+07:00"), monday, kByDay, calendar), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(DueOn("2026-03-05T09:00:00+07:00"), monday, kByDay, calendar), Urgency::kLater);
  EXPECT_EQ(UrgencyOf(DueOn("2026-02-27T17:00:00+07:00"), monday, kByDay, calendar), Urgency::kOverdue);
  // Friday 13 February 2026, the last working day before Tết (16–20 February off): the next two working days are
  // 23 and 24 February, so a dossier due on the 24th is due soon, one due on the 25th is not.
  const Instant before_tet = At("2026-02-13T10:00:00+07:00");
  EXPECT_EQ(UrgencyOf(DueOn("2026-02-24T17:00:00+07:00"), before_tet, kByDay, calendar), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(DueOn("2026-02-25T09:00:00+07:00"), before_tet, kByDay, calendar), Urgency::kLater);
  // Friday 9 January 2026 is followed by a make-up working Saturday (10 January): Monday 12 is the second day.
  const Instant friday = At("2026-01-09T10:00:00+07:00");
  EXPECT_EQ(UrgencyOf(DueOn("2026-01-12T17:00:00+07:00"), friday, kByDay, calendar), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(DueOn("2026-01-13T09:00:00+07:00"), friday, kByDay, calendar), Urgency::kLater);
}

TEST(DossierStandingTest, NoUrgencyWhenTheClockDoesNotRun) {
  const auto& calendar = RealCalendar();
  const Instant at = At("2026-03-05T10:00:00+07:00");
  EXPECT_EQ(UrgencyOf(Open(DossierStatus::kWaitingSupplement), at, kByDay, calendar), Urgency::kNone);
  EXPECT_EQ(UrgencyOf(Ended(DossierStatus::kResultReady, "2026-03-04T10:00:00+07:00"), at, kByDay, calendar),
            Urgency::kNone);
  EXPECT_EQ(UrgencyOf(Submitted(), at, kByDay, calendar), Urgency::kNone);
}

}  // namespace
}  // namespace motcua
