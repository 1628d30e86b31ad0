// Forms 02 to 06 and the result cover page as the counter prints them: real PDFs read back with poppler's tools —
// each form's Vietnamese texts, its fonts embedded, one page for the common case on A4 and on A5 (the stop notice
// with its "Nơi nhận", even with a long reason), a control sheet of a long history going on to a second page under
// its heading row again, and the cover page's QR code opening the tracking page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/dossier_forms.h"
#include "print/cairo_form_renderer.h"
#include "support/form_history.h"
#include "support/pdf_tools.h"
#include "support/sample_events.h"

namespace motcua::print {
namespace {

using test_support::At;
using test_support::CommandOutput;
using test_support::HaveTool;

constexpr const char* kCode = "H15.50-260112-0002";

const app::FormNames kNames{.issuing_agency = "UBND phường Sa Pa",
                            .receiving_point = "Trung tâm Phục vụ hành chính công phường Sa Pa",
                            .competent_agency = "UBND phường Sa Pa",
                            .place = "Sa Pa",
                            .tracking_url = "https://dichvucong.laocai.gov.vn/#/tra-cuu/H15.50-260112-0002?pin=7",
                            .people = {{"tiepnhan01", "Nguyễn Văn Tiếp"}, {"chuyenvien01", "Lò Văn Thẩm"}},
                            .agencies = {{"UBND xã Đông Khê", "UBND phường Sa Pa"}}};

// A birth registration received on Monday 12 January 2026, supplemented, extended, and refused in the end; with
// `reassignments` more hand-overs between specialists for a long control sheet.
app::DossierView History(int reassignments = 0) {
  std::vector<DossierEvent> events;
  auto add = [&events](EventPayload payload, const char* when, const char* actor) {
    DossierEvent event = test_support::Event(std::move(payload), when, kCode);
    event.seq = static_cast<std::int64_t>(events.size()) + 1;
    event.actor.user = actor;
    events.push_back(std::move(event));
  };
  Received received = test_support::SomeReceived();
  received.applicant.name = "Lò Thị Mai";
  received.applicant.address = "Tổ 3, phường Sa Pa, tỉnh Lào Cai";
  add(received, "2026-01-12T07:45:00+07:00", "tiepnhan01");
  add(StepAssigned{"Thẩm định", "specialist", "", "chuyenvien01"}, "2026-01-12T09:00:00+07:00", "lanhdao01");
  for (int i = 0; i < reassignments; ++i) {
    add(StepAssigned{"Thẩm định lại lần " + std::to_string(i + 1), "specialist", "", "chuyenvien01"},
        "2026-01-12T10:00:00+07:00", "lanhdao01");
  }
  add(SupplementRequested{"Giấy chứng sinh không rõ nét",
                          {"Giấy chứng sinh (bản chính)", "Văn bản ủy quyền có chứng thực"}},
      "2026-01-12T14:00:00+07:00", "chuyenvien01");
  add(Supplemented{{}, At("2026-01-16T08:00:00+07:00")}, "2026-01-13T08:00:00+07:00", "cd.mai");
  add(Extended{"Cần xác minh thông tin người mẹ tại nơi cư trú", At("2026-01-21T16:00:00+07:00")},
      "2026-01-15T09:00:00+07:00", "lanhdao01");
  add(Refused{"Thông tin người mẹ không khớp với Cơ sở dữ liệu quốc gia về dân cư", RefusalKind::kRefused},
      "2026-01-20T10:00:00+07:00", "lanhdao01");
  app::DossierView view;
  view.history = events;
  view.state = FoldEvents(events, LifecycleLimits{9, 9}).value();
  view.procedure_name = "Đăng ký khai sinh";
  return view;
}

// Received on 12 January 2026 with a fee paid, asked for a supplement, then withdrawn by the applicant giving
// `reason`.
app::DossierView WithdrawnView(const std::string& reason) {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(FeeAssessed{Money::Dong(8000), "Lệ phí"}, "2026-01-12T07:50:00+07:00")
      .Add(FeePaid{Money::Dong(8000), PaymentMethod::kCounter, "BL-7"}, "2026-01-12T07:55:00+07:00")
      .Add(SupplementRequested{"Thiếu giấy chứng sinh", {}}, "2026-01-12T14:00:00+07:00", "chuyenvien01")
      .Add(Withdrawn{reason}, "2026-01-14T10:30:00+07:00");
  return history.View();
}

// Received on 12 January 2026, due on the 15th, its result approved on the 14th and handed over at the counter.
app::DossierView ApprovedView() {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(StepAssigned{"Thẩm định", "specialist", "", "chuyenvien01"}, "2026-01-12T09:00:00+07:00", "lanhdao01")
      .Add(ResultApproved{"Giấy khai sinh số 12/2026, Quyển số 01/2026", "Chủ tịch UBND phường Sa Pa"},
           "2026-01-14T15:00:00+07:00", "lanhdao01")
      .Add(ResultReturned{ReturnMethod::kCounter, ""}, "2026-01-15T08:30:00+07:00");
  return history.View();
}

class DossierFormsPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdftotext", "pdfinfo", "pdffonts"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " is not installed (poppler-utils; scripts/install-deps.sh)";
    }
  }
  // MOTCUA_KEEP_FORMS=1 keeps the PDFs in the temporary folder, to look at them.
  void TearDown() override {
    if (std::getenv("MOTCUA_KEEP_FORMS")) return;
    for (const std::string& path : paths_) std::filesystem::remove(path);
  }

  // Renders a form of `view` to a file; its path.
  std::string Print(app::FormKind kind, app::Paper paper = app::Paper::kA4, const app::DossierView& view = History()) {
    auto form = app::DossierForm(kind, view, kNames, paper, {});
    EXPECT_TRUE(form.has_value()) << form.error().message_en;
    auto pdf = renderer_.RenderPdf(*form);
    EXPECT_TRUE(pdf.has_value()) << pdf.error().message_en;
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("motcua-" + std::string(app::FormFileStem(kind)) + "-" + std::to_string(::getpid()) +
                               (paper == app::Paper::kA5 ? "-a5" : "") + ".pdf"))
                                 .string();
    std::ofstream(path, std::ios::binary) << pdf.value_or("");
    paths_.push_back(path);
    return path;
  }
  // The text in reading order, lines wrapped by the layout joined again with a space.
  static std::string Text(const std::string& path) {
    std::string text = CommandOutput("pdftotext -raw " + path + " -");
    std::ranges::replace(text, '\n', ' ');
    return text;
  }
  static int Pages(const std::string& path) {
    const std::string info = CommandOutput("pdfinfo " + path);
    const std::size_t at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
  }
  static void ExpectTexts(const std::string& path, const std::vector<std::string>& expected) {
    const std::string text = Text(path);
    for (const std::string& line : expected) {
      EXPECT_NE(text.find(line), std::string::npos) << "missing: " << line << "\n" << text;
    }
  }

  CairoFormRenderer renderer_;
  std::vector<std::string> paths_;
};

TEST_F(DossierFormsPdfTest, TheSupplementRequestOnOnePage) {
  for (app::Paper paper : {app::Paper::kA4, app::Paper::kA5}) {
    const std::string path = Print(app::FormKind::kSupplementRequest, paper);
    EXPECT_EQ(Pages(path), 1);
    ExpectTexts(path, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                       "Sa Pa, ngày 12 tháng 01 năm 2026", "Tiếp nhận hồ sơ của Ông/Bà: Lò Thị Mai",
                       "Giấy chứng sinh (bản chính)", "Văn bản ủy quyền có chứng thực",
                       "Lý do: Giấy chứng sinh không rõ nét", "NGƯỜI HƯỚNG DẪN", "Lò Văn Thẩm"});
  }
}

TEST_F(DossierFormsPdfTest, TheRefusalNoticeOnOnePage) {
  const std::string path = Print(app::FormKind::kRefusal, app::Paper::kA5);
  EXPECT_EQ(Pages(path), 1);
  ExpectTexts(path, {"Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Sa Pa, ngày 20 tháng 01 năm 2026",
                     "Thông tin người mẹ không khớp với Cơ sở dữ liệu quốc gia về dân cư",
                     "Xin thông báo cho Ông/Bà được biết và thực hiện./.", "NGƯỜI TỪ CHỐI"});
}

TEST_F(DossierFormsPdfTest, TheApologyOnOnePage) {
  const std::string path = Print(app::FormKind::kApology);
  EXPECT_EQ(Pages(path), 1);
  ExpectTexts(path,
              {"Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: Lò Thị Mai",
               "Lý do: Cần xác minh thông tin người mẹ tại nơi cư trú", "16 giờ 00 phút, ngày 21 tháng 01 năm 2026",
               "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)"});
  const std::string fonts = CommandOutput("pdffonts " + path);
  EXPECT_NE(fonts.find("LiberationSerif"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts;
}

TEST_F(DossierFormsPdfTest, TheControlSheetOnOnePageAndALongOneGoesOnUnderItsHeading) {
  const std::string path = Print(app::FormKind::kControlSheet);
  EXPECT_EQ(Pages(path), 1);
  ExpectTexts(path,
              {"Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
               "Giao: Trung tâm Phục vụ hành chính công phường Sa Pa", "Nhận: UBND phường Sa Pa (Lò Văn Thẩm)",
               "Trước hạn", "Yêu cầu bổ sung hồ sơ", "Nộp bổ sung hồ sơ", "Từ chối giải quyết"});

  const std::string long_path = Print(app::FormKind::kControlSheet, app::Paper::kA4, History(12));
  EXPECT_GE(Pages(long_path), 2);
  ExpectTexts(long_path, {"Thẩm định lại lần 12"});
  const std::string second_page = CommandOutput("pdftotext -raw -f 2 -l 99 " + long_path + " -");
  EXPECT_NE(second_page.find("TÊN CƠ QUAN"), std::string::npos) << "the heading row again:\n" << second_page;
}

TEST_F(DossierFormsPdfTest, TheStopNoticeOnOnePageWithWhereItGoes) {
  for (app::Paper paper : {app::Paper::kA4, app::Paper::kA5}) {
    const std::string path =
        Print(app::FormKind::kStopNotice, paper, WithdrawnView("Gia đình đã chuyển nơi cư trú sang tỉnh khác"));
    EXPECT_EQ(Pages(path), 1);
    ExpectTexts(path, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc",
                       "Mẫu số 05",
                       "UBND phường Sa Pa",
                       "Số: H15.50-260112-0002",
                       "Sa Pa, ngày 14 tháng 01 năm 2026",
                       "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                       "Kính gửi: Nguyễn Thị Hoa",
                       "Mã hồ sơ: H15.50-260112-0002",
                       "Tình trạng hồ sơ khi dừng: Chờ bổ sung",
                       "Lý do: Ông/Bà đề nghị dừng giải quyết hồ sơ: Gia đình đã chuyển nơi cư trú sang tỉnh khác",
                       "Hồ sơ được kết thúc với trạng thái “Dừng xử lý”.",
                       "Phí, lệ phí đã nộp: 8.000 ₫",
                       "Việc hoàn trả phí, lệ phí đã nộp thực hiện theo quy định của pháp luật về phí và lệ phí.",
                       "Xin thông báo cho Ông/Bà được biết./.",
                       "Nơi nhận:",
                       "- Như trên;",
                       "- Lưu: VT, hồ sơ.",
                       "THỦ TRƯỞNG CƠ QUAN",
                       "(Ký, ghi rõ họ tên và đóng dấu)"});
  }
  const std::string fonts = CommandOutput(
      "pdffonts " + Print(app::FormKind::kStopNotice, app::Paper::kA4, WithdrawnView("Không còn nhu cầu")));
  EXPECT_NE(fonts.find("LiberationSerif"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts;
}

// A reason of several lines wraps in full and leaves the notice on one A4 page.
TEST_F(DossierFormsPdfTest, AStopNoticeWithALongReasonKeepsAllOfIt) {
  std::string reason;
  for (int i = 1; i <= 6; ++i) {
    reason += "Lý do thứ " + std::to_string(i) + ": gia đình đã chuyển nơi cư trú và sẽ nộp lại hồ sơ tại nơi ở mới. ";
  }
  reason.pop_back();
  const std::string path = Print(app::FormKind::kStopNotice, app::Paper::kA4, WithdrawnView(reason));
  EXPECT_EQ(Pages(path), 1);
  ExpectTexts(path, {reason, "Xin thông báo cho Ông/Bà được biết./.", "THỦ TRƯỞNG CƠ QUAN"});
}

TEST_F(DossierFormsPdfTest, TheResultCoverOnOnePageWithTheTrackingQrCode) {
  for (app::Paper paper : {app::Paper::kA4, app::Paper::kA5}) {
    const std::string path = Print(app::FormKind::kResultCover, paper, ApprovedView());
    EXPECT_EQ(Pages(path), 1);
    ExpectTexts(path, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trung tâm Phục vụ hành chính công phường Sa Pa",
                       "Sa Pa, ngày 14 tháng 01 năm 2026", "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
                       "Mã hồ sơ: H15.50-260112-0002", "Tổ chức, cá nhân nộp hồ sơ: Nguyễn Thị Hoa",
                       "Kết quả giải quyết: Giấy khai sinh số 12/2026, Quyển số 01/2026",
                       "Người ký duyệt: Chủ tịch UBND phường Sa Pa",
                       "Thời gian có kết quả: 15 giờ 00 phút, ngày 14 tháng 01 năm 2026 (Trước hạn)",
                       "Trả kết quả: tại Bộ phận một cửa, 08 giờ 30 phút, ngày 15 tháng 01 năm 2026",
                       "NGƯỜI NHẬN KẾT QUẢ", "NGƯỜI TRẢ KẾT QUẢ", "Nguyễn Văn Tiếp"});
    EXPECT_EQ(Text(path).find("Mẫu số"), std::string::npos) << "not a form of the circulars";
  }
  if (!HaveTool("zbarimg") || !HaveTool("pdftoppm")) GTEST_SKIP() << "zbarimg or pdftoppm is not installed";
  const std::string path = Print(app::FormKind::kResultCover, app::Paper::kA4, ApprovedView());
  CommandOutput("pdftoppm -r 150 -singlefile -png " + path + " " + path);
  const std::string decoded = CommandOutput("zbarimg --quiet --raw " + path + ".png");
  std::filesystem::remove(path + ".png");
  EXPECT_EQ(decoded, kNames.tracking_url + "\n");
}

}  // namespace
}  // namespace motcua::print
