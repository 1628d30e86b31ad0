// The province's own search synonyms: checked before they are stored, used by the catalogue's search the moment
// they are added or retired, and read again when the catalogue is opened (a restart keeps them).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/clock.h"
#include "app/procedure_catalogue.h"
#include "app/province_synonym_admin.h"
#include "store/store_factory.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

Procedure Named(std::string code, std::string name) {
  Procedure p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.field = "Đất đai";
  p.levels = {"commune"};
  return p;
}

class ProvinceSynonymAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::OpenStore(store::StoreSpec::Sqlite(test_support::TempDbPath())).value();
    ReferenceCatalogue reference;
    reference.procedures = {
        Named("1.000001", "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu"),
        Named("1.000002", "Đăng ký khai sinh"),
        Named("1.000003", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    };
    ASSERT_TRUE(store_->SaveReferenceCatalogue(reference));
    catalogue_ = std::make_unique<ProcedureCatalogue>(OpenProcedureCatalogue(*store_).value());
  }

  ProvinceSynonymAdmin Admin() { return ProvinceSynonymAdmin(*store_, clock_, *catalogue_); }
  std::string FirstCode(const ProcedureCatalogue& catalogue, std::string_view question) {
    const ProcedureMatches matches = catalogue.Search(question, {}).value();
    return matches.hits.empty() ? std::string() : matches.hits.front().procedure.code;
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ProcedureCatalogue> catalogue_;
  FixedClock clock_{test_support::At("2026-12-06T09:00:00+07:00")};
};

TEST_F(ProvinceSynonymAdminTest, AnAddedSynonymIsSearchedAtOnceAndARetiredOneNoLonger) {
  EXPECT_EQ(FirstCode(*catalogue_, "bìa xanh"), "");  // no procedure says it
  const auto added = Admin().Add("qt.tinh", "  Bìa  Xanh ", "giấy chứng nhận quyền sử dụng đất");
  ASSERT_TRUE(added.has_value()) << added.error().message_en;
  EXPECT_EQ(added->phrase, "bìa xanh");  // as the lexicon reads it
  EXPECT_EQ(added->added_by, "qt.tinh");
  EXPECT_EQ(added->added_at, clock_.Now());
  EXPECT_EQ(FirstCode(*catalogue_, "bìa xanh"), "1.000001");
  EXPECT_EQ(FirstCode(*catalogue_, "lam bia xanh"), "1.000001");  // typed without marks too

  // A restart reads it from the store.
  const ProcedureCatalogue reopened = OpenProcedureCatalogue(*store_).value();
  EXPECT_EQ(FirstCode(reopened, "bìa xanh"), "1.000001");

  ASSERT_TRUE(Admin().Retire("qt.khac", added->id));
  EXPECT_EQ(FirstCode(*catalogue_, "bìa xanh"), "");
  const auto listed = Admin().List().value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].active());
  EXPECT_EQ(listed[0].retired_by, "qt.khac");
}

TEST_F(ProvinceSynonymAdminTest, ASynonymIsCheckedBeforeItIsStored) {
  const auto expect_invalid = [&](std::string_view phrase, std::string_view expansion, std::string_view field) {
    const auto added = Admin().Add("qt.tinh", phrase, expansion);
    ASSERT_FALSE(added.has_value()) << phrase << " → " << expansion;
    EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument) << phrase;
    EXPECT_EQ(added.error().field, field) << phrase;
  };
  expect_invalid("bìa xanh", "giấy phép lái xe", "expansion");  // in no name of this catalogue
  expect_invalid("bìa xanh", "quyền đất", "expansion");         // words of a name, not consecutive
  expect_invalid("", "đăng ký khai sinh", "phrase");            // no word
  expect_invalid("?!", "đăng ký khai sinh", "phrase");          // no word either
  expect_invalid("làm giấy khai sinh", "   ", "expansion");
  expect_invalid("dang ky khai sinh", "Đăng ký khai sinh", "expansion");  // the phrase itself
  expect_invalid("một hai ba bốn năm sáu bảy tám chín", "đăng ký khai sinh", "phrase");
  expect_invalid(std::string(201, 'a'), "đăng ký khai sinh", "phrase");
  EXPECT_TRUE(Admin().List().value().empty());

  ASSERT_TRUE(Admin().Add("qt.tinh", "làm giấy khai sinh", "đăng ký khai sinh"));
  const auto twice = Admin().Add("qt.tinh", "làm giấy khai sinh", "đăng ký khai sinh");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace motcua::app
