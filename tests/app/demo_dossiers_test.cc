#include "app/demo_dossiers.h"

#include <gtest/gtest.h>

#include <map>

#include "app/catalogue_installer.h"
#include "app/work_calendar_loader.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::app {
namespace {

std::unique_ptr<store::Store> DemoStore(unsigned seed) {
  auto store = store::OpenSqliteStore(":memory:").value();
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

}  // namespace
}  // namespace motcua::app
