#include "app/demo_dossiers.h"

#include <gtest/gtest.h>

#include <map>

#include <sstream>

#include "app/catalogue_installer.h"
#include "app/event_transfer.h"
#include "app/work_calendar_loader.h"
#include "store/store_factory.h"

namespace motcua::app {
namespace {

std::unique_ptr<store::Store> DemoStore(unsigned seed) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  EXPECT_TRUE(InstallReferenceCatalogue(*store, BuiltInReferenceFiles()).has_value());
  const WorkCalendar calendar = LoadWorkCalendar(*store).value();
  DemoPlan plan;
  plan.end = ParseIsoInstant("2026-03-20T17:00:00+07:00", "end").value();
  plan.seed = seed;
  auto summary = CreateDemoDossiers(*store, calendar, LifecycleSettings{}, plan);
  EXPECT_TRUE(summary.has_value()) << summary.error().message_en;
  EXPECT_EQ(summary->dossiers, 40u);
  return store;
}

std::map<DossierStatus, int> Statuses(store::Store& store) {
  std::map<DossierStatus, int> counts;
  const std::vector<std::string> codes = store.DossierCodes({}).value();
  for (const auto& code : codes) ++counts[store.LoadDossier(code).value()->status];
  return counts;
}

TEST(DemoDossiersTest, FortyLawfulDossiersWithMixedOutcomesAndAnIntactChain) {
  auto store = DemoStore(2025);
  const auto counts = Statuses(*store);
  EXPECT_GT(counts.at(DossierStatus::kReturned), 15);  // most are handed back
  EXPECT_GE(counts.size(), 3u) << "several outcomes, not one";
  EXPECT_FALSE(store->VerifyDossierChains().value().has_value());
}

TEST(DemoDossiersTest, TheSameSeedGivesTheSameDossiers) {
  auto a = DemoStore(7);
  auto b = DemoStore(7);
  EXPECT_EQ(a->DossierCodes({}).value(), b->DossierCodes({}).value());
  EXPECT_EQ(Statuses(*a), Statuses(*b));
}

// Property: for generated histories of every outcome, exporting and importing into an empty store gives
// back the same state for every dossier.
TEST(DemoDossiersTest, ExportThenImportReproducesEveryStateForManySeeds) {
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    SCOPED_TRACE(seed);
    auto source = DemoStore(seed);
    std::ostringstream exported;
    ASSERT_TRUE(ExportEvents(*source, {}, exported).has_value());
    auto target = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
    ASSERT_TRUE(InstallReferenceCatalogue(*target, BuiltInReferenceFiles()).has_value());
    std::istringstream in(exported.str());
    const FixedClock clock(ParseIsoInstant("2026-04-01T08:00:00+07:00", "now").value());
    // The demo names its scans without storing them, and an export carries no files.
    ImportOptions options;
    options.importer = "kiem.thu";
    options.outside_files = true;
    auto report = ImportEvents(*target, clock, in, options);
    ASSERT_TRUE(report.has_value());
    EXPECT_TRUE(report->problems.empty());
    const std::vector<std::string> codes = source->DossierCodes({}).value();
    ASSERT_EQ(target->DossierCodes({}).value(), codes);
    for (const auto& code : codes) {
      const DossierState a = source->LoadDossier(code).value().value();
      const DossierState b = target->LoadDossier(code).value().value();
      EXPECT_EQ(a.status, b.status) << code;
      EXPECT_EQ(a.due_at, b.due_at) << code;
      EXPECT_EQ(a.suspended_at, b.suspended_at) << code;
      EXPECT_EQ(a.completed_at, b.completed_at) << code;
      EXPECT_EQ(a.returned_at, b.returned_at) << code;
      EXPECT_EQ(a.extensions, b.extensions) << code;
      EXPECT_EQ(a.evaluation, b.evaluation) << code;
      EXPECT_EQ(a.last_seq, b.last_seq) << code;
    }
    EXPECT_FALSE(target->VerifyDossierChains().value().has_value());
  }
}

}  // namespace
}  // namespace motcua::app
