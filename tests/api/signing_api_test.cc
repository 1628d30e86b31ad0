// The signing routes (src/http/signing_api.h): a leader of the competent agency signs the dossier's result PDF
// with the agency's seal, the signed copy is attached as the result while the draft stays in the history, and the
// signatures of any file the reader may see are judged against the roots the server trusts. The server's seal
// and its root CA are the test's own (tests/support/api_server.h); the world is tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;
using test_support::TokenOf;

class SigningApiTest : public test_support::DossierApiFixture {
 protected:
  std::string Upload(const std::string& who, const std::string& content, const std::string& type = "application/pdf") {
    const HttpReply reply =
        server_->Send(Method::post, "/api/v1/files?name=ket-qua.pdf", content, TokenOf(who), {{"Content-Type", type}});
    EXPECT_EQ(reply.status, 201u) << reply.body;
    return reply.Json()["id"].get<std::string>();
  }

  // A real PDF to stand for the result: the dossier's own receipt slip, as the server prints it.
  std::string ResultPdf(const std::string& code) {
    const HttpReply slip = Get("tn.vanson", "/api/v1/dossiers/" + code + "/forms/receipt");
    EXPECT_EQ(slip.status, 200u) << slip.body;
    return slip.body;
  }

  // A dossier received at Vân Sơn, its result approved, whose specialist attached `content` as the result (the
  // domain digitizes a result once approved); its code.
  std::string WithResult(const std::string& content, const std::string& type = "application/pdf") {
    const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
    Act("ld.vanson", code, "approve", {{"result", "Xác nhận tạm trú"}});
    const std::string file = Upload("cv.vanson", content.empty() ? ResultPdf(code) : content, type);
    Act("cv.vanson", code, "digitize", {{"component_seq", -1}, {"file", file}});
    return code;
  }

  HttpReply Sign(const std::string& who, const std::string& code, const json& body = {{"method", "seal"}}) {
    return Post(who, "/api/v1/dossiers/" + code + "/sign-result", body);
  }

  // The result files the dossier's history attaches, in order.
  std::vector<std::string> ResultFiles(const std::string& code) {
    std::vector<std::string> files;
    const json listing = Get("ld.vanson", "/api/v1/dossiers/" + code + "/files").Json();
    for (const json& item : listing["items"]) {
      if (item["component_seq"] == -1) files.push_back(item["file"].get<std::string>());
    }
    return files;
  }

  json Signatures(const std::string& who, const std::string& file) {
    const HttpReply reply = Get(who, "/api/v1/files/" + file + "/signatures");
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return reply.Json();
  }

  void ExpectError(const HttpReply& reply, unsigned status, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
  }
};

TEST_F(SigningApiTest, TheServerSaysHowItCanSign) {
  const json methods = Get("ld.vanson", "/api/v1/signing/methods").Json();
  ASSERT_EQ(methods["items"].size(), 1u) << methods;
  EXPECT_EQ(methods["items"][0]["method"], "seal");
  EXPECT_EQ(methods["items"][0]["needs_pin"], false);
  EXPECT_EQ(methods["items"][0]["certificate"]["common_name"], "UBND xã Vân Sơn (con dấu thử)");
  EXPECT_EQ(methods["items"][0]["certificate"]["issuer_common_name"], "Motcua Test Root CA");
  EXPECT_EQ(methods["items"][0]["standing"], "valid");
  EXPECT_EQ(server_->Get("/api/v1/signing/methods").status, 401u);
}

TEST_F(SigningApiTest, TheLeaderSignsTheResultAndTheSignedCopyIsAttachedBesideTheUnsignedOne) {
  const std::string code = WithResult("");
  const std::vector<std::string> before = ResultFiles(code);
  ASSERT_EQ(before.size(), 1u);
  const HttpReply signed_reply = Sign("ld.vanson", code);
  ASSERT_EQ(signed_reply.status, 200u) << signed_reply.body;
  EXPECT_EQ(signed_reply.Json()["code"], code);
  const std::vector<std::string> after = ResultFiles(code);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], before[0]) << "the unsigned copy stays in the history";

  const json report = Signatures("ld.vanson", after[1]);
  EXPECT_EQ(report["verdict"], "valid") << report;
  ASSERT_EQ(report["items"].size(), 1u);
  const json& signature = report["items"][0];
  EXPECT_EQ(signature["verdict"], "valid");
  EXPECT_EQ(signature["intact"], true);
  EXPECT_EQ(signature["covers_whole_file"], true);
  EXPECT_EQ(signature["trust"], "trusted");
  EXPECT_EQ(signature["sub_filter"], "ETSI.CAdES.detached");
  EXPECT_EQ(signature["reason"], "Phê duyệt kết quả giải quyết hồ sơ " + code);
  EXPECT_EQ(signature["location"], "UBND xã Vân Sơn");
  EXPECT_EQ(signature["signing_time"], "2026-01-12T08:00:00+07:00");
  EXPECT_EQ(signature["chain"][0]["common_name"], "UBND xã Vân Sơn (con dấu thử)");
  EXPECT_EQ(signature["chain"][1]["common_name"], "Motcua Test Root CA");
  // The draft reads as unsigned; whoever may see the dossier may check the signature.
  EXPECT_EQ(Signatures("cv.vanson", before[0])["verdict"], "unsigned");
  EXPECT_EQ(Signatures("tn.vanson", after[1])["verdict"], "valid");
}

TEST_F(SigningApiTest, SigningAgainKeepsTheFirstSignatureValid) {
  const std::string code = WithResult("");
  ASSERT_EQ(Sign("ld.vanson", code).status, 200u);
  ASSERT_EQ(Sign("ld.vanson", code).status, 200u);
  const std::vector<std::string> files = ResultFiles(code);
  ASSERT_EQ(files.size(), 3u);
  const json report = Signatures("ld.vanson", files[2]);
  ASSERT_EQ(report["items"].size(), 2u) << report;
  EXPECT_EQ(report["items"][0]["verdict"], "valid");
  EXPECT_EQ(report["items"][0]["covers_whole_file"], false);
  EXPECT_EQ(report["items"][1]["verdict"], "valid");
  EXPECT_EQ(report["verdict"], "valid");
}

TEST_F(SigningApiTest, AChangedByteMakesTheSignatureInvalid) {
  const std::string code = WithResult("");
  ASSERT_EQ(Sign("ld.vanson", code).status, 200u);
  std::string bytes = Get("ld.vanson", "/api/v1/files/" + ResultFiles(code)[1]).body;
  const std::size_t at = bytes.find("/Producer");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 3] = 'X';
  const json report = Signatures("cv.vanson", Upload("cv.vanson", bytes));
  EXPECT_EQ(report["verdict"], "invalid") << report;
  EXPECT_EQ(report["items"][0]["intact"], false);
}

TEST_F(SigningApiTest, OnlyALeaderOfTheCompetentAgencySigns) {
  const std::string code = WithResult("");
  // The dossier's page says who may sign, as the route decides.
  EXPECT_EQ(Get("ld.vanson", "/api/v1/dossiers/" + code).Json()["may_sign_result"], true);
  EXPECT_EQ(Get("cv.vanson", "/api/v1/dossiers/" + code).Json()["may_sign_result"], false);
  EXPECT_EQ(Get("tn.vanson", "/api/v1/dossiers/" + code).Json()["may_sign_result"], false);
  ExpectDenied(Sign("cv.vanson", code), "role");
  EXPECT_EQ(Sign("ld.hoabinh", code).status, 403u);
  EXPECT_EQ(Sign("cd.an", code).status / 100, 4u);
  EXPECT_EQ(server_->Send(Method::post, "/api/v1/dossiers/" + code + "/sign-result", R"({"method":"seal"})").status,
            401u);
  EXPECT_EQ(ResultFiles(code).size(), 1u) << "nothing was signed";
}

TEST_F(SigningApiTest, WhatCannotBeSignedIsSaidNamingTheField) {
  const std::string no_result = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  EXPECT_EQ(Get("ld.vanson", "/api/v1/dossiers/" + no_result).Json()["may_sign_result"], false);
  ExpectError(Sign("ld.vanson", no_result), 409u, "result");
  Act("ld.vanson", no_result, "approve", {{"result", "Xác nhận tạm trú"}});
  ExpectError(Sign("ld.vanson", no_result), 409u, "result");
  const std::string image = WithResult(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'), "image/png");
  ExpectError(Sign("ld.vanson", image), 409u, "result");
  const std::string code = WithResult("");
  ExpectError(Sign("ld.vanson", code, {{"method", "token"}, {"pin", "123456"}}), 409u, "method");
  ExpectError(Sign("ld.vanson", code, {{"method", "pen"}}), 400u, "method");
  ExpectError(Sign("ld.vanson", code, {{"method", "seal"}, {"color", "red"}}), 400u, "color");
  ExpectError(Sign("ld.vanson", code, json::object()), 400u, "method");
  EXPECT_EQ(ResultFiles(code).size(), 1u);
}

TEST_F(SigningApiTest, SignaturesOfAFileAreForThoseWhoMayReadIt) {
  const std::string code = WithResult("");
  const std::string file = ResultFiles(code)[0];
  EXPECT_EQ(Get("tn.hoabinh", "/api/v1/files/" + file + "/signatures").status, 403u);
  EXPECT_EQ(server_->Get("/api/v1/files/" + file + "/signatures").status, 401u);
  EXPECT_EQ(Get("ld.vanson", "/api/v1/files/" + std::string(64, 'a') + "/signatures").status, 404u);
}

// The citizen holding the receipt slip fetches the signed result from the tracking page, with its PIN.
TEST_F(SigningApiTest, TheReceiptHolderGetsTheSignedResultWithThePin) {
  const std::string code = WithResult("");
  const std::string pin = Get("tn.vanson", "/api/v1/dossiers/" + code).Json()["receipt_pin"];
  auto track = [&](const std::string& target, const std::string& with_pin) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!with_pin.empty()) headers.emplace_back("Receipt-Pin", with_pin);
    return server_->Send(Method::get, target, "", "", headers);
  };
  ASSERT_EQ(Sign("ld.vanson", code).status, 200u);
  EXPECT_EQ(track("/api/v1/track/" + code, pin).Json()["details"]["electronic_result"], true);
  const HttpReply result = track("/api/v1/track/" + code + "/result", pin);
  ASSERT_EQ(result.status, 200u) << result.body;
  EXPECT_EQ(result.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(result.headers.at("cache-control"), "no-store");
  EXPECT_EQ(result.body, Get("ld.vanson", "/api/v1/files/" + ResultFiles(code).back()).body) << "the signed copy";
  const HttpReply signatures = track("/api/v1/track/" + code + "/result/signatures", pin);
  ASSERT_EQ(signatures.status, 200u) << signatures.body;
  EXPECT_EQ(signatures.Json()["verdict"], "valid");

  const std::string wrong = pin == "000000" ? "111111" : "000000";
  for (const std::string& target :
       {"/api/v1/track/" + code + "/result", "/api/v1/track/" + code + "/result/signatures"}) {
    ExpectError(track(target, ""), 403u, "pin");
    ExpectError(track(target, wrong), 403u, "pin");
  }
}

TEST_F(SigningApiTest, BeforeAResultIsAttachedTrackingSaysThereIsNone) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const std::string pin = Get("tn.vanson", "/api/v1/dossiers/" + code).Json()["receipt_pin"];
  const HttpReply tracked = server_->Send(Method::get, "/api/v1/track/" + code, "", "", {{"Receipt-Pin", pin}});
  EXPECT_EQ(tracked.Json()["details"]["electronic_result"], false);
  ExpectError(server_->Send(Method::get, "/api/v1/track/" + code + "/result", "", "", {{"Receipt-Pin", pin}}), 404u,
              "result");
}

}  // namespace
}  // namespace motcua::http
