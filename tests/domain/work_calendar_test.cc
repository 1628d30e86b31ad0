// Tests of WorkCalendar against the real days-off calendar 2024–2026 (data/reference/calendar). Every
// expected time was worked out by hand from the rules in work_calendar.h (Civil Code 2015 art. 147–148,
// 8 working hours a working day) and the Government's holiday notices, never by running the code.
#include "domain/work_calendar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// "2026-03-02T16:59" (Viet Nam time) as a LocalTime.
LocalTime Local(std::string_view iso) {
  auto instant = ParseIsoInstant(iso, "test");
  if (!instant) throw std::invalid_argument("bad test time " + std::string(iso));
  return ToLocal(*instant);
}

LocalDate Date(std::string_view iso) {
  auto date = ParseIsoDate(iso, "test");
  if (!date) throw std::invalid_argument("bad test date " + std::string(iso));
  return *date;
}

std::string Show(LocalTime t) { return FormatIsoLocal(ToInstant(t)); }

// Splits one CSV record (RFC 4180 quoting, no line breaks inside fields: true of the calendar file).
std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// Reads days_off_2024_2026.csv: date,weekday,year,kind,name_vi,is_day_off,confidence,note,source_keys.
std::vector<CalendarEntry> LoadReferenceCalendar() {
  std::ifstream in(std::string(MOTCUA_REFERENCE_DIR) + "/calendar/days_off_2024_2026.csv");
  if (!in) throw std::runtime_error("cannot open the reference calendar");
  std::vector<CalendarEntry> entries;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = SplitCsvLine(line);
    auto kind = ParseDayKind(f.at(3));
    if (!kind) throw std::runtime_error("unknown kind in " + line);
    std::optional<bool> off;
    if (!f.at(5).empty()) off = f.at(5) == "1";
    entries.push_back({Date(f.at(0)), *kind, f.at(4), off, f.at(6), f.at(7)});
  }
  return entries;
}

class WorkCalendarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { entries_ = new std::vector<CalendarEntry>(LoadReferenceCalendar()); }
  static void TearDownTestSuite() { delete entries_; }

  WorkCalendar calendar_{WorkingHours::Default(), *entries_};
  static std::vector<CalendarEntry>* entries_;
};
std::vector<CalendarEntry>* WorkCalendarTest::entries_ = nullptr;

struct AddCase {
  const char* why;
  const char* start;
  double amount;
  TimeUnit unit;
  const char* expected;
};

void ExpectAdds(const WorkCalendar& calendar, const std::vector<AddCase>& cases) {
  for (const AddCase& c : cases) {
    auto result = calendar.Add(Local(c.start), c.amount, c.unit);
    ASSERT_TRUE(result.has_value()) << c.why << ": " << result.error().message_en;
    EXPECT_EQ(Show(*result), Show(Local(c.expected))) << c.why;
  }
}

TEST_F(WorkCalendarTest, ReferenceFileLoadsEveryRow) {
  EXPECT_EQ(entries_->size(), 63u);
  const CalendarEntry* makeup = calendar_.EntryFor(Date("2026-01-10"));
  ASSERT_NE(makeup, nullptr);
  EXPECT_EQ(makeup->kind, DayKind::kMakeupWorkingDay);
  EXPECT_EQ(makeup->is_day_off, std::optional<bool>(false));
  const CalendarEntry* proposed = calendar_.EntryFor(Date("2026-11-24"));
  ASSERT_NE(proposed, nullptr);
  EXPECT_EQ(proposed->kind, DayKind::kProposedHoliday);
  EXPECT_FALSE(proposed->is_day_off.has_value());
  EXPECT_EQ(calendar_.EntryFor(Date("2026-03-02")), nullptr);
}

TEST_F(WorkCalendarTest, IsWorkingDay) {
  const struct {
    const char* date;
    bool working;
    const char* why;
  } cases[] = {
      {"2026-03-02", true, "an ordinary Monday"},
      {"2026-03-07", false, "an ordinary Saturday"},
      {"2026-03-08", false, "an ordinary Sunday"},
      {"2026-01-01", false, "New Year's Day"},
      {"2026-01-02", false, "Friday swapped for Saturday 10 Jan"},
      {"2026-01-10", true, "make-up Saturday"},
      {"2026-01-11", false, "the Sunday after the make-up Saturday"},
      {"2026-02-13", true, "the Friday before Tết 2026"},
      {"2026-02-17", false, "Tết 2026, Mùng 1"},
      {"2026-02-23", true, "the Monday after Tết 2026"},
      {"2025-04-26", true, "make-up Saturday for 2 May 2025"},
      {"2025-05-02", false, "Friday 2 May 2025 swapped"},
      {"2026-04-27", false, "compensatory day for Hùng Kings on a Sunday"},
      {"2026-11-24", true, "proposed holiday, not in force"},
      {"2027-01-01", true, "a year the file does not cover: only weekends count"},
  };
  for (const auto& c : cases) EXPECT_EQ(calendar_.IsWorkingDay(Date(c.date)), c.working) << c.why;
}

TEST_F(WorkCalendarTest, NextWorkingMoment) {
  const struct {
    const char* t;
    const char* expected;
    const char* why;
  } cases[] = {
      {"2026-03-02T09:00", "2026-03-02T09:00", "inside the morning period"},
      {"2026-03-02T09:00:30", "2026-03-02T09:00:30", "seconds are kept"},
      {"2026-03-02T07:30", "2026-03-02T07:30", "a period begin is inside"},
      {"2026-03-02T06:00", "2026-03-02T07:30", "before opening"},
      {"2026-03-02T11:30", "2026-03-02T13:00", "a period end is outside"},
      {"2026-03-02T12:00", "2026-03-02T13:00", "lunch break"},
      {"2026-03-02T17:00", "2026-03-03T07:30", "closing time"},
      {"2026-03-01T22:00", "2026-03-02T07:30", "Sunday night online"},
      {"2026-01-01T09:00", "2026-01-05T07:30", "New Year holiday, swap and weekend"},
      {"2026-01-09T17:30", "2026-01-10T07:30", "evening before a make-up Saturday"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Show(calendar_.NextWorkingMoment(Local(c.t))), Show(Local(c.expected))) << c.why;
  }
}

TEST_F(WorkCalendarTest, AddWorkingDays) {
  const TimeUnit wd = TimeUnit::kWorkingDay;
  ExpectAdds(calendar_, {
                            {"one minute left today", "2026-03-02T16:59", 1, wd, "2026-03-03T16:59"},
                            {"seconds of the start are kept", "2026-03-02T16:59:30", 1, wd, "2026-03-03T16:59:30"},
                            {"after hours: counts from Tue 07:30", "2026-03-02T17:01", 1, wd, "2026-03-03T17:00"},
                            {"exactly at closing", "2026-03-02T17:00", 1, wd, "2026-03-03T17:00"},
                            {"exactly at opening: ends the same day", "2026-03-02T07:30", 1, wd, "2026-03-02T17:00"},
                            {"before opening", "2026-03-02T06:00", 1, wd, "2026-03-02T17:00"},
                            {"Sunday night online", "2026-03-01T22:00", 1, wd, "2026-03-02T17:00"},
                            {"lunch: from 13:00, 4 h Mon + 4 h Tue", "2026-03-02T12:00", 1, wd, "2026-03-03T11:30"},
                            {"a whole week", "2026-03-02T08:00", 5, wd, "2026-03-09T08:00"},
                            {"1.5 days = 12 h", "2026-03-02T07:30", 1.5, wd, "2026-03-03T11:30"},
                            {"4.15 days = 1992 min: 4 days + 72 min", "2026-03-02T07:30", 4.15, wd, "2026-03-06T08:42"},
                            {"Tết 2025 (25 Jan–2 Feb off)", "2025-01-24T15:00", 1, wd, "2025-02-03T15:00"},
                            {"received during Tết 2025", "2025-01-29T10:00", 1, wd, "2025-02-03T17:00"},
                            {"Tết 2026 (14–22 Feb off)", "2026-02-13T09:00", 1, wd, "2026-02-23T09:00"},
                            {"received during Tết 2026", "2026-02-16T08:00", 3, wd, "2026-02-25T17:00"},
                            {"10 days across Tết 2026", "2026-02-09T08:00", 10, wd, "2026-03-02T08:00"},
                            {"1 Jan holiday, 2 Jan swapped, weekend", "2025-12-31T10:00", 1, wd, "2026-01-05T10:00"},
                            {"into the make-up Saturday 10 Jan 2026", "2026-01-09T10:00", 1, wd, "2026-01-10T10:00"},
                            {"from the make-up Saturday", "2026-01-10T10:00", 1, wd, "2026-01-12T10:00"},
                            {"into the make-up Saturday 26 Apr 2025", "2025-04-25T10:00", 1, wd, "2025-04-26T10:00"},
                            {"30/4, 1/5, swapped 2/5, weekend", "2025-04-29T10:00", 1, wd, "2025-05-05T10:00"},
                            {"a proposed holiday does not stop work", "2026-11-23T10:00", 1, wd, "2026-11-24T10:00"},
                        });
}

TEST_F(WorkCalendarTest, AddWorkingHours) {
  const TimeUnit h = TimeUnit::kWorkingHour;
  ExpectAdds(calendar_, {
                            {"across lunch: 2.5 h + 1.5 h", "2026-03-02T09:00", 4, h, "2026-03-02T14:30"},
                            {"ends exactly at 11:30", "2026-03-02T09:30", 2, h, "2026-03-02T11:30"},
                            {"ends exactly at 17:00", "2026-03-02T13:00", 4, h, "2026-03-02T17:00"},
                            {"half an hour around lunch", "2026-03-02T11:15", 0.5, h, "2026-03-02T13:15"},
                            {"over the weekend", "2026-03-06T16:00", 8, h, "2026-03-09T16:00"},
                            {"a third of an hour", "2026-03-02T09:00", 1.0 / 3, h, "2026-03-02T09:20"},
                            {"0.1 h is 6 min", "2026-03-02T09:00", 0.1, h, "2026-03-02T09:06"},
                            {"4.15 h × 60 is 249.00000000000003 in binary: 249 min, not 250", "2026-03-02T07:30", 4.15,
                             h, "2026-03-02T13:09"},
                            {"0.01 h rounds up to 1 min", "2026-03-02T09:00", 0.01, h, "2026-03-02T09:01"},
                        });
}

TEST_F(WorkCalendarTest, AddCalendarDaysAndMonths) {
  const TimeUnit d = TimeUnit::kDay;
  const TimeUnit m = TimeUnit::kMonth;
  ExpectAdds(
      calendar_,
      {
          {"art. 147: receipt day not counted", "2026-03-02T09:00", 3, d, "2026-03-05T17:00"},
          {"art. 148(5): Saturday -> Monday", "2026-03-02T09:00", 5, d, "2026-03-09T17:00"},
          {"received online on Saturday = Monday", "2026-03-07T10:00", 3, d, "2026-03-12T17:00"},
          {"received after hours = next day", "2026-03-02T17:30", 1, d, "2026-03-04T17:00"},
          {"received at 16:59", "2026-03-02T16:59", 1, d, "2026-03-03T17:00"},
          {"lands on Hùng Kings Sunday, then its compensatory Monday", "2026-04-23T09:00", 3, d, "2026-04-28T17:00"},
          {"lands in Tết 2026", "2026-02-09T10:00", 7, d, "2026-02-23T17:00"},
          {"lands on a make-up Saturday, a working day", "2026-01-07T10:00", 3, d, "2026-01-10T17:00"},
          {"art. 148(3): 31 Jan + 1 month = 29 Feb (leap)", "2024-01-31T10:00", 1, m, "2024-02-29T17:00"},
          {"31 Jan + 1 month = 28 Feb", "2029-01-31T10:00", 1, m, "2029-02-28T17:00"},
          {"31 Oct + 4 months = Sat 28 Feb -> Mon 2 Mar", "2025-10-31T10:00", 4, m, "2026-03-02T17:00"},
          {"31 Mar + 1 month = 30 Apr holiday -> 4 May", "2026-03-31T10:00", 1, m, "2026-05-04T17:00"},
          {"lands on the Tết weekend", "2026-01-15T09:00", 1, m, "2026-02-23T17:00"},
          {"twelve months", "2025-03-03T09:00", 12, m, "2026-03-03T17:00"},
      });
}

TEST_F(WorkCalendarTest, ZeroAmountIsTheNextWorkingMoment) {
  for (TimeUnit unit : {TimeUnit::kWorkingDay, TimeUnit::kWorkingHour, TimeUnit::kDay, TimeUnit::kMonth}) {
    auto result = calendar_.Add(Local("2026-03-01T22:00"), 0, unit);
    ASSERT_TRUE(result.has_value()) << TimeUnitName(unit);
    EXPECT_EQ(Show(*result), Show(Local("2026-03-02T07:30"))) << TimeUnitName(unit);
  }
}

TEST_F(WorkCalendarTest, RejectsInvalidAmounts) {
  const struct {
    double amount;
    TimeUnit unit;
    const char* why;
  } cases[] = {
      {-1, TimeUnit::kWorkingDay, "negative"},
      {std::nan(""), TimeUnit::kWorkingDay, "not a number"},
      {std::numeric_limits<double>::infinity(), TimeUnit::kWorkingHour, "infinite"},
      {1.5, TimeUnit::kDay, "fraction of a calendar day"},
      {0.5, TimeUnit::kMonth, "fraction of a month"},
      {4000, TimeUnit::kDay, "over ten years of days"},
      {121, TimeUnit::kMonth, "over ten years of months"},
      {2611, TimeUnit::kWorkingDay, "over ten years of working days"},
      {1e12, TimeUnit::kWorkingHour, "absurdly long"},
  };
  for (const auto& c : cases) {
    auto result = calendar_.Add(Local("2026-03-02T09:00"), c.amount, c.unit);
    ASSERT_FALSE(result.has_value()) << c.why;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << c.why;
    EXPECT_EQ(result.error().field, "amount") << c.why;
    EXPECT_FALSE(result.error().message_vi.empty()) << c.why;
    EXPECT_FALSE(result.error().message_en.empty()) << c.why;
  }
}

TEST_F(WorkCalendarTest, WorkingMinutesBetween) {
  const struct {
    const char* from;
    const char* to;
    int minutes;
    const char* why;
  } cases[] = {
      {"2026-03-02T09:00", "2026-03-02T14:00", 210, "across lunch: 150 + 60"},
      {"2026-03-02T11:30", "2026-03-02T13:00", 0, "the lunch break"},
      {"2026-03-06T16:00", "2026-03-09T08:00", 90, "over a weekend: 60 + 30"},
      {"2025-12-31T16:00", "2026-01-05T08:00", 90, "over 1–4 Jan 2026: 60 + 30"},
      {"2026-02-13T07:30", "2026-02-23T17:00", 960, "over Tết 2026: two full days"},
      {"2026-01-10T00:00", "2026-01-11T00:00", 480, "a make-up Saturday counts"},
      {"2026-03-02T00:00", "2026-03-09T00:00", 2400, "an ordinary week"},
      {"2026-03-02T16:59:30", "2026-03-02T17:00", 0, "seconds are truncated"},
      {"2026-03-02T10:00", "2026-03-02T10:00", 0, "empty interval"},
      {"2026-03-02T14:00", "2026-03-02T09:00", 0, "reversed interval"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(calendar_.WorkingMinutesBetween(Local(c.from), Local(c.to)), minutes(c.minutes)) << c.why;
  }
}

// Adding working hours and measuring the working time back must agree, whatever the calendar does.
TEST_F(WorkCalendarTest, WorkingMinutesBetweenUndoesAddWorkingHours) {
  for (const char* start : {"2026-03-02T09:00", "2026-02-13T16:45", "2025-12-31T12:10", "2026-01-09T07:00"}) {
    for (int amount : {1, 4, 8, 9, 40, 100}) {
      const LocalTime from = calendar_.NextWorkingMoment(Local(start));
      auto end = calendar_.Add(from, amount, TimeUnit::kWorkingHour);
      ASSERT_TRUE(end.has_value());
      EXPECT_EQ(calendar_.WorkingMinutesBetween(from, *end), hours(amount)) << start << " + " << amount;
    }
  }
}

TEST(WorkCalendarCustomHoursTest, OneMorningPeriod) {
  const WorkingHours mornings{{{hours(8), hours(12)}}};
  ASSERT_TRUE(mornings.Validate().has_value());
  EXPECT_EQ(mornings.DayLength(), hours(4));
  const WorkCalendar calendar(mornings, {});
  EXPECT_EQ(Show(calendar.NextWorkingMoment(Local("2026-03-02T12:00"))), Show(Local("2026-03-03T08:00")));
  ExpectAdds(calendar, {
                           {"a working day is 4 h", "2026-03-02T10:00", 1, TimeUnit::kWorkingDay, "2026-03-03T10:00"},
                           {"after hours", "2026-03-02T13:00", 1, TimeUnit::kWorkingDay, "2026-03-03T12:00"},
                           {"half a day", "2026-03-02T08:00", 0.5, TimeUnit::kWorkingDay, "2026-03-02T10:00"},
                           {"end of day is 12:00", "2026-03-02T09:00", 3, TimeUnit::kDay, "2026-03-05T12:00"},
                       });
}

TEST(WorkCalendarCustomHoursTest, ValidateRejectsBadSchedules) {
  const struct {
    WorkingHours hours;
    const char* why;
  } cases[] = {
      {WorkingHours{}, "no period"},
      {WorkingHours{{{hours(9), hours(8)}}}, "ends before it begins"},
      {WorkingHours{{{hours(9), hours(9)}}}, "empty period"},
      {WorkingHours{{{hours(13), hours(17)}, {hours(8), hours(12)}}}, "out of order"},
      {WorkingHours{{{hours(8), hours(12)}, {hours(11), hours(17)}}}, "overlapping"},
      {WorkingHours{{{hours(20), hours(25)}}}, "past midnight"},
      {WorkingHours{{{minutes(-30), hours(8)}}}, "before midnight"},
  };
  for (const auto& c : cases) {
    auto valid = c.hours.Validate();
    ASSERT_FALSE(valid.has_value()) << c.why;
    EXPECT_EQ(valid.error().field, "working_hours") << c.why;
    EXPECT_THROW(WorkCalendar(c.hours, {}), std::invalid_argument) << c.why;
  }
  EXPECT_TRUE(WorkingHours::Default().Validate().has_value());
  EXPECT_EQ(WorkingHours::Default().DayLength(), hours(8));
}

TEST(WorkCalendarGuardTest, NoWorkingDayForYearsIsAnErrorNotAnEndlessLoop) {
  std::vector<CalendarEntry> closed;
  for (LocalDate d = Date("2026-01-01"); d < Date("2038-01-01"); d += std::chrono::days(1)) {
    closed.push_back({d, DayKind::kPublicHoliday, "closed", true, "test", ""});
  }
  const WorkCalendar calendar(WorkingHours::Default(), std::move(closed));
  auto result = calendar.Add(Local("2026-03-02T09:00"), 1, TimeUnit::kWorkingDay);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(result.error().field, "calendar");
  EXPECT_FALSE(calendar.Add(Local("2026-03-02T09:00"), 3, TimeUnit::kDay).has_value());
  EXPECT_EQ(Show(calendar.NextWorkingMoment(Local("2026-03-02T09:00"))), Show(Local("2026-03-02T09:00")));
}

TEST(WorkCalendarEntriesTest, LaterDuplicateWinsAndOrderDoesNotMatter) {
  const LocalDate saturday = Date("2026-03-07");
  const LocalDate monday = Date("2026-03-02");
  const WorkCalendar calendar(WorkingHours::Default(),
                              {{saturday, DayKind::kWeekendWithinBreak, "off", true, "", ""},
                               {monday, DayKind::kPublicHoliday, "holiday", true, "", ""},
                               {saturday, DayKind::kMakeupWorkingDay, "corrected", false, "", ""}});
  EXPECT_TRUE(calendar.IsWorkingDay(saturday));
  ASSERT_NE(calendar.EntryFor(saturday), nullptr);
  EXPECT_EQ(calendar.EntryFor(saturday)->name_vi, "corrected");
  EXPECT_FALSE(calendar.IsWorkingDay(monday));
}

TEST(CalendarEntryTest, DayKindNamesRoundTrip) {
  const struct {
    const char* name;
    DayKind kind;
  } cases[] = {
      {"public_holiday", DayKind::kPublicHoliday},
      {"public_holiday_on_weekend", DayKind::kPublicHolidayOnWeekend},
      {"compensatory_day_off", DayKind::kCompensatoryDayOff},
      {"swapped_day_off", DayKind::kSwappedDayOff},
      {"weekend_within_break", DayKind::kWeekendWithinBreak},
      {"makeup_working_day", DayKind::kMakeupWorkingDay},
      {"proposed_holiday", DayKind::kProposedHoliday},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ParseDayKind(c.name), c.kind) << c.name;
    EXPECT_EQ(DayKindName(c.kind), c.name);
  }
  EXPECT_EQ(ParseDayKind("holiday"), std::nullopt);
  EXPECT_EQ(ParseDayKind("Public_Holiday"), std::nullopt);
  EXPECT_EQ(ParseDayKind(""), std::nullopt);
}

}  // namespace
}  // namespace motcua
