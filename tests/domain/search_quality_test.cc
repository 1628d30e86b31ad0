// Floors under the quality of search, so that a change cannot silently make it worse: top-1, top-5 and abstention on
// the evaluation sets of tests/search/ and on the automatic queries made from the catalogue
// (support/search_evaluation.h). The figures themselves, with the latency, come from bench/search_eval; raise a floor
// when search gets better, never lower one to let a change through.
#include <gtest/gtest.h>

#include "support/national_search.h"
#include "support/search_evaluation.h"

namespace motcua {
namespace {

using test_support::EvalSummary;

// Measured with bench/search_eval when the floor was last raised (docs/search.md), less a little for noise in
// later edits of the sets.
constexpr double kQuestionsTop1 = 0.74;      // measured 0.749
constexpr double kQuestionsTop5 = 0.84;      // measured 0.846
constexpr double kQuestionsIntent = 0.83;    // measured 0.837
constexpr double kOffTopicAbstained = 0.90;  // measured 0.909
// The development set (tests/search/dev_questions.csv), written in session 8 before any of its misses was seen.
constexpr double kDevTop1 = 0.74;    // measured 0.755
constexpr double kDevTop5 = 0.83;    // measured 0.837
constexpr double kDevIntent = 0.83;  // measured 0.837

class SearchQualityTest : public ::testing::Test {
 protected:
  static EvalSummary Measure(const std::vector<test_support::EvalQuery>& queries) {
    const auto& national = test_support::TheNationalSearch();
    return test_support::Summarize(test_support::EvaluateAll(national.search, &national.lexicon, queries));
  }
};

TEST_F(SearchQualityTest, AutomaticQueriesFromTheCatalogue) {
  const auto queries = test_support::AutomaticQueries(test_support::TheNationalSearch().catalogue);
  std::vector<test_support::EvalQuery> by_kind[4];
  for (const auto& q : queries) {
    const int kind = q.kind == "no_tones" ? 0 : q.kind == "typo" ? 1 : q.kind == "truncated" ? 2 : 3;
    by_kind[kind].push_back(q);
  }
  EXPECT_GE(Measure(by_kind[0]).top1, 0.97) << "names without tone marks";
  EXPECT_GE(Measure(by_kind[1]).top1, 0.97) << "names with one typo";
  EXPECT_GE(Measure(by_kind[2]).top5, 0.97) << "names cut to their first two thirds";
  EXPECT_GE(Measure(by_kind[3]).top1, 0.97) << "names wrapped in filler words";
}

TEST_F(SearchQualityTest, TheTeamsQuestions) {
  const EvalSummary summary = Measure(test_support::LoadQuestions(MOTCUA_SOURCE_DIR "/tests/search/questions.csv"));
  EXPECT_GE(summary.queries, 150U);
  EXPECT_GE(summary.top1, kQuestionsTop1);
  EXPECT_GE(summary.top5, kQuestionsTop5);
  EXPECT_GE(summary.intent_accuracy, kQuestionsIntent);
}

TEST_F(SearchQualityTest, TheDevelopmentQuestions) {
  const EvalSummary summary = Measure(test_support::LoadQuestions(MOTCUA_SOURCE_DIR "/tests/search/dev_questions.csv"));
  EXPECT_GE(summary.queries, 120U);
  EXPECT_GE(summary.top1, kDevTop1);
  EXPECT_GE(summary.top5, kDevTop5);
  EXPECT_GE(summary.intent_accuracy, kDevIntent);
}

TEST_F(SearchQualityTest, OffTopicQuestionsAreDeclined) {
  const EvalSummary summary = Measure(test_support::LoadOffTopic(MOTCUA_SOURCE_DIR "/tests/search/off_topic.csv"));
  EXPECT_GE(summary.queries, 50U);
  EXPECT_GE(summary.abstained, kOffTopicAbstained);
}

}  // namespace
}  // namespace motcua
