#include "domain/procedure_answer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace motcua {
namespace {

Procedure Birth() {
  Procedure p;
  p.code = "1.001193";
  p.name = "Thủ tục đăng ký khai sinh";
  p.field = "Hộ tịch";
  p.levels = {"commune"};
  p.channels = {Channel::kDirect, Channel::kOnline};
  p.source_url = "https://dichvucong.gov.vn/p/1";
  ProcedureChannel direct;
  direct.channel = Channel::kDirect;
  direct.fee_free = true;
  direct.fee_text = "Miễn phí";
  direct.time_text = "1";
  ProcedureChannel online = direct;
  online.channel = Channel::kOnline;
  p.channel_details = {direct, online};
  p.components = {{1, "* Giấy tờ phải nộp", "- Giấy chứng sinh", 1, 0},
                  {2, "* Lưu ý", "- Cá nhân có quyền lựa chọn nơi đăng ký", 0, 0}};
  return p;
}

bool HasLine(const AnswerSection& section, std::string_view text) {
  return std::ranges::any_of(section.lines,
                             [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

TEST(ProcedureAnswer, TheAskedSectionComesFirstAndCitesItsField) {
  const ProcedureAnswer answer = AnswerQuestion(Birth(), QuestionIntent::kFee, std::nullopt, std::nullopt);
  ASSERT_FALSE(answer.sections.empty());
  EXPECT_EQ(answer.sections[0].topic, QuestionIntent::kFee);
  EXPECT_EQ(answer.sections[0].source, "procedure_channels.fee_text");
  // Channels with the same wording share one line.
  EXPECT_TRUE(HasLine(answer.sections[0], "Trực tiếp, trực tuyến: Miễn phí"));
  EXPECT_NE(answer.text_vi.find("1.001193"), std::string::npos);
  EXPECT_NE(answer.text_vi.find("Miễn phí"), std::string::npos);
}

TEST(ProcedureAnswer, AQuestionNamingAChannelGetsThatChannel) {
  Procedure p = Birth();
  p.channel_details[1].fee_free = false;
  p.channel_details[1].fee_text = "Lệ phí: 5.000 đồng";
  const ProcedureAnswer answer = AnswerQuestion(p, QuestionIntent::kFee, std::nullopt, Channel::kOnline);
  ASSERT_EQ(answer.sections[0].lines.size(), 1U);
  EXPECT_EQ(answer.sections[0].lines[0], "Trực tuyến: Lệ phí: 5.000 đồng");
}

TEST(ProcedureAnswer, AFreeFlagContradictedByTheTextIsSaid) {
  Procedure p = Birth();
  p.channel_details[0].fee_text = "Miễn phí(Lệ phí 50.000 đồng/lần)";
  const ProcedureAnswer answer = AnswerQuestion(p, QuestionIntent::kFee, std::nullopt, Channel::kDirect);
  EXPECT_TRUE(HasLine(answer.sections[0], "50.000 ₫"));
}

TEST(ProcedureAnswer, PapersExcludeNotesWhichAreListedApart) {
  const ProcedureAnswer answer = AnswerQuestion(Birth(), QuestionIntent::kDocuments, std::nullopt, std::nullopt);
  EXPECT_TRUE(HasLine(answer.sections[0], "Giấy chứng sinh (bản chính: 1)"));
  EXPECT_FALSE(HasLine(answer.sections[0], "quyền lựa chọn"));
  ASSERT_EQ(answer.notes.size(), 1U);
  EXPECT_NE(answer.notes[0].find("quyền lựa chọn"), std::string::npos);
}

TEST(ProcedureAnswer, TheProvincesTimeWinsOverAUnitlessCatalogueTime) {
  ProcedureSettings settings;
  settings.procedure_code = "1.001193";
  settings.processing_times = {{Channel::kDirect, 3, TimeUnit::kWorkingDay}};
  const ProcedureAnswer answer = AnswerQuestion(Birth(), QuestionIntent::kTime, settings, std::nullopt);
  EXPECT_TRUE(HasLine(answer.sections[0], "Trực tiếp: 3 ngày làm việc (thời hạn tỉnh quy định)"));
  EXPECT_TRUE(HasLine(answer.sections[0], "Trực tuyến: 1 (danh mục không ghi đơn vị)"));
}

TEST(ProcedureAnswer, WhatTheCatalogueLacksIsSaidPlainly) {
  for (const QuestionIntent intent : {QuestionIntent::kSteps, QuestionIntent::kConditions}) {
    const ProcedureAnswer answer = AnswerQuestion(Birth(), intent, std::nullopt, std::nullopt);
    EXPECT_TRUE(answer.sections[0].missing) << QuestionIntentName(intent);
    EXPECT_TRUE(HasLine(answer.sections[0], "không có mục")) << QuestionIntentName(intent);
    EXPECT_TRUE(HasLine(answer.sections[0], "https://dichvucong.gov.vn/p/1")) << QuestionIntentName(intent);
  }
}

TEST(ProcedureAnswer, TheProvincesWorkflowAnswersTheSteps) {
  ProcedureSettings settings;
  settings.steps = {
      {"Tiếp nhận", Role::kReceptionist, 0}, {"Thẩm định", Role::kSpecialist, 60}, {"Phê duyệt", Role::kLeader, 40}};
  const ProcedureAnswer answer = AnswerQuestion(Birth(), QuestionIntent::kSteps, settings, std::nullopt);
  EXPECT_FALSE(answer.sections[0].missing);
  EXPECT_EQ(answer.sections[0].source, "procedure_settings.steps");
  EXPECT_EQ(answer.sections[0].lines.size(), 3U);
}

TEST(ProcedureAnswer, OnlineOrNotFollowsTheChannels) {
  Procedure p = Birth();
  EXPECT_TRUE(HasLine(AnswerQuestion(p, QuestionIntent::kOnline, std::nullopt, std::nullopt).sections[0], "Có"));
  p.channels = {Channel::kDirect};
  EXPECT_TRUE(HasLine(AnswerQuestion(p, QuestionIntent::kOnline, std::nullopt, std::nullopt).sections[0],
                      "không ghi cách nộp trực tuyến"));
}

TEST(ProcedureAnswer, ChannelsNamedInAQuestion) {
  EXPECT_EQ(ChannelNamedIn("nộp trực tuyến được không"), Channel::kOnline);
  EXPECT_EQ(ChannelNamedIn("lam online duoc ko"), Channel::kOnline);
  EXPECT_EQ(ChannelNamedIn("gửi qua bưu điện"), Channel::kPostal);
  EXPECT_EQ(ChannelNamedIn("nộp trực tiếp ở xã"), Channel::kDirect);
  EXPECT_EQ(ChannelNamedIn("lệ phí bao nhiêu"), std::nullopt);
}

TEST(QuestionIntentNames, EveryIntentHasANameThatReadsBack) {
  EXPECT_EQ(AllQuestionIntents().size(), 8U);
  for (const QuestionIntent intent : AllQuestionIntents()) {
    EXPECT_EQ(ParseQuestionIntent(QuestionIntentName(intent)), intent);
    EXPECT_FALSE(QuestionIntentLabelVi(intent).empty());
  }
  EXPECT_EQ(ParseQuestionIntent("cooking"), std::nullopt);
}

}  // namespace
}  // namespace motcua
