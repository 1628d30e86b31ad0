// Processing times as Vietnamese text (domain/time_unit.h): every unit, whole and fractional amounts.
#include "domain/time_unit.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(TimeUnitTest, ADurationReadsAsTheLawWritesIt) {
  EXPECT_EQ(DurationVi(3, TimeUnit::kWorkingDay), "3 ngày làm việc");
  EXPECT_EQ(DurationVi(30, TimeUnit::kDay), "30 ngày");
  EXPECT_EQ(DurationVi(4, TimeUnit::kWorkingHour), "4 giờ làm việc");
  EXPECT_EQ(DurationVi(1, TimeUnit::kMonth), "1 tháng");
  EXPECT_EQ(DurationVi(1.5, TimeUnit::kWorkingDay), "1,5 ngày làm việc");
  EXPECT_EQ(DurationVi(0.25, TimeUnit::kDay), "0,25 ngày");
  EXPECT_EQ(DurationVi(0, TimeUnit::kWorkingDay), "0 ngày làm việc");
}

TEST(TimeUnitTest, EveryCanonicalNameParsesBack) {
  for (TimeUnit unit : {TimeUnit::kWorkingDay, TimeUnit::kDay, TimeUnit::kWorkingHour, TimeUnit::kMonth}) {
    EXPECT_EQ(ParseTimeUnit(TimeUnitName(unit)), unit);
  }
  EXPECT_EQ(ParseTimeUnit("hour"), TimeUnit::kWorkingHour);
  EXPECT_EQ(ParseTimeUnit("week"), std::nullopt);
}

}  // namespace
}  // namespace motcua
