// The printed forms route (src/http/forms_api.h): the receipt slip of a dossier as a PDF for those who may see the
// dossier, on A4 or A5, naming the register's names and the receptionist, with its tracking address; refusals
// for others, for an unknown paper and for a dossier not yet received. The world is
// tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;

// The text of a PDF, through poppler's pdftotext ("" when it is not installed).
std::string PdfText(const std::string& pdf) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("motcua-form-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("pdftotext -raw " + path.string() + " - 2>/dev/null").c_str(), "r"),
                                             pclose);
  std::string text;
  std::array<char, 4096> chunk{};
  while (pipe && std::fgets(chunk.data(), chunk.size(), pipe.get())) text += chunk.data();
  std::filesystem::remove(path);
  return text;
}

class FormsApiTest : public test_support::DossierApiFixture {
 protected:
  std::string Slip(const std::string& code, const std::string& query = "") {
    return "/api/v1/dossiers/" + code + "/forms/receipt" + query;
  }
};

TEST_F(FormsApiTest, TheCounterPrintsTheReceiptSlipOfADossierItReceived) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const HttpReply reply = Get("tn.vanson", Slip(code));
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(reply.headers.at("cache-control"), "no-store");
  EXPECT_EQ(reply.headers.at("content-disposition"), "inline; filename=\"giay-tiep-nhan-" + code + ".pdf\"");
  ASSERT_TRUE(reply.body.starts_with("%PDF-")) << reply.body.substr(0, 40);
  const std::string text = PdfText(reply.body);
  if (text.empty()) GTEST_SKIP() << "pdftotext is not installed (poppler-utils)";
  for (const std::string& expected :
       {std::string("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "Mã hồ sơ: " + code, std::string("UBND xã Vân Sơn"),
        std::string("Trung tâm PVHCC xã Vân Sơn"), std::string("Xã Vân Sơn, ngày 12 tháng 01 năm 2026"),
        std::string("Tiếp nhận hồ sơ của: Nguyễn Văn An"), std::string("Tờ khai"), std::string("3 ngày làm việc"),
        std::string("tn.vanson")}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
  // The tracking address, written out under the QR code, wraps where the page ends.
  std::string joined = text;
  std::erase(joined, '\n');
  EXPECT_NE(joined.find("https://dichvucong.example.gov.vn/#/tra-cuu/" + code + "?pin="), std::string::npos) << text;
}

TEST_F(FormsApiTest, OnlyThoseWhoMaySeeTheDossierGetItsSlip) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  EXPECT_EQ(Get("cv.vanson", Slip(code)).status, 200u);
  ExpectDenied(Get("tn.hoabinh", Slip(code)), "unit");
  EXPECT_EQ(server_->Get(Slip(code)).status, 401u);
  EXPECT_EQ(Get("tn.vanson", Slip("000.00.25.H52-260112-9999")).status, 404u);
}

TEST_F(FormsApiTest, PaperIsA4OrA5) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const HttpReply a5 = Get("tn.vanson", Slip(code, "?paper=a5"));
  ASSERT_EQ(a5.status, 200u) << a5.body;
  EXPECT_NE(a5.body.find("/MediaBox [ 0 0 419.52"), std::string::npos) << "an A5 page";
  const HttpReply letter = Get("tn.vanson", Slip(code, "?paper=letter"));
  EXPECT_EQ(letter.status, 400u);
  EXPECT_EQ(letter.Json()["error"]["field"], "paper") << letter.body;
  EXPECT_EQ(Get("tn.vanson", Slip(code, "?size=a4")).Json()["error"]["field"], "size");
}

TEST_F(FormsApiTest, AnOnlineSubmissionHasNoSlipUntilItIsReceived) {
  json submission = Intake("", kVanSonAgency);
  submission.erase("receiving_point");
  const HttpReply submitted = Post("cd.an", "/api/v1/submissions", submission);
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  const HttpReply refused = Get("tn.vanson", Slip(submitted.Json()["code"].get<std::string>()));
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["field"], "status");
}

}  // namespace
}  // namespace motcua::http
