// The forms of a dossier as the use cases fill them (app/dossier_forms.h), before any layout: which forms a
// dossier has as its events happen, what each is called and numbered, and what each says — the supplement request
// (02), the refusal notice (03) at reception and after it, the apology slip (04) under either circular, and the
// control sheet with each hand-over judged against the appointment the dossier had then. The stop notice and the
// result cover page have their own files beside this one. The PDFs themselves: tests/print.
#include "app/dossier_forms.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/apology_form.h"
#include "app/control_sheet_form.h"
#include "app/refusal_notice_form.h"
#include "app/supplement_request_form.h"
#include "support/form_history.h"
#include "support/sample_events.h"

namespace motcua::app {
namespace {

using test_support::At;
using test_support::Event;

constexpr const char* kCode = "H15.50-260112-0001";

const FormNames kNames{.issuing_agency = "UBND xã Đông Khê",
                       .receiving_point = "Trung tâm Phục vụ hành chính công xã Đông Khê",
                       .competent_agency = "UBND xã Đông Khê",
                       .place = "Xã Đông Khê",
                       .tracking_url = "https://dichvucong.caobang.gov.vn/#/tra-cuu/H15.50-260112-0001?pin=1",
                       .people = {{"tiepnhan01", "Nông Thị Tiếp"}, {"chuyenvien01", "Hoàng Văn Thẩm"}},
                       .agencies = {{"UBND xã Đông Khê", "UBND xã Đông Khê"}, {"CA-DK", "Công an xã Đông Khê"}}};

// A history of dossier kCode.
class History : public test_support::FormHistory {
 public:
  History() : FormHistory(kCode) {}
};

std::string AllText(const PrintedForm& form) { return test_support::FormText(form); }

std::vector<std::string> Names(const std::vector<FormKind>& kinds) {
  std::vector<std::string> names;
  for (FormKind kind : kinds) names.emplace_back(FormKindName(kind));
  return names;
}

const FormTable& TableOf(const PrintedForm& form) {
  for (const FormBlock& block : form.body) {
    if (const auto* table = std::get_if<FormTable>(&block)) return *table;
  }
  throw std::logic_error("no table");
}

#define EXPECT_HAS(text, expected) \
  EXPECT_NE((text).find(expected), std::string::npos) << "missing: " << (expected) << "\n" << (text)

TEST(DossierFormsTest, AFormComesWithTheEventThatIssuesIt) {
  const LifecycleSettings settings;
  using Kinds = std::vector<std::string>;
  History history;
  history.Receive();
  EXPECT_EQ(Names(FormsOf(history.View(), settings)), (Kinds{"receipt", "control-sheet"}));
  history.Add(SupplementRequested{"Thiếu giấy chứng sinh", {"Giấy chứng sinh"}}, "2026-01-12T09:00:00+07:00");
  EXPECT_EQ(Names(FormsOf(history.View(), settings)), (Kinds{"receipt", "supplement-request", "control-sheet"}));
  history.Add(Supplemented{{}, At("2026-01-16T08:00:00+07:00")}, "2026-01-13T08:00:00+07:00", "cd.hoa");
  history.Add(Extended{"Chờ xác minh", At("2026-01-20T08:00:00+07:00")}, "2026-01-15T09:00:00+07:00", "lanhdao01");
  history.Add(Refused{"Không đủ điều kiện", RefusalKind::kRefused}, "2026-01-19T09:00:00+07:00", "lanhdao01");
  EXPECT_EQ(Names(FormsOf(history.View(), settings)),
            (Kinds{"receipt", "supplement-request", "refusal", "apology", "control-sheet"}));

  for (FormKind kind : kEveryFormKind) EXPECT_EQ(ParseFormKind(FormKindName(kind)), kind);
  EXPECT_EQ(ParseFormKind("invoice"), std::nullopt);
  EXPECT_EQ(ParseFormKind(""), std::nullopt);
}

// The numbers of docs/law/forms.md §0.2: the same for 01 to 04; the control sheet 05 then 06; the stop notice only
// in 2025's set; the cover page is motcua's own. Every kind has a name for the route and a file stem of its own.
TEST(DossierFormsTest, EachKindHasItsNameItsFileAndItsNumberInEachSet) {
  struct Case {
    FormKind kind;
    const char* name;
    const char* of_2018;
    const char* of_2025;
  };
  const Case cases[] = {
      {FormKind::kReceipt, "receipt", "Mẫu số 01", "Mẫu số 01"},
      {FormKind::kSupplementRequest, "supplement-request", "Mẫu số 02", "Mẫu số 02"},
      {FormKind::kRefusal, "refusal", "Mẫu số 03", "Mẫu số 03"},
      {FormKind::kApology, "apology", "Mẫu số 04", "Mẫu số 04"},
      {FormKind::kStopNotice, "stop-notice", "", "Mẫu số 05"},
      {FormKind::kControlSheet, "control-sheet", "Mẫu số 05", "Mẫu số 06"},
      {FormKind::kResultCover, "result-cover", "", ""},
  };
  ASSERT_EQ(std::size(cases), std::size(kEveryFormKind));
  std::set<std::string_view> stems;
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const Case& c = cases[i];
    SCOPED_TRACE(c.name);
    EXPECT_EQ(kEveryFormKind[i], c.kind) << "listed in the order of their numbers";
    EXPECT_EQ(FormKindName(c.kind), c.name);
    EXPECT_EQ(FormNumber(c.kind, FormSet::kCircular01of2018), c.of_2018);
    EXPECT_EQ(FormNumber(c.kind, FormSet::kCircular03of2025), c.of_2025);
    EXPECT_FALSE(FormFileStem(c.kind).empty());
    EXPECT_TRUE(stems.insert(FormFileStem(c.kind)).second) << "two kinds, one file name";
  }
  EXPECT_EQ(FormFileStem(FormKind::kStopNotice), "thong-bao-dung-giai-quyet");
  EXPECT_EQ(FormFileStem(FormKind::kResultCover), "phieu-tra-ket-qua");
}

TEST(DossierFormsTest, ASubmissionRefusedAtTheCounterHasOnlyItsRefusalNotice) {
  Submitted submitted;
  submitted.procedure_code = "1.001193";
  submitted.applicant = test_support::SomeApplicant();
  submitted.receiving_unit = "04006";
  submitted.competent_agency = "UBND xã Đông Khê";
  submitted.competent_unit = "04006";
  History history;
  history.Add(submitted, "2026-01-11T21:10:00+07:00", "cd.hoa");
  history.Add(ReceptionRefused{"Thủ tục không thuộc thẩm quyền của xã"}, "2026-01-12T08:30:00+07:00");
  const DossierView view = history.View();
  EXPECT_EQ(Names(FormsOf(view, {})), std::vector<std::string>{"refusal"});

  const PrintedForm form = RefusalNoticeForm(view, kNames, Paper::kA5).value();
  EXPECT_EQ(form.paper, Paper::kA5);
  EXPECT_EQ(form.form_number, "Mẫu số 03");
  EXPECT_EQ(form.title, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 12 tháng 01 năm 2026");
  const std::string text = AllText(form);
  EXPECT_HAS(text, "Tiếp nhận hồ sơ của: Nguyễn Thị Hoa");
  EXPECT_HAS(text, "Thời gian nộp: 21 giờ 10 phút, ngày 11 tháng 01 năm 2026");
  EXPECT_HAS(text,
             "Qua xem xét, Trung tâm Phục vụ hành chính công xã Đông Khê thông báo không tiếp nhận, giải quyết hồ sơ "
             "này với lý do cụ thể như sau: Thủ tục không thuộc thẩm quyền của xã");
  EXPECT_HAS(text, "Xin thông báo cho Ông/Bà được biết và thực hiện./.");
  ASSERT_EQ(form.signatures.size(), 1u);
  EXPECT_EQ(form.signatures[0].title, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  EXPECT_EQ(form.signatures[0].name, "Nông Thị Tiếp");
}

TEST(DossierFormsTest, ARefusalAfterReceptionIsTheCompetentAgencys) {
  History history;
  history.Receive().Add(Refused{"Không nộp bổ sung trong thời hạn", RefusalKind::kNotSupplemented},
                        "2026-01-14T10:00:00+07:00", "chuyenvien01");
  const PrintedForm form = RefusalNoticeForm(history.View(), kNames, Paper::kA4).value();
  const std::string text = AllText(form);
  EXPECT_HAS(text,
             "Qua xem xét, UBND xã Đông Khê thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể "
             "như sau: Không nộp bổ sung trong thời hạn");
  EXPECT_HAS(text, "Thời gian nhận hồ sơ: 07 giờ 45 phút, ngày 12 tháng 01 năm 2026");
  EXPECT_EQ(text.find("Thời gian nộp"), std::string::npos) << text;
  EXPECT_EQ(form.signatures[0].title, "NGƯỜI TỪ CHỐI");
  EXPECT_EQ(form.signatures[0].name, "Hoàng Văn Thẩm");

  History received;
  received.Receive();
  const auto none = RefusalNoticeForm(received.View(), kNames, Paper::kA4);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().field, "form");
}

TEST(DossierFormsTest, TheSupplementRequestListsWhatIsMissingAndWhoToAsk) {
  History history;
  history.Receive().Add(SupplementRequested{"Giấy tờ chưa hợp lệ", {"Giấy chứng sinh (bản chính)", "Sổ hộ khẩu"}},
                        "2026-01-13T14:20:00+07:00", "chuyenvien01");
  const PrintedForm form = SupplementRequestForm(history.View(), kNames, Paper::kA4).value();
  EXPECT_EQ(form.form_number, "Mẫu số 02");
  EXPECT_EQ(form.title, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  EXPECT_EQ(form.number_line, std::string("Số: ") + kCode);
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 13 tháng 01 năm 2026");
  const FormTable& missing = TableOf(form);
  ASSERT_EQ(missing.rows.size(), 2u);
  EXPECT_EQ(missing.rows[0], (std::vector<std::string>{"1", "Giấy chứng sinh (bản chính)"}));
  EXPECT_EQ(missing.rows[1], (std::vector<std::string>{"2", "Sổ hộ khẩu"}));
  const std::string text = AllText(form);
  EXPECT_HAS(text, "Tiếp nhận hồ sơ của Ông/Bà: Nguyễn Thị Hoa");
  EXPECT_HAS(text, "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (1.001193)");
  EXPECT_HAS(text, "Lý do: Giấy tờ chưa hợp lệ");
  EXPECT_HAS(text, "tạm dừng từ 14 giờ 20 phút, ngày 13 tháng 01 năm 2026");
  EXPECT_HAS(text, "liên hệ với Hoàng Văn Thẩm, Trung tâm Phục vụ hành chính công xã Đông Khê để được hướng dẫn./.");
  EXPECT_EQ(form.signatures[0].title, "NGƯỜI HƯỚNG DẪN");
  EXPECT_EQ(form.signatures[0].name, "Hoàng Văn Thẩm");

  // An official without a display name is not named by login: the form says "công chức" and leaves the line.
  FormNames anonymous = kNames;
  anonymous.people.clear();
  const std::string plain = AllText(SupplementRequestForm(history.View(), anonymous, Paper::kA4).value());
  EXPECT_HAS(plain, "liên hệ với công chức, Trung tâm");
  EXPECT_EQ(plain.find("chuyenvien01"), std::string::npos) << plain;

  History received;
  received.Receive();
  EXPECT_EQ(SupplementRequestForm(received.View(), kNames, Paper::kA4).error().field, "form");
}

TEST(DossierFormsTest, TheApologyGivesTheAppointmentItMovesAndTheNewOne) {
  History history;
  history.Receive()
      .Add(SupplementRequested{"Thiếu giấy", {}}, "2026-01-12T09:00:00+07:00", "chuyenvien01")
      .Add(Supplemented{{}, At("2026-01-16T10:00:00+07:00")}, "2026-01-13T09:00:00+07:00", "cd.hoa")
      .Add(Extended{"Phải xác minh tại nơi cư trú", At("2026-01-22T16:00:00+07:00")}, "2026-01-16T08:30:00+07:00",
           "lanhdao01");
  const PrintedForm form = ApologyForm(history.View(), kNames, Paper::kA4).value();
  EXPECT_EQ(form.form_number, "Mẫu số 04");
  // Issued after 15 September 2025: the letter of Circular 03/2025, by the competent agency.
  EXPECT_EQ(form.title, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
  EXPECT_EQ(form.issuer_lines, std::vector<std::string>{"UBND xã Đông Khê"});
  EXPECT_EQ(form.subtitle, "Kính gửi: Nguyễn Thị Hoa");
  EXPECT_EQ(form.place_and_date, "Xã Đông Khê, ngày 16 tháng 01 năm 2026");
  const std::string text = AllText(form);
  EXPECT_HAS(text,
             "Ngày 12 tháng 01 năm 2026, Trung tâm Phục vụ hành chính công xã Đông Khê tiếp nhận giải quyết hồ "
             "sơ của Ông/Bà Nguyễn Thị Hoa.");
  // The appointment it moves is the one after the supplement, not the receipt's.
  EXPECT_HAS(text, "thời gian trả kết quả giải quyết hồ sơ vào 10 giờ 00 phút, ngày 16 tháng 01 năm 2026.");
  EXPECT_HAS(text, "Lý do: Phải xác minh tại nơi cư trú");
  EXPECT_HAS(text, "sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 16 giờ 00 phút, ngày 22 tháng 01 năm 2026.");
  EXPECT_EQ(form.signatures[0].title, "THỦ TRƯỞNG CƠ QUAN");
  EXPECT_EQ(form.signatures[0].hint, "(Ký, ghi rõ họ tên và đóng dấu)");

  History before;
  before.Receive("2025-09-08T08:00:00+07:00", "2025-09-11T08:00:00+07:00")
      .Add(Extended{"Chờ ý kiến cơ quan phối hợp", At("2025-09-19T08:00:00+07:00")}, "2025-09-12T16:00:00+07:00");
  EXPECT_EQ(ApologyForm(before.View(), kNames, Paper::kA5).value().title, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");

  History received;
  received.Receive();
  EXPECT_EQ(ApologyForm(received.View(), kNames, Paper::kA4).error().field, "form");
}

TEST(DossierFormsTest, TheFormSetChangesOnTheFifteenthOfSeptember2025InVietnam) {
  EXPECT_EQ(FormSetOn(At("2025-09-14T23:59:59+07:00")), FormSet::kCircular01of2018);
  EXPECT_EQ(FormSetOn(At("2025-09-15T00:00:00+07:00")), FormSet::kCircular03of2025);
  EXPECT_EQ(FormSetOn(At("2025-09-14T17:30:00Z")), FormSet::kCircular03of2025);  // 00:30 in Viet Nam
}

TEST(DossierFormsTest, TheControlSheetJudgesEachHandOverAgainstTheAppointmentOfTheTime) {
  // Received Monday 12 January 2026, due Thursday 15 January 08:00.
  History history;
  history.Receive()
      .Add(StepAssigned{"Thẩm định", "specialist", "", "chuyenvien01"}, "2026-01-12T09:00:00+07:00", "lanhdao01")
      .Add(Transferred{"CA-DK", "04006", "Xác minh cư trú"}, "2026-01-13T09:00:00+07:00", "chuyenvien01")
      .Add(ResultApproved{"Giấy khai sinh số 12/2026", "Lãnh đạo"}, "2026-01-15T10:00:00+07:00", "lanhdao01")
      .Add(ResultReturned{ReturnMethod::kCounter, ""}, "2026-01-16T09:00:00+07:00");
  const DossierView view = history.View();
  const PrintedForm form = ControlSheetForm(view, kNames, Paper::kA4, DeadlinePolicy{}).value();
  EXPECT_EQ(form.form_number, "Mẫu số 06");
  EXPECT_EQ(form.title, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  EXPECT_TRUE(form.signatures.empty()) << "the trail is kept by the system";
  const FormTable& table = TableOf(form);
  EXPECT_EQ(table.headings[2], "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)");
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0],
            (std::vector<std::string>{"1. Giao: Trung tâm Phục vụ hành chính công xã Đông Khê (Nông Thị Tiếp)\n"
                                      "2. Nhận: UBND xã Đông Khê (Hoàng Văn Thẩm)",
                                      "09 giờ 00 phút, ngày 12 tháng 01 năm 2026", "Trước hạn", "Thẩm định"}));
  EXPECT_EQ(table.rows[1][0], "1. Giao: UBND xã Đông Khê (Hoàng Văn Thẩm)\n2. Nhận: Công an xã Đông Khê");
  EXPECT_EQ(table.rows[1][3], "Chuyển liên thông: Xác minh cư trú");
  // Approved on the appointment's day, after its hour: on time, as the reports count by day.
  EXPECT_EQ(table.rows[2][0],
            "1. Giao: Công an xã Đông Khê (lanhdao01)\n2. Nhận: Trung tâm Phục vụ hành chính công xã Đông Khê");
  EXPECT_EQ(table.rows[2][2], "Đúng hạn");
  EXPECT_EQ(table.rows[2][3], "Có kết quả: Giấy khai sinh số 12/2026");
  EXPECT_EQ(table.rows[3][2], "Quá hạn");
  EXPECT_EQ(table.rows[3][0],
            "1. Giao: Trung tâm Phục vụ hành chính công xã Đông Khê (Nông Thị Tiếp)\n2. Nhận: Nguyễn Thị Hoa");
  const std::string text = AllText(form);
  EXPECT_HAS(text, "Cơ quan phối hợp giải quyết hồ sơ: Công an xã Đông Khê");
  EXPECT_HAS(text, "Ngày nhận: 07 giờ 45 phút, ngày 12 tháng 01 năm 2026");

  // The hand-over and the note are running text, set flush left; the moment and the judgement centred.
  EXPECT_TRUE(table.LeftAligned(0));
  EXPECT_FALSE(table.LeftAligned(1));
  EXPECT_FALSE(table.LeftAligned(2));
  EXPECT_TRUE(table.LeftAligned(3));
  EXPECT_FALSE(table.LeftAligned(4));
  const FormTable documents{{"TT", "Thành phần hồ sơ", "Bản chính"}, {0.1, 0.7, 0.2}, {}};
  EXPECT_FALSE(documents.LeftAligned(0));
  EXPECT_TRUE(documents.LeftAligned(1)) << "unmarked, the second column is the text";
  EXPECT_FALSE(documents.LeftAligned(2));

  DeadlinePolicy by_moment;
  by_moment.classify_by_day = false;
  EXPECT_EQ(TableOf(ControlSheetForm(view, kNames, Paper::kA4, by_moment).value()).rows[2][2], "Quá hạn");
}

TEST(DossierFormsTest, WhileTheApplicantSupplementsTheClockIsStoppedAndNotJudged) {
  History history;
  history.Receive("2025-09-10T08:00:00+07:00", "2025-09-15T08:00:00+07:00")
      .Add(SupplementRequested{"Thiếu giấy", {}}, "2025-09-11T08:00:00+07:00", "chuyenvien01")
      .Add(Supplemented{{}, At("2025-09-20T08:00:00+07:00")}, "2025-09-16T08:00:00+07:00", "cd.hoa");
  const PrintedForm form = ControlSheetForm(history.View(), kNames, Paper::kA4, DeadlinePolicy{}).value();
  EXPECT_EQ(form.form_number, "Mẫu số 05") << "received under Circular 01/2018";
  const FormTable& table = TableOf(form);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][3], "Yêu cầu bổ sung hồ sơ");
  EXPECT_EQ(table.rows[0][0].substr(table.rows[0][0].find("2. Nhận: ")), "2. Nhận: Nguyễn Thị Hoa");
  EXPECT_EQ(table.rows[1][3], "Nộp bổ sung hồ sơ");
  EXPECT_EQ(table.rows[1][2], "") << "the clock was stopped";

  Submitted submitted;
  submitted.procedure_code = "1.001193";
  History online;
  online.Add(submitted, "2026-01-11T21:10:00+07:00", "cd.hoa");
  EXPECT_EQ(ControlSheetForm(online.View(), kNames, Paper::kA4, DeadlinePolicy{}).error().field, "form");
}

TEST(DossierFormsTest, TheStateBeforeAnEventIgnoresTodaysLowerLimits) {
  History history;
  history.Receive()
      .Add(Extended{"Lần một", At("2026-01-20T08:00:00+07:00")}, "2026-01-14T08:00:00+07:00")
      .Add(Extended{"Lần hai", At("2026-01-27T08:00:00+07:00")}, "2026-01-19T08:00:00+07:00");
  const DossierView view = history.View();
  const auto before = StateBefore(view.history, 2);
  ASSERT_TRUE(before.has_value()) << before.error().message_en;
  EXPECT_EQ(before->due_at, At("2026-01-20T08:00:00+07:00"));
  EXPECT_EQ(StateBefore(view.history, 99)->due_at, At("2026-01-27T08:00:00+07:00"));
  const std::string text = AllText(ApologyForm(view, kNames, Paper::kA4).value());
  EXPECT_HAS(text, "Lý do: Lần hai");
  EXPECT_HAS(text, "vào 08 giờ 00 phút, ngày 20 tháng 01 năm 2026.");
}

}  // namespace
}  // namespace motcua::app
