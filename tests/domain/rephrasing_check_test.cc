// The fact check of a language model's rewording (issue 14). The expected faults are worked out from the rule
// in rephrasing_check.h: what the answer says may be reworded, nothing may be added.
#include "domain/rephrasing_check.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "support/procedure_catalogue.h"

namespace motcua {
namespace {

AnswerSection Lines(QuestionIntent topic, std::vector<std::string> lines) {
  AnswerSection section;
  section.topic = topic;
  section.lines = std::move(lines);
  section.source = "test";
  return section;
}

// Birth registration asked about its time; what the catalogue says of it, written the catalogue's ways.
ProcedureAnswer Birth() {
  ProcedureAnswer answer;
  answer.code = "1.001193";
  answer.name = "Thủ tục đăng ký khai sinh";
  answer.intent = QuestionIntent::kTime;
  answer.text_vi =
      "Thủ tục đăng ký khai sinh (1.001193) — Thời hạn giải quyết: Trực tiếp: 5 ngày làm việc; Trực tuyến: 1,5 ngày "
      "làm việc; Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ.";
  answer.sections = {
      Lines(QuestionIntent::kTime, {"Trực tiếp: 5 ngày làm việc", "Trực tuyến: 1,5 ngày làm việc",
                                    "Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ."}),
      Lines(QuestionIntent::kOverview,
            {"Tên thủ tục: Thủ tục đăng ký khai sinh (mã 1.001193)", "Quyết định công bố: 1234/QĐ-BTP ngày 05/7/2025"}),
      // The catalogue's fee texts do not always name the currency (the online one here).
      Lines(QuestionIntent::kFee, {"Trực tiếp: Lệ phí 50.000 đồng/lần", "Trực tuyến: 25000"}),
      Lines(QuestionIntent::kWhere, {"Cơ quan thực hiện: Ủy ban nhân dân cấp xã"}),
  };
  answer.notes = {"Hỗ trợ: hotro@dichvucong.gov.vn"};
  answer.source_url = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193";
  return answer;
}

constexpr const char* kFaithful =
    "Đăng ký khai sinh (mã 1.001193): nếu nộp trực tiếp, hồ sơ được giải quyết trong 5 ngày làm việc kể từ khi "
    "nhận đủ hồ sơ hợp lệ.";

TEST(RephrasingCheck, OnlyWhatTheAnswerSaysPasses) {
  struct Case {
    const char* why;
    std::string rephrased;
    RephrasingFault fault;
  } cases[] = {
      // Faithful rewordings.
      {"a faithful paraphrase", kFaithful, RephrasingFault::kNone},
      {"the answer's own text", Birth().text_vi, RephrasingFault::kNone},
      {"the amount without its grouping", "Đăng ký khai sinh (1.001193): lệ phí 50000 đ mỗi lần.",
       RephrasingFault::kNone},
      {"the amount grouped with commas, VNĐ", "Đăng ký khai sinh (1.001193): lệ phí 50,000 VNĐ.",
       RephrasingFault::kNone},
      {"the amount attached to đ", "Đăng ký khai sinh (1.001193): lệ phí 50.000đ/lần.", RephrasingFault::kNone},
      {"the amount with the ₫ sign", "Đăng ký khai sinh (1.001193): lệ phí 50.000 ₫.", RephrasingFault::kNone},
      {"the amount in thousands", "Đăng ký khai sinh (1.001193): lệ phí 50 nghìn đồng.", RephrasingFault::kNone},
      {"a fee line's number without currency is an amount",
       "Đăng ký khai sinh (1.001193): nộp trực tuyến mất 25.000 đồng.", RephrasingFault::kNone},
      {"the same decimal, point for comma", "Đăng ký khai sinh (1.001193) trực tuyến: 1.5 ngày làm việc.",
       RephrasingFault::kNone},
      {"a date with the month's leading zero", "Đăng ký khai sinh theo Quyết định 1234/QĐ-BTP ngày 05/07/2025.",
       RephrasingFault::kNone},
      {"a date without leading zeros", "Đăng ký khai sinh theo Quyết định 1234/QĐ-BTP ngày 5/7/2025.",
       RephrasingFault::kNone},
      {"the portal's host, a shorter form of the answer's URL",
       "Đăng ký khai sinh (1.001193): xem thêm tại dichvucong.gov.vn.", RephrasingFault::kNone},
      {"the answer's URL, upper case and a trailing slash",
       "Đăng ký khai sinh (1.001193): HTTPS://DICHVUCONG.GOV.VN/ có thông tin.", RephrasingFault::kNone},
      {"the e-mail address of the notes", "Đăng ký khai sinh (1.001193): hỏi thêm qua hotro@dichvucong.gov.vn.",
       RephrasingFault::kNone},
      {"the name without the code", "Thủ tục Đăng ký khai sinh: 5 ngày làm việc.", RephrasingFault::kNone},
      {"the name without tone marks", "dang ky khai sinh: 5 ngay lam viec.", RephrasingFault::kNone},
      {"a count in words the answer has in digits", "Đăng ký khai sinh (1.001193): năm ngày làm việc.",
       RephrasingFault::kNone},
      {"a number word that counts nothing", "Bộ phận một cửa nhận hồ sơ đăng ký khai sinh (1.001193).",
       RephrasingFault::kNone},
      // Rewordings that change or add a number.
      {"a number changed", "Đăng ký khai sinh (1.001193): giải quyết trong 6 ngày làm việc.",
       RephrasingFault::kNewNumber},
      {"a new deadline: 3 days when the answer says 5", "Đăng ký khai sinh (1.001193): chỉ mất 3 ngày.",
       RephrasingFault::kNewNumber},
      {"a decimal read as a whole number: 15 for 1,5", "Đăng ký khai sinh (1.001193) trực tuyến: 15 ngày làm việc.",
       RephrasingFault::kNewNumber},
      {"a date changed", "Đăng ký khai sinh theo Quyết định 1234/QĐ-BTP ngày 06/7/2025.", RephrasingFault::kNewNumber},
      {"a form number invented", "Đăng ký khai sinh (1.001193): điền Mẫu số 3.", RephrasingFault::kNewNumber},
      {"an amount added", "Đăng ký khai sinh (1.001193): lệ phí 100.000 đồng.", RephrasingFault::kNewNumber},
      {"an amount changed by its multiplier", "Đăng ký khai sinh (1.001193): lệ phí 50 triệu đồng.",
       RephrasingFault::kNewNumber},
      {"a number of the answer turned into money", "Đăng ký khai sinh (1.001193): lệ phí 5 đồng.",
       RephrasingFault::kNewAmount},
      {"a decision number turned into money", "Đăng ký khai sinh (1.001193): lệ phí 1.234 đ.",
       RephrasingFault::kNewAmount},
      {"another procedure's code", "Đăng ký khai sinh (1.001194): 5 ngày làm việc.", RephrasingFault::kNewCode},
      {"the code's digits regrouped", "Đăng ký khai sinh (10.01193): 5 ngày làm việc.", RephrasingFault::kNewCode},
      // Links.
      {"a new URL", "Đăng ký khai sinh (1.001193): nộp tại https://dichvucong-gia.vn/nop.", RephrasingFault::kNewUrl},
      {"a new www address", "Đăng ký khai sinh (1.001193): xem www.example.com.", RephrasingFault::kNewUrl},
      {"a new bare host", "Đăng ký khai sinh (1.001193): xem thutuc.gov.vn.", RephrasingFault::kNewUrl},
      {"another page of the portal", "Đăng ký khai sinh (1.001193): xem dichvucong.gov.vn/p/khac.",
       RephrasingFault::kNewUrl},
      {"a new e-mail address", "Đăng ký khai sinh (1.001193): gửi hotro@gmail.com.", RephrasingFault::kNewUrl},
      // Counts in words.
      {"a new deadline in words", "Đăng ký khai sinh (1.001193): chỉ ba ngày.", RephrasingFault::kNewSpelledNumber},
      {"a compound count in words", "Đăng ký khai sinh (1.001193): mười lăm ngày.", RephrasingFault::kNewSpelledNumber},
      {"a new period in words", "Đăng ký khai sinh (1.001193): giấy có hạn hai năm.",
       RephrasingFault::kNewSpelledNumber},
      // The shape of the reply.
      {"an empty reply", "", RephrasingFault::kEmpty},
      {"white space only", " \n\t ", RephrasingFault::kEmpty},
      {"a huge reply", std::string(kFaithful) + std::string(4000, 'a'), RephrasingFault::kTooLong},
      {"the procedure not named", "Hồ sơ được giải quyết trong 5 ngày làm việc.", RephrasingFault::kProcedureNotNamed},
  };
  const ProcedureAnswer answer = Birth();
  for (const Case& c : cases) {
    EXPECT_EQ(RephrasingFaultName(CheckRephrasing(c.rephrased, answer)), RephrasingFaultName(c.fault)) << c.why;
    EXPECT_EQ(AddsNoFacts(c.rephrased, answer), c.fault == RephrasingFault::kNone) << c.why;
  }
}

// 2 × text_vi + 400 bytes is allowed, one byte more is not.
TEST(RephrasingCheck, TheLengthLimitIsTwiceTheTextAndSomeSlack) {
  const ProcedureAnswer answer = Birth();
  std::string longest(kFaithful);
  longest.resize(2 * answer.text_vi.size() + kRephrasingSlackBytes, ' ');
  EXPECT_EQ(CheckRephrasing(longest, answer), RephrasingFault::kNone);
  EXPECT_EQ(CheckRephrasing(longest + " ", answer), RephrasingFault::kTooLong);
}

TEST(RephrasingCheck, EveryFaultHasItsOwnName) {
  std::set<std::string_view> names;
  for (const RephrasingFault fault :
       {RephrasingFault::kNone, RephrasingFault::kEmpty, RephrasingFault::kTooLong, RephrasingFault::kNewNumber,
        RephrasingFault::kNewCode, RephrasingFault::kNewAmount, RephrasingFault::kNewUrl,
        RephrasingFault::kNewSpelledNumber, RephrasingFault::kProcedureNotNamed}) {
    EXPECT_FALSE(RephrasingFaultName(fault).empty()) << static_cast<int>(fault);
    names.insert(RephrasingFaultName(fault));
  }
  EXPECT_EQ(names.size(), 9U);
}

// Regressions found by the test below, on texts of the shipped catalogue.
TEST(RephrasingCheck, WhatTheCatalogueWritesOddlyCanBeRepeated) {
  ProcedureAnswer answer;
  answer.code = "1.001084";
  answer.name = "Thẩm định, phê duyệt đánh giá an ninh cảng biển";
  answer.source_url = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-675d-7109-b3ed-4187bcb691bb";
  answer.text_vi =
      "Thẩm định, phê duyệt đánh giá an ninh cảng biển (1.001084) — Phí, lệ phí: 15.000.0000 đồng/lần; xem " +
      answer.source_url;
  struct Case {
    const char* why;
    std::string rephrased;
    RephrasingFault fault;
  } cases[] = {
      {"a page id's \"675d\" is no amount of đồng", "Thủ tục 1.001084: xem " + answer.source_url,
       RephrasingFault::kNone},
      {"a mistyped amount repeated as written", "Thủ tục 1.001084 có lệ phí 15.000.0000 đồng mỗi lần.",
       RephrasingFault::kNone},
      {"a mistyped amount \"corrected\" is a new number", "Thủ tục 1.001084 có lệ phí 15.000.000 đồng mỗi lần.",
       RephrasingFault::kNewNumber},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RephrasingFaultName(CheckRephrasing(c.rephrased, answer)), RephrasingFaultName(c.fault)) << c.why;
  }
}

// A name of hundreds of bytes: its first 12 words name it, fewer do not.
TEST(RephrasingCheck, ALongNameIsNamedByItsFirstTwelveWords) {
  ProcedureAnswer answer;
  answer.code = "1.003220";
  answer.name =
      "Xét hưởng chế độ trợ cấp một lần đối với hạ sĩ quan, chiến sĩ quân đội nhân dân, công an nhân dân tham gia "
      "chiến đấu, hoạt động ở các chiến trường B, C, K sau đó trở thành người hưởng lương";
  answer.text_vi = answer.name.substr(0, 120) + "…";
  EXPECT_EQ(CheckRephrasing("Hồ sơ xét hưởng chế độ trợ cấp một lần đối với hạ sĩ quan, chiến sĩ quân đội: nộp tại xã.",
                            answer),
            RephrasingFault::kNone);
  EXPECT_EQ(CheckRephrasing("Hồ sơ xét hưởng chế độ trợ cấp một lần: nộp tại xã.", answer),
            RephrasingFault::kProcedureNotNamed);
}

// The check must never refuse the answer itself: for every procedure of the shipped catalogue, repeating text_vi
// word for word passes. Each procedure is asked about its fee (the fee texts are the untidiest) and about one
// other intent in turn, so that every intent meets about an eighth of the catalogue at a quarter of the cost.
TEST(RephrasingCheck, TheExtractedAnswerOfEveryShippedProcedurePasses) {
  const auto catalogue = test_support::LoadProcedureCatalogue();
  ASSERT_FALSE(catalogue.empty());
  const auto intents = AllQuestionIntents();
  std::vector<std::string> refused;
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    for (const QuestionIntent intent : {QuestionIntent::kFee, intents[i % intents.size()]}) {
      const ProcedureAnswer answer = AnswerQuestion(catalogue[i], intent, std::nullopt, std::nullopt);
      const RephrasingFault fault = CheckRephrasing(answer.text_vi, answer);
      if (fault != RephrasingFault::kNone) {
        refused.push_back(catalogue[i].code + " " + std::string(QuestionIntentName(intent)) + ": " +
                          std::string(RephrasingFaultName(fault)));
      }
    }
  }
  EXPECT_TRUE(refused.empty()) << refused.size() << " refused, the first " << refused.front();
  EXPECT_GT(catalogue.size(), 1000U);
}

}  // namespace
}  // namespace motcua
