// How the VNPT SmartCA adapter reads the gateway's replies (tests/support/mock_smartca_server.h answering as scripted):
// the status replies the versions of SmartCA's document show, what a sign request is refused for, and certificate
// lists read strictly; tables written from the document (v4.x §3) and the header's decisions, not from the code.
#include "adapters/smartca/smartca_signing_service.h"

#include <gtest/gtest.h>

#include <iterator>
#include <optional>
#include <string>

#include "support/smartca_fixtures.h"

namespace motcua::adapters::smartca_test {
namespace {

class SmartCaReplies : public MockGatewayTest {};

// The status replies the versions of SmartCA's document show, and what is not its protocol.
TEST_F(SmartCaReplies, ReadsStatusRepliesTolerantlyButNeverGuesses) {
  struct Case {
    const char* why;
    unsigned http;
    std::string body;
    std::optional<app::RemoteSigningState> state;  // none: an error is expected
    std::string signature;
    ErrorCode code = ErrorCode::kUnavailable;
    std::string field = "signing_service";
  } cases[] = {
      {"4000 WAITING_FOR_SIGNER_CONFIRM (CSC variant)", 200, R"({"status_code":4000,"message":"WAITING"})",
       app::RemoteSigningState::kPending, ""},
      {"200 with data null", 200, R"({"status_code":200,"message":"sig_wait_for_user_confirm","data":null})",
       app::RemoteSigningState::kPending, ""},
      {"200 without data", 200, R"({"status_code":200,"message":""})", app::RemoteSigningState::kPending, ""},
      {"an empty list", 200, R"({"status_code":200,"data":{"signatures":[]}})", app::RemoteSigningState::kPending, ""},
      {"signature_value null", 200,
       R"({"status_code":200,"data":{"signatures":[{"doc_id":"d","signature_value":null}]}})",
       app::RemoteSigningState::kPending, ""},
      {"status_code as a string", 200,
       R"({"status_code":"200","message":"SUCCESS","data":{"signatures":[{"doc_id":"d","signature_value":"AAEC"}]}})",
       app::RemoteSigningState::kSigned, std::string("\x00\x01\x02", 3)},
      {"MIME line breaks, no padding", 200,
       R"({"status_code":200,"data":{"signed_files":[{"signature_value":"AAECAwQF\r\nBgc"}]}})",
       app::RemoteSigningState::kSigned, std::string("\x00\x01\x02\x03\x04\x05\x06\x07", 8)},
      {"the first entry with a signature", 200,
       R"({"status_code":200,"data":{"signatures":[{"signature_value":null},{"signature_value":"/w=="}]}})",
       app::RemoteSigningState::kSigned, "\xff"},
      {"4001 EXPIRED", 200, R"({"status_code":4001,"message":"EXPIRED"})", app::RemoteSigningState::kExpired, ""},
      {"4002", 200, R"({"status_code":4002,"message":"SIGNER_REJECTED"})", app::RemoteSigningState::kRejected, ""},
      {"404 in the body", 200, R"({"status_code":404,"message":"TRANSACTION_NOT_FOUND"})", std::nullopt, "",
       ErrorCode::kNotFound, "transaction"},
      {"404 in both", 404, R"({"status_code":404,"message":"TRANSACTION_NOT_FOUND"})", std::nullopt, "",
       ErrorCode::kNotFound, "transaction"},
      // A wrong base path on a gateway: not the protocol, so not "no such transaction".
      {"an HTTP 404 page", 404, "<html>Not Found</html>", std::nullopt, ""},
      {"JSON without status_code", 404, R"({"error":"Not Found"})", std::nullopt, ""},
      {"status_code not a number", 200, R"({"status_code":"OK"})", std::nullopt, ""},
      {"4004 SIGN_FAILED", 200, R"({"status_code":4004,"message":"SIGN_FAILED"})", std::nullopt, ""},
      {"an unknown code", 200, R"({"status_code":4999})", std::nullopt, ""},
      {"a 503 with a good body", 503, R"({"status_code":4002})", std::nullopt, ""},
      {"data not an object", 200, R"({"status_code":200,"data":"SUCCESS"})", std::nullopt, ""},
      {"signatures not a list", 200, R"({"status_code":200,"data":{"signatures":"AAEC"}})", std::nullopt, ""},
      {"an entry not an object", 200, R"({"status_code":200,"data":{"signatures":["AAEC"]}})", std::nullopt, ""},
      {"three padding characters", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"A==="}]}})",
       std::nullopt, ""},
      {"padding inside", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"AA==AAAA"}]}})",
       std::nullopt, ""},
      {"URL-safe alphabet", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"_-8="}]}})",
       std::nullopt, ""},
      {"signature_value a number", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":12}]}})",
       std::nullopt, ""},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(c.http, c.body);
    const auto status = service->Status("acd9be84-60e7-4645-83ab-fb7079b71626");
    if (c.state) {
      ASSERT_TRUE(status.has_value()) << c.why << ": " << status.error().message_en;
      EXPECT_EQ(status->state, *c.state) << c.why;
      EXPECT_EQ(status->signature, c.signature) << c.why;
    } else {
      ExpectError(status, c.code, c.field, c.why);
    }
  }
  EXPECT_EQ(mock_.requests().size(), std::size(cases));
}

TEST_F(SmartCaReplies, ReadsWhatASignRequestIsRefusedFor) {
  struct Case {
    const char* why;
    unsigned http;
    std::string body;
    std::string transaction;  // "" when an error is expected
    ErrorCode code;
    std::string field;
  } cases[] = {
      {"tran_code absent: the echoed transaction_id", 200,
       R"({"status_code":200,"message":"sig_wait_for_user_confirm","data":{"transaction_id":"SP_CA_123456"}})",
       "SP_CA_123456", ErrorCode::kInternal, ""},
      {"a tran_code that would leave the URL", 200, R"({"status_code":200,"data":{"tran_code":"../../x"}})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"no data", 200, R"({"status_code":200,"message":"sig_wait_for_user_confirm"})", "", ErrorCode::kUnavailable,
       "signing_service"},
      {"400 naming the serial", 400, R"({"status_code":400,"message":"serial_number không hợp lệ"})", "",
       ErrorCode::kInvalidArgument, "certificate_serial"},
      {"400 naming the data", 200, R"({"status_code":400,"message":"data_to_be_signed invalid"})", "",
       ErrorCode::kInvalidArgument, "digest"},
      {"400 naming the document", 400, R"({"status_code":400,"message":"doc_id is required"})", "",
       ErrorCode::kInvalidArgument, "document_id"},
      {"400 naming nothing", 400, R"({"status_code":400,"message":"BAD_REQUEST"})", "", ErrorCode::kInvalidArgument,
       "signing_request"},
      {"401 naming the user", 401, R"({"status_code":401,"message":"USER_NOT_FOUND"})", "", ErrorCode::kNotFound,
       "user_id"},
      {"401 naming the subscriber in Vietnamese", 200, R"({"status_code":401,"message":"Thuê bao không tồn tại"})", "",
       ErrorCode::kNotFound, "user_id"},
      {"401 naming the SP", 401, R"({"status_code":401,"message":"SP_CREDENTIAL_INVALID"})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"401 with the document's own wording", 401,
       R"({"status_code":401,"message":"Thông tin tài khoản sp, người dùng không hợp lệ"})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"403 CREDENTIAL_STATUS_INVALID", 403, R"({"status_code":403,"message":"CREDENTIAL_STATUS_INVALID"})", "",
       ErrorCode::kFailedPrecondition, "certificate_serial"},
      {"500 in the body", 200, R"({"status_code":500,"message":"SERVER_INTERNAL_ERROR"})", "", ErrorCode::kUnavailable,
       "signing_service"},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(c.http, c.body);
    const auto transaction = service->RequestSignature(SignRequest());
    if (!c.transaction.empty()) {
      ASSERT_TRUE(transaction.has_value()) << c.why << ": " << transaction.error().message_en;
      EXPECT_EQ(*transaction, c.transaction) << c.why;
    } else {
      ExpectError(transaction, c.code, c.field, c.why);
    }
  }
}

TEST_F(SmartCaReplies, ReadsCertificateRepliesStrictly) {
  const Pki& pki = TestPki();
  const std::string signer = MockSmartCaServer::Base64(Der(pki.signer.get()));
  const std::string not_a_certificate = MockSmartCaServer::Base64("hello, not DER");
  struct Case {
    const char* why;
    std::string body;
    ErrorCode code;
    std::string field;
  } cases[] = {
      {"no certificate at all", R"({"status_code":200,"data":{"user_certificates":[]}})", ErrorCode::kNotFound,
       "user_id"},
      {"no list", R"({"status_code":200,"data":{}})", ErrorCode::kUnavailable, "signing_service"},
      {"cert_data missing", R"({"status_code":200,"data":{"user_certificates":[{"serial_number":"01"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"cert_data not base64", R"({"status_code":200,"data":{"user_certificates":[{"cert_data":"MII*"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"cert_data not a certificate",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + not_a_certificate + R"("}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"a certificate with bytes after it",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" +
           MockSmartCaServer::Base64(Der(pki.signer.get()) + "xx") + R"("}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"a broken ca_cert",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer +
           R"(","chain_data":{"ca_cert":"AAAA"}}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"chain_data not an object",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer + R"(","chain_data":"x"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"400 for the user id", R"({"status_code":400,"message":"user_id is required"})", ErrorCode::kInvalidArgument,
       "user_id"},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(200, c.body);
    ExpectError(service->Certificates(kUserId), c.code, c.field, c.why);
  }
  // No serial_number: the certificate's own; chain_data absent: no chain.
  mock_.AnswerNextWith(200, R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer + R"("}]}})");
  const auto certificates = service->Certificates(kUserId);
  ASSERT_TRUE(certificates.has_value()) << certificates.error().message_en;
  ASSERT_EQ(certificates->size(), 1U);
  EXPECT_EQ((*certificates)[0].serial, kSignerSerial);
  EXPECT_TRUE((*certificates)[0].issuer_chain.empty());
}

}  // namespace
}  // namespace motcua::adapters::smartca_test
