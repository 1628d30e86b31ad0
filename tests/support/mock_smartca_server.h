#pragma once
// A loopback stand-in for VNPT SmartCA's sp769 gateway, for the tests of adapters/smartca/smartca_signing_service.h:
// an HTTP/1.1 server on 127.0.0.1 (a port the system chooses), or HTTPS when given a server TLS context, serving
// from one thread of its own the three POSTs of the integration document (v4.x §3) under /sca/sp769:
//
//   /v1/credentials/get_certificate      the certificates AddUser() gave, as user_certificates[] (base64 DER)
//   /v1/signatures/sign                  keeps a transaction, pending: {"message": "sig_wait_for_user_confirm",
//                                        "data": {"transaction_id", "tran_code"}}
//   /v1/signatures/sign/{tran}/status    pending: status_code 200, message "sig_wait_for_user_confirm", no
//                                        signatures; confirmed: 200 "SUCCESS" with data.signatures[{doc_id,
//                                        signature_value (base64), timestamp_signature: null}]; 4001 EXPIRED;
//                                        4002 SIGNER_REJECTED
//
// Every body must carry the sp_id and sp_password the mock was made with, or it answers 401 SP_CREDENTIAL_INVALID.
// Other refusals: 400 BAD_REQUEST (a missing or malformed field, a serial_number the user does not hold, a reused
// transaction_id), 404 USER_NOT_FOUND, 404 TRANSACTION_NOT_FOUND, and an HTTP 404 in plain text for any other path.
// A 4xx status_code is also the HTTP status; 4001/4002 come with HTTP 200.
//
// The test drives each transaction: Confirm(tran_code, signer) signs the digest received (decoded from
// data_to_be_signed) with the test's signer, so the signature is real; Reject(); Expire(); ExpireAfterPolls(n) lets
// a transaction still pending expire at its n+1-th poll. It can misbehave on demand (Behave): 500, malformed JSON,
// never answer, a body over 256 KiB; ForgeSignatures() turns a confirmed signature_value into text that is not
// base64 or into other bytes (for the caller's signature check to catch); UseSignaturesKey("signed_files") names the
// list as the webhook of the document does; AnswerNextWith(status, body) scripts the next replies verbatim.
//
// Every request is recorded (requests()): method, target, the header lines and the body, raw and parsed.
// Thread-safety: the script, the transactions and the record are guarded by one mutex; the test thread may change
// them while the server thread answers.
#include <openssl/evp.h>
#include <openssl/ssl.h>

#include <cstddef>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <nlohmann/json.hpp>

namespace motcua::test_support {

enum class SmartCaBehaviour { kNormal, kServerError, kMalformedJson, kNeverAnswer, kOversizeBody };
enum class SmartCaForgery { kNone, kNotBase64, kOtherBytes };
enum class MockSigningState { kPending, kSigned, kRejected, kExpired };

// One certificate of a user, as the mock serves it.
struct MockSmartCaCertificate {
  std::string serial;    // hex, as SmartCA names it
  std::string der;       // the user's certificate
  std::string ca_der;    // chain_data.ca_cert; "" → null
  std::string root_der;  // chain_data.root_cert; "" → null (as SmartCA TH sends)
};

struct MockSmartCaTransaction {
  std::string tran_code;
  nlohmann::json request;  // the sign request's body, as received
  std::string digest;      // sign_files[0].data_to_be_signed, decoded from hex
  MockSigningState state = MockSigningState::kPending;
  std::string signature;  // kSigned: what the signer returned
  int polls = 0;
};

struct RecordedSmartCaRequest {
  std::string method;
  std::string target;
  std::string headers;  // "Name: value\n" for each header line
  std::string body;
  nlohmann::json json;  // discarded when the body was not JSON
};

class MockSmartCaServer {
 public:
  using Signer = std::function<std::string(const std::string& digest)>;
  static constexpr const char* kPath = "/sca/sp769";

  // Plain HTTP, or HTTPS with `tls` (a server context holding its certificate and key; it must outlive the mock).
  MockSmartCaServer(std::string sp_id, std::string sp_password, boost::asio::ssl::context* tls = nullptr)
      : sp_id_(std::move(sp_id)),
        sp_password_(std::move(sp_password)),
        tls_(tls),
        acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}),
        port_(acceptor_.local_endpoint().port()) {
    Accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~MockSmartCaServer() {
    io_.stop();
    thread_.join();
  }
  MockSmartCaServer(const MockSmartCaServer&) = delete;
  MockSmartCaServer& operator=(const MockSmartCaServer&) = delete;

  unsigned short port() const { return port_; }
  // "http://127.0.0.1:<port>/sca/sp769" (https:// and `host` as asked, for a TLS mock).
  std::string base_url(const std::string& host = "127.0.0.1") const {
    return std::string(tls_ != nullptr ? "https://" : "http://") + host + ":" + std::to_string(port_) + kPath;
  }

  void AddUser(const std::string& user_id, std::vector<MockSmartCaCertificate> certificates) {
    const std::lock_guard lock(mutex_);
    users_[user_id] = std::move(certificates);
  }
  // false when the transaction is unknown or no longer pending.
  bool Confirm(const std::string& tran_code, const Signer& signer) {
    const std::lock_guard lock(mutex_);
    MockSmartCaTransaction* transaction = Pending(tran_code);
    if (transaction == nullptr) return false;
    transaction->signature = signer(transaction->digest);
    transaction->state = MockSigningState::kSigned;
    return true;
  }
  bool Reject(const std::string& tran_code) { return Settle(tran_code, MockSigningState::kRejected); }
  bool Expire(const std::string& tran_code) { return Settle(tran_code, MockSigningState::kExpired); }
  void ExpireAfterPolls(int polls) {
    const std::lock_guard lock(mutex_);
    expire_after_polls_ = polls;
  }
  void Behave(SmartCaBehaviour behaviour) {
    const std::lock_guard lock(mutex_);
    behaviour_ = behaviour;
  }
  void ForgeSignatures(SmartCaForgery forgery) {
    const std::lock_guard lock(mutex_);
    forgery_ = forgery;
  }
  void UseSignaturesKey(std::string key) {
    const std::lock_guard lock(mutex_);
    signatures_key_ = std::move(key);
  }
  // The next request is answered with exactly this (after it is recorded); several calls queue in order.
  void AnswerNextWith(unsigned http_status, std::string body) {
    const std::lock_guard lock(mutex_);
    scripted_.push_back({http_status, std::move(body)});
  }

  std::vector<RecordedSmartCaRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }
  std::vector<MockSmartCaTransaction> transactions() const {
    const std::lock_guard lock(mutex_);
    std::vector<MockSmartCaTransaction> all;
    for (const auto& [code, transaction] : transactions_) all.push_back(transaction);
    return all;
  }
  // The SNI names TLS clients sent ("" for a client that sent none), and how many handshakes failed.
  std::vector<std::string> server_names() const {
    const std::lock_guard lock(mutex_);
    return server_names_;
  }
  int failed_handshakes() const {
    const std::lock_guard lock(mutex_);
    return failed_handshakes_;
  }

  static std::string Base64(const std::string& bytes) {
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                        reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(length));
    return text;
  }

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;
  using Json = nlohmann::json;
  using PlainStream = boost::beast::tcp_stream;
  using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

  template <class Stream>
  struct Connection {
    template <class... Arguments>
    explicit Connection(Arguments&&... arguments) : stream(std::forward<Arguments>(arguments)...) {}
    Stream stream;
    boost::beast::flat_buffer buffer;
    Request request;
    Response response;
  };

  struct Answer {
    unsigned http_status = 200;
    std::string body;
    bool hold = false;  // never answer
  };

  // ---- What to answer: no I/O, called with mutex_ held ----

  static Answer Envelope(int code, const std::string& message, Json data = nullptr) {
    const unsigned http = code >= 400 && code < 600 ? static_cast<unsigned>(code) : 200U;
    return {http, Json{{"status_code", code}, {"message", message}, {"data", std::move(data)}}.dump()};
  }
  static Answer BadRequest(const std::string& why) { return Envelope(400, "BAD_REQUEST: " + why); }

  static bool IsHex(const std::string& text) {
    return !text.empty() && text.size() % 2 == 0 &&
           text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  }
  static std::string FromHex(const std::string& hex) {
    std::string bytes;
    for (std::size_t at = 0; at + 1 < hex.size(); at += 2) {
      bytes.push_back(static_cast<char>(std::stoi(hex.substr(at, 2), nullptr, 16)));
    }
    return bytes;
  }
  static std::string Text(const Json& body, const char* name) {
    const auto found = body.find(name);
    return found != body.end() && found->is_string() ? found->get<std::string>() : "";
  }
  static Json Base64OrNull(const std::string& der) { return der.empty() ? Json(nullptr) : Json(Base64(der)); }

  MockSmartCaTransaction* Pending(const std::string& tran_code) {
    const auto found = transactions_.find(tran_code);
    if (found == transactions_.end() || found->second.state != MockSigningState::kPending) return nullptr;
    return &found->second;
  }
  bool Settle(const std::string& tran_code, MockSigningState state) {
    const std::lock_guard lock(mutex_);
    MockSmartCaTransaction* transaction = Pending(tran_code);
    if (transaction != nullptr) transaction->state = state;
    return transaction != nullptr;
  }

  Answer Certificates(const Json& body) const {
    const std::string transaction_id = Text(body, "transaction_id");
    if (transaction_id.empty()) return BadRequest("transaction_id is required");
    const auto user = users_.find(Text(body, "user_id"));
    if (user == users_.end()) return Envelope(404, "USER_NOT_FOUND");
    const std::string serial = Text(body, "serial_number");
    Json list = Json::array();
    for (const MockSmartCaCertificate& certificate : user->second) {
      if (!serial.empty() && serial != certificate.serial) continue;
      list.push_back(
          {{"service_type", "SMARTCA"},
           {"cert_id", "mock-cert-" + certificate.serial},
           {"cert_status", "Đang hoạt động"},
           {"serial_number", certificate.serial},
           {"cert_data", Base64(certificate.der)},
           {"chain_data",
            {{"ca_cert", Base64OrNull(certificate.ca_der)}, {"root_cert", Base64OrNull(certificate.root_der)}}},
           {"transaction_id", transaction_id}});
    }
    return Envelope(200, "Success", {{"user_certificates", std::move(list)}});
  }

  // The first file's fault, or "".
  static std::string FileFault(const Json& files) {
    if (!files.is_array() || files.empty()) return "sign_files is required";
    for (const Json& file : files) {
      if (!file.is_object() || Text(file, "doc_id").empty()) return "doc_id is required";
      if (Text(file, "file_type").empty()) return "file_type is required";
      if (Text(file, "sign_type") != "hash") return "sign_type must be hash";
      if (!IsHex(Text(file, "data_to_be_signed"))) return "data_to_be_signed must be hex";
    }
    return "";
  }

  Answer Sign(const Json& body) {
    const std::string transaction_id = Text(body, "transaction_id");
    if (transaction_id.empty()) return BadRequest("transaction_id is required");
    if (used_transaction_ids_.contains(transaction_id)) return BadRequest("transaction_id already used");
    const auto user = users_.find(Text(body, "user_id"));
    if (user == users_.end()) return Envelope(404, "USER_NOT_FOUND");
    const std::string serial = Text(body, "serial_number");
    bool held = serial.empty();
    for (const MockSmartCaCertificate& certificate : user->second) held = held || certificate.serial == serial;
    if (!held) return BadRequest("serial_number is not valid");
    const Json files = body.contains("sign_files") ? body["sign_files"] : Json();
    if (const std::string fault = FileFault(files); !fault.empty()) return BadRequest(fault);
    used_transaction_ids_.insert(transaction_id);
    MockSmartCaTransaction transaction;
    char code[64];
    std::snprintf(code, sizeof code, "acd9be84-60e7-4645-83ab-%012d", ++tran_counter_);
    transaction.tran_code = code;
    transaction.request = body;
    transaction.digest = FromHex(Text(files[0], "data_to_be_signed"));
    transactions_[transaction.tran_code] = transaction;
    return Envelope(200, "sig_wait_for_user_confirm",
                    {{"transaction_id", transaction_id}, {"tran_code", transaction.tran_code}});
  }

  std::string SignatureValue(const std::string& signature) const {
    switch (forgery_) {
      case SmartCaForgery::kNone:
        return Base64(signature);
      case SmartCaForgery::kNotBase64:
        return "%%chữ ký giả%%";
      case SmartCaForgery::kOtherBytes: {
        std::string other = signature;
        for (char& byte : other) byte = static_cast<char>(~byte);
        return Base64(other);
      }
    }
    return "";
  }

  Answer Status(const std::string& tran_code) {
    const auto found = transactions_.find(tran_code);
    if (found == transactions_.end()) return Envelope(404, "TRANSACTION_NOT_FOUND");
    MockSmartCaTransaction& transaction = found->second;
    const std::string transaction_id = Text(transaction.request, "transaction_id");
    if (transaction.state == MockSigningState::kPending && ++transaction.polls > expire_after_polls_ &&
        expire_after_polls_ >= 0) {
      transaction.state = MockSigningState::kExpired;
    }
    switch (transaction.state) {
      case MockSigningState::kPending:
        return Envelope(200, "sig_wait_for_user_confirm",
                        {{"transaction_id", transaction_id}, {"signatures", nullptr}});
      case MockSigningState::kExpired:
        return Envelope(4001, "EXPIRED");
      case MockSigningState::kRejected:
        return Envelope(4002, "SIGNER_REJECTED");
      case MockSigningState::kSigned:
        break;
    }
    Json signatures = Json::array();
    for (const Json& file : transaction.request["sign_files"]) {
      signatures.push_back({{"doc_id", Text(file, "doc_id")},
                            {"signature_value", SignatureValue(transaction.signature)},
                            {"timestamp_signature", nullptr}});
    }
    return Envelope(200, "SUCCESS", {{"transaction_id", transaction_id}, {signatures_key_, std::move(signatures)}});
  }

  Answer Route(const Request& request, const Json& body) {
    const std::string target(request.target());
    const std::string prefix = std::string(kPath) + "/v1/";
    if (request.method() != boost::beast::http::verb::post || !target.starts_with(prefix)) {
      return {404, "Not Found", false};
    }
    const std::string route = target.substr(prefix.size());
    const bool status = route.starts_with("signatures/sign/") && route.ends_with("/status");
    if (route != "credentials/get_certificate" && route != "signatures/sign" && !status) {
      return {404, "Not Found", false};
    }
    if (body.is_discarded() || !body.is_object()) return BadRequest("the body is not JSON");
    if (Text(body, "sp_id") != sp_id_ || Text(body, "sp_password") != sp_password_) {
      return Envelope(401, "SP_CREDENTIAL_INVALID");
    }
    if (route == "credentials/get_certificate") return Certificates(body);
    if (route == "signatures/sign") return Sign(body);
    const std::size_t from = std::string("signatures/sign/").size();
    return Status(route.substr(from, route.size() - from - std::string("/status").size()));
  }

  Answer Handle(const Request& request) {
    std::string headers;
    for (const auto& field : request) {
      headers += std::string(field.name_string()) + ": " + std::string(field.value()) + "\n";
    }
    const Json body = Json::parse(request.body(), nullptr, false);
    const std::lock_guard lock(mutex_);
    requests_.push_back({std::string(request.method_string()), std::string(request.target()), std::move(headers),
                         request.body(), body});
    if (!scripted_.empty()) {
      Answer scripted = std::move(scripted_.front());
      scripted_.pop_front();
      return scripted;
    }
    switch (behaviour_) {
      case SmartCaBehaviour::kServerError:
        return {500, R"({"status_code":500,"message":"SERVER_INTERNAL_ERROR","data":null})", false};
      case SmartCaBehaviour::kMalformedJson:
        return {200, R"({"status_code":200,"message":"SUCC)", false};
      case SmartCaBehaviour::kNeverAnswer:
        return {0, "", true};
      case SmartCaBehaviour::kOversizeBody: {
        Answer answer = Route(request, body);
        Json padded = Json::parse(answer.body, nullptr, false);
        if (padded.is_object()) padded["padding"] = std::string(300 * 1024, ' ');
        answer.body = padded.is_object() ? padded.dump() : answer.body + std::string(300 * 1024, ' ');
        return answer;
      }
      case SmartCaBehaviour::kNormal:
        break;
    }
    return Route(request, body);
  }

  // ---- I/O, on the server thread ----

  void Accept() {
    acceptor_.async_accept([this](boost::beast::error_code ec, boost::asio::ip::tcp::socket socket) {
      if (ec) return;
      if (tls_ == nullptr) {
        Read(std::make_shared<Connection<PlainStream>>(std::move(socket)));
      } else {
        auto connection = std::make_shared<Connection<TlsStream>>(std::move(socket), *tls_);
        connection->stream.async_handshake(
            boost::asio::ssl::stream_base::server,
            [this, connection](boost::beast::error_code handshake_error) { OnHandshake(connection, handshake_error); });
      }
      Accept();
    });
  }

  void OnHandshake(const std::shared_ptr<Connection<TlsStream>>& connection, boost::beast::error_code ec) {
    {
      const std::lock_guard lock(mutex_);
      if (ec) {
        ++failed_handshakes_;
      } else {
        const char* name = SSL_get_servername(connection->stream.native_handle(), TLSEXT_NAMETYPE_host_name);
        server_names_.push_back(name != nullptr ? name : "");
      }
    }
    if (!ec) Read(connection);
  }

  template <class Stream>
  void Read(const std::shared_ptr<Connection<Stream>>& connection) {
    boost::beast::http::async_read(connection->stream, connection->buffer, connection->request,
                                   [this, connection](boost::beast::error_code ec, std::size_t) {
                                     if (!ec) Respond(connection);
                                   });
  }

  template <class Stream>
  void Respond(const std::shared_ptr<Connection<Stream>>& connection) {
    Answer answer = Handle(connection->request);
    if (answer.hold) {
      held_.push_back(connection);  // kept open, unanswered, until the server stops
      return;
    }
    Response& response = connection->response;
    response = Response{static_cast<boost::beast::http::status>(answer.http_status), 11};
    const bool json = answer.body.starts_with('{');
    response.set(boost::beast::http::field::content_type, json ? "application/json" : "text/plain");
    response.keep_alive(false);
    response.body() = std::move(answer.body);
    response.prepare_payload();
    boost::beast::http::async_write(connection->stream, response, [connection](boost::beast::error_code, std::size_t) {
      boost::beast::error_code ignored;
      boost::beast::get_lowest_layer(connection->stream)
          .socket()
          .shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
    });
  }

  const std::string sp_id_;
  const std::string sp_password_;
  boost::asio::ssl::context* const tls_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  const unsigned short port_;
  std::vector<std::shared_ptr<void>> held_;  // only touched on the server thread
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<MockSmartCaCertificate>> users_;  // guarded by mutex_
  std::map<std::string, MockSmartCaTransaction> transactions_;        // guarded by mutex_, by tran_code
  std::set<std::string> used_transaction_ids_;                        // guarded by mutex_
  int tran_counter_ = 0;                                              // guarded by mutex_
  int expire_after_polls_ = -1;                                       // guarded by mutex_; -1: never
  SmartCaBehaviour behaviour_ = SmartCaBehaviour::kNormal;            // guarded by mutex_
  SmartCaForgery forgery_ = SmartCaForgery::kNone;                    // guarded by mutex_
  std::string signatures_key_ = "signatures";                         // guarded by mutex_
  std::deque<Answer> scripted_;                                       // guarded by mutex_
  std::vector<RecordedSmartCaRequest> requests_;                      // guarded by mutex_
  std::vector<std::string> server_names_;                             // guarded by mutex_
  int failed_handshakes_ = 0;                                         // guarded by mutex_
  std::thread thread_;
};

}  // namespace motcua::test_support
