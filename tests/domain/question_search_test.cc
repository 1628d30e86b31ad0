// Search of questions in people's own words on the real catalogue with the shipped lexicon: the rules of
// procedure_search.h and query_analysis.h that the issue named (filler before tone folding, long names, level
// preference, abolished levels, abstention, synonyms, telex, codes inside a question).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/procedure_search.h"
#include "domain/text_folding.h"
#include "support/national_search.h"

namespace motcua {
namespace {

class QuestionSearchTest : public ::testing::Test {
 protected:
  static SearchResult Ask(std::string_view question, std::optional<std::string> level = std::nullopt) {
    const auto& national = test_support::TheNationalSearch();
    SearchOptions options;
    options.lexicon = &national.lexicon;
    options.preferred_level = std::move(level);
    return national.search.Search(question, options);
  }
  static const std::vector<Procedure>& Catalogue() { return test_support::TheNationalSearch().catalogue; }
  static const Procedure& ProcedureOf(const SearchHit& hit) { return Catalogue()[hit.index]; }
  static bool Ignored(const SearchResult& result, std::string_view word) {
    return std::ranges::find(result.ignored_words, word) != result.ignored_words.end();
  }
};

// Folding first would turn the filler "cần" into "can", the "căn" of "căn cước", and "đang" into "đăng".
TEST_F(QuestionSearchTest, FillerIsDroppedBeforeToneFolding) {
  const SearchResult result = Ask("tôi đang cần làm căn cước");
  EXPECT_TRUE(Ignored(result, "cần"));
  EXPECT_TRUE(Ignored(result, "đang"));
  EXPECT_FALSE(Ignored(result, "căn"));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_NE(FoldVietnamese(ProcedureOf(result.hits[0]).name).find("can cuoc"), std::string::npos)
      << ProcedureOf(result.hits[0]).name;
}

// Without marks "can" may be either word; beside "cuoc" it is the catalogue's "căn cước", so it stays.
TEST_F(QuestionSearchTest, AnUnmarkedWordThatFormsANamePairIsKept) {
  const SearchResult result = Ask("can cuoc");
  EXPECT_FALSE(Ignored(result, "can"));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_NE(FoldVietnamese(ProcedureOf(result.hits[0]).name).find("can cuoc"), std::string::npos);
}

// The catalogue's longest name (241 words) holds most common words; length normalization keeps it down.
TEST_F(QuestionSearchTest, TheLongestNameDoesNotWinShortQuestions) {
  const auto longest = std::ranges::max_element(Catalogue(), {}, [](const Procedure& p) { return p.name.size(); });
  std::size_t listed_any = 0;
  for (const char* question :
       {"cấp giấy phép", "đăng ký", "chuyển nhượng quyền sử dụng đất", "thuế", "khai báo hải quan",
        "cấp giấy chứng nhận", "thủ tục hành chính", "xuất khẩu hàng hóa"}) {
    const SearchResult result = Ask(question);
    const auto& listed = result.abstained ? result.suggestions : result.hits;
    if (listed.empty()) continue;
    ++listed_any;
    EXPECT_NE(listed[0].code, longest->code) << question;
  }
  EXPECT_GE(listed_any, 6U) << "short questions of the catalogue's own words are mostly listed";
}

// "Cấp đổi thẻ căn cước" exists at the commune (1.014063), province (2.001195) and ministry (1.000889) levels.
TEST_F(QuestionSearchTest, TheAskersLevelComesFirst) {
  EXPECT_EQ(Ask("cấp đổi thẻ căn cước", "commune").hits.at(0).code, "1.014063");
  EXPECT_EQ(Ask("cấp đổi thẻ căn cước", "province").hits.at(0).code, "2.001195");
  EXPECT_EQ(Ask("cấp đổi thẻ căn cước", "ministry").hits.at(0).code, "1.000889");
}

// 1.010385 is performed "tại cấp huyện", a level abolished on 1 July 2025; its commune twin is 1.010386.
TEST_F(QuestionSearchTest, ADistrictLevelProcedureIsMarkedAndSinks) {
  const SearchResult result = Ask("trình báo mất hộ chiếu", "commune");
  ASSERT_GE(result.hits.size(), 2U);
  EXPECT_EQ(result.hits[0].code, "1.010386");
  const auto district = std::ranges::find(result.hits, std::string("1.010385"), &SearchHit::code);
  ASSERT_NE(district, result.hits.end());
  EXPECT_TRUE(district->abolished_level);
  EXPECT_FALSE(result.hits[0].abolished_level);
}

TEST_F(QuestionSearchTest, QuestionsNoProcedureAnswersAreDeclined) {
  for (const char* question : {"nấu canh chua thế nào", "thời tiết hôm nay thế nào", "đội tuyển việt nam đá mấy giờ",
                               "zzzz qqqq", "cho em hỏi với ạ"}) {
    const SearchResult result = Ask(question);
    EXPECT_TRUE(result.abstained) << question << " → " << (result.hits.empty() ? "" : result.hits[0].code);
    EXPECT_TRUE(result.hits.empty()) << question;
  }
}

TEST_F(QuestionSearchTest, TheIntentIsReadFromTheQuestion) {
  EXPECT_EQ(Ask("đăng ký khai sinh mất bao nhiêu tiền").intent, QuestionIntent::kFee);
  EXPECT_EQ(Ask("đăng ký khai sinh cần giấy tờ gì").intent, QuestionIntent::kDocuments);
  EXPECT_EQ(Ask("đăng ký khai sinh bao lâu thì có").intent, QuestionIntent::kTime);
  EXPECT_EQ(Ask("đăng ký khai sinh nộp ở đâu").intent, QuestionIntent::kWhere);
  EXPECT_EQ(Ask("đăng ký khai sinh làm online được không").intent, QuestionIntent::kOnline);
  const SearchResult plain = Ask("đăng ký khai sinh");
  EXPECT_EQ(plain.intent, QuestionIntent::kOverview);
  EXPECT_FALSE(plain.intent_stated);
}

TEST_F(QuestionSearchTest, PeoplesWordsAreReadAsTheCataloguesWords) {
  const SearchResult result = Ask("làm sổ đỏ lần đầu");
  const bool understood = std::ranges::any_of(
      result.understood, [](const auto& pair) { return pair.second.find("quyền sử dụng đất") != std::string::npos; });
  EXPECT_TRUE(understood);
  ASSERT_FALSE(result.hits.empty());
  EXPECT_NE(FoldVietnamese(ProcedureOf(result.hits[0]).name).find("dat"), std::string::npos);
}

TEST_F(QuestionSearchTest, TelexKeysLeftInTheTextAreReadBack) {
  const SearchResult result = Ask("dang ky khai sinhf");
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits[0].code, "1.001193");
  // Also where a word of a name pair decides what its neighbour is: "can cuowc" is "căn cước", not "cần".
  const SearchResult card = Ask("mat can cuowc lam lai", "commune");
  EXPECT_FALSE(Ignored(card, "can"));
  ASSERT_FALSE(card.hits.empty());
  EXPECT_EQ(card.hits[0].code, "1.014064");  // Cấp lại thẻ căn cước
}

TEST_F(QuestionSearchTest, ACodeInsideAQuestionIsThatProcedure) {
  const SearchResult result = Ask("thủ tục 1.001193 lệ phí bao nhiêu");
  ASSERT_EQ(result.hits.size(), 1U);
  EXPECT_EQ(result.hits[0].code, "1.001193");
  EXPECT_EQ(result.intent, QuestionIntent::kFee);
  EXPECT_EQ(result.confidence, 1.0);
}

// "làm hộ chiếu" is the first passport: a name holding a marked qualifier the question does not read
// ("trình báo mất", "cấp lại") sinks below the plain one; asked for, it comes first.
TEST_F(QuestionSearchTest, AMarkedCaseOfANameMustBeAskedFor) {
  const auto first_name = [&](std::string_view question) {
    const SearchResult result = Ask(question);
    return result.hits.empty() ? std::string() : FoldVietnamese(ProcedureOf(result.hits[0]).name);
  };
  EXPECT_TRUE(first_name("lam ho chieu o dau").starts_with("cap ho chieu")) << first_name("lam ho chieu o dau");
  EXPECT_TRUE(first_name("mất hộ chiếu thì trình báo ở đâu").starts_with("trinh bao mat ho chieu"));
  EXPECT_TRUE(first_name("đăng ký hộ kinh doanh").starts_with("dang ky thanh lap ho kinh doanh"))
      << first_name("đăng ký hộ kinh doanh");
  EXPECT_TRUE(first_name("cấp lại giấy chứng nhận đăng ký hộ kinh doanh").starts_with("cap lai"));
}

// A marked qualifier counts as asked when the question reads two neighbouring words of it ("nước ngoài" of "có
// yếu tố nước ngoài"), not when one word folds like one of its words ("ông ngoại" is not "nước ngoài").
TEST_F(QuestionSearchTest, AQualifierIsReadByItsWordsNotByOneLookAlike) {
  const SearchResult foreign = Ask("khai tử cho người nước ngoài");
  ASSERT_FALSE(foreign.hits.empty());
  EXPECT_NE(FoldVietnamese(ProcedureOf(foreign.hits[0]).name).find("yeu to nuoc ngoai"), std::string::npos);
  const SearchResult grandfather = Ask("đăng ký khai tử cho ông ngoại");
  ASSERT_FALSE(grandfather.hits.empty());
  EXPECT_EQ(FoldVietnamese(ProcedureOf(grandfather.hits[0]).name).find("nuoc ngoai"), std::string::npos)
      << ProcedureOf(grandfather.hits[0]).name;
}

// A person of another country is a foreigner, which the catalogue names "có yếu tố nước ngoài".
TEST_F(QuestionSearchTest, ACountrysPeopleAreForeigners) {
  const SearchResult result = Ask("em lay chong Han Quoc thi dang ky ket hon o dau a");
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits[0].code, "2.000806") << ProcedureOf(result.hits[0]).name;
}

// A question that shares only a word or two with any procedure ("iphone 16", "chụp ảnh", "Cần Thơ") is declined even
// when the best of those few words leads the rest, while a short question the first hit explains whole is listed.
TEST_F(QuestionSearchTest, AWeakMatchIsDeclinedAndAShortQuestionIsListed) {
  for (const char* question :
       {"iphone 16 gia bao nhieu", "uhm", "cách chụp ảnh thẻ đẹp bằng điện thoại", "gia lua hom nay o Can Tho"}) {
    const SearchResult result = Ask(question);
    EXPECT_TRUE(result.abstained) << question << " → " << (result.hits.empty() ? "" : result.hits[0].code);
  }
  for (const char* question : {"khai sinh", "ly hon", "tạm trú", "sổ đỏ", "cccd"}) {
    EXPECT_FALSE(Ask(question).abstained) << question;
  }
}

// Coverage alone lists a question only when its first hit scores something: "cô" is a word of one long name, and
// a thank-you made of it and filler is not about that procedure.
TEST_F(QuestionSearchTest, AFullyCoveredQuestionWithAWeakFirstHitIsDeclined) {
  const SearchResult result = Ask("cảm ơn cô nhé");
  EXPECT_GE(result.coverage, ProcedureSearch::kListCoverage);
  EXPECT_TRUE(result.abstained) << (result.hits.empty() ? "" : result.hits[0].code);
}

// A long sentence that reads the whole name of its first hit is about it, though most of its words are not the
// catalogue's (coverage 0.17): it is listed.
TEST_F(QuestionSearchTest, AQuestionThatReadsTheWholeNameOfItsFirstHitIsListed) {
  const SearchResult result = Ask("bà cụ nhà bên mới mất tối qua, con cháu cần đi đăng ký khai tử ở đâu");
  ASSERT_FALSE(result.abstained);
  EXPECT_LT(result.coverage, ProcedureSearch::kListCoverage);
  EXPECT_EQ(result.hits[0].code, "1.000656");  // Thủ tục đăng ký khai tử
  EXPECT_GE(result.hits[0].name_read, ProcedureSearch::kListNameRead);
  EXPECT_EQ(result.name_read, result.hits[0].name_read);
}

// A story that names its procedure by the rarest pair of that procedure's name ("khai tử" of "đăng ký khai tử") is
// listed, though most of its words are about the neighbour, the morning and the asker (coverage under 0.1).
TEST_F(QuestionSearchTest, AQuestionThatReadsTheRarestPairOfItsFirstHitsNameIsListed) {
  const SearchResult result =
      Ask("cụ ông hàng xóm mới mất sáng nay, con cụ nhờ tôi hỏi khai tử có tốn tiền không", "commune");
  ASSERT_FALSE(result.abstained);
  EXPECT_LT(result.coverage, 0.1);
  EXPECT_EQ(result.core_read, 1.0);
  EXPECT_EQ(result.hits[0].code, "1.000656");  // Thủ tục đăng ký khai tử
  EXPECT_EQ(result.intent, QuestionIntent::kFee);
}

// A bare "đăng ký" or "cấp lại" matches hundreds of procedures alike: listing one would be a guess.
TEST_F(QuestionSearchTest, AWordEveryOtherNameHoldsIsDeclined) {
  for (const char* question : {"đăng ký", "cấp lại"}) EXPECT_TRUE(Ask(question).abstained) << question;
}

// The commune's building permits are named "... đối với công trình cấp III, cấp IV (công trình không theo tuyến/
// theo tuyến trong đô thị/tín ngưỡng, tôn giáo/...)": the cases in the parenthesis are not said against them, so a
// plain question finds them before a short name of another field sharing the words ("Cấp lại Giấy phép lái tàu").
TEST_F(QuestionSearchTest, TheCasesListedInAParenthesisCostNothing) {
  EXPECT_EQ(Ask("gia hạn giấy phép xây dựng", "commune").hits.at(0).code, "1.013227");
  EXPECT_EQ(Ask("cấp lại giấy phép xây dựng", "commune").hits.at(0).code, "1.013228");
}

// "Người gốc Việt Nam định cư ở nước ngoài" is one of the owners the household's first land certificate lists
// beside "hộ gia đình, cá nhân": the longer, default qualifier says what its "nước ngoài" is, so the question
// need not say it (the marked "nước ngoài" would cost thrice its rarity).
TEST_F(QuestionSearchTest, TheLongerQualifierDecides) {
  const SearchResult result = Ask("làm sổ đỏ lần đầu", "commune");
  const auto household = std::ranges::find(result.hits, std::string("1.013978"), &SearchHit::code);
  ASSERT_NE(household, result.hits.end());
  EXPECT_GE(household->name_read, 0.85);
}

// Situations and regional words of the lexicon (data/reference/search/synonyms.csv) reach the procedure.
TEST_F(QuestionSearchTest, SituationsAreReadAsTheirProcedures) {
  const struct {
    const char* question;
    const char* code;
  } cases[] = {
      {"lãnh tuất", "2.000821"},                        // Southern lãnh = lĩnh: the survivors' benefit
      {"xin giấy xác nhận chưa có chồng", "1.004873"},  // the celibacy certificate
      {"mất thẻ bhyt", "1.002759"},     // a citizen's lost health card is re-issued by Bảo hiểm xã hội
      {"kích hoạt vneid", "3.000228"},  // VNeID as the subject: the e-ID account
      {"giấy phép xây dựng sắp hết hạn", "1.013227"},  // an expiring permit is extended
      {"tách miếng đất", "1.012784"},                  // a piece of land is a thửa đất
      {"chuyển nơi nhận lương hưu", "1.001742"},       // a pension moves by chuyển hưởng
      {"đổi ngành nghề hộ kinh doanh", "2.000720"},    // a change of the registration's content
      {"dkkh co ytnn", "2.000806"},                    // counter staff's abbreviations
      {"xin cấp bìa đỏ lần đầu", "1.013978"},          // a household's first certificate, not an organization's
  };
  for (const auto& c : cases) {
    const SearchResult result = Ask(c.question, "commune");
    ASSERT_FALSE(result.abstained) << c.question;
    EXPECT_EQ(result.hits[0].code, c.code) << c.question << " → " << ProcedureOf(result.hits[0]).name;
  }
  // VNeID as the channel ("trên vneid") is how the question is asked, not what about.
  const SearchResult online = Ask("đăng ký tạm trú trên vneid", "commune");
  EXPECT_EQ(online.intent, QuestionIntent::kOnline);
  ASSERT_FALSE(online.abstained);
  EXPECT_EQ(online.hits[0].code, "1.004194");  // Đăng ký tạm trú
}

}  // namespace
}  // namespace motcua
