// The benchmark history generator (app/history_generator.h): lawful dossiers through the use cases, in the
// proportions of a real commune report, deterministic for a seed, with counters equal to a rebuild.
#include "app/history_generator.h"

#include <gtest/gtest.h>

#include <map>

#include "app/catalogue_installer.h"
#include "app/reference_files.h"
#include "app/work_calendar_loader.h"
#include "store/store_factory.h"
#include "support/all_dossiers.h"

namespace motcua::app {
namespace {

HistoryPlan Plan(std::size_t dossiers, unsigned seed) {
  HistoryPlan plan;
  plan.province = "04";  // Tỉnh Cao Bằng
  plan.dossiers = dossiers;
  plan.years = 1;
  plan.end = ParseIsoInstant("2026-06-01T00:00:00+07:00", "end").value();
  plan.seed = seed;
  plan.batch = 100;
  return plan;
}

struct Generated {
  std::unique_ptr<store::Store> store;
  HistorySummary summary;
};

Generated Generate(const HistoryPlan& plan) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  EXPECT_TRUE(InstallReferenceCatalogue(*store, BuiltInReferenceFiles()).has_value());
  const WorkCalendar calendar = LoadWorkCalendar(*store).value();
  auto summary = GenerateHistory(*store, calendar, LifecycleSettings{}, plan);
  EXPECT_TRUE(summary.has_value()) << summary.error().message_en;
  return {std::move(store), summary.value_or(HistorySummary{})};
}

std::vector<store::DossierSummary> All(store::Store& store) { return test_support::AllDossiers(store); }

TEST(HistoryGeneratorTest, MakesLawfulDossiersInTheProportionsOfARealReport) {
  const Generated g = Generate(Plan(600, 3));
  EXPECT_EQ(g.summary.dossiers, 600u);
  EXPECT_EQ(g.summary.communes, 56u);
  const std::vector<store::DossierSummary> all = All(*g.store);
  ASSERT_EQ(all.size(), 600u);
  std::map<DossierStatus, int> statuses;
  int online = 0, boundaryless = 0;
  for (const auto& d : all) {
    ++statuses[d.status];
    online += d.channel == Channel::kOnline;
    boundaryless += d.competent_unit != d.receiving_unit;
  }
  // Đông Khê, Q3 2025: most dossiers resolved and handed back, a few refused, cancelled or withdrawn, a few open.
  EXPECT_GT(statuses[DossierStatus::kReturned], 480);
  EXPECT_GT(statuses[DossierStatus::kRefused], 5);
  EXPECT_GT(statuses[DossierStatus::kProcessing] + statuses[DossierStatus::kWaitingSupplement], 0);
  EXPECT_EQ(
      static_cast<std::size_t>(statuses[DossierStatus::kProcessing] + statuses[DossierStatus::kWaitingSupplement] +
                               statuses[DossierStatus::kResultReady]),
      g.summary.open_at_end);
  EXPECT_GT(online, 120) << "online where the catalogue offers it";
  EXPECT_GT(boundaryless, 200) << "about half received across boundaries (48.73 % at Đông Khê)";
  EXPECT_LT(boundaryless, 360);
  EXPECT_FALSE(g.store->VerifyDossierChains().value().has_value());
  EXPECT_FALSE(g.store->RebuildCounters({}, false).value().has_value()) << "counters kept with the events";
}

TEST(HistoryGeneratorTest, TheSameSeedMakesTheSameHistory) {
  const Generated a = Generate(Plan(150, 9));
  const Generated b = Generate(Plan(150, 9));
  const auto codes = a.store->DossierCodes({}).value();
  ASSERT_EQ(codes, b.store->DossierCodes({}).value());
  for (const auto& code : codes) {
    EXPECT_EQ(a.store->LoadDossier(code).value()->last_hash, b.store->LoadDossier(code).value()->last_hash) << code;
  }
}

TEST(HistoryGeneratorTest, BadPlansNameTheirField) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  ASSERT_TRUE(InstallReferenceCatalogue(*store, BuiltInReferenceFiles()).has_value());
  const WorkCalendar calendar = LoadWorkCalendar(*store).value();
  HistoryPlan plan = Plan(10, 1);
  plan.province = "99";
  EXPECT_EQ(GenerateHistory(*store, calendar, {}, plan).error().field, "province");
  plan = Plan(0, 1);
  EXPECT_EQ(GenerateHistory(*store, calendar, {}, plan).error().field, "dossiers");
  plan = Plan(10, 1);
  plan.years = 0;
  EXPECT_EQ(GenerateHistory(*store, calendar, {}, plan).error().field, "years");
}

}  // namespace
}  // namespace motcua::app
