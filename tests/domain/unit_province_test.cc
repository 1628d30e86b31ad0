// Tests of the province of a unit (domain/unit_province.h), with a catalogue lookup that records what it was
// asked, so that the tests also show when the catalogue is not consulted.
#include "domain/unit_province.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/error.h"

namespace motcua {
namespace {

TEST(UnitProvinceTest, AProvinceIsItsOwnAndACommunesIsTheCataloguesOne) {
  struct Case {
    const char* unit;
    const char* province;
    bool looked_up;
    const char* why;
  } cases[] = {
      {"04", "04", false, "a province-level unit is its own province"},
      {"99", "99", false, "any 2-character code is taken as a province, known or not"},
      {"", "", false, "no unit, no province"},
      {"05152", "04", true, "a commune: the catalogue says"},
      {"77777", "", true, "a commune the catalogue does not know"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<std::string> asked;
    const std::string province = UnitProvince(c.unit, [&](const std::string& commune) {
      asked.push_back(commune);
      return std::string(commune == "05152" ? "04" : "");
    });
    EXPECT_EQ(province, c.province);
    EXPECT_EQ(asked, c.looked_up ? std::vector<std::string>{c.unit} : std::vector<std::string>{});
  }
}

TEST(UnitProvinceTest, AFailedLookupIsTheAnswer) {
  auto failing = [](const std::string&) -> Result<std::string> {
    return Fail(Error::Internal("kho lỗi", "the store failed"));
  };
  const Result<std::string> commune = UnitProvince("05152", failing);
  ASSERT_FALSE(commune.has_value());
  EXPECT_EQ(commune.error().code, ErrorCode::kInternal);
  const Result<std::string> province = UnitProvince("04", failing);
  ASSERT_TRUE(province.has_value());
  EXPECT_EQ(*province, "04");
}

}  // namespace
}  // namespace motcua
