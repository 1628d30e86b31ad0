// One truth about a dossier (issue 15, item 11): on a generated year of a province, the dossier page, public
// tracking and the list say the same of every dossier, and counting what they say gives the periodic report's
// resolved early / on time / late and its in-progress within deadline / overdue. Before, the pages called 44 of
// 52 "not supplemented" dossiers late while the report counted them on time.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <map>

#include "app/catalogue_installer.h"
#include "app/dossier_tracking.h"
#include "app/dossier_view.h"
#include "app/history_generator.h"
#include "app/periodic_reports.h"
#include "app/reference_files.h"
#include "app/work_calendar_loader.h"
#include "domain/dossier_standing.h"
#include "store/store_factory.h"
#include "support/all_dossiers.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }
LocalDate Day(const char* iso) { return ParseIsoDate(iso, "test").value(); }

std::vector<store::DossierSummary> All(store::Store& store) { return test_support::AllDossiers(store); }

// A year of Cao Bằng, with extensions, supplements, refusals and dossiers still open at its end.
void GenerateYear(store::Store& store) {
  ASSERT_TRUE(InstallReferenceCatalogue(store, BuiltInReferenceFiles()).has_value());
  const WorkCalendar calendar = LoadWorkCalendar(store).value();
  HistoryPlan plan;
  plan.province = "04";
  plan.dossiers = 900;
  plan.end = At("2026-06-01T00:00:00+07:00");
  plan.seed = 15;
  plan.batch = 300;
  ASSERT_TRUE(GenerateHistory(store, calendar, LifecycleSettings{}, plan).has_value());
}

TEST(DossierStandingAgreementTest, PagesTrackingListsAndTheReportSayTheSame) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  GenerateYear(*store);

  // The end of the report's last day: where a list would stand if read then.
  const Instant end_of_period = At("2026-05-31T23:59:59+07:00");
  const DeadlinePolicy policy;
  std::map<Standing, std::int64_t> counted;
  for (const store::DossierSummary& s : All(*store)) {
    SCOPED_TRACE(s.code);
    const Standing listed =
        StandingOf(DeadlineFacts{s.status, s.received_at, s.completed_at, s.statutory_due_at}, end_of_period, policy);
    const DossierView page = ShowDossier(*store, s.code, end_of_period, policy).value();
    EXPECT_EQ(page.standing, listed);
    EXPECT_EQ(page.overdue, listed == Standing::kOverdue);
    EXPECT_EQ(page.completion, TimelinessOf(listed));
    const DossierTracking tracked = TrackDossier(*store, s.code, end_of_period, policy).value();
    EXPECT_EQ(tracked.standing, listed);
    EXPECT_EQ(tracked.timeliness, TimelinessOf(listed));
    ++counted[listed];
  }

  const ReportRequest request{
      store::ReportSide::kReceiving, std::nullopt, "04", std::nullopt, Day("2025-06-01"), Day("2026-05-31"),
      ReportBreakdown::kNone};
  const ReportFigures f = BuildPeriodicReport(*store, request, At("2026-06-02T08:00:00+07:00")).value().total.figures;
  EXPECT_EQ(f.resolved_early, counted[Standing::kEarly]);
  EXPECT_EQ(f.resolved_on_time, counted[Standing::kOnTime]);
  EXPECT_EQ(f.resolved_late, counted[Standing::kLate]);
  EXPECT_EQ(f.in_progress_overdue, counted[Standing::kOverdue]);
  EXPECT_EQ(f.in_progress_within_deadline, counted[Standing::kWithinDeadline] + counted[Standing::kPaused]);
  // The history has every kind, or the comparison would prove little.
  EXPECT_GT(counted[Standing::kLate], 0);
  EXPECT_GT(counted[Standing::kOnTime], counted[Standing::kLate]);
  EXPECT_GT(f.returned_to_applicant, 0);
  EXPECT_GT(counted[Standing::kWithinDeadline] + counted[Standing::kPaused] + counted[Standing::kOverdue], 0);
}

// A database made before the dossiers list kept the statutory appointment gets it when it is opened (migration
// 0013): the appointment of each dossier's receipt and supplements, not the apology slip's new date.
TEST(DossierStandingAgreementTest, TheMigrationFindsTheStatutoryAppointmentOfEveryDossier) {
  const std::string path = test_support::TempDbPath();
  std::map<std::string, std::optional<Instant>> kept;
  int extended = 0;
  {
    auto store = store::OpenStore(store::StoreSpec::Sqlite(path)).value();
    GenerateYear(*store);
    for (const store::DossierSummary& s : All(*store)) {
      kept[s.code] = s.statutory_due_at;
      extended += s.statutory_due_at != s.due_at;
    }
  }
  ASSERT_GT(extended, 0) << "the history must have extended dossiers";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE dossiers DROP COLUMN statutory_due_at; DELETE FROM schema_migrations WHERE version = 13");
  }
  auto store = store::OpenStore(store::StoreSpec::Sqlite(path)).value();
  std::size_t compared = 0;
  for (const store::DossierSummary& s : All(*store)) {
    EXPECT_EQ(s.statutory_due_at, kept.at(s.code)) << s.code;
    ++compared;
  }
  EXPECT_EQ(compared, kept.size());
}

}  // namespace
}  // namespace motcua::app
