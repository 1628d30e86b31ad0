// A leader signs the result with a key a remote signing CA keeps (app/remote_result_signing.h, the routes in
// src/http/signing_api.h), through the real SmartCA adapter against its loopback mock (tests/support/
// mock_smartca_server.h): the request waits while the official has not confirmed, the confirmed signature is written
// in and the signed copy attached as the result, and a refusal, a lapse or a forged answer attaches nothing. The
// leader's certificate is issued by the CA the server trusts, registered as "remote" in the register.
#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/smartca/smartca_signing_service.h"
#include "app/signing_request_poller.h"
#include "sign/certificate_reader.h"
#include "sign/evp_digest_signature.h"
#include "support/dossier_api_fixture.h"
#include "support/mock_smartca_server.h"
#include "support/test_certificates.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;
using test_support::TokenOf;

constexpr const char* kSpId = "motcua-phutho";
constexpr const char* kSpPassword = "mat-khau-thu";
constexpr const char* kLeaderAtCa = "025099011111";  // the leader's account at SmartCA: the citizen ID number

class RemoteSigningApiTest : public test_support::DossierApiFixture {
 protected:
  void SetUp() override {
    adapters::SmartCaOptions options;
    options.base_url = mock_.base_url();
    options.sp_id = kSpId;
    options.sp_password = kSpPassword;
    service_ = adapters::SmartCaSigningService::Create(options).value();
    server_ = std::make_unique<test_support::ApiServer>(test_support::At("2026-01-12T08:00:00+07:00"),
                                                        test_support::SeedDossierApi,
                                                        test_support::ApiServer::Configure{}, nullptr, service_.get());
    leader_ =
        server_->authority().IssueSigner({.common_name = "Nguyễn Văn Hùng", .key_kind = test_support::KeyKind::kEc});
    mock_.AddUser(kLeaderAtCa,
                  {{sign::FactsOf(*leader_.certificate).serial, leader_.der(), server_->authority().root().der(), ""}});
  }

  void RegisterLeader() {
    const HttpReply added = Post(
        "gd.vanson", "/api/v1/signing/certificates",
        {{"login", "ld.vanson"}, {"holding", "remote"}, {"remote_user", kLeaderAtCa}, {"certificate", leader_.pem()}});
    ASSERT_EQ(added.status, 201u) << added.body;
  }

  std::string Upload(const std::string& who, const std::string& content) {
    const HttpReply reply = server_->Send(Method::post, "/api/v1/files?name=ket-qua.pdf", content, TokenOf(who),
                                          {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(reply.status, 201u) << reply.body;
    return reply.Json()["id"].get<std::string>();
  }

  // A dossier received at Vân Sơn, its result approved and attached (its own receipt slip stands for the result).
  std::string WithResult() {
    const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
    Act("ld.vanson", code, "approve", {{"result", "Xác nhận tạm trú"}});
    const HttpReply slip = Get("tn.vanson", "/api/v1/dossiers/" + code + "/forms/receipt");
    EXPECT_EQ(slip.status, 200u) << slip.body;
    Act("cv.vanson", code, "digitize", {{"component_seq", -1}, {"file", Upload("cv.vanson", slip.body)}});
    return code;
  }

  HttpReply SignRemotely(const std::string& who, const std::string& code) {
    return Post(who, "/api/v1/dossiers/" + code + "/sign-result", {{"method", "remote"}});
  }

  HttpReply LookUp(const std::string& who, const json& request) {
    return Get(who, "/api/v1/signing/requests/" + std::to_string(request["id"].get<int>()));
  }

  // The CA's one transaction still waiting for the official.
  std::string PendingTransaction() {
    for (const auto& t : mock_.transactions()) {
      if (t.state == test_support::MockSigningState::kPending) return t.tran_code;
    }
    ADD_FAILURE() << "no transaction waits at the CA";
    return "";
  }

  // The official confirms on the phone: the leader's key signs the digest the CA received.
  bool Confirm(const std::string& transaction) {
    return mock_.Confirm(transaction, [&](const std::string& digest) {
      return sign::EvpDigestSignature(*leader_.key,
                                      std::span(reinterpret_cast<const unsigned char*>(digest.data()), digest.size()))
          .value_or("");
    });
  }

  std::vector<std::string> ResultFiles(const std::string& code) {
    std::vector<std::string> files;
    const json listing = Get("ld.vanson", "/api/v1/dossiers/" + code + "/files").Json();
    for (const json& item : listing["items"]) {
      if (item["component_seq"] == -1) files.push_back(item["file"].get<std::string>());
    }
    return files;
  }

  test_support::MockSmartCaServer mock_{kSpId, kSpPassword};
  std::unique_ptr<adapters::SmartCaSigningService> service_;
  test_support::IssuedCertificate leader_;
};

TEST_F(RemoteSigningApiTest, TheLeaderConfirmsOnThePhoneAndTheSignedResultIsAttached) {
  bool offered = false;
  const json methods = Get("ld.vanson", "/api/v1/signing/methods").Json();
  for (const json& m : methods["items"]) offered |= m["method"] == "remote";
  EXPECT_TRUE(offered);
  RegisterLeader();
  const std::string code = WithResult();
  const HttpReply asked = SignRemotely("ld.vanson", code);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  EXPECT_EQ(asked.Json()["state"], "pending");
  EXPECT_EQ(asked.Json()["dossier_code"], code);
  EXPECT_EQ(asked.Json()["expires_at"], "2026-01-12T08:10:00+07:00");
  const auto sent = mock_.transactions();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].request["user_id"], kLeaderAtCa);
  EXPECT_EQ(sent[0].digest.size(), 32u);  // only the digest travels

  // Waiting: nothing attached yet, and asking again for the same dossier is refused.
  EXPECT_EQ(LookUp("ld.vanson", asked.Json()).Json()["state"], "pending");
  EXPECT_EQ(ResultFiles(code).size(), 1u);
  const HttpReply twice = SignRemotely("ld.vanson", code);
  EXPECT_EQ(twice.status, 409u) << twice.body;
  EXPECT_EQ(twice.Json()["error"]["field"], "code");

  ASSERT_TRUE(Confirm(PendingTransaction()));
  const HttpReply settled = LookUp("cv.vanson", asked.Json());  // whoever sees the dossier settles it
  ASSERT_EQ(settled.status, 200u) << settled.body;
  EXPECT_EQ(settled.Json()["state"], "signed");
  const std::vector<std::string> files = ResultFiles(code);
  ASSERT_EQ(files.size(), 2u) << "the signed copy beside the unsigned one";
  EXPECT_EQ(settled.Json()["signed_file"], files.back());
  const json signatures = Get("ld.vanson", "/api/v1/files/" + files.back() + "/signatures").Json();
  EXPECT_EQ(signatures["verdict"], "valid") << signatures.dump();
  ASSERT_EQ(signatures["items"].size(), 1u);
  EXPECT_EQ(signatures["items"][0]["chain"][0]["common_name"], "Nguyễn Văn Hùng");
  EXPECT_EQ(signatures["items"][0]["reason"], "Phê duyệt kết quả giải quyết hồ sơ " + code);
  // Settled once: reading it again changes nothing.
  EXPECT_EQ(LookUp("ld.vanson", asked.Json()).Json()["state"], "signed");
  EXPECT_EQ(ResultFiles(code).size(), 2u);
}

TEST_F(RemoteSigningApiTest, ARefusalOrALapseAttachesNothing) {
  RegisterLeader();
  const std::string code = WithResult();
  const HttpReply refused = SignRemotely("ld.vanson", code);
  ASSERT_EQ(refused.status, 202u) << refused.body;
  ASSERT_TRUE(mock_.Reject(PendingTransaction()));
  EXPECT_EQ(LookUp("ld.vanson", refused.Json()).Json()["state"], "rejected");

  // Asked again, never confirmed: ten minutes on, the server gives up whatever the CA says.
  const HttpReply lapsed = SignRemotely("ld.vanson", code);
  ASSERT_EQ(lapsed.status, 202u) << lapsed.body;
  EXPECT_EQ(LookUp("ld.vanson", lapsed.Json()).Json()["state"], "pending");
  server_->clock().Set(test_support::At("2026-01-12T08:10:01+07:00"));
  EXPECT_EQ(LookUp("ld.vanson", lapsed.Json()).Json()["state"], "expired");
  EXPECT_EQ(ResultFiles(code).size(), 1u);

  const json listed = Get("ld.vanson", "/api/v1/dossiers/" + code + "/signing-requests").Json();
  ASSERT_EQ(listed["items"].size(), 2u);
  EXPECT_EQ(listed["items"][0]["state"], "rejected");
  EXPECT_EQ(listed["items"][1]["state"], "expired");
}

// `motcua serve`'s poller attaches a signature confirmed while nobody looks at the request.
TEST_F(RemoteSigningApiTest, TheServersTimerAttachesASignatureNobodyLookedFor) {
  RegisterLeader();
  const std::string code = WithResult();
  ASSERT_EQ(SignRemotely("ld.vanson", code).status, 202u);
  ASSERT_TRUE(Confirm(PendingTransaction()));
  std::mutex mutex;
  std::condition_variable settled;
  std::size_t ended = 0;
  {
    app::SigningRequestPoller poller(server_->PollerParts(), std::chrono::seconds(1),
                                     [&](const Result<std::size_t>& round) {
                                       const std::lock_guard lock(mutex);
                                       if (round) ended += *round;
                                       settled.notify_all();
                                     });
    std::unique_lock lock(mutex);
    ASSERT_TRUE(settled.wait_for(lock, std::chrono::seconds(20), [&] { return ended > 0; }));
  }
  EXPECT_EQ(ended, 1u);
  EXPECT_EQ(ResultFiles(code).size(), 2u);
}

TEST_F(RemoteSigningApiTest, AForgedAnswerIsRefusedAndNothingIsAttached) {
  RegisterLeader();
  const std::string code = WithResult();
  const HttpReply asked = SignRemotely("ld.vanson", code);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  mock_.ForgeSignatures(test_support::SmartCaForgery::kOtherBytes);
  ASSERT_TRUE(Confirm(PendingTransaction()));
  const json settled = LookUp("ld.vanson", asked.Json()).Json();
  EXPECT_EQ(settled["state"], "failed");
  EXPECT_NE(settled["problem"].get<std::string>().find("không khớp"), std::string::npos) << settled.dump();
  EXPECT_EQ(ResultFiles(code).size(), 1u);
}

// The files folder's entries: the blob store's contents.
std::size_t FilesKept(const std::filesystem::path& root) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) count += entry.is_regular_file();
  return count;
}

TEST_F(RemoteSigningApiTest, ACaThatFailsWhenAskedLeavesNothingBehind) {
  RegisterLeader();
  const std::string code = WithResult();
  const std::size_t files_before = FilesKept(server_->blobs().root());
  // The CA lists the certificate, then fails the signing request itself.
  const json listed = {
      {"status_code", 200},
      {"message", "SUCCESS"},
      {"data",
       {{"user_certificates",
         json::array({{{"serial_number", sign::FactsOf(*leader_.certificate).serial},
                       {"cert_data", test_support::MockSmartCaServer::Base64(leader_.der())},
                       {"chain_data",
                        {{"ca_cert", test_support::MockSmartCaServer::Base64(server_->authority().root().der())},
                         {"root_cert", nullptr}}}}})}}}};
  mock_.AnswerNextWith(200, listed.dump());
  mock_.AnswerNextWith(500, "{\"status_code\": 500, \"message\": \"INTERNAL_ERROR\"}");
  const HttpReply refused = SignRemotely("ld.vanson", code);
  EXPECT_EQ(refused.status, 503u) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["field"], "signing_service");
  EXPECT_TRUE(Get("ld.vanson", "/api/v1/dossiers/" + code + "/signing-requests").Json()["items"].empty());
  EXPECT_EQ(FilesKept(server_->blobs().root()), files_before) << "the prepared copy is removed again";
  // Once the CA is back, the leader asks again.
  EXPECT_EQ(SignRemotely("ld.vanson", code).status, 202u);
}

TEST_F(RemoteSigningApiTest, ACaThatCannotBeReachedWhileWaitingLeavesTheRequestPendingUntilItLapses) {
  RegisterLeader();
  const std::string code = WithResult();
  const HttpReply asked = SignRemotely("ld.vanson", code);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  mock_.Behave(test_support::SmartCaBehaviour::kServerError);
  EXPECT_EQ(LookUp("ld.vanson", asked.Json()).Json()["state"], "pending");
  mock_.Behave(test_support::SmartCaBehaviour::kMalformedJson);
  EXPECT_EQ(LookUp("ld.vanson", asked.Json()).Json()["state"], "pending");
  server_->clock().Set(test_support::At("2026-01-12T08:10:01+07:00"));
  EXPECT_EQ(LookUp("ld.vanson", asked.Json()).Json()["state"], "expired");
  EXPECT_EQ(ResultFiles(code).size(), 1u);
}

TEST_F(RemoteSigningApiTest, OnlyALeaderWithARegisteredRemoteCertificateAsksAndOnlyTheDossiersReadersSee) {
  const std::string code = WithResult();
  const HttpReply unregistered = SignRemotely("ld.vanson", code);
  EXPECT_EQ(unregistered.status, 409u) << unregistered.body;
  EXPECT_EQ(unregistered.Json()["error"]["field"], "certificate");
  EXPECT_TRUE(mock_.transactions().empty()) << "nothing was sent to the CA";

  RegisterLeader();
  ExpectDenied(SignRemotely("cv.vanson", code), "role");
  ExpectDenied(SignRemotely("ld.hoabinh", code), "unit");
  const HttpReply asked = SignRemotely("ld.vanson", code);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  EXPECT_EQ(LookUp("ld.hoabinh", asked.Json()).status, 404u);
  EXPECT_EQ(Get("ld.vanson", "/api/v1/signing/requests/999").status, 404u);
  EXPECT_EQ(Get("ld.vanson", "/api/v1/signing/requests/abc").status, 400u);
}

}  // namespace
}  // namespace motcua::http
