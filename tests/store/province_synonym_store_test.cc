// The province's own search synonyms in the store: ids in the order added, nothing deleted (retiring keeps the
// row with who and when), one active row per phrase and expansion, a retired synonym may be added again.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using test_support::At;

ProvinceSynonym Synonym(std::string phrase, std::string expansion, const char* at) {
  ProvinceSynonym s;
  s.phrase = std::move(phrase);
  s.expansion = std::move(expansion);
  s.added_by = "qt.tinh";
  s.added_at = At(at);
  return s;
}

class ProvinceSynonymStoreTest : public test_support::StoreBackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, ProvinceSynonymStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(ProvinceSynonymStoreTest, SynonymsAreListedInTheOrderAdded) {
  EXPECT_TRUE(store_->ProvinceSynonyms().value().empty());
  const auto first =
      store_->AddProvinceSynonym(Synonym("bìa xanh", "quyền sử dụng đất", "2026-12-01T08:00:00+07:00")).value();
  const auto second =
      store_->AddProvinceSynonym(Synonym("giấy đi đường", "hộ chiếu", "2026-12-01T09:00:00+07:00")).value();
  EXPECT_GT(second.id, first.id);
  const auto listed = store_->ProvinceSynonyms().value();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0], first);
  EXPECT_EQ(listed[1], second);
  EXPECT_EQ(listed[0].phrase, "bìa xanh");
  EXPECT_EQ(listed[0].added_at, At("2026-12-01T08:00:00+07:00"));
  EXPECT_TRUE(listed[0].active());
}

TEST_P(ProvinceSynonymStoreTest, RetiringKeepsTheRowWithWhoAndWhen) {
  const auto added =
      store_->AddProvinceSynonym(Synonym("bìa xanh", "quyền sử dụng đất", "2026-12-01T08:00:00+07:00")).value();
  const auto retired = store_->RetireProvinceSynonym(added.id, "qt.khac", At("2026-12-02T10:00:00+07:00")).value();
  EXPECT_FALSE(retired.active());
  EXPECT_EQ(retired.retired_by, "qt.khac");
  const auto listed = store_->ProvinceSynonyms().value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0], retired);
  EXPECT_EQ(listed[0].retired_at, At("2026-12-02T10:00:00+07:00"));

  const auto again = store_->RetireProvinceSynonym(added.id, "qt.tinh", At("2026-12-03T10:00:00+07:00"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ProvinceSynonyms().value()[0].retired_by, "qt.khac");  // the first retirement is kept
  const auto missing = store_->RetireProvinceSynonym(added.id + 100, "qt.tinh", At("2026-12-03T10:00:00+07:00"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "id");
}

TEST_P(ProvinceSynonymStoreTest, TheSameActiveSynonymIsAConflictAndARetiredOneMayComeBack) {
  const auto added =
      store_->AddProvinceSynonym(Synonym("bìa xanh", "quyền sử dụng đất", "2026-12-01T08:00:00+07:00")).value();
  const auto twice = store_->AddProvinceSynonym(Synonym("bìa xanh", "quyền sử dụng đất", "2026-12-01T08:05:00+07:00"));
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().field, "phrase");
  // The same phrase with another expansion is another synonym.
  EXPECT_TRUE(store_->AddProvinceSynonym(Synonym("bìa xanh", "giấy chứng nhận", "2026-12-01T08:06:00+07:00")));
  ASSERT_TRUE(store_->RetireProvinceSynonym(added.id, "qt.tinh", At("2026-12-02T10:00:00+07:00")));
  const auto back = store_->AddProvinceSynonym(Synonym("bìa xanh", "quyền sử dụng đất", "2026-12-03T08:00:00+07:00"));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(store_->ProvinceSynonyms().value().size(), 3u);
}

}  // namespace
}  // namespace motcua::store
