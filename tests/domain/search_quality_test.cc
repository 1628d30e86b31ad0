// Floors under the quality of search, so that a change cannot silently make it worse: top-1, top-5 and abstention on
// the evaluation sets of tests/search/ and on the automatic queries made from the catalogue
// (support/search_evaluation.h). The figures themselves, with the latency, come from bench/search_eval; raise a floor
// when search gets better, never lower one to let a change through.
#include <gtest/gtest.h>

#include <string>

#include "support/national_search.h"
#include "support/search_evaluation.h"

namespace motcua {
namespace {

using test_support::EvalSummary;

// Measured with bench/search_eval when the floor was last raised (docs/search.md), less a little for noise in
// later edits of the sets. A set of questions and its floors:
struct QuestionFloors {
  const char* file;         // in tests/search/
  std::size_t min_queries;  // the set is not silently emptied
  double top1, top5, intent;
};
constexpr QuestionFloors kTeamQuestions = {"questions.csv", 150, 0.80, 0.87, 0.83};  // measured 0.811, 0.881, 0.837
// The development set, written in session 10 before any of its misses was seen.
constexpr QuestionFloors kDevQuestions = {"dev_questions.csv", 120, 0.80, 0.87, 0.83};  // measured 0.810, 0.884, 0.837
// The held-out set, written in session 11 before any change and never tuned on (tests/search/README.md): measured
// once as written (0.691, 0.849, 0.875) and once at the end of that session (0.704, 0.868, 0.875).
constexpr QuestionFloors kHeldOutQuestions = {"holdout_questions.csv", 120, 0.69, 0.85, 0.86};
constexpr double kOffTopicAbstained = 0.91;  // measured 0.920

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

void ExpectFloors(const QuestionFloors& floors) {
  const auto& national = test_support::TheNationalSearch();
  const auto questions = test_support::LoadQuestions(std::string(MOTCUA_SOURCE_DIR "/tests/search/") + floors.file);
  const EvalSummary summary =
      test_support::Summarize(test_support::EvaluateAll(national.search, &national.lexicon, questions));
  EXPECT_GE(summary.queries, floors.min_queries) << floors.file;
  EXPECT_GE(summary.top1, floors.top1) << floors.file;
  EXPECT_GE(summary.top5, floors.top5) << floors.file;
  EXPECT_GE(summary.intent_accuracy, floors.intent) << floors.file;
}

TEST_F(SearchQualityTest, TheTeamsQuestions) { ExpectFloors(kTeamQuestions); }

TEST_F(SearchQualityTest, TheDevelopmentQuestions) { ExpectFloors(kDevQuestions); }

TEST_F(SearchQualityTest, TheHeldOutQuestions) { ExpectFloors(kHeldOutQuestions); }

TEST_F(SearchQualityTest, OffTopicQuestionsAreDeclined) {
  const EvalSummary summary = Measure(test_support::LoadOffTopic(MOTCUA_SOURCE_DIR "/tests/search/off_topic.csv"));
  EXPECT_GE(summary.queries, 50U);
  EXPECT_GE(summary.abstained, kOffTopicAbstained);
}

}  // namespace
}  // namespace motcua
