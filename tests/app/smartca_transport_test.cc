// The VNPT SmartCA adapter's transport (adapters/smartca/smartca_transport.h) through the service: the settings and
// URLs refused or accepted at start-up, a server that is not there, never answers or misbehaves, many threads at
// once, and TLS against a certificate authority made for the test.
#include "adapters/smartca/smartca_signing_service.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ssl/context.hpp>

#include "support/smartca_fixtures.h"

namespace motcua::adapters::smartca_test {
namespace {

class SmartCaConnection : public MockGatewayTest {};

TEST_F(SmartCaConnection, AReplyThatNeverComesEndsAtTheTimeout) {
  const auto service = Service(mock_.base_url(), kShortTimeout);
  mock_.Behave(SmartCaBehaviour::kNeverAnswer);
  const auto started = std::chrono::steady_clock::now();
  const auto transaction = service->RequestSignature(SignRequest());
  const auto waited = std::chrono::steady_clock::now() - started;
  ExpectUnavailable(transaction, "no reply");
  EXPECT_NE(transaction.error().message_en.find("no reply within 300 ms"), std::string::npos);
  EXPECT_GE(waited, kShortTimeout);
  EXPECT_LT(waited, std::chrono::seconds(3));  // the timeout, not the kernel's, ended it
  EXPECT_EQ(mock_.requests().size(), 1U);
}

TEST_F(SmartCaConnection, EveryMisbehaviourIsUnavailable) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  struct Case {
    const char* why;
    SmartCaBehaviour behaviour;
  } cases[] = {
      {"a 500", SmartCaBehaviour::kServerError},
      {"malformed JSON", SmartCaBehaviour::kMalformedJson},
      // The padded reply is otherwise a good one: only the cap refuses it.
      {"a body over 256 KiB", SmartCaBehaviour::kOversizeBody},
  };
  for (const Case& c : cases) {
    mock_.Behave(c.behaviour);
    ExpectUnavailable(service->Certificates(kUserId), std::string(c.why) + ", certificates");
    ExpectUnavailable(service->RequestSignature(SignRequest()), std::string(c.why) + ", sign");
    ExpectUnavailable(service->Status(transaction), std::string(c.why) + ", status");
  }
  mock_.Behave(SmartCaBehaviour::kNormal);
  EXPECT_TRUE(service->Status(transaction).has_value()) << "the service itself was fine throughout";
}

// Server threads call one service at once; each call has its own connection.
TEST_F(SmartCaConnection, ManyThreadsAtOnce) {
  const auto service = Service(mock_.base_url());
  std::vector<std::vector<std::string>> transactions(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < transactions.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto transaction = service->RequestSignature(SignRequest());
        if (transaction && service->Status(*transaction).has_value()) transactions[t].push_back(*transaction);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> distinct;
  for (const auto& some : transactions) {
    EXPECT_EQ(some.size(), 5U);
    distinct.insert(some.begin(), some.end());
  }
  EXPECT_EQ(distinct.size(), 20U);
}

// ---- Settings -----------------------------------------------------------------------------------------------

TEST(SmartCaSettings, BadSettingsAreRefusedAtStartUp) {
  struct Case {
    const char* why;
    std::string url;
    std::string sp_id;
    std::string password;
    milliseconds timeout;
    std::string field;
  } cases[] = {
      {"plain http to the CA", "http://gwsca.vnpt.vn/sca/sp769", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"plain http to the province's network", "http://10.0.0.5:8080/sca/sp769", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"plain http to another loopback address", "http://127.0.0.2/sca/sp769", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"plain http to a name ending in localhost", "http://localhost.evil.example/x", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"no URL", "", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"another scheme", "ftp://gwsca.vnpt.vn", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no scheme", "gwsca.vnpt.vn/sca/sp769", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no host", "https://", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no host before the port", "https://:443/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"port 0", "https://gwsca.vnpt.vn:0", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a port over 65535", "https://gwsca.vnpt.vn:70000", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a password in the URL", "https://sp:secret@gwsca.vnpt.vn/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a query", "https://gwsca.vnpt.vn/sca?x=1", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a fragment", "https://gwsca.vnpt.vn/sca#x", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a space in the host", "https://gwsca vnpt.vn/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"an unclosed IPv6 address", "https://[2001:db8::1/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"not an IPv6 address", "https://[gwsca]/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no sp_id", kSmartCaProductionUrl, "", "pw", milliseconds(1), "smartca_sp_id"},
      {"no password", kSmartCaProductionUrl, "sp", "", milliseconds(1), "smartca_sp_password"},
      {"no time to wait", kSmartCaProductionUrl, "sp", "pw", milliseconds(0), "smartca_timeout"},
  };
  for (const Case& c : cases) {
    SmartCaOptions options;
    options.base_url = c.url;
    options.sp_id = c.sp_id;
    options.sp_password = c.password;
    options.timeout = c.timeout;
    const auto made = SmartCaSigningService::Create(options);
    ASSERT_FALSE(made.has_value()) << c.why;
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument) << c.why;
    EXPECT_EQ(made.error().field, c.field) << c.why;
  }
}

TEST(SmartCaSettings, GoodEndpointsAreAccepted) {
  for (const char* url : {kSmartCaProductionUrl, kSmartCaTestUrl, "HTTPS://GWSCA.VNPT.VN:8443/sca/sp769/",
                          "https://[2001:db8::1]/sca/sp769", "http://127.0.0.1:8080/sca/sp769", "http://[::1]:8080",
                          "http://LocalHost/sca/sp769"}) {
    EXPECT_TRUE(SmartCaSigningService::Create(Options(url)).has_value()) << url;
  }
}

TEST(SmartCaSettings, ThePasswordIsReadFromTheEnvironment) {
  ::setenv(kSmartCaSpPasswordVariable, "tu-moi-truong", 1);
  EXPECT_EQ(SmartCaSpPasswordFromEnvironment(), "tu-moi-truong");
  ::unsetenv(kSmartCaSpPasswordVariable);
  EXPECT_EQ(SmartCaSpPasswordFromEnvironment(), "");
}

TEST(SmartCaSettings, NothingListeningIsUnavailable) {
  std::string url;
  {
    MockSmartCaServer gone(kSpId, kSpPassword);
    url = gone.base_url();
  }
  ExpectUnavailable(Service(url)->Certificates(kUserId), "connection refused");
}

// ---- TLS ----------------------------------------------------------------------------------------------------

// SSL_CERT_FILE pointing at one CA while a service is created (OpenSSL reads it when the client context loads the
// default paths), then as it was.
class TrustedCaFile {
 public:
  explicit TrustedCaFile(const std::string& pem)
      : path_(std::filesystem::temp_directory_path() / ("motcua_smartca_ca_" + std::to_string(::getpid()) + ".pem")) {
    std::ofstream(path_) << pem;
    if (const char* previous = std::getenv("SSL_CERT_FILE"); previous != nullptr) previous_ = previous;
    ::setenv("SSL_CERT_FILE", path_.c_str(), 1);
  }
  ~TrustedCaFile() {
    if (previous_) {
      ::setenv("SSL_CERT_FILE", previous_->c_str(), 1);
    } else {
      ::unsetenv("SSL_CERT_FILE");
    }
    std::filesystem::remove(path_);
  }
  TrustedCaFile(const TrustedCaFile&) = delete;
  TrustedCaFile& operator=(const TrustedCaFile&) = delete;

 private:
  std::filesystem::path path_;
  std::optional<std::string> previous_;
};

// A server context for the mock: a certificate for `names`, issued by the test's root.
class MockServerTls {
 public:
  explicit MockServerTls(const std::string& names) : context_(boost::asio::ssl::context::tls_server) {
    const Pki& pki = TestPki();
    certificate_ = Issue({.common_name = "SmartCA mock",
                          .serial_hex = "0a",
                          .subject_alt_names = names,
                          .extended_key_usage = "serverAuth"},
                         key_.get(), pki.root.get(), pki.root_key.get());
    SSL_CTX_use_certificate(context_.native_handle(), certificate_.get());
    SSL_CTX_use_PrivateKey(context_.native_handle(), key_.get());
  }
  boost::asio::ssl::context& context() { return context_; }

 private:
  Key key_{EVP_EC_gen("P-256")};
  Certificate certificate_;
  boost::asio::ssl::context context_;
};

std::unique_ptr<SmartCaSigningService> ServiceTrusting(const std::string& url) {
  const TrustedCaFile trusted(Pem(TestPki().root.get()));
  return Service(url);
}

TEST(SmartCaTls, ATrustedCertificateForTheHostIsServed) {
  MockServerTls tls("DNS:localhost,IP:127.0.0.1");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  const auto by_name = ServiceTrusting(mock.base_url("localhost"))->Certificates(kUserId);
  ASSERT_TRUE(by_name.has_value()) << by_name.error().message_en;
  EXPECT_EQ(by_name->size(), 2U);
  const auto by_address = ServiceTrusting(mock.base_url("127.0.0.1"))->Certificates(kUserId);
  ASSERT_TRUE(by_address.has_value()) << by_address.error().message_en;
  // SNI carries a name, never an address.
  EXPECT_EQ(mock.server_names(), (std::vector<std::string>{"localhost", ""}));
}

TEST(SmartCaTls, ACertificateNoTrustedAuthorityIssuedIsUnavailable) {
  MockServerTls tls("DNS:localhost,IP:127.0.0.1");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  const auto certificates = Service(mock.base_url("localhost"))->Certificates(kUserId);  // the system's store only
  ExpectUnavailable(certificates, "untrusted");
  EXPECT_NE(certificates.error().message_en.find("certificate verify failed"), std::string::npos)
      << certificates.error().message_en;
  EXPECT_TRUE(mock.requests().empty()) << "nothing was sent";
}

TEST(SmartCaTls, ACertificateForAnotherHostIsUnavailable) {
  MockServerTls tls("DNS:smartca.example.vn");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  ExpectUnavailable(ServiceTrusting(mock.base_url("localhost"))->Certificates(kUserId), "another name");
  ExpectUnavailable(ServiceTrusting(mock.base_url("127.0.0.1"))->Certificates(kUserId), "no IP address in it");
  EXPECT_TRUE(mock.requests().empty()) << "nothing was sent";
}

}  // namespace
}  // namespace motcua::adapters::smartca_test
