#include "adapters/smartca/smartca_signing_service.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "adapters/smartca/smartca_transport.h"

namespace motcua::adapters {
namespace {

using nlohmann::json;

constexpr const char* kServiceField = "signing_service";

// ---- Failures, each logged once ----------------------------------------------------------------------------

enum class Operation { kCertificates, kSign, kStatus };

const char* OperationName(Operation operation) {
  switch (operation) {
    case Operation::kCertificates:
      return "get_certificate";
    case Operation::kSign:
      return "sign";
    case Operation::kStatus:
      return "status";
  }
  return "?";
}

// One exchange with SmartCA, as the log names it: no request data, only our random transaction_id (or the
// tran_code asked about), which VNPT's support can find.
struct Call {
  Operation operation;
  std::string exchange;
};

// `kind` is our own words: never the CA's message, the password or the request's data.
Error Logged(const Call& call, std::string_view kind, Error error) {
  spdlog::warn("smartca {} failed [{}]: {}", OperationName(call.operation), call.exchange, kind);
  return error;
}

Error Unavailable(const Call& call, const std::string& why_vi, const std::string& why_en) {
  return Logged(call, "unavailable: " + why_en,
                Error::Unavailable(kServiceField, "không dùng được dịch vụ ký số SmartCA: " + why_vi,
                                   "the SmartCA signing service cannot be used: " + why_en));
}

std::string Lowered(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// ---- Encodings ---------------------------------------------------------------------------------------------

int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Standard base64, padded or not, line breaks allowed (MIME encoders insert them); none for anything else.
std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (const char c : text) {
    if (c != '\r' && c != '\n' && c != ' ' && c != '\t') digits.push_back(c);
  }
  std::size_t padding = 0;
  while (!digits.empty() && digits.back() == '=' && padding < 2) {
    digits.pop_back();
    ++padding;
  }
  if (digits.empty() || digits.size() % 4 == 1) return std::nullopt;
  if (padding > 0 && (digits.size() + padding) % 4 != 0) return std::nullopt;
  std::string bytes;
  bytes.reserve(digits.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : digits) {
    const int sextet = Sextet(c);
    if (sextet < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(sextet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
    }
  }
  return bytes;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const unsigned char byte : bytes) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0F]);
  }
  return hex;
}

// A version-4 UUID from OpenSSL's generator; none if it fails (it does not once seeded by the system).
std::optional<std::string> NewTransactionId() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
  const std::string hex = Hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

// "20260509031500Z": the moment in UTC, as SmartCA's time_stamp.
std::string TimeStamp(Instant now) {
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{now - day};
  char text[80];
  std::snprintf(text, sizeof text, "%04d%02u%02u%02d%02d%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

// What SmartCA gives as a transaction, safe to put in the status URL.
bool IsTransactionId(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::ranges::all_of(id, [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
  });
}

std::string Dump(const json& body) {
  // A description cut inside a UTF-8 letter must not make the request fail: replace what is not UTF-8.
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- The replies -------------------------------------------------------------------------------------------

const json* Field(const json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

bool IsAbsent(const json* value) {
  return value == nullptr || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty());
}

// {"status_code", "message", "data"}: what every reply of SmartCA is wrapped in.
struct Envelope {
  long long code = 0;
  std::string message;  // the CA's own words: shown to the official, never logged
  json data;
};

std::optional<long long> StatusCodeOf(const json& body) {
  const json* code = Field(body, "status_code");
  if (code == nullptr) return std::nullopt;
  if (code->is_number_integer()) return code->get<long long>();
  if (!code->is_string()) return std::nullopt;
  const std::string& text = code->get_ref<const std::string&>();
  if (text.empty() || text.size() > 9 || !std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

Result<Envelope> EnvelopeOf(const SmartCaTransport::Reply& reply, const Call& call) {
  const std::string http = std::to_string(reply.status);
  if (reply.status >= 500) {
    return Fail(Unavailable(call, "máy chủ trả mã HTTP " + http, "the server answered HTTP " + http));
  }
  json body = json::parse(reply.body, nullptr, false);
  if (body.is_discarded()) {
    return Fail(
        Unavailable(call, "trả lời (HTTP " + http + ") không phải JSON", "the reply (HTTP " + http + ") is not JSON"));
  }
  const std::optional<long long> code = StatusCodeOf(body);
  if (!code) {
    return Fail(Unavailable(call, "trả lời (HTTP " + http + ") không có status_code",
                            "the reply (HTTP " + http + ") has no status_code"));
  }
  Envelope envelope{*code, "", nullptr};
  if (const json* message = Field(body, "message"); message != nullptr && message->is_string()) {
    envelope.message = message->get<std::string>();
  }
  if (const json* data = Field(body, "data"); data != nullptr) envelope.data = std::move(*data);
  return envelope;
}

// POSTs `body` to `route`: the envelope of the reply, or why there is none (logged).
Result<Envelope> Send(const SmartCaTransport& transport, const std::string& route, const json& body, const Call& call) {
  auto reply = transport.Post(route, Dump(body));
  if (!reply) return Fail(Unavailable(call, reply.error().why_vi, reply.error().why_en));
  return EnvelopeOf(*reply, call);
}

// " («…»)": the CA's message, cut short on a letter boundary, for the official to read; "" when there is none.
std::string Quoted(std::string message) {
  constexpr std::size_t kLongest = 160;
  if (message.size() > kLongest) {
    std::size_t end = kLongest;
    while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0) == 0x80) --end;
    message = message.substr(0, end) + "…";
  }
  return message.empty() ? "" : " («" + message + "»)";
}

bool Contains(const std::string& text, std::string_view word) { return text.find(word) != std::string::npos; }

// "sp" as a word of its own, or "sp_…".
bool NamesTheProvider(const std::string& lower) {
  if (Contains(lower, "sp_")) return true;
  for (std::size_t at = lower.find("sp"); at != std::string::npos; at = lower.find("sp", at + 1)) {
    const bool starts = at == 0 || std::isalnum(static_cast<unsigned char>(lower[at - 1])) == 0;
    const bool ends = at + 2 == lower.size() || std::isalnum(static_cast<unsigned char>(lower[at + 2])) == 0;
    if (starts && ends) return true;
  }
  return false;
}

// A 401 is about the user, not our SP account, when its message names the user and not the SP.
bool NamesTheUser(const std::string& message) {
  const std::string lower = Lowered(message);
  const bool user = Contains(lower, "user") || Contains(lower, "người dùng") || Contains(lower, "thuê bao");
  return user && !NamesTheProvider(lower);
}

// The field of a sign request that a 400's message names.
std::string RefusedField(Operation operation, const std::string& message) {
  if (operation == Operation::kCertificates) return "user_id";
  if (operation == Operation::kStatus) return "transaction";
  struct Hint {
    const char* word;
    const char* field;
  };
  static constexpr Hint kHints[] = {
      {"serial", "certificate_serial"}, {"data_to_be_signed", "digest"}, {"hash", "digest"},
      {"doc_id", "document_id"},        {"desc", "description"},         {"user", "user_id"}};
  const std::string lower = Lowered(message);
  for (const Hint& hint : kHints) {
    if (Contains(lower, hint.word)) return hint.field;
  }
  return "signing_request";
}

// What a status_code other than the operation's success means.
Error Refusal(const Call& call, const Envelope& envelope) {
  const std::string code = std::to_string(envelope.code);
  const std::string said = Quoted(envelope.message);
  const std::string kind = "status_code " + code;
  switch (envelope.code) {
    case 400: {
      const std::string field = RefusedField(call.operation, envelope.message);
      return Logged(
          call, kind + ": refused " + field,
          Error::InvalidArgument(field, "SmartCA từ chối yêu cầu" + said, "SmartCA refused the request" + said));
    }
    case 401:
      if (call.operation != Operation::kStatus && NamesTheUser(envelope.message)) {
        return Logged(
            call, kind + ": no such user",
            Error::NotFound("user_id", "SmartCA không có thuê bao này" + said, "SmartCA knows no such user" + said));
      }
      return Unavailable(call,
                         "SmartCA từ chối tài khoản SP (kiểm tra sp_id và biến môi trường " +
                             std::string(kSmartCaSpPasswordVariable) + ")",
                         "SmartCA refused the service provider's credentials (check sp_id and " +
                             std::string(kSmartCaSpPasswordVariable) + ")");
    case 403:
      return Logged(call, kind + ": certificate not valid",
                    Error::FailedPrecondition("certificate_serial",
                                              "chứng thư số không còn hiệu lực (hết hạn hoặc bị thu hồi)" + said,
                                              "the certificate is not valid (expired or revoked)" + said));
    case 404:
      if (call.operation == Operation::kStatus) {
        return Logged(call, kind + ": no such transaction",
                      Error::NotFound("transaction", "SmartCA không có giao dịch này" + said,
                                      "SmartCA knows no such transaction" + said));
      }
      return Logged(
          call, kind + ": no such user",
          Error::NotFound("user_id", "SmartCA không có thuê bao này" + said, "SmartCA knows no such user" + said));
    default:
      return Unavailable(call, "SmartCA trả mã " + code, "SmartCA answered status_code " + code);
  }
}

// ---- Certificates -------------------------------------------------------------------------------------------

struct Der {
  std::string bytes;
  std::string serial;  // lower-case hex
};

// The base64 of exactly one DER X.509 certificate, decoded; none otherwise.
std::optional<Der> CertificateFromBase64(const std::string& base64) {
  std::optional<std::string> bytes = DecodeBase64(base64);
  if (!bytes) return std::nullopt;
  const auto* start = reinterpret_cast<const unsigned char*>(bytes->data());
  const unsigned char* next = start;
  X509* certificate = d2i_X509(nullptr, &next, static_cast<long>(bytes->size()));
  if (certificate == nullptr) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::string serial;
  if (BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr); number != nullptr) {
    if (char* hex = BN_bn2hex(number); hex != nullptr) {
      serial = Lowered(hex);
      OPENSSL_free(hex);
    }
    BN_free(number);
  }
  X509_free(certificate);
  if (next != start + bytes->size()) return std::nullopt;
  return Der{std::move(*bytes), std::move(serial)};
}

Result<app::RemoteCertificate> CertificateIn(const json& entry, const Call& call) {
  const json* data = Field(entry, "cert_data");
  if (data == nullptr || !data->is_string()) {
    return Fail(Unavailable(call, "một chứng thư không có cert_data", "a certificate has no cert_data"));
  }
  std::optional<Der> der = CertificateFromBase64(data->get<std::string>());
  if (!der) {
    return Fail(Unavailable(call, "cert_data không phải chứng thư DER mã base64",
                            "a cert_data is not a base64 DER certificate"));
  }
  app::RemoteCertificate certificate;
  const json* serial = Field(entry, "serial_number");
  certificate.serial = IsAbsent(serial) || !serial->is_string() ? der->serial : serial->get<std::string>();
  certificate.certificate = std::move(der->bytes);
  const json* chain = Field(entry, "chain_data");
  if (IsAbsent(chain)) return certificate;
  if (!chain->is_object()) return Fail(Unavailable(call, "chain_data sai dạng", "chain_data is malformed"));
  for (const char* name : {"ca_cert", "root_cert"}) {
    const json* issuer = Field(*chain, name);
    if (IsAbsent(issuer)) continue;
    std::optional<Der> issuer_der =
        issuer->is_string() ? CertificateFromBase64(issuer->get<std::string>()) : std::nullopt;
    if (!issuer_der) {
      return Fail(Unavailable(call, std::string(name) + " không phải chứng thư DER mã base64",
                              std::string("a ") + name + " is not a base64 DER certificate"));
    }
    certificate.issuer_chain.push_back(std::move(issuer_der->bytes));
  }
  return certificate;
}

Result<std::vector<app::RemoteCertificate>> CertificatesIn(const Envelope& envelope, const Call& call) {
  const json* list = Field(envelope.data, "user_certificates");
  if (list == nullptr || !list->is_array()) {
    return Fail(Unavailable(call, "trả lời không có user_certificates", "the reply has no user_certificates"));
  }
  if (list->empty()) {
    return Fail(Logged(call, "no certificate",
                       Error::NotFound("user_id", "SmartCA không giữ chứng thư số nào của thuê bao này",
                                       "SmartCA holds no certificate for this user")));
  }
  std::vector<app::RemoteCertificate> certificates;
  for (const json& entry : *list) {
    auto certificate = CertificateIn(entry, call);
    if (!certificate) return Fail(certificate.error());
    certificates.push_back(std::move(*certificate));
  }
  return certificates;
}

// ---- Signatures ---------------------------------------------------------------------------------------------

Result<std::string> TransactionIn(const Envelope& envelope, const Call& call) {
  for (const char* name : {"tran_code", "transaction_id"}) {
    const json* id = Field(envelope.data, name);
    if (IsAbsent(id)) continue;
    if (!id->is_string() || !IsTransactionId(id->get_ref<const std::string&>())) break;
    return id->get<std::string>();
  }
  return Fail(Unavailable(call, "trả lời không có tran_code dùng được", "the reply has no usable tran_code"));
}

// A status_code 200: signed once a signature_value is there, pending until then.
Result<app::RemoteSigningStatus> SignatureIn(const Envelope& envelope, const Call& call) {
  const app::RemoteSigningStatus pending;
  if (envelope.data.is_null()) return pending;
  if (!envelope.data.is_object()) return Fail(Unavailable(call, "data sai dạng", "data is malformed"));
  const json* list = Field(envelope.data, "signatures");
  if (IsAbsent(list)) list = Field(envelope.data, "signed_files");
  if (IsAbsent(list)) return pending;
  if (!list->is_array()) return Fail(Unavailable(call, "danh sách chữ ký sai dạng", "the signature list is malformed"));
  for (const json& entry : *list) {
    if (!entry.is_object())
      return Fail(Unavailable(call, "danh sách chữ ký sai dạng", "the signature list is malformed"));
    const json* value = Field(entry, "signature_value");
    if (IsAbsent(value)) continue;
    std::optional<std::string> signature =
        value->is_string() ? DecodeBase64(value->get_ref<const std::string&>()) : std::nullopt;
    if (!signature) {
      return Fail(Unavailable(call, "signature_value không phải base64", "the signature_value is not base64"));
    }
    return app::RemoteSigningStatus{app::RemoteSigningState::kSigned, std::move(*signature)};
  }
  return pending;
}

Result<app::RemoteSigningStatus> StatusIn(const Envelope& envelope, const Call& call) {
  switch (envelope.code) {
    case 200:
      return SignatureIn(envelope, call);
    case 4000:  // WAITING_FOR_SIGNER_CONFIRM
      return app::RemoteSigningStatus{};
    case 4001:  // EXPIRED: not confirmed in time
      spdlog::info("smartca status [{}]: expired", call.exchange);
      return app::RemoteSigningStatus{app::RemoteSigningState::kExpired, ""};
    case 4002:  // SIGNER_REJECTED in the app
      spdlog::info("smartca status [{}]: rejected by the signer", call.exchange);
      return app::RemoteSigningStatus{app::RemoteSigningState::kRejected, ""};
    case 4003:  // AUTHORIZE_KEY_FAILED
    case 4004:  // SIGN_FAILED
    {
      const std::string code = std::to_string(envelope.code);
      return Fail(Unavailable(call, "SmartCA không ký được (mã " + code + "); hãy yêu cầu ký lại",
                              "SmartCA failed to sign (status_code " + code + "); ask again"));
    }
    default:
      return Fail(Refusal(call, envelope));
  }
}

}  // namespace

std::string SmartCaSpPasswordFromEnvironment() {
  const char* password = std::getenv(kSmartCaSpPasswordVariable);
  return password == nullptr ? "" : password;
}

SmartCaSigningService::SmartCaSigningService(SmartCaOptions options, std::unique_ptr<const SmartCaTransport> transport)
    : options_(std::move(options)), transport_(std::move(transport)) {}

SmartCaSigningService::~SmartCaSigningService() = default;

Result<std::unique_ptr<SmartCaSigningService>> SmartCaSigningService::Create(SmartCaOptions options) {
  auto endpoint = SmartCaTransport::ParseEndpoint(options.base_url);
  if (!endpoint) return Fail(endpoint.error());
  if (options.sp_id.empty()) {
    return Fail(Error::InvalidArgument("smartca_sp_id", "thiếu sp_id do VNPT cấp", "the sp_id VNPT issued is empty"));
  }
  if (options.sp_password.empty()) {
    const std::string variable(kSmartCaSpPasswordVariable);
    return Fail(Error::InvalidArgument("smartca_sp_password", "thiếu mật khẩu SP: đặt biến môi trường " + variable,
                                       "the SP password is empty: set " + variable));
  }
  if (options.timeout <= std::chrono::milliseconds::zero()) {
    return Fail(Error::InvalidArgument("smartca_timeout", "thời gian chờ phải dương", "the timeout must be positive"));
  }
  auto transport = SmartCaTransport::Create(std::move(*endpoint), options.timeout, options.max_response_bytes);
  if (!transport) return Fail(transport.error());
  return std::unique_ptr<SmartCaSigningService>(new SmartCaSigningService(std::move(options), std::move(*transport)));
}

Result<std::vector<app::RemoteCertificate>> SmartCaSigningService::Certificates(const std::string& user_id) const {
  std::optional<std::string> id = NewTransactionId();
  const Call call{Operation::kCertificates, id.value_or("-")};
  if (!id) return Fail(Unavailable(call, "không sinh được mã giao dịch", "no transaction id could be made"));
  if (user_id.empty()) {
    return Fail(Logged(call, "no user_id", Error::InvalidArgument("user_id", "thiếu mã thuê bao", "no user_id")));
  }
  const json body = {{"sp_id", options_.sp_id},
                     {"sp_password", options_.sp_password},
                     {"user_id", user_id},
                     {"serial_number", ""},
                     {"transaction_id", *id}};
  auto envelope = Send(*transport_, "/v1/credentials/get_certificate", body, call);
  if (!envelope) return Fail(envelope.error());
  if (envelope->code != 200) return Fail(Refusal(call, *envelope));
  return CertificatesIn(*envelope, call);
}

Result<std::string> SmartCaSigningService::RequestSignature(const app::RemoteSigningRequest& request) const {
  std::optional<std::string> id = NewTransactionId();
  const Call call{Operation::kSign, id.value_or("-")};
  if (!id) return Fail(Unavailable(call, "không sinh được mã giao dịch", "no transaction id could be made"));
  if (request.user_id.empty()) {
    return Fail(Logged(call, "no user_id", Error::InvalidArgument("user_id", "thiếu mã thuê bao", "no user_id")));
  }
  if (request.document_id.empty()) {
    return Fail(
        Logged(call, "no document_id", Error::InvalidArgument("document_id", "thiếu mã tài liệu", "no document_id")));
  }
  if (request.digest.size() != 32) {
    return Fail(Logged(call, "digest not 32 bytes",
                       Error::InvalidArgument("digest", "giá trị băm SHA-256 phải dài 32 byte",
                                              "the SHA-256 digest must be 32 bytes")));
  }
  const json file = {{"doc_id", request.document_id},
                     {"file_type", "pdf"},
                     {"sign_type", "hash"},
                     {"data_to_be_signed", Hex(request.digest)}};
  const json body = {{"sp_id", options_.sp_id},
                     {"sp_password", options_.sp_password},
                     {"user_id", request.user_id},
                     {"transaction_id", *id},
                     {"transaction_desc", request.description},
                     {"serial_number", request.certificate_serial},
                     {"time_stamp", TimeStamp(clock().Now())},
                     {"sign_files", json::array({file})}};
  auto envelope = Send(*transport_, "/v1/signatures/sign", body, call);
  if (!envelope) return Fail(envelope.error());
  if (envelope->code != 200) return Fail(Refusal(call, *envelope));
  return TransactionIn(*envelope, call);
}

Result<app::RemoteSigningStatus> SmartCaSigningService::Status(const std::string& transaction) const {
  if (!IsTransactionId(transaction)) {
    return Fail(Logged({Operation::kStatus, "-"}, "malformed transaction id",
                       Error::NotFound("transaction", "SmartCA không thể có giao dịch mang mã này",
                                       "SmartCA cannot have a transaction of this id")));
  }
  const Call call{Operation::kStatus, transaction};
  const json body = {{"sp_id", options_.sp_id}, {"sp_password", options_.sp_password}};
  auto envelope = Send(*transport_, "/v1/signatures/sign/" + transaction + "/status", body, call);
  if (!envelope) return Fail(envelope.error());
  return StatusIn(*envelope, call);
}

}  // namespace motcua::adapters
