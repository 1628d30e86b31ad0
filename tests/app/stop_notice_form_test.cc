// The stop-processing notice (app/stop_notice_form.h; docs/law/forms.md §8) as the use case fills it: issued by a
// withdrawal or a cancellation after reception, never before, numbered 05 only under Circular 03/2025, with the stage
// the dossier had reached, the reason, the effect, the papers and the fees, the head's signature and "Nơi nhận".
#include "app/stop_notice_form.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/dossier_forms.h"
#include "app/supplement_request_form.h"
#include "support/form_history.h"

namespace motcua::app {
namespace {

using test_support::FormText;

constexpr const char* kCode = "H15.50-260112-0003";

const FormNames kNames{.issuing_agency = "UBND xã Đông Khê",
                       .receiving_point = "Trung tâm Phục vụ hành chính công xã Đông Khê",
                       .competent_agency = "UBND xã Đông Khê",
                       .place = "Xã Đông Khê",
                       .tracking_url = "https://dichvucong.caobang.gov.vn/#/tra-cuu/H15.50-260112-0003?pin=3",
                       .people = {{"tiepnhan01", "Nông Thị Tiếp"}, {"cd.hoa", "Nguyễn Thị Hoa"}},
                       .agencies = {}};

std::vector<std::string> FormsNamed(const DossierView& view) {
  std::vector<std::string> names;
  for (FormKind kind : FormsOf(view, LifecycleSettings{})) names.emplace_back(FormKindName(kind));
  return names;
}

#define EXPECT_HAS(text, expected) \
  EXPECT_NE((text).find(expected), std::string::npos) << "missing: " << (expected) << "\n" << (text)

TEST(StopNoticeFormTest, TheApplicantsRequestToStopAfterReception) {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(StepAssigned{"Thẩm định", "specialist", "", "chuyenvien01"}, "2026-01-12T09:00:00+07:00", "lanhdao01")
      .Add(Withdrawn{"Đã nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh"}, "2026-01-13T10:00:00+07:00");
  const DossierView view = history.View();
  EXPECT_EQ(FormsNamed(view), (std::vector<std::string>{"receipt", "stop-notice", "control-sheet"}));

  const PrintedForm form = StopNoticeForm(view, kNames, Paper::kA5).value();
  EXPECT_EQ(form.paper, Paper::kA5);
  EXPECT_EQ(form.form_number, "Mẫu số 05") << "received after 15 September 2025: Circular 03/2025";
  EXPECT_EQ(form.title, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(form.subtitle, "Kính gửi: Nguyễn Thị Hoa");
  EXPECT_EQ(form.issuer_lines,
            (std::vector<std::string>{"UBND xã Đông Khê", "Trung tâm Phục vụ hành chính công xã Đông Khê"}));
  EXPECT_EQ(form.number_line, std::string("Số: ") + kCode);
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 13 tháng 01 năm 2026");
  const std::string text = FormText(form);
  EXPECT_HAS(text, std::string("Mã hồ sơ: ") + kCode);
  EXPECT_HAS(text, "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (1.001193)");
  EXPECT_HAS(text, "Thời gian nhận hồ sơ: 07 giờ 45 phút, ngày 12 tháng 01 năm 2026");
  EXPECT_HAS(text, "Tình trạng hồ sơ khi dừng: Đang xử lý (bước Thẩm định)");
  EXPECT_HAS(text,
             "Lý do: Ông/Bà đề nghị dừng giải quyết hồ sơ: Đã nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh");
  EXPECT_HAS(
      text,
      "Trung tâm Phục vụ hành chính công xã Đông Khê thông báo dừng giải quyết hồ sơ nêu trên từ 10 giờ 00 phút, "
      "ngày 13 tháng 01 năm 2026. Hồ sơ được kết thúc với trạng thái “Dừng xử lý”.");
  EXPECT_HAS(text,
             "Ông/Bà liên hệ Trung tâm Phục vụ hành chính công xã Đông Khê để nhận lại thành phần hồ sơ đã nộp (bản "
             "giấy, nếu có).");
  EXPECT_HAS(text, "Phí, lệ phí đã nộp: Không");
  EXPECT_EQ(text.find("hoàn trả"), std::string::npos) << "nothing was paid, nothing to refund\n" << text;
  EXPECT_HAS(text, "Xin thông báo cho Ông/Bà được biết./.");
  // A letter of the department: its head signs and seals it, and it says where it goes (Decree 30/2020).
  ASSERT_EQ(form.signatures.size(), 1u);
  EXPECT_EQ(form.signatures[0].title, "THỦ TRƯỞNG CƠ QUAN");
  EXPECT_EQ(form.signatures[0].hint, "(Ký, ghi rõ họ tên và đóng dấu)");
  EXPECT_EQ(form.signatures[0].name, "");
  EXPECT_EQ(form.recipients, (std::vector<std::string>{"- Như trên;", "- UBND xã Đông Khê;", "- Lưu: VT, hồ sơ."}));
}

// The awkward case: the applicant, asked for a supplement, gives up instead. Both forms stay printable; the notice
// says the dossier was waiting for the supplement, and a withdrawal without a reason is still the applicant's request.
TEST(StopNoticeFormTest, AWithdrawalWhileASupplementIsAwaitedKeepsTheRequestAndSaysSo) {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(SupplementRequested{"Thiếu giấy chứng sinh", {"Giấy chứng sinh (bản chính)"}}, "2026-01-12T09:30:00+07:00",
           "chuyenvien01")
      .Add(Withdrawn{""}, "2026-01-14T16:20:00+07:00", "cd.hoa");
  const DossierView view = history.View();
  EXPECT_EQ(FormsNamed(view),
            (std::vector<std::string>{"receipt", "supplement-request", "stop-notice", "control-sheet"}));
  EXPECT_TRUE(SupplementRequestForm(view, kNames, Paper::kA4).has_value());

  const std::string text = FormText(StopNoticeForm(view, kNames, Paper::kA4).value());
  EXPECT_HAS(text, "Tình trạng hồ sơ khi dừng: Chờ bổ sung\n");
  EXPECT_HAS(text, "Lý do: Ông/Bà đề nghị dừng giải quyết hồ sơ\n");
  EXPECT_HAS(text, "thông báo dừng giải quyết hồ sơ nêu trên từ 16 giờ 20 phút, ngày 14 tháng 01 năm 2026.");
}

TEST(StopNoticeFormTest, ACancellationAfterReceptionGivesTheDepartmentsReasonAndTheFeesPaid) {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(FeeAssessed{Money::Dong(50000), "Lệ phí đăng ký"}, "2026-01-12T07:50:00+07:00")
      .Add(FeePaid{Money::Dong(50000), PaymentMethod::kCounter, "BL-0001"}, "2026-01-12T07:55:00+07:00")
      .Add(Cancelled{"Hồ sơ trùng với hồ sơ H15.50-260112-0002 đã tiếp nhận cùng ngày"}, "2026-01-12T15:00:00+07:00");
  const DossierView view = history.View();
  EXPECT_EQ(FormsNamed(view), (std::vector<std::string>{"receipt", "stop-notice", "control-sheet"}));
  const std::string text = FormText(StopNoticeForm(view, kNames, Paper::kA4).value());
  EXPECT_HAS(text, "Lý do: Hồ sơ trùng với hồ sơ H15.50-260112-0002 đã tiếp nhận cùng ngày\n");
  EXPECT_EQ(text.find("đề nghị dừng"), std::string::npos) << "not the applicant's request\n" << text;
  EXPECT_HAS(text, "Tình trạng hồ sơ khi dừng: Đang xử lý\n");
  EXPECT_HAS(text, "Phí, lệ phí đã nộp: 50.000 ₫");
  EXPECT_HAS(text, "Việc hoàn trả phí, lệ phí đã nộp thực hiện theo quy định của pháp luật về phí và lệ phí.");
}

// Circular 01/2018 had no such form: a dossier received before 15 September 2025 gets the notice without a number,
// whatever the day it stops.
TEST(StopNoticeFormTest, ADossierReceivedUnderCircular01Of2018GetsTheNoticeWithoutANumber) {
  test_support::FormHistory history(kCode);
  history.Receive("2025-09-12T08:00:00+07:00", "2025-09-17T08:00:00+07:00")
      .Add(Withdrawn{"Không còn nhu cầu"}, "2025-09-16T08:00:00+07:00");
  const PrintedForm form = StopNoticeForm(history.View(), kNames, Paper::kA4).value();
  EXPECT_EQ(form.form_number, "");
  EXPECT_EQ(form.title, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 16 tháng 09 năm 2025");
}

TEST(StopNoticeFormTest, NoNoticeWithoutAStopAfterReception) {
  test_support::FormHistory received(kCode);
  received.Receive();
  const auto none = StopNoticeForm(received.View(), kNames, Paper::kA4);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(none.error().field, "form");

  // A result approved ends the processing with a result, not a stop.
  received.Add(ResultApproved{"Giấy khai sinh", "Lãnh đạo"}, "2026-01-14T10:00:00+07:00", "lanhdao01");
  EXPECT_EQ(StopNoticeForm(received.View(), kNames, Paper::kA4).error().field, "form");

  // An online submission withdrawn before anyone received it: there was no processing to stop.
  Submitted submitted;
  submitted.procedure_code = "1.001193";
  submitted.applicant = test_support::SomeApplicant();
  submitted.receiving_unit = "04006";
  submitted.competent_agency = "UBND xã Đông Khê";
  submitted.competent_unit = "04006";
  test_support::FormHistory online(kCode);
  online.Add(submitted, "2026-01-11T21:10:00+07:00", "cd.hoa").Add(Withdrawn{"Nộp nhầm"}, "2026-01-11T21:30:00+07:00");
  EXPECT_EQ(StopNoticeForm(online.View(), kNames, Paper::kA4).error().field, "form");
  EXPECT_TRUE(FormsNamed(online.View()).empty());
}

}  // namespace
}  // namespace motcua::app
