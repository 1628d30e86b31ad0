// The OpenAI-compatible rephraser against a loopback mock of a province's model server
// (tests/support/mock_chat_server.h): what it sends, and that every way the server can fail — or a reply that
// adds a fact — ends as Unavailable naming "assistant".
#include "adapters/openai/openai_rephraser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/mock_chat_server.h"

namespace motcua::adapters {
namespace {

using std::chrono::milliseconds;
using test_support::ChatBehaviour;
using test_support::MockChatServer;

constexpr milliseconds kShortTimeout{300};

ProcedureAnswer BirthFee() {
  ProcedureAnswer answer;
  answer.code = "1.001193";
  answer.name = "Thủ tục đăng ký khai sinh";
  answer.intent = QuestionIntent::kFee;
  answer.text_vi =
      "Thủ tục đăng ký khai sinh (1.001193) — Phí, lệ phí: Trực tiếp: Miễn phí; Trực tuyến: Lệ phí 5.000 đồng";
  AnswerSection fee;
  fee.topic = QuestionIntent::kFee;
  fee.lines = {"Trực tiếp: Miễn phí", "Trực tuyến: Lệ phí 5.000 đồng"};
  fee.source = "procedure_channels.fee_text";
  answer.sections = {fee};
  return answer;
}

constexpr const char* kQuestion = "đăng ký khai sinh hết bao nhiêu tiền";
constexpr const char* kFaithful =
    "Đăng ký khai sinh (1.001193): nộp trực tiếp thì miễn phí, nộp trực tuyến thì lệ phí 5.000 đồng.";

std::unique_ptr<OpenAiRephraser> Rephraser(const std::string& endpoint, milliseconds timeout = kShortTimeout,
                                           std::string api_key = "") {
  OpenAiRephraserOptions options;
  options.endpoint = endpoint;
  options.model = "qwen-7b";
  options.timeout = timeout;
  options.api_key = std::move(api_key);
  return OpenAiRephraser::Create(options).value();
}

void ExpectUnavailable(const Result<std::string>& reply, const char* why) {
  ASSERT_FALSE(reply.has_value()) << why << ": " << reply.value_or("");
  EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable) << why;
  EXPECT_EQ(reply.error().field, "assistant") << why;
}

TEST(OpenAiRephraser, AFaithfulRewordingIsReturnedTrimmed) {
  MockChatServer mock;
  mock.ReplyWith(std::string("\n  ") + kFaithful + "\n");
  const auto reply = Rephraser(mock.base_url())->Rephrase(kQuestion, BirthFee());
  ASSERT_TRUE(reply.has_value()) << reply.error().message_en;
  EXPECT_EQ(*reply, kFaithful);
}

TEST(OpenAiRephraser, SendsOneChatCompletionWithTheAnswerToReword) {
  MockChatServer mock;
  mock.ReplyWith(kFaithful);
  ASSERT_TRUE(Rephraser(mock.base_url() + "/")->Rephrase(kQuestion, BirthFee()).has_value());
  const auto requests = mock.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& request = requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/v1/chat/completions");  // the base URL's trailing '/' is not doubled
  EXPECT_EQ(request.authorization, "");               // no key configured, none sent
  ASSERT_FALSE(request.body.is_discarded());
  EXPECT_EQ(request.body["model"], "qwen-7b");
  EXPECT_EQ(request.body["temperature"], 0);
  const auto& messages = request.body["messages"];
  ASSERT_EQ(messages.size(), 2U);
  EXPECT_EQ(messages[0]["role"], "system");
  const std::string system = messages[0]["content"];
  EXPECT_NE(system.find("không thêm"), std::string::npos) << system;
  EXPECT_NE(system.find("Giữ nguyên mọi con số"), std::string::npos) << system;
  EXPECT_EQ(messages[1]["role"], "user");
  const std::string user = messages[1]["content"];
  EXPECT_NE(user.find(kQuestion), std::string::npos) << user;
  EXPECT_NE(user.find(BirthFee().text_vi), std::string::npos) << user;
}

TEST(OpenAiRephraser, AnEndpointWithoutAPathGetsTheBareRoute) {
  MockChatServer mock;
  mock.ReplyWith(kFaithful);
  ASSERT_TRUE(Rephraser("http://127.0.0.1:" + std::to_string(mock.port()))->Rephrase(kQuestion, BirthFee()));
  ASSERT_EQ(mock.requests().size(), 1U);
  EXPECT_EQ(mock.requests()[0].target, "/chat/completions");
}

// Each way the model's server fails, and each reply that must not be shown.
TEST(OpenAiRephraser, EveryFailureIsUnavailable) {
  struct Case {
    const char* why;
    ChatBehaviour behaviour;
    std::string content;  // the text scripted (kReply, kOversizeBody, kCutShort)
  } cases[] = {
      {"a reply adding a fact: the online fee changed", ChatBehaviour::kReply,
       "Đăng ký khai sinh (1.001193): nộp trực tuyến thì lệ phí 50.000 đồng."},
      {"a reply adding a fact: a fee where the answer says free", ChatBehaviour::kReply,
       "Đăng ký khai sinh (1.001193): nộp trực tiếp mất 20.000 đồng."},
      {"a reply adding a link", ChatBehaviour::kReply,
       "Đăng ký khai sinh (1.001193): miễn phí trực tiếp; xem http://lua-dao.example.com."},
      {"an empty reply", ChatBehaviour::kReply, "   "},
      {"a 500", ChatBehaviour::kServerError, ""},
      {"malformed JSON", ChatBehaviour::kMalformedJson, ""},
      // Trimmed, the text would pass: only the cap refuses it.
      {"a body over 64 KiB", ChatBehaviour::kOversizeBody, kFaithful},
      {"a refusal", ChatBehaviour::kRefusal, ""},
      {"a faithful start cut short", ChatBehaviour::kCutShort, kFaithful},
  };
  MockChatServer mock;
  const auto rephraser = Rephraser(mock.base_url());
  for (const Case& c : cases) {
    mock.ReplyWith(c.content);
    mock.Behave(c.behaviour);
    ExpectUnavailable(rephraser->Rephrase(kQuestion, BirthFee()), c.why);
  }
  EXPECT_EQ(mock.requests().size(), std::size(cases));
}

// Regression: Beast's async_read parses eagerly and then skips the parser's body limit (Boost 1.74), so a
// 100 KiB reply was read whole and, trimmed, shown.
TEST(OpenAiRephraser, ABodyOverTheCapIsRefusedEvenWhenItsTextWouldPass) {
  MockChatServer mock;
  mock.ReplyWith(kFaithful);
  mock.Behave(ChatBehaviour::kOversizeBody);
  const auto reply = Rephraser(mock.base_url())->Rephrase(kQuestion, BirthFee());
  ASSERT_FALSE(reply.has_value()) << *reply;
  ExpectUnavailable(reply, "over 64 KiB");
  EXPECT_NE(reply.error().message_en.find("over 65536 bytes"), std::string::npos) << reply.error().message_en;
}

TEST(OpenAiRephraser, AReplyThatNeverComesEndsAtTheTimeout) {
  MockChatServer mock;
  mock.Behave(ChatBehaviour::kNeverAnswer);
  const auto started = std::chrono::steady_clock::now();
  ExpectUnavailable(Rephraser(mock.base_url(), kShortTimeout)->Rephrase(kQuestion, BirthFee()), "no reply");
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, kShortTimeout);
  EXPECT_LT(waited, std::chrono::seconds(5));  // the timeout, not the kernel's, ended it
  EXPECT_EQ(mock.requests().size(), 1U);
}

TEST(OpenAiRephraser, NothingListeningIsUnavailable) {
  unsigned short port = 0;
  {
    MockChatServer gone;
    port = gone.port();
  }
  ExpectUnavailable(Rephraser("http://127.0.0.1:" + std::to_string(port))->Rephrase(kQuestion, BirthFee()),
                    "connection refused");
}

TEST(OpenAiRephraser, TheApiKeyIsSentAsABearerToken) {
  MockChatServer mock;
  mock.RequireApiKey("khoa-bi-mat");
  mock.ReplyWith(kFaithful);
  const auto keyed = Rephraser(mock.base_url(), kShortTimeout, "khoa-bi-mat")->Rephrase(kQuestion, BirthFee());
  ASSERT_TRUE(keyed.has_value()) << keyed.error().message_en;
  EXPECT_EQ(mock.requests().back().authorization, "Bearer khoa-bi-mat");
  ExpectUnavailable(Rephraser(mock.base_url())->Rephrase(kQuestion, BirthFee()), "no key: a 401");
  ExpectUnavailable(Rephraser(mock.base_url(), kShortTimeout, "sai")->Rephrase(kQuestion, BirthFee()),
                    "a wrong key: a 401");
  // The key never appears in what the error says.
  const auto refused = Rephraser(mock.base_url(), kShortTimeout, "sai")->Rephrase(kQuestion, BirthFee());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_en.find("sai"), std::string::npos);
}

TEST(OpenAiRephraser, TheKeyIsReadFromTheEnvironment) {
  ::setenv(kAssistantApiKeyVariable, "tu-moi-truong", 1);
  EXPECT_EQ(AssistantApiKeyFromEnvironment(), "tu-moi-truong");
  ::unsetenv(kAssistantApiKeyVariable);
  EXPECT_EQ(AssistantApiKeyFromEnvironment(), "");
}

// Server threads call one rephraser at once; each call has its own connection.
TEST(OpenAiRephraser, ManyThreadsAtOnce) {
  MockChatServer mock;
  mock.ReplyWith(kFaithful);
  const auto rephraser = Rephraser(mock.base_url(), milliseconds(5000));
  std::vector<int> successes(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < successes.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) successes[t] += rephraser->Rephrase(kQuestion, BirthFee()).has_value() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const int count : successes) EXPECT_EQ(count, 5);
  EXPECT_EQ(mock.requests().size(), 20U);
}

TEST(OpenAiRephraser, BadSettingsAreRefusedAtStartUp) {
  struct Case {
    const char* why;
    std::string endpoint;
    std::string model;
    milliseconds timeout;
    std::string field;
  } cases[] = {
      {"no endpoint", "", "m", milliseconds(1), "assistant_endpoint"},
      {"https is not supported", "https://llm.tinh.gov.vn/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"another scheme", "ftp://llm.tinh.gov.vn", "m", milliseconds(1), "assistant_endpoint"},
      {"no scheme", "127.0.0.1:8000/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"no host", "http://", "m", milliseconds(1), "assistant_endpoint"},
      {"no host before the port", "http://:8000/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"an empty port", "http://localhost:/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"port 0", "http://localhost:0", "m", milliseconds(1), "assistant_endpoint"},
      {"a port over 65535", "http://localhost:70000", "m", milliseconds(1), "assistant_endpoint"},
      {"a port not a number", "http://localhost:abc", "m", milliseconds(1), "assistant_endpoint"},
      {"a password in the URL", "http://user:secret@localhost:8000", "m", milliseconds(1), "assistant_endpoint"},
      {"a query", "http://localhost:8000/v1?key=1", "m", milliseconds(1), "assistant_endpoint"},
      {"an unclosed IPv6 address", "http://[::1:8000/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"a space in the host", "http://local host/v1", "m", milliseconds(1), "assistant_endpoint"},
      {"no model", "http://localhost:8000/v1", "", milliseconds(1), "assistant_model"},
      {"no time to wait", "http://localhost:8000/v1", "m", milliseconds(0), "assistant_timeout"},
  };
  for (const Case& c : cases) {
    const auto made = OpenAiRephraser::Create({c.endpoint, c.model, c.timeout, 64 * 1024, ""});
    ASSERT_FALSE(made.has_value()) << c.why;
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument) << c.why;
    EXPECT_EQ(made.error().field, c.field) << c.why;
  }
  const auto https = OpenAiRephraser::Create({"https://llm.tinh.gov.vn/v1", "m", milliseconds(1), 1, ""});
  ASSERT_FALSE(https.has_value());
  EXPECT_NE(https.error().message_en.find("https is not supported"), std::string::npos) << https.error().message_en;
}

TEST(OpenAiRephraser, GoodEndpointsAreAccepted) {
  for (const char* endpoint : {"http://localhost:8000/v1", "http://127.0.0.1:8080/v1/", "HTTP://LLM.tinh.gov.vn",
                               "http://[::1]:8080/v1", "http://[::1]", "http://llm_server/openai/v1"}) {
    EXPECT_TRUE(OpenAiRephraser::Create({endpoint, "default", milliseconds(8000), 64 * 1024, ""}).has_value())
        << endpoint;
  }
}

}  // namespace
}  // namespace motcua::adapters
