#include "app/unit_lookup.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/catalogue_installer.h"
#include "store/store_factory.h"

namespace motcua::app {
namespace {

class UnitLookupTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value().release();
    ASSERT_TRUE(InstallReferenceCatalogue(*store_, BuiltInReferenceFiles()).has_value());
  }
  static void TearDownTestSuite() { delete store_; }
  static store::Store* store_;
};
store::Store* UnitLookupTest::store_ = nullptr;

// The seed example of data/reference/README.md: Xã Vân Sơn (05152, Phú Thọ) = Quyết Chiến (05152) +
// Vân Sơn (05176) + Ngổ Luông (05194), all merged whole.
TEST_F(UnitLookupTest, AWholeMergeMapsToOneNewCommune) {
  for (const char* old_code : {"05152", "05176", "05194"}) {
    SCOPED_TRACE(old_code);
    auto lookup = LookUpLegacyCommune(*store_, old_code).value();
    EXPECT_EQ(lookup.resolution.outcome, LegacyOutcome::kUnique);
    ASSERT_EQ(lookup.resolution.candidates.size(), 1u);
    EXPECT_EQ(lookup.resolution.candidates[0].commune_code, "05152");
    EXPECT_EQ(lookup.resolution.candidates[0].commune_name, "Xã Vân Sơn");
    EXPECT_EQ(lookup.resolution.candidates[0].province_code, "25");
  }
  EXPECT_EQ(LookUpLegacyCommune(*store_, "05194").value().old_unit->commune_name, "Xã Ngổ Luông");
}

// Phường Điện Biên (00019, Ba Đình, Hà Nội) was split between four new wards.
TEST_F(UnitLookupTest, APartialMergeListsEveryCandidate) {
  auto lookup = LookUpLegacyCommune(*store_, "00019").value();
  EXPECT_EQ(lookup.resolution.outcome, LegacyOutcome::kNeedsDecision);
  std::vector<std::string> codes;
  for (const auto& link : lookup.resolution.candidates) codes.push_back(link.commune_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"00004", "00070", "00190", "00226"}));
}

TEST_F(UnitLookupTest, AnUnknownOldCodeIsUnknownNotAnError) {
  auto lookup = LookUpLegacyCommune(*store_, "99998").value();
  EXPECT_EQ(lookup.resolution.outcome, LegacyOutcome::kUnknown);
  EXPECT_FALSE(lookup.old_unit.has_value());
}

TEST_F(UnitLookupTest, MalformedCodesAreRejectedNamingTheOption) {
  for (const char* bad : {"", "5194", "051940", "0519a"}) {
    SCOPED_TRACE(bad);
    auto lookup = LookUpLegacyCommune(*store_, bad);
    ASSERT_FALSE(lookup.has_value());
    EXPECT_EQ(lookup.error().field, "legacy");
  }
  EXPECT_EQ(ListProvinceUnits(*store_, "4").error().field, "province");
}

TEST_F(UnitLookupTest, ListsTheCommunesOfAProvince) {
  auto units = ListProvinceUnits(*store_, "04").value();
  EXPECT_EQ(units.province.name, "Tỉnh Cao Bằng");
  EXPECT_FALSE(units.communes.empty());
  for (const auto& c : units.communes) EXPECT_EQ(c.province_code, "04");
  EXPECT_EQ(ListProvinceUnits(*store_, "99").error().code, ErrorCode::kNotFound);
}

TEST_F(UnitLookupTest, SecondInstallChangesNothing) {
  auto again = InstallReferenceCatalogue(*store_, BuiltInReferenceFiles());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->changes.TotalWritten(), 0u);
}

}  // namespace
}  // namespace motcua::app
