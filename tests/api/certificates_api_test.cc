// The register of officials' certificates over HTTP (src/http/certificates_api.h): a director registers a leader's
// certificate from its PEM or its .cer bytes in base64, the list says its standing and who cannot sign today, a
// supervisor reads its province's, bad bodies are refused naming the field, and retiring keeps the row. The world
// is tests/support/dossier_api_fixture.h (its clock: 12/01/2026).
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"
#include "support/test_certificates.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;

constexpr const char* kCertificates = "/api/v1/signing/certificates";

long long Unix(const char* iso) { return test_support::At(iso).time_since_epoch().count(); }

std::string Base64(const std::string& bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(length));
  return text;
}

std::vector<std::string> Logins(const json& officials) {
  std::vector<std::string> logins;
  for (const json& o : officials) logins.push_back(o["login"].get<std::string>());
  return logins;
}

class CertificatesApiTest : public test_support::DossierApiFixture {
 protected:
  test_support::IssuedCertificate Issue(const char* common_name, const char* until) {
    return authority_.IssueSigner({.common_name = common_name,
                                   .not_before = Unix("2025-06-01T00:00:00+07:00"),
                                   .not_after = Unix(until),
                                   .key_kind = test_support::KeyKind::kEc});
  }

  test_support::TestAuthority authority_{"Motcua Test Root CA", test_support::KeyKind::kEc};
};

TEST_F(CertificatesApiTest, ADirectorRegistersALeadersCertificateAndSeesItsStandingAndWhoCannotSign) {
  HttpReply listed = Get("gd.vanson", kCertificates);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_TRUE(listed.Json()["items"].empty());
  // Both Vân Sơn leaders approve results; neither has a certificate yet.
  EXPECT_EQ(Logins(listed.Json()["cannot_sign"]), (std::vector<std::string>{"lca.vanson", "ld.vanson"}));
  EXPECT_EQ(listed.Json()["cannot_sign"][0]["gap"], "no_certificate");

  const HttpReply added = Post("gd.vanson", kCertificates,
                               {{"login", "ld.vanson"},
                                {"holding", "token"},
                                {"certificate", Issue("Nguyễn Văn Hùng", "2026-02-01T00:00:00+07:00").pem()}});
  ASSERT_EQ(added.status, 201u) << added.body;
  EXPECT_EQ(added.Json()["common_name"], "Nguyễn Văn Hùng");
  EXPECT_EQ(added.Json()["issuer"], "Motcua Test Root CA");
  EXPECT_EQ(added.Json()["standing"], "expires_soon");  // 20 days after the clock's day
  EXPECT_EQ(added.Json()["needs_renewal"], true);
  EXPECT_EQ(added.Json()["not_after"], "2026-02-01T00:00:00+07:00");
  EXPECT_FALSE(added.Json().contains("certificate"));

  // A remote signing account, from the .cer file's bytes as base64.
  const HttpReply remote = Post("gd.vanson", kCertificates,
                                {{"login", "lca.vanson"},
                                 {"holding", "remote"},
                                 {"remote_user", "025123456789"},
                                 {"certificate", Base64(Issue("Phạm Văn Công", "2027-01-01T00:00:00+07:00").der())}});
  ASSERT_EQ(remote.status, 201u) << remote.body;
  EXPECT_EQ(remote.Json()["holding"], "remote");
  EXPECT_EQ(remote.Json()["standing"], "valid");

  listed = Get("gd.vanson", kCertificates);
  ASSERT_EQ(listed.Json()["items"].size(), 2u);
  EXPECT_TRUE(listed.Json()["cannot_sign"].empty());
  EXPECT_EQ(Get("gs.phutho", kCertificates).Json()["items"].size(), 2u);  // Vân Sơn is in Phú Thọ
  EXPECT_TRUE(Get("gs.caobang", kCertificates).Json()["items"].empty());

  const std::string retire =
      std::string(kCertificates) + "/" + std::to_string(added.Json()["id"].get<int>()) + "/retire";
  ExpectDenied(Post("gs.phutho", retire, json::object()), "login");  // a supervisor reads only
  const HttpReply retired = Post("gd.vanson", retire, json::object());
  ASSERT_EQ(retired.status, 200u) << retired.body;
  EXPECT_EQ(retired.Json()["active"], false);
  EXPECT_EQ(retired.Json()["retired_by"], "gd.vanson");
  EXPECT_EQ(Post("gd.vanson", retire, json::object()).status, 409u);
  EXPECT_EQ(Logins(Get("gd.vanson", kCertificates).Json()["cannot_sign"]), std::vector<std::string>{"ld.vanson"});
}

TEST_F(CertificatesApiTest, BadRegistrationsAreRefusedNamingTheFieldAndCitizensSeeNothing) {
  const std::string pem = Issue("Nguyễn Văn Hùng", "2027-01-01T00:00:00+07:00").pem();
  struct Case {
    json body;
    unsigned status;
    const char* field;
  } cases[] = {
      {{{"login", "ld.vanson"}, {"holding", "token"}, {"certificate", "MIIB không phải"}}, 400, "certificate"},
      {{{"login", "ld.vanson"}, {"holding", "usb"}, {"certificate", pem}}, 400, "holding"},
      {{{"login", "ld.vanson"}, {"holding", "remote"}, {"certificate", pem}}, 400, "remote_user"},
      {{{"login", "ld.vanson"}, {"certificate", pem}}, 400, "holding"},
      {{{"login", "ld.vanson"}, {"holding", "token"}, {"certificate", pem}, {"colour", "red"}}, 400, "colour"},
      {{{"login", "khong.co"}, {"holding", "token"}, {"certificate", pem}}, 404, "login"},
      {{{"login", "ld.hoabinh"}, {"holding", "token"}, {"certificate", pem}}, 403, "login"},
  };
  for (const Case& c : cases) {
    const HttpReply refused = Post("gd.vanson", kCertificates, c.body);
    EXPECT_EQ(refused.status, c.status) << c.body.dump() << " " << refused.body;
    EXPECT_EQ(refused.Json()["error"]["field"], c.field) << c.body.dump();
  }
  EXPECT_TRUE(Get("admin", kCertificates).Json()["items"].empty());
  ExpectDenied(Get("cd.an", kCertificates), "role");
  EXPECT_EQ(server_->Get(kCertificates).status, 401u);
  EXPECT_EQ(Post("admin", std::string(kCertificates) + "/abc/retire", json::object()).status, 400u);
  EXPECT_EQ(Post("admin", std::string(kCertificates) + "/999/retire", json::object()).status, 404u);
}

}  // namespace
}  // namespace motcua::http
