#pragma once
// A loopback stand-in for a province's OpenAI-compatible language-model server (DESIGN.md §6), for the tests of
// adapters/openai/openai_rephraser.h: an HTTP/1.1 server on 127.0.0.1, a port the system chooses, serving
// POST …/chat/completions from one thread of its own, as the test scripts it:
//
//   ReplyWith(text)  200, a chat completion whose choices[0].message.content is `text` (the default: "")
//   Behave(kServerError)    500 with an OpenAI-style error body
//   Behave(kMalformedJson)  200 whose body is not JSON
//   Behave(kNeverAnswer)    reads the request and never answers (the client's timeout must end the wait)
//   Behave(kOversizeBody)   200, a valid completion of over 100 KiB: the scripted text and 100 KiB of spaces
//   Behave(kRefusal)        200, content null and a "refusal" (what OpenAI's API sends when it declines)
//   Behave(kCutShort)       200, finish_reason "length": the model stopped before it finished
//   RequireApiKey(key)      401 unless the request carries "Authorization: Bearer <key>"
//
// Every request is recorded (requests()), with its target, Authorization header and parsed body.
// Thread-safety: the script and the record are guarded by one mutex; the test thread may change the script
// between requests while the server thread answers.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

namespace motcua::test_support {

enum class ChatBehaviour { kReply, kServerError, kMalformedJson, kNeverAnswer, kOversizeBody, kRefusal, kCutShort };

struct RecordedChatRequest {
  std::string method;
  std::string target;
  std::string authorization;  // "" when absent
  nlohmann::json body;        // discarded when the body was not JSON
};

class MockChatServer {
 public:
  MockChatServer()
      : acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}), port_(acceptor_.local_endpoint().port()) {
    Accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~MockChatServer() {
    io_.stop();
    thread_.join();
  }
  MockChatServer(const MockChatServer&) = delete;
  MockChatServer& operator=(const MockChatServer&) = delete;

  unsigned short port() const { return port_; }
  // The base URL an adapter is given: "http://127.0.0.1:<port>/v1".
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/v1"; }

  void ReplyWith(std::string content) {
    const std::lock_guard lock(mutex_);
    behaviour_ = ChatBehaviour::kReply;
    content_ = std::move(content);
  }
  void Behave(ChatBehaviour behaviour) {
    const std::lock_guard lock(mutex_);
    behaviour_ = behaviour;
  }
  void RequireApiKey(std::string key) {
    const std::lock_guard lock(mutex_);
    required_key_ = std::move(key);
  }
  std::vector<RecordedChatRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  struct Connection {
    explicit Connection(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
    boost::beast::tcp_stream stream;
    boost::beast::flat_buffer buffer;
    Request request;
    Response response;
  };

  static nlohmann::json Completion(nlohmann::json message, const char* finish_reason) {
    return {{"id", "chatcmpl-mock"},
            {"object", "chat.completion"},
            {"model", "mock"},
            {"choices", nlohmann::json::array(
                            {{{"index", 0}, {"message", std::move(message)}, {"finish_reason", finish_reason}}})}};
  }
  static nlohmann::json Message(const std::string& content) { return {{"role", "assistant"}, {"content", content}}; }

  static Response Make(unsigned status, std::string body) {
    Response response{static_cast<boost::beast::http::status>(status), 11};
    response.set(boost::beast::http::field::content_type, "application/json");
    response.keep_alive(false);
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
  }

  // What the script says to answer; called on the server thread.
  Response Answer(ChatBehaviour behaviour, const std::string& content) const {
    switch (behaviour) {
      case ChatBehaviour::kReply:
      case ChatBehaviour::kNeverAnswer:
        return Make(200, Completion(Message(content), "stop").dump());
      case ChatBehaviour::kServerError:
        return Make(500, R"({"error":{"message":"the model crashed","type":"server_error"}})");
      case ChatBehaviour::kMalformedJson:
        return Make(200, R"({"choices":[{"message":{"content":"Thủ tục)");
      case ChatBehaviour::kOversizeBody:
        return Make(200, Completion(Message(content + std::string(100 * 1024, ' ')), "stop").dump());
      case ChatBehaviour::kRefusal:
        return Make(
            200,
            Completion({{"role", "assistant"}, {"content", nullptr}, {"refusal", "I can't help with that."}}, "stop")
                .dump());
      case ChatBehaviour::kCutShort:
        return Make(200, Completion(Message(content), "length").dump());
    }
    return Make(500, "{}");
  }

  void Accept() {
    acceptor_.async_accept([this](boost::beast::error_code ec, boost::asio::ip::tcp::socket socket) {
      if (ec) return;
      auto connection = std::make_shared<Connection>(std::move(socket));
      boost::beast::http::async_read(connection->stream, connection->buffer, connection->request,
                                     [this, connection](boost::beast::error_code read_error, std::size_t) {
                                       if (!read_error) Respond(connection);
                                     });
      Accept();
    });
  }

  void Respond(const std::shared_ptr<Connection>& connection) {
    const Request& request = connection->request;
    const std::string authorization(request[boost::beast::http::field::authorization]);
    ChatBehaviour behaviour;
    std::string content, required_key;
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back({std::string(request.method_string()), std::string(request.target()), authorization,
                           nlohmann::json::parse(request.body(), nullptr, false)});
      behaviour = behaviour_;
      content = content_;
      required_key = required_key_;
    }
    if (!required_key.empty() && authorization != "Bearer " + required_key) {
      connection->response = Make(401, R"({"error":{"message":"invalid api key","type":"invalid_request_error"}})");
    } else if (behaviour == ChatBehaviour::kNeverAnswer) {
      held_.push_back(connection);  // kept open, unanswered, until the server stops
      return;
    } else {
      connection->response = Answer(behaviour, content);
    }
    boost::beast::http::async_write(
        connection->stream, connection->response, [connection](boost::beast::error_code, std::size_t) {
          boost::beast::error_code ignored;
          connection->stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
        });
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  const unsigned short port_;
  std::vector<std::shared_ptr<Connection>> held_;  // only touched on the server thread
  mutable std::mutex mutex_;
  ChatBehaviour behaviour_ = ChatBehaviour::kReply;  // guarded by mutex_
  std::string content_;                              // guarded by mutex_
  std::string required_key_;                         // guarded by mutex_
  std::vector<RecordedChatRequest> requests_;        // guarded by mutex_
  std::thread thread_;
};

}  // namespace motcua::test_support
