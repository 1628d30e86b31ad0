// GET /api/v1/assistant with a province's language model configured (issue 14), end to end: the real server
// (tests/support/api_server.h) with the OpenAI-compatible rephraser pointed at a loopback mock of the model's
// server (tests/support/mock_chat_server.h). The rewording appears beside the cited answer when it adds nothing,
// is null when it forges a fact, and the answer with its sections is there both times.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/openai/openai_rephraser.h"
#include "support/api_server.h"
#include "support/mock_chat_server.h"

namespace motcua::http {
namespace {

using nlohmann::json;

constexpr const char* kFeeQuestion = "/api/v1/assistant?q=dang+ky+khai+sinh+het+bao+nhieu+tien";

std::unique_ptr<adapters::OpenAiRephraser> RephraserOf(const test_support::MockChatServer& mock) {
  adapters::OpenAiRephraserOptions options;
  options.endpoint = mock.base_url();
  options.timeout = std::chrono::seconds(5);
  return adapters::OpenAiRephraser::Create(options).value();
}

TEST(AssistantRephrasingApi, TheRewordingIsShownBesideTheAnswerOnlyWhenItAddsNothing) {
  test_support::MockChatServer mock;
  const auto rephraser = RephraserOf(mock);
  test_support::ApiServer server(ParseIsoInstant("2026-01-09T10:00:00+07:00", "test").value(), {}, {}, rephraser.get());

  // A forged reply: an amount the catalogue does not name.
  mock.ReplyWith("Thủ tục đăng ký khai sinh (1.001193): lệ phí 999.000 đồng.");
  const test_support::HttpReply forged = server.Get(kFeeQuestion);
  ASSERT_EQ(forged.status, 200U) << forged.body;
  const json refused = forged.Json();
  ASSERT_TRUE(refused["answered"].get<bool>()) << forged.body;
  const json answer = refused["answer"];
  ASSERT_TRUE(answer.is_object());
  EXPECT_FALSE(answer["sections"].empty());
  EXPECT_EQ(answer["text"].get<std::string>().find("999"), std::string::npos);
  EXPECT_TRUE(refused["rephrased"].is_null()) << forged.body;
  ASSERT_EQ(mock.requests().size(), 1U);

  // A faithful reply: the answer's own words, introduced.
  const std::string reworded = "Tóm lại: " + answer["text"].get<std::string>();
  mock.ReplyWith(reworded);
  const test_support::HttpReply good = server.Get(kFeeQuestion);
  ASSERT_EQ(good.status, 200U) << good.body;
  const json shown = good.Json();
  EXPECT_EQ(shown["rephrased"], reworded);
  EXPECT_EQ(shown["answer"], answer);  // the cited fields, the same either way
  EXPECT_EQ(mock.requests().size(), 2U);

  // No answer, nothing to reword: the model is not asked.
  const json none = server.Get("/api/v1/assistant?q=nau+canh+chua+the+nao").Json();
  EXPECT_FALSE(none["answered"].get<bool>()) << none.dump();
  EXPECT_TRUE(none["rephrased"].is_null());
  EXPECT_EQ(mock.requests().size(), 2U);
}

TEST(AssistantRephrasingApi, WithoutAModelRephrasedIsNull) {
  test_support::ApiServer server(ParseIsoInstant("2026-01-09T10:00:00+07:00", "test").value());
  const json body = server.Get(kFeeQuestion).Json();
  ASSERT_TRUE(body["answered"].get<bool>()) << body.dump();
  EXPECT_TRUE(body["answer"].is_object());
  EXPECT_TRUE(body.contains("rephrased"));
  EXPECT_TRUE(body["rephrased"].is_null());
}

}  // namespace
}  // namespace motcua::http
