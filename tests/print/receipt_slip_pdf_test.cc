// The receipt slip as the counter prints it: a real PDF, read back with poppler's tools (pdftotext, pdfinfo,
// pdffonts, pdftoppm) and its QR code with zbarimg — the exact Vietnamese texts of the form, embedded fonts, one page
// for the common case on A4 and on A5, a long list of documents continuing on a second page under its heading again,
// and a QR code that opens the dossier's public tracking page with its PIN.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/receipt_slip.h"
#include "print/cairo_form_renderer.h"
#include "support/pdf_tools.h"
#include "support/sample_events.h"

namespace motcua::print {
namespace {

constexpr const char* kCode = "H15.50-260112-0001";
constexpr const char* kTracking = "https://dichvucong.laocai.gov.vn/#/tra-cuu/H15.50-260112-0001?pin=48213";

using test_support::CommandOutput;
using test_support::HaveTool;

app::DossierView ViewWith(int documents) {
  Received received = test_support::SomeReceived();
  received.applicant.name = "Lò Thị Mai";
  received.applicant.address = "Tổ 3, phường Sa Pa, tỉnh Lào Cai";
  received.applicant.phone = "0912345678";
  received.components.clear();
  for (int i = 1; i <= documents; ++i) {
    received.components.push_back(
        {i, i == 1 ? "Tờ khai đăng ký khai sinh" : "Giấy tờ kèm theo số " + std::to_string(i), 1, i % 2});
  }
  DossierEvent event = test_support::Event(received, "2026-01-12T07:45:00+07:00", kCode);
  event.seq = 1;
  app::DossierView view;
  view.history = {event};
  view.state = FoldEvents(view.history).value();
  view.procedure_name = "Đăng ký khai sinh";
  return view;
}

const app::FormNames kNames{.issuing_agency = "UBND phường Sa Pa",
                            .receiving_point = "Trung tâm Phục vụ hành chính công phường Sa Pa",
                            .competent_agency = "UBND phường Sa Pa",
                            .place = "Sa Pa",
                            .tracking_url = kTracking,
                            .people = {{"tiepnhan01", "Nguyễn Văn Tiếp"}},
                            .agencies = {}};

class ReceiptSlipPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdftotext", "pdfinfo", "pdffonts"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " is not installed (poppler-utils; scripts/install-deps.sh)";
    }
  }
  // MOTCUA_KEEP_FORMS=1 keeps the PDFs in the temporary folder, to look at them.
  void TearDown() override {
    if (!std::getenv("MOTCUA_KEEP_FORMS")) std::filesystem::remove(path_);
  }

  // Renders the slip of a dossier with `documents` documents to a file; its path.
  const std::string& Print(int documents, app::Paper paper = app::Paper::kA4) {
    auto form = app::ReceiptSlip(ViewWith(documents), kNames, paper);
    EXPECT_TRUE(form.has_value()) << form.error().message_en;
    auto pdf = renderer_.RenderPdf(*form);
    EXPECT_TRUE(pdf.has_value()) << pdf.error().message_en;
    std::ofstream(path_, std::ios::binary) << pdf.value_or("");
    return path_;
  }
  // The text in reading order, a line wrapped by the layout joined again with a space.
  std::string Text(const std::string& path) {
    std::string text = CommandOutput("pdftotext -raw " + path + " -");
    std::ranges::replace(text, '\n', ' ');
    return text;
  }
  std::string Info(const std::string& path) { return CommandOutput("pdfinfo " + path); }

  CairoFormRenderer renderer_;
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("motcua-slip-" + std::to_string(::getpid()) + "-" +
                        ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf"))
                          .string();
};

TEST_F(ReceiptSlipPdfTest, HoldsTheFormsTextsInVietnamese) {
  const std::string text = Text(Print(1));
  for (const char* expected : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "Độc lập - Tự do - Hạnh phúc",
                               "Mẫu số 01",
                               "UBND phường Sa Pa",
                               "Trung tâm Phục vụ hành chính công phường Sa Pa",
                               "Số: H15.50-260112-0001",
                               "Sa Pa, ngày 12 tháng 01 năm 2026",
                               "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                               "Mã hồ sơ: H15.50-260112-0001",
                               "Tiếp nhận hồ sơ của: Lò Thị Mai",
                               "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (1.001193)",
                               "Tờ khai đăng ký khai sinh",
                               "3. Thời gian giải quyết hồ sơ theo quy định là: 3 ngày làm việc",
                               "2. Số lượng hồ sơ: 01 (bộ)",
                               "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công phường Sa Pa",
                               "Số điện thoại: 0912345678 Email: hoa@example.vn",
                               "6. Đăng ký nhận kết quả tại:",
                               "4. Thời gian nhận hồ sơ: 07 giờ 45 phút, ngày 12 tháng 01 năm 2026",
                               "5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 00 phút, ngày 15 tháng 01 năm 2026",
                               "NGƯỜI NỘP HỒ SƠ",
                               "NGƯỜI TIẾP NHẬN HỒ SƠ",
                               "(Ký và ghi rõ họ tên)",
                               "Nguyễn Văn Tiếp"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

TEST_F(ReceiptSlipPdfTest, TheCommonSlipIsOneA4PageWithItsFontsEmbedded) {
  const std::string& path = Print(3);
  const std::string info = Info(path);
  EXPECT_NE(info.find("Pages:           1\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  const std::string fonts = CommandOutput("pdffonts " + path);
  EXPECT_NE(fonts.find("LiberationSerif"), std::string::npos) << fonts;
  // Every font line (after the two heading lines) says "yes" in the "emb" column.
  std::size_t lines = 0, embedded = 0;
  for (std::size_t at = fonts.find('\n', fonts.find('\n') + 1); at != std::string::npos && at + 1 < fonts.size();
       at = fonts.find('\n', at + 1)) {
    const std::string line = fonts.substr(at + 1, fonts.find('\n', at + 1) - at - 1);
    ++lines;
    if (line.find(" yes yes ") != std::string::npos) ++embedded;
  }
  EXPECT_GE(lines, 2u) << fonts;
  EXPECT_EQ(embedded, lines) << fonts;
}

TEST_F(ReceiptSlipPdfTest, OnA5TheCommonSlipIsOnePageToo) {
  const std::string info = Info(Print(3, app::Paper::kA5));
  EXPECT_NE(info.find("Pages:           1\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Page size:       419.528 x 595.276 pts"), std::string::npos) << info;
}

TEST_F(ReceiptSlipPdfTest, ALongListContinuesUnderItsHeadingOnTheNextPage) {
  const std::string& path = Print(40);
  const std::string info = Info(path);
  EXPECT_EQ(info.find("Pages:           1\n"), std::string::npos) << info;
  const std::string text = Text(path);
  for (int i = 2; i <= 40; ++i) {
    EXPECT_NE(text.find("Giấy tờ kèm theo số " + std::to_string(i)), std::string::npos) << i;
  }
  const std::string last_page = CommandOutput("pdftotext -raw -f 2 -l 99 " + path + " -");
  EXPECT_NE(last_page.find("Thành phần hồ sơ"), std::string::npos) << "the heading row again:\n" << last_page;
  EXPECT_NE(last_page.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos) << "the signatures at the end";
}

TEST_F(ReceiptSlipPdfTest, TheQrCodeOpensTheTrackingPageWithThePin) {
  if (!HaveTool("zbarimg") || !HaveTool("pdftoppm")) GTEST_SKIP() << "zbarimg or pdftoppm is not installed";
  const std::string& path = Print(2);
  const std::string image = path + ".png";
  CommandOutput("pdftoppm -r 150 -singlefile -png " + path + " " + path);
  const std::string decoded = CommandOutput("zbarimg --quiet --raw " + image);
  std::filesystem::remove(image);
  EXPECT_EQ(decoded, std::string(kTracking) + "\n");
}

TEST_F(ReceiptSlipPdfTest, ADossierNotYetReceivedHasNoSlip) {
  Submitted submitted;
  submitted.procedure_code = "1.001193";
  submitted.channel = Channel::kOnline;
  submitted.applicant = test_support::SomeApplicant();
  submitted.receiving_unit = "04006";
  submitted.competent_unit = "04006";
  submitted.competent_agency = "UBND xã Đông Khê";
  DossierEvent event = test_support::Event(submitted, "2026-01-12T20:00:00+07:00", kCode);
  event.seq = 1;
  app::DossierView view;
  view.state = FoldEvents(std::vector{event}).value();
  auto form = app::ReceiptSlip(view, kNames, app::Paper::kA4);
  ASSERT_FALSE(form.has_value());
  EXPECT_EQ(form.error().field, "status");
}

}  // namespace
}  // namespace motcua::print
