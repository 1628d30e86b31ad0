// The result cover page (app/result_cover_form.h) as the use case fills it: issued once the result is approved, it
// says the result and who approved it, the dates, and whether the result came early, on time or late as the reports
// judge it — against the appointment the law holds the agency to, which a supplement moves and an apology does not —
// and how the result is or was handed back.
#include "app/result_cover_form.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/dossier_forms.h"
#include "support/form_history.h"

namespace motcua::app {
namespace {

using test_support::At;
using test_support::FormText;

constexpr const char* kCode = "H15.50-260112-0004";

const FormNames kNames{.issuing_agency = "UBND xã Đông Khê",
                       .receiving_point = "Trung tâm Phục vụ hành chính công xã Đông Khê",
                       .competent_agency = "UBND xã Đông Khê",
                       .place = "Xã Đông Khê",
                       .tracking_url = "https://dichvucong.caobang.gov.vn/#/tra-cuu/H15.50-260112-0004?pin=4",
                       .people = {{"tiepnhan01", "Nông Thị Tiếp"}, {"lanhdao01", "Hoàng Văn Duyệt"}},
                       .agencies = {{"UBND xã Đông Khê", "UBND xã Đông Khê"}}};

#define EXPECT_HAS(text, expected) \
  EXPECT_NE((text).find(expected), std::string::npos) << "missing: " << (expected) << "\n" << (text)

// Received Monday 12 January 2026 07:45, due Thursday 15 January 08:00, approved at `approved`.
test_support::FormHistory Approved(const char* approved, const char* signer = "") {
  test_support::FormHistory history(kCode);
  history.Receive()
      .Add(StepAssigned{"Thẩm định", "specialist", "", "chuyenvien01"}, "2026-01-12T09:00:00+07:00", "lanhdao01")
      .Add(ResultApproved{"Giấy khai sinh số 12/2026", signer}, approved, "lanhdao01");
  return history;
}

PrintedForm Cover(const test_support::FormHistory& history, const DeadlinePolicy& policy = {}) {
  return ResultCoverForm(history.View(), kNames, Paper::kA4, policy).value();
}

TEST(ResultCoverFormTest, AnApprovedResultWaitingAtTheCounter) {
  const test_support::FormHistory history = Approved("2026-01-15T10:00:00+07:00");
  std::vector<std::string> kinds;
  for (FormKind kind : FormsOf(history.View(), LifecycleSettings{})) kinds.emplace_back(FormKindName(kind));
  EXPECT_EQ(kinds, (std::vector<std::string>{"receipt", "control-sheet", "result-cover"}));

  const PrintedForm form = Cover(history);
  EXPECT_EQ(form.form_number, "") << "not a form of the circulars";
  EXPECT_EQ(form.title, "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(form.subtitle, std::string("Mã hồ sơ: ") + kCode);
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 15 tháng 01 năm 2026");
  const std::string text = FormText(form);
  EXPECT_HAS(text, "Tổ chức, cá nhân nộp hồ sơ: Nguyễn Thị Hoa\n");
  EXPECT_HAS(text, "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (1.001193)\n");
  EXPECT_HAS(text, "Cơ quan giải quyết: UBND xã Đông Khê\n");
  EXPECT_HAS(text, "Kết quả giải quyết: Giấy khai sinh số 12/2026\n");
  EXPECT_HAS(text, "Người ký duyệt: Hoàng Văn Duyệt\n") << "no signer given: the approving leader's name";
  EXPECT_HAS(text, "Thời gian nhận hồ sơ: 07 giờ 45 phút, ngày 12 tháng 01 năm 2026\n");
  EXPECT_HAS(text, "Thời gian hẹn trả kết quả: 08 giờ 00 phút, ngày 15 tháng 01 năm 2026\n");
  // On the appointment's day, after its hour: on time, as the reports count by day (DeadlinePolicy).
  EXPECT_HAS(text, "Thời gian có kết quả: 10 giờ 00 phút, ngày 15 tháng 01 năm 2026 (Đúng hạn)\n");
  EXPECT_HAS(text, "Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Đông Khê\n");
  EXPECT_EQ(text.find("hẹn lại"), std::string::npos) << text;
  ASSERT_EQ(form.signatures.size(), 2u);
  EXPECT_EQ(form.signatures[0].title, "NGƯỜI NHẬN KẾT QUẢ");
  EXPECT_EQ(form.signatures[0].name, "") << "whoever collects it writes the name";
  EXPECT_EQ(form.signatures[1].title, "NGƯỜI TRẢ KẾT QUẢ");
  EXPECT_EQ(form.signatures[1].name, "");

  DeadlinePolicy by_moment;
  by_moment.classify_by_day = false;
  EXPECT_HAS(FormText(Cover(history, by_moment)), "ngày 15 tháng 01 năm 2026 (Quá hạn)\n");
}

// The judgement is the reports' (dossier_standing.h): an apology's new date does not save a late result, a
// supplement's moved appointment does.
TEST(ResultCoverFormTest, EarlyOnTimeOrLateAsTheReportsJudge) {
  struct Case {
    const char* why;
    const char* extended_to;  // nullptr: no apology
    bool supplement;          // asked 12/1 09:30, given 13/1 (appointment 16/1 10:00)
    const char* approved;
    const char* expected;
  };
  const Case cases[] = {
      {"a day before the appointment", nullptr, false, "2026-01-14T16:00:00+07:00", "(Trước hạn)"},
      {"after the appointment's day", nullptr, false, "2026-01-16T09:00:00+07:00", "(Quá hạn)"},
      {"within the apology's new date, still late for the law", "2026-01-22T16:00:00+07:00", false,
       "2026-01-20T09:00:00+07:00", "(Quá hạn)"},
      {"on the day the supplement moved the appointment to", nullptr, true, "2026-01-16T09:00:00+07:00", "(Đúng hạn)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    test_support::FormHistory history(kCode);
    history.Receive();
    if (c.supplement) {
      history.Add(SupplementRequested{"Thiếu giấy", {}}, "2026-01-12T09:30:00+07:00", "chuyenvien01")
          .Add(Supplemented{{}, At("2026-01-16T10:00:00+07:00")}, "2026-01-13T08:00:00+07:00", "cd.hoa");
    }
    if (c.extended_to) history.Add(Extended{"Chờ xác minh", At(c.extended_to)}, "2026-01-14T09:00:00+07:00");
    history.Add(ResultApproved{"Giấy khai sinh", "Chủ tịch UBND xã"}, c.approved, "lanhdao01");
    const std::string text = FormText(Cover(history));
    EXPECT_HAS(text, std::string(c.expected) + "\n");
    EXPECT_HAS(text, "Người ký duyệt: Chủ tịch UBND xã\n");
    if (c.extended_to) {
      EXPECT_HAS(text, "Thời gian hẹn lại trả kết quả: 16 giờ 00 phút, ngày 22 tháng 01 năm 2026\n");
    }
    if (c.supplement) {
      EXPECT_HAS(text, "Thời gian hẹn trả kết quả: 10 giờ 00 phút, ngày 16 tháng 01 năm 2026\n");
    }
  }
}

TEST(ResultCoverFormTest, OnceHandedOverItSaysHowAndWhoByAndNobodySignsForAParcel) {
  test_support::FormHistory history = Approved("2026-01-14T10:00:00+07:00");
  history.Add(ResultReturned{ReturnMethod::kPost, "Bưu điện xã"}, "2026-01-15T09:00:00+07:00");
  const PrintedForm form = Cover(history);
  const std::string text = FormText(form);
  EXPECT_HAS(text, "Trả kết quả: qua dịch vụ bưu chính, 09 giờ 00 phút, ngày 15 tháng 01 năm 2026\n");
  EXPECT_EQ(text.find("Đăng ký nhận kết quả tại"), std::string::npos) << text;
  ASSERT_EQ(form.signatures.size(), 1u);
  EXPECT_EQ(form.signatures[0].title, "NGƯỜI TRẢ KẾT QUẢ");
  EXPECT_EQ(form.signatures[0].name, "Nông Thị Tiếp");

  test_support::FormHistory counter = Approved("2026-01-14T10:00:00+07:00");
  counter.Add(ResultReturned{ReturnMethod::kCounter, ""}, "2026-01-15T09:00:00+07:00");
  const PrintedForm at_counter = Cover(counter);
  EXPECT_HAS(FormText(at_counter), "Trả kết quả: tại Bộ phận một cửa, 09 giờ 00 phút, ngày 15 tháng 01 năm 2026\n");
  ASSERT_EQ(at_counter.signatures.size(), 2u);
  EXPECT_EQ(at_counter.signatures[0].title, "NGƯỜI NHẬN KẾT QUẢ");
}

TEST(ResultCoverFormTest, NoCoverWithoutAnApprovedResult) {
  test_support::FormHistory history(kCode);
  history.Receive();
  const auto none = ResultCoverForm(history.View(), kNames, Paper::kA4, {});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(none.error().field, "form");
  // A refusal handed back to the applicant is no result.
  history.Add(Refused{"Không đủ điều kiện", RefusalKind::kRefused}, "2026-01-14T10:00:00+07:00", "lanhdao01")
      .Add(ResultReturned{ReturnMethod::kCounter, ""}, "2026-01-15T09:00:00+07:00");
  EXPECT_EQ(ResultCoverForm(history.View(), kNames, Paper::kA4, {}).error().field, "form");
}

}  // namespace
}  // namespace motcua::app
