// The consistency of a province's procedure settings (domain/procedure_settings.h).
#include "domain/procedure_settings.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

ProcedureSettings Valid() {
  ProcedureSettings s;
  s.procedure_code = "1.001193";
  s.processing_times = {{Channel::kDirect, 3, TimeUnit::kWorkingDay}, {Channel::kOnline, 2.5, TimeUnit::kWorkingDay}};
  s.steps = {
      {"Tiếp nhận", Role::kReceptionist, 0}, {"Thẩm định", Role::kSpecialist, 70}, {"Phê duyệt", Role::kLeader, 30}};
  return s;
}

TEST(ProcedureSettingsTest, ValidSettingsPass) {
  EXPECT_TRUE(ValidateProcedureSettings(Valid()).has_value());
  EXPECT_TRUE(ValidateProcedureSettings(ProcedureSettings{}).has_value());  // nothing set is a setting too
}

TEST(ProcedureSettingsTest, EachProblemNamesItsField) {
  struct Case {
    const char* what;
    void (*change)(ProcedureSettings&);
    const char* field;
  } cases[] = {
      {"zero time", [](ProcedureSettings& s) { s.processing_times[1].amount = 0; }, "processing_times[1].amount"},
      {"negative time", [](ProcedureSettings& s) { s.processing_times[0].amount = -1; }, "processing_times[0].amount"},
      {"over ten years", [](ProcedureSettings& s) { s.processing_times[0].amount = 3651; },
       "processing_times[0].amount"},
      {"a channel twice", [](ProcedureSettings& s) { s.processing_times[1].channel = Channel::kDirect; },
       "processing_times[1].channel"},
      {"unnamed step", [](ProcedureSettings& s) { s.steps[1].name = "  "; }, "steps[1].name"},
      {"citizen step", [](ProcedureSettings& s) { s.steps[2].role = Role::kCitizen; }, "steps[2].role"},
      {"share over 100", [](ProcedureSettings& s) { s.steps[1].share_percent = 101; }, "steps[1].share_percent"},
      {"shares under 100", [](ProcedureSettings& s) { s.steps[1].share_percent = 60; }, "steps"},
      {"too many steps",
       [](ProcedureSettings& s) {
         s.steps.resize(21, {"x", Role::kSpecialist, 0});
       },
       "steps"},
  };
  for (const Case& c : cases) {
    ProcedureSettings s = Valid();
    c.change(s);
    auto checked = ValidateProcedureSettings(s);
    ASSERT_FALSE(checked.has_value()) << c.what;
    EXPECT_EQ(checked.error().field, c.field) << c.what;
  }
}

TEST(ProcedureSettingsTest, TimeForAChannel) {
  const ProcedureSettings s = Valid();
  EXPECT_EQ(SettingTimeFor(s, Channel::kOnline)->amount, 2.5);
  EXPECT_FALSE(SettingTimeFor(s, Channel::kPostal).has_value());
}

}  // namespace
}  // namespace motcua
