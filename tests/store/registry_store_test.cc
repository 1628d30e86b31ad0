// Agencies and receiving points as the administrator registers them: saving again replaces, lists are in id
// order and by unit, and a point cannot name an agency that is not registered.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/store_backends.h"

namespace motcua::store {
namespace {

std::vector<std::string> IdsOf(const auto& rows) {
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.id);
  return ids;
}

class RegistryStoreTest : public test_support::StoreBackendTest {
 protected:
  void Save(const Agency& agency) { ASSERT_TRUE(store_->SaveAgency(agency).has_value()); }
  void Save(const ReceivingPoint& point) {
    auto saved = store_->SaveReceivingPoint(point);
    ASSERT_TRUE(saved.has_value()) << saved.error().message_en;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, RegistryStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

const Agency kSongKhua{"000.00.25.H52", "Ủy ban nhân dân xã Song Khủa", "04006"};
const Agency kToHieu{"000.00.12.H52", "Ủy ban nhân dân phường Tô Hiệu", "03646"};
const Agency kProvince{"000.00.00.H52", "Văn phòng UBND tỉnh Sơn La", "14"};

TEST_P(RegistryStoreTest, AnAgencyIsReadBackAsSaved) {
  Save(kSongKhua);
  auto found = store_->FindAgency(kSongKhua.id).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, kSongKhua.id);
  EXPECT_EQ(found->name, kSongKhua.name);
  EXPECT_EQ(found->unit, kSongKhua.unit);
  EXPECT_FALSE(store_->FindAgency("000.00.99.H52").value().has_value());
}

TEST_P(RegistryStoreTest, SavingAnAgencyAgainReplacesItsNameAndUnit) {
  Save(kSongKhua);
  Save(Agency{kSongKhua.id, "UBND xã Song Khủa (mới)", "03646"});
  auto all = store_->ListAgencies(std::nullopt).value();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "UBND xã Song Khủa (mới)");
  EXPECT_EQ(all[0].unit, "03646");
}

TEST_P(RegistryStoreTest, ListsAgenciesInIdOrderAndByUnit) {
  Save(kSongKhua);
  Save(kProvince);
  Save(kToHieu);
  Save(Agency{"000.00.26.H52", "Công an xã Song Khủa", "04006"});
  EXPECT_EQ(IdsOf(store_->ListAgencies(std::nullopt).value()),
            (std::vector<std::string>{"000.00.00.H52", "000.00.12.H52", "000.00.25.H52", "000.00.26.H52"}));
  EXPECT_EQ(IdsOf(store_->ListAgencies("04006").value()), (std::vector<std::string>{"000.00.25.H52", "000.00.26.H52"}));
  EXPECT_EQ(IdsOf(store_->ListAgencies("14").value()), (std::vector<std::string>{"000.00.00.H52"}));
  EXPECT_TRUE(store_->ListAgencies("31").value().empty());
}

TEST_P(RegistryStoreTest, APointIsReadBackAsSaved) {
  Save(kSongKhua);
  const ReceivingPoint point{"04006-ttpvhcc", "Trung tâm phục vụ hành chính công xã Song Khủa", "04006", kSongKhua.id,
                             "Bản Suối Lìn"};
  Save(point);
  auto found = store_->FindReceivingPoint(point.id).value();
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, point.id);
  EXPECT_EQ(found->name, point.name);
  EXPECT_EQ(found->unit, point.unit);
  EXPECT_EQ(found->agency_id, point.agency_id);
  EXPECT_EQ(found->address, point.address);
  EXPECT_FALSE(store_->FindReceivingPoint("none").value().has_value());
}

TEST_P(RegistryStoreTest, SavingAPointAgainReplacesEveryField) {
  Save(kSongKhua);
  Save(kToHieu);
  Save(ReceivingPoint{"p1", "Điểm 1", "04006", kSongKhua.id, "Bản A"});
  Save(ReceivingPoint{"p1", "Điểm một", "03646", kToHieu.id, ""});
  auto all = store_->ListReceivingPoints(std::nullopt).value();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "Điểm một");
  EXPECT_EQ(all[0].unit, "03646");
  EXPECT_EQ(all[0].agency_id, kToHieu.id);
  EXPECT_EQ(all[0].address, "");
}

TEST_P(RegistryStoreTest, ListsPointsInIdOrderAndByUnit) {
  Save(kSongKhua);
  Save(kProvince);
  // Cát Hải special zone runs two centers: a unit may have several points.
  Save(ReceivingPoint{"04006-b", "Điểm B", "04006", kSongKhua.id, ""});
  Save(ReceivingPoint{"14-ttpvhcc", "Trung tâm tỉnh", "14", kProvince.id, ""});
  Save(ReceivingPoint{"04006-a", "Điểm A", "04006", kSongKhua.id, ""});
  EXPECT_EQ(IdsOf(store_->ListReceivingPoints(std::nullopt).value()),
            (std::vector<std::string>{"04006-a", "04006-b", "14-ttpvhcc"}));
  EXPECT_EQ(IdsOf(store_->ListReceivingPoints("04006").value()), (std::vector<std::string>{"04006-a", "04006-b"}));
  EXPECT_TRUE(store_->ListReceivingPoints("03646").value().empty());
}

TEST_P(RegistryStoreTest, APointOfAnUnknownAgencyIsNotFoundAndNotSaved) {
  auto saved = store_->SaveReceivingPoint(ReceivingPoint{"p1", "Điểm 1", "04006", "000.00.99.H52", ""});
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(saved.error().field, "agency_id");
  EXPECT_FALSE(store_->FindReceivingPoint("p1").value().has_value());
}

TEST_P(RegistryStoreTest, ResavingAPointWithAnUnknownAgencyKeepsTheOldOne) {
  Save(kSongKhua);
  Save(ReceivingPoint{"p1", "Điểm 1", "04006", kSongKhua.id, ""});
  auto saved = store_->SaveReceivingPoint(ReceivingPoint{"p1", "Điểm đổi", "04006", "000.00.99.H52", ""});
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(saved.error().field, "agency_id");
  EXPECT_EQ(store_->FindReceivingPoint("p1").value()->agency_id, kSongKhua.id);
  EXPECT_EQ(store_->FindReceivingPoint("p1").value()->name, "Điểm 1");
}

TEST_P(RegistryStoreTest, RegistrationsOutliveTheConnection) {
  if (!GetParam().shared) GTEST_SKIP() << test_support::kNeedsSharedDatabase;
  ASSERT_TRUE(store_->SaveAgency(kSongKhua).has_value());
  ASSERT_TRUE(store_->SaveReceivingPoint(ReceivingPoint{"p1", "Điểm 1", "04006", kSongKhua.id, ""}).has_value());
  store_.reset();
  auto reopened = Reopen();
  EXPECT_TRUE(reopened->FindAgency(kSongKhua.id).value().has_value());
  EXPECT_TRUE(reopened->FindReceivingPoint("p1").value().has_value());
}

}  // namespace
}  // namespace motcua::store
