// The printed forms route (src/http/forms_api.h): the forms of a dossier as PDFs for those who may see the dossier,
// on A4 or A5, naming the register's names and the officials, with its tracking address; the dossier's page lists
// the forms it has as its events happen; refusals for others, for an unknown paper or form, and for a form the
// dossier does not have (yet). The world is
// tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/dossier_api_fixture.h"
#include "support/pdf_tools.h"

namespace motcua::http {
namespace {

using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;

// The text of a PDF, through poppler's pdftotext ("" when it is not installed), lines as the layout broke them.
std::string PdfText(const std::string& pdf) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("motcua-form-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text = test_support::CommandOutput("pdftotext -raw " + path.string() + " - 2>/dev/null");
  std::filesystem::remove(path);
  return text;
}

class FormsApiTest : public test_support::DossierApiFixture {
 protected:
  std::string Slip(const std::string& code, const std::string& query = "") { return Form(code, "receipt") + query; }
  std::string Form(const std::string& code, const std::string& form) {
    return "/api/v1/dossiers/" + code + "/forms/" + form;
  }
  std::vector<std::string> FormsListed(const std::string& who, const std::string& code) {
    return Get(who, "/api/v1/dossiers/" + code).Json()["forms"].get<std::vector<std::string>>();
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

TEST_F(FormsApiTest, EachFormComesWithTheEventThatIssuesItAndTheDossierPageListsIt) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  using Forms = std::vector<std::string>;
  EXPECT_EQ(FormsListed("tn.vanson", code), (Forms{"receipt", "control-sheet"}));
  const HttpReply none = Get("tn.vanson", Form(code, "supplement-request"));
  EXPECT_EQ(none.status, 409u) << none.body;
  EXPECT_EQ(none.Json()["error"]["field"], "form");
  const HttpReply unknown = Get("tn.vanson", Form(code, "invoice"));
  EXPECT_EQ(unknown.status, 404u) << unknown.body;
  EXPECT_EQ(unknown.Json()["error"]["field"], "form");

  Act("ld.vanson", code, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  server_->clock().Set(test_support::At("2026-01-12T10:00:00+07:00"));
  Act("cv.vanson", code, "request-supplement",
      {{"reason", "Thiếu giấy tờ chứng minh chỗ ở"}, {"missing", {"Hợp đồng thuê nhà"}}});
  EXPECT_EQ(FormsListed("cd.an", code), (Forms{"receipt", "supplement-request", "control-sheet"}));
  const HttpReply request = Get("cd.an", Form(code, "supplement-request"));
  ASSERT_EQ(request.status, 200u) << request.body;
  EXPECT_EQ(request.headers.at("content-disposition"), "inline; filename=\"phieu-yeu-cau-bo-sung-" + code + ".pdf\"");
  const std::string text = PdfText(request.body);
  if (text.empty()) GTEST_SKIP() << "pdftotext is not installed (poppler-utils)";
  for (const char* expected : {"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02", "Hợp đồng thuê nhà",
                               "Lý do: Thiếu giấy tờ chứng minh chỗ ở", "NGƯỜI HƯỚNG DẪN", "cv.vanson",
                               "Xã Vân Sơn, ngày 12 tháng 01 năm 2026"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }

  server_->clock().Set(test_support::At("2026-01-13T09:00:00+07:00"));
  Act("cd.an", code, "supplement",
      {{"components", json::array({{{"seq", 0}, {"name", "Hợp đồng thuê nhà"}, {"originals", 0}, {"copies", 1}}})}});
  Act("ld.vanson", code, "extend",
      {{"reason", "Cần xác minh nơi cư trú"}, {"new_due_at", "2026-01-20T16:30:00+07:00"}});
  server_->clock().Set(test_support::At("2026-01-19T15:00:00+07:00"));
  Act("ld.vanson", code, "refuse", {{"reason", "Chỗ ở không hợp pháp"}});
  EXPECT_EQ(FormsListed("tn.vanson", code),
            (Forms{"receipt", "supplement-request", "refusal", "apology", "control-sheet"}));
  // Lines the layout broke joined again.
  auto flat = [](std::string lines) { return std::ranges::replace(lines, '\n', ' '), lines; };
  const std::string apology = flat(PdfText(Get("tn.vanson", Form(code, "apology")).body));
  // Issued after 15 September 2025: the letter of Circular 03/2025.
  for (const char* expected :
       {"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: Nguyễn Văn An",
        "Lý do: Cần xác minh nơi cư trú", "16 giờ 30 phút, ngày 20 tháng 01 năm 2026", "THỦ TRƯỞNG CƠ QUAN"}) {
    EXPECT_NE(apology.find(expected), std::string::npos) << "missing: " << expected << "\n" << apology;
  }
  const std::string refusal = flat(PdfText(Get("tn.vanson", Form(code, "refusal")).body));
  EXPECT_NE(refusal.find("Chỗ ở không hợp pháp"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("NGƯỜI TỪ CHỐI"), std::string::npos) << refusal;
  const std::string sheet = flat(PdfText(Get("tn.vanson", Form(code, "control-sheet")).body));
  for (const char* expected : {"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Thẩm định", "Yêu cầu bổ sung hồ sơ",
                               "Nộp bổ sung hồ sơ", "Từ chối giải quyết: Chỗ ở không hợp pháp"}) {
    EXPECT_NE(sheet.find(expected), std::string::npos) << "missing: " << expected << "\n" << sheet;
  }
  ExpectDenied(Get("tn.hoabinh", Form(code, "control-sheet")), "unit");
}

// The applicant, asked for a supplement, withdraws instead: the stop notice joins the forms the dossier had, under
// its own file name; a result approved and handed over brings the cover page, judged as the dossier's page judges it.
TEST_F(FormsApiTest, AWithdrawalBringsTheStopNoticeAndAnApprovedResultTheCoverPage) {
  using Forms = std::vector<std::string>;
  auto flat = [](std::string lines) { return std::ranges::replace(lines, '\n', ' '), lines; };
  const std::string withdrawn = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  Act("ld.vanson", withdrawn, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  Act("cv.vanson", withdrawn, "request-supplement", {{"reason", "Thiếu giấy tờ chứng minh chỗ ở"}});
  const HttpReply early = Get("tn.vanson", Form(withdrawn, "stop-notice"));
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_EQ(early.Json()["error"]["field"], "form");
  server_->clock().Set(test_support::At("2026-01-13T09:15:00+07:00"));
  Act("cd.an", withdrawn, "withdraw", {{"reason", "Không còn nhu cầu đăng ký"}});
  EXPECT_EQ(FormsListed("tn.vanson", withdrawn),
            (Forms{"receipt", "supplement-request", "stop-notice", "control-sheet"}));
  const HttpReply notice = Get("cd.an", Form(withdrawn, "stop-notice"));
  ASSERT_EQ(notice.status, 200u) << notice.body;
  EXPECT_EQ(notice.headers.at("content-disposition"),
            "inline; filename=\"thong-bao-dung-giai-quyet-" + withdrawn + ".pdf\"");
  const std::string notice_text = flat(PdfText(notice.body));
  if (notice_text.empty()) GTEST_SKIP() << "pdftotext is not installed (poppler-utils)";
  for (const std::string& expected :
       {std::string("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"), std::string("Mẫu số 05"),
        std::string("Kính gửi: Nguyễn Văn An"), "Mã hồ sơ: " + withdrawn,
        std::string("Xã Vân Sơn, ngày 13 tháng 01 năm 2026"), std::string("Tình trạng hồ sơ khi dừng: Chờ bổ sung"),
        std::string("Lý do: Ông/Bà đề nghị dừng giải quyết hồ sơ: Không còn nhu cầu đăng ký"), std::string("Nơi nhận:"),
        std::string("THỦ TRƯỞNG CƠ QUAN")}) {
    EXPECT_NE(notice_text.find(expected), std::string::npos) << "missing: " << expected << "\n" << notice_text;
  }
  ExpectDenied(Get("tn.hoabinh", Form(withdrawn, "stop-notice")), "unit");

  const std::string approved = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  Act("ld.vanson", approved, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  EXPECT_EQ(Get("tn.vanson", Form(approved, "result-cover")).Json()["error"]["field"], "form");
  Act("ld.vanson", approved, "approve", {{"result", "Xác nhận thông tin cư trú số 15/XN"}});
  server_->clock().Set(test_support::At("2026-01-14T08:00:00+07:00"));
  Act("tn.vanson", approved, "return", {{"method", "counter"}});
  EXPECT_EQ(FormsListed("tn.vanson", approved), (Forms{"receipt", "control-sheet", "result-cover"}));
  EXPECT_EQ(Get("tn.vanson", Form(approved, "stop-notice")).status, 409u);
  const HttpReply cover = Get("tn.vanson", Form(approved, "result-cover"));
  ASSERT_EQ(cover.status, 200u) << cover.body;
  EXPECT_EQ(cover.headers.at("content-disposition"), "inline; filename=\"phieu-tra-ket-qua-" + approved + ".pdf\"");
  const std::string cover_text = flat(PdfText(cover.body));
  const std::string standing = Get("tn.vanson", "/api/v1/dossiers/" + approved).Json()["standing"];
  EXPECT_EQ(standing, "early") << "the cover says what the dossier's page says";
  for (const char* expected :
       {"PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "Kết quả giải quyết: Xác nhận thông tin cư trú số 15/XN",
        "Người ký duyệt: ld.vanson", "(Trước hạn)",
        "Trả kết quả: tại Bộ phận một cửa, 08 giờ 00 phút, ngày 14 tháng 01 năm 2026", "NGƯỜI NHẬN KẾT QUẢ",
        "NGƯỜI TRẢ KẾT QUẢ"}) {
    EXPECT_NE(cover_text.find(expected), std::string::npos) << "missing: " << expected << "\n" << cover_text;
  }
}

// A slip sent by e-mail or Zalo carries the agency's electronic seal when an official asks for it: a PAdES signature
// the server itself judges valid, by the seal it was started with.
TEST_F(FormsApiTest, AnOfficialGetsTheFormSealedWithTheAgencysSeal) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const HttpReply sealed = Get("tn.vanson", Slip(code, "?sign=seal&paper=a5"));
  ASSERT_EQ(sealed.status, 200u) << sealed.body;
  ASSERT_TRUE(sealed.body.starts_with("%PDF-"));
  const HttpReply stored = server_->Send(Method::post, "/api/v1/files?name=giay-tiep-nhan.pdf", sealed.body,
                                         test_support::TokenOf("tn.vanson"), {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(stored.status, 201u) << stored.body;
  const json signatures =
      Get("tn.vanson", "/api/v1/files/" + stored.Json()["id"].get<std::string>() + "/signatures").Json();
  EXPECT_EQ(signatures["verdict"], "valid") << signatures.dump();
  ASSERT_EQ(signatures["items"].size(), 1u);
  EXPECT_EQ(signatures["items"][0]["signer_name"], "UBND xã Vân Sơn (con dấu thử)");
  EXPECT_EQ(signatures["items"][0]["reason"], "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ — hồ sơ " + code);
  // The plain form is unchanged: no signature unless asked.
  EXPECT_EQ(Get("tn.vanson", Slip(code)).body.find("/ByteRange"), std::string::npos);

  ExpectDenied(Get("cd.an", Slip(code, "?sign=seal")), "role");  // the applicant prints the plain form
  const HttpReply wrong = Get("tn.vanson", Slip(code, "?sign=token"));
  EXPECT_EQ(wrong.status, 400u) << wrong.body;
  EXPECT_EQ(wrong.Json()["error"]["field"], "sign");
}

}  // namespace
}  // namespace motcua::http
