#include "domain/legacy_resolution.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

LegacyLink Link(const char* old_code, const char* new_code, MergeKind merge) {
  LegacyLink link;
  link.old_commune_code = old_code;
  link.commune_code = new_code;
  link.merge = merge;
  return link;
}

TEST(LegacyResolutionTest, NoLinkIsUnknown) {
  auto resolution = ResolveLegacyCommune({});
  EXPECT_EQ(resolution.outcome, LegacyOutcome::kUnknown);
  EXPECT_TRUE(resolution.candidates.empty());
}

TEST(LegacyResolutionTest, OneWholeMergeMapsAutomatically) {
  const LegacyLink links[] = {Link("05194", "05152", MergeKind::kWhole)};
  auto resolution = ResolveLegacyCommune(links);
  EXPECT_EQ(resolution.outcome, LegacyOutcome::kUnique);
  ASSERT_EQ(resolution.candidates.size(), 1u);
  EXPECT_EQ(resolution.candidates[0].commune_code, "05152");
}

TEST(LegacyResolutionTest, PartialMergeNeedsAPersonAndListsEveryCandidateInCodeOrder) {
  const LegacyLink links[] = {Link("00019", "00226", MergeKind::kPartial), Link("00019", "00004", MergeKind::kPartial),
                              Link("00019", "00070", MergeKind::kPartial)};
  auto resolution = ResolveLegacyCommune(links);
  EXPECT_EQ(resolution.outcome, LegacyOutcome::kNeedsDecision);
  ASSERT_EQ(resolution.candidates.size(), 3u);
  EXPECT_EQ(resolution.candidates[0].commune_code, "00004");
  EXPECT_EQ(resolution.candidates[1].commune_code, "00070");
  EXPECT_EQ(resolution.candidates[2].commune_code, "00226");
}

// The source has one old unit whose split lists only one receiving commune; "partial" still means part
// of its records may belong elsewhere.
TEST(LegacyResolutionTest, ASinglePartialLinkStillNeedsAPerson) {
  const LegacyLink links[] = {Link("00556", "00541", MergeKind::kPartial)};
  EXPECT_EQ(ResolveLegacyCommune(links).outcome, LegacyOutcome::kNeedsDecision);
}

// Data errors in the source: one old code listed as "whole" under two new communes.
TEST(LegacyResolutionTest, TwoWholeTargetsNeedAPerson) {
  const LegacyLink links[] = {Link("01615", "01636", MergeKind::kWhole), Link("01615", "01648", MergeKind::kWhole)};
  EXPECT_EQ(ResolveLegacyCommune(links).outcome, LegacyOutcome::kNeedsDecision);
}

TEST(LegacyResolutionTest, RepeatedWholeLinksToOneCommuneAreUnique) {
  const LegacyLink links[] = {Link("01615", "01636", MergeKind::kWhole), Link("01615", "01636", MergeKind::kWhole)};
  EXPECT_EQ(ResolveLegacyCommune(links).outcome, LegacyOutcome::kUnique);
}

}  // namespace
}  // namespace motcua
