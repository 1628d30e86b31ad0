#include "domain/query_analysis.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace motcua {
namespace {

// A lexicon of a few rows, and catalogue name pairs given by hand: every expectation follows from the rules of
// query_analysis.h, not from the shipped data.
SearchLexicon SmallLexicon() {
  SearchLexicon lexicon;
  for (const char* filler : {"cần", "đang", "thì", "cho em hỏi", "ạ", "với", "những", "có", "không", "vâng"})
    lexicon.AddFiller(filler, false).value();
  lexicon.AddIntentCue("bao nhiêu tiền", QuestionIntent::kFee, 3).value();
  lexicon.AddIntentCue("lệ phí", QuestionIntent::kFee, 2).value();
  lexicon.AddIntentCue("ở đâu", QuestionIntent::kWhere, 3).value();
  lexicon.AddIntentCue("mang giấy gì theo", QuestionIntent::kDocuments, 3).value();
  lexicon.AddIntentCue("có mất tiền", QuestionIntent::kFee, 3).value();
  lexicon.AddSynonym("sổ đỏ", "giấy chứng nhận quyền sử dụng đất").value();
  lexicon.AddSynonym("hộ khẩu", "thường trú").value();
  lexicon.AddSynonym("hộ khẩu", "cư trú").value();
  lexicon.AddSynonym("kết hôn với người nước ngoài", "kết hôn có yếu tố nước ngoài").value();
  for (const auto& [typed, meant] : {std::pair{"ko", "không"}, {"dk", "đăng ký"}, {"j", "gì"}, {"bn", "bao nhiêu"}})
    lexicon.AddShorthand(typed, meant).value();
  return lexicon;
}

const std::set<std::string> kNamePairs = {"can cuoc", "dang ky", "phi truoc", "truoc ba", "khai sinh", "le phi",
                                          "tien su",  "su dung", "khai tu",   "tu co",    "tam vang"};

bool IsNamePair(const WordForms& a, const WordForms& b) { return kNamePairs.contains(a.folded + " " + b.folded); }

std::vector<std::string> Kept(const AnalyzedQuery& analyzed) {
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < analyzed.words.size(); ++i) {
    if (!analyzed.dropped[i]) kept.push_back(analyzed.words[i].marked);
  }
  return kept;
}

AnalyzedQuery Analyze(std::string_view query) {
  static const SearchLexicon lexicon = SmallLexicon();
  return AnalyzeQuery(query, lexicon, IsNamePair);
}

TEST(QueryAnalysis, FillerIsMatchedWithItsMarks) {
  // "cần" is filler; "căn" (of căn cước) is not, though both fold to "can".
  EXPECT_EQ(Kept(Analyze("tôi cần làm căn cước")), (std::vector<std::string>{"tôi", "làm", "căn", "cước"}));
  // "đang" is filler; "đăng" of đăng ký is not.
  EXPECT_EQ(Kept(Analyze("đang đăng ký")), (std::vector<std::string>{"đăng", "ký"}));
}

TEST(QueryAnalysis, AnUnmarkedWordMayBeAnyWordItFoldsFrom) {
  // "can" without marks may be "cần": dropped... unless it stands in a catalogue name pair with its neighbour.
  EXPECT_EQ(Kept(Analyze("can lam")), (std::vector<std::string>{"lam"}));
  EXPECT_EQ(Kept(Analyze("can cuoc")), (std::vector<std::string>{"can", "cuoc"}));
  EXPECT_EQ(Kept(Analyze("dang ky")), (std::vector<std::string>{"dang", "ky"}));
}

TEST(QueryAnalysis, TheHeaviestIntentWins) {
  const AnalyzedQuery fee = Analyze("cho em hỏi làm sổ đỏ hết bao nhiêu tiền ạ");
  EXPECT_EQ(fee.intent, QuestionIntent::kFee);
  EXPECT_TRUE(fee.intent_stated);
  EXPECT_EQ(Kept(fee), (std::vector<std::string>{"làm", "sổ", "đỏ", "hết"}));
  const AnalyzedQuery none = Analyze("làm sổ đỏ");
  EXPECT_EQ(none.intent, QuestionIntent::kOverview);
  EXPECT_FALSE(none.intent_stated);
  // Equal weights: the order of AllQuestionIntents() decides (fee before where).
  EXPECT_EQ(Analyze("bao nhiêu tiền ở đâu").intent, QuestionIntent::kFee);
}

TEST(QueryAnalysis, ACueThatIsPartOfANameIsTopic) {
  const AnalyzedQuery analyzed = Analyze("lệ phí trước bạ");
  EXPECT_EQ(analyzed.intent, QuestionIntent::kFee);
  EXPECT_EQ(Kept(analyzed), (std::vector<std::string>{"lệ", "phí", "trước", "bạ"}));
}

// Of a phrase at a name pair, the words that chain to the pair stay: "lệ phí" chains ("lệ phí", "phí trước"), but
// of "bao nhiêu tiền" only "tiền" does ("tiền sử"; "nhiêu tiền" is no pair of a name).
TEST(QueryAnalysis, OnlyTheWordsOfAPhraseThatChainToANamePairStay) {
  EXPECT_EQ(Kept(Analyze("bao nhiêu tiền sử dụng")), (std::vector<std::string>{"tiền", "sử", "dụng"}));
}

// "tử có" is a pair of "khai tử có yếu tố nước ngoài", but a function word does not stay by following a name word:
// the "có" of "có mất tiền" is the question's.
TEST(QueryAnalysis, AFunctionWordDoesNotStayByFollowingANameWord) {
  const AnalyzedQuery analyzed = Analyze("khai tử có mất tiền không");
  EXPECT_EQ(analyzed.intent, QuestionIntent::kFee);
  EXPECT_EQ(Kept(analyzed), (std::vector<std::string>{"khai", "tử"}));
  // Typed without marks, "vang" may be the filler "vâng" or the "vắng" of "tạm vắng": the name pair tells.
  EXPECT_EQ(Kept(Analyze("khai báo tam vang")), (std::vector<std::string>{"khai", "báo", "tam", "vang"}));
}

TEST(QueryAnalysis, ACueSplitByFillerIsFoundOnceTheFillerIsGone) {
  const AnalyzedQuery analyzed = Analyze("làm khai sinh thì phải mang những giấy gì theo");
  EXPECT_EQ(analyzed.intent, QuestionIntent::kDocuments);
}

TEST(QueryAnalysis, ChatShorthandIsReadAsTheWordsItStandsFor) {
  // "bn tiền" is the cue "bao nhiêu tiền"; "dk" is "đăng ký" (a name pair, kept); "ko" is the filler "không".
  const AnalyzedQuery fee = Analyze("dk sổ đỏ hết bn tiền ko");
  EXPECT_EQ(fee.intent, QuestionIntent::kFee);
  EXPECT_EQ(Kept(fee), (std::vector<std::string>{"đăng", "ký", "sổ", "đỏ", "hết"}));
  // Shorthand inside a phrase of the lexicon ("j" is "gì"); only whole words are read as shorthand.
  EXPECT_EQ(Analyze("làm khai sinh mang giấy j theo").intent, QuestionIntent::kDocuments);
  EXPECT_EQ(Kept(Analyze("kok dcx")), (std::vector<std::string>{"kok", "dcx"}));
}

TEST(QueryAnalysis, ASynonymPhraseIsOneConceptWithEveryExpansion) {
  const AnalyzedQuery analyzed = Analyze("nhập hộ khẩu");
  ASSERT_EQ(analyzed.concepts.size(), 2U);
  const QueryConcept& phrase = analyzed.concepts[1];
  ASSERT_EQ(phrase.alternatives.size(), 3U);  // as typed, thường trú, cư trú
  EXPECT_FALSE(phrase.alternatives[0].from_synonym);
  EXPECT_TRUE(phrase.alternatives[1].from_synonym);
  EXPECT_EQ(analyzed.synonyms_applied.size(), 2U);
}

TEST(QueryAnalysis, ASynonymsWordsAreNeverFiller) {
  // "với" is filler, but not inside the synonym phrase.
  const AnalyzedQuery analyzed = Analyze("kết hôn với người nước ngoài");
  EXPECT_EQ(Kept(analyzed).size(), 6U);
  ASSERT_EQ(analyzed.concepts.size(), 1U);
  EXPECT_EQ(analyzed.concepts[0].alternatives.size(), 2U);
}

TEST(QueryAnalysis, SynonymsMatchWithoutMarksButNotWithOtherMarks) {
  EXPECT_EQ(Analyze("lam so do").synonyms_applied.size(), 1U);
  EXPECT_EQ(Analyze("làm số đo").synonyms_applied.size(), 0U) << "số đo (a measurement) is not sổ đỏ";
}

TEST(QueryAnalysis, OldAndNewTonePlacementAreOneWord) {
  EXPECT_EQ(TokenForms("hóa")[0].marked, TokenForms("hoá")[0].marked);
  EXPECT_EQ(TokenForms("thủy")[0].marked, TokenForms("thuỷ")[0].marked);
  EXPECT_NE(TokenForms("hòa")[0].marked, TokenForms("hoá")[0].marked);
}

TEST(QueryAnalysis, TheLexiconRefusesEmptyPhrasesAndBadWeights) {
  SearchLexicon lexicon;
  EXPECT_EQ(lexicon.AddFiller(" ?! ", false).error().field, "phrase");
  EXPECT_EQ(lexicon.AddIntentCue("bao lâu", QuestionIntent::kTime, 4).error().field, "weight");
  EXPECT_EQ(lexicon.AddSynonym("sổ đỏ", "").error().field, "expansion");
  EXPECT_EQ(lexicon.AddShorthand("ko dc", "không được").error().field, "typed");
  EXPECT_EQ(lexicon.AddShorthand("ko", " ").error().field, "meant");
}

}  // namespace
}  // namespace motcua
