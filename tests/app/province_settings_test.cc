// The settings the law leaves to the province (app/province_settings.h): a default until set, a history of who set
// what, clear refusals, and the lifecycle settings they make.
#include "app/province_settings.h"

#include <gtest/gtest.h>

#include "store/store_factory.h"

namespace motcua::app {
namespace {

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

TEST(ProvinceSettingsTest, WorkingDaysAreCountedInWorkingHoursUntilTheProvinceChooses) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  auto listed = ListProvinceSettings(*store).value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].spec->name, "working_days");
  EXPECT_EQ(listed[0].value, "working_hours");
  EXPECT_FALSE(listed[0].set.has_value());
  EXPECT_EQ(LoadLifecycleSettings(*store).value().deadline.working_days, WorkingDayReading::kWorkingHours);

  ASSERT_TRUE(SetProvinceSetting(*store, "working_days", "civil_code", "quan.tri", At("2026-03-02T09:00:00+07:00")));
  listed = ListProvinceSettings(*store).value();
  EXPECT_EQ(listed[0].value, "civil_code");
  ASSERT_TRUE(listed[0].set.has_value());
  EXPECT_EQ(listed[0].set->set_by, "quan.tri");
  EXPECT_EQ(listed[0].set->set_at, At("2026-03-02T09:00:00+07:00"));
  EXPECT_EQ(LoadLifecycleSettings(*store).value().deadline.working_days, WorkingDayReading::kCivilCode);

  // A later value wins; the earlier one is kept in the table, not overwritten.
  ASSERT_TRUE(SetProvinceSetting(*store, "working_days", "working_hours", "cli", At("2026-03-03T09:00:00+07:00")));
  EXPECT_EQ(LoadLifecycleSettings(*store).value().deadline.working_days, WorkingDayReading::kWorkingHours);
  EXPECT_EQ(ListProvinceSettings(*store).value()[0].set->set_by, "cli");
}

TEST(ProvinceSettingsTest, UnknownNamesAndValuesAreRefusedNamingTheChoices) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  auto name = SetProvinceSetting(*store, "working_hours", "civil_code", "cli", At("2026-03-02T09:00:00+07:00"));
  ASSERT_FALSE(name);
  EXPECT_EQ(name.error().field, "name");
  EXPECT_NE(name.error().message_en.find("working_days"), std::string::npos) << name.error().message_en;
  auto value = SetProvinceSetting(*store, "working_days", "bo_luat_dan_su", "cli", At("2026-03-02T09:00:00+07:00"));
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().field, "value");
  EXPECT_NE(value.error().message_en.find("civil_code"), std::string::npos) << value.error().message_en;
  EXPECT_FALSE(ListProvinceSettings(*store).value()[0].set.has_value()) << "nothing was saved";
}

TEST(ProvinceSettingsTest, AValueEditedIntoTheFileStopsTheStartInsteadOfBeingGuessed) {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  ASSERT_TRUE(store->SaveProvinceSetting({"working_days", "both", "sqlite3", At("2026-03-02T09:00:00+07:00")}));
  auto settings = LoadLifecycleSettings(*store);
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().field, "working_days");
}

}  // namespace
}  // namespace motcua::app
