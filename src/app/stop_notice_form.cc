#include "app/stop_notice_form.h"

namespace motcua::app {
namespace {

// The event that stopped the processing, nullptr when none did. A Cancelled event stops it too: after reception the
// one-stop department cancels a dossier it had accepted (a duplicate, one entered by mistake), and the applicant,
// who holds a receipt with an appointment, must be told that it will not be processed and why. Circular 03/2025 has
// one form for a processing that ends without a result or a refusal, and the portal one status for both: "Dừng xử
// lý" (docs/law/forms.md §8, docs/law/deadlines.md §1.e).
const DossierEvent* LatestStop(const std::vector<DossierEvent>& history) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (std::holds_alternative<Withdrawn>(it->payload) || std::holds_alternative<Cancelled>(it->payload)) return &*it;
  }
  return nullptr;
}

// "Lý do": the applicant's request, with the reason given if any; the department's reason for a cancellation.
std::string ReasonOf(const DossierEvent& event) {
  if (const auto* withdrawn = std::get_if<Withdrawn>(&event.payload)) {
    return "Ông/Bà đề nghị dừng giải quyết hồ sơ" + (withdrawn->reason.empty() ? "" : ": " + withdrawn->reason);
  }
  return std::get<Cancelled>(event.payload).reason;
}

// Where the processing was when it stopped: the status, and the step in hand if one was.
std::string StageOf(const DossierState& before) {
  std::string stage(DossierStatusLabelVi(before.status));
  if (before.status == DossierStatus::kProcessing && !before.current_step.empty()) {
    stage += " (bước " + before.current_step + ")";
  }
  return stage;
}

// What becomes of the papers handed in and of the fees: the fees paid, and that a refund follows the fee law.
void AddDocumentsAndFees(PrintedForm& form, const DossierState& s, const FormNames& names) {
  form.body.emplace_back(FormParagraph{"Ông/Bà liên hệ " + names.ReceivingPointOrDepartment() +
                                       " để nhận lại thành phần hồ sơ đã nộp (bản giấy, nếu có)."});
  form.body.emplace_back(FormFacts{{{"Phí, lệ phí đã nộp", s.fees_paid.dong() > 0 ? s.fees_paid.Format() : "Không"}}});
  if (s.fees_paid.dong() > 0) {
    form.body.emplace_back(
        FormParagraph{"Việc hoàn trả phí, lệ phí đã nộp thực hiện theo quy định của pháp luật về phí và lệ phí."});
  }
}

}  // namespace

Result<PrintedForm> StopNoticeForm(const DossierView& view, const FormNames& names, Paper paper) {
  const DossierState& s = view.state;
  const DossierEvent* event = LatestStop(view.history);
  if (event == nullptr || !s.received_at) {
    return Fail(Error::FailedPrecondition(
        "form", "hồ sơ " + s.code + " không bị dừng giải quyết sau khi tiếp nhận nên không có thông báo dừng",
        "dossier " + s.code + " was not stopped after its reception, so it has no stop-processing notice"));
  }
  auto before = StateBefore(view.history, static_cast<std::size_t>(event - view.history.data()));
  if (!before) return Fail(before.error());
  // The set of the dossier's reception (docs/law/forms.md §0): 2018's had no such form, so no number.
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kStopNotice, FormSetOn(*s.received_at)),
                                 "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", names, s.code, event->occurred_at);
  form.subtitle = "Kính gửi: " + ApplicantName(s.applicant);

  form.body.emplace_back(FormFacts{{{"Mã hồ sơ", s.code},
                                    {"Nội dung yêu cầu giải quyết", RequestedProcedure(view)},
                                    {"Thời gian nhận hồ sơ", FormMoment(*s.received_at)},
                                    {"Tình trạng hồ sơ khi dừng", StageOf(*before)}}});
  AddTrackingQr(form, names, "Quét mã để theo dõi hồ sơ");
  form.body.emplace_back(FormFacts{{{"Lý do", ReasonOf(*event)}}});
  form.body.emplace_back(
      FormParagraph{names.ReceivingPointOrDepartment() + " thông báo dừng giải quyết hồ sơ nêu trên từ " +
                    FormMoment(event->occurred_at) + ". Hồ sơ được kết thúc với trạng thái “Dừng xử lý”."});
  AddDocumentsAndFees(form, s, names);
  form.body.emplace_back(FormParagraph{"Xin thông báo cho Ông/Bà được biết./."});
  form.signatures.push_back(HeadOfAgencySignature());
  form.recipients = {"- Như trên;"};
  if (!names.competent_agency.empty()) form.recipients.push_back("- " + names.competent_agency + ";");
  form.recipients.emplace_back("- Lưu: VT, hồ sơ.");
  return form;
}

}  // namespace motcua::app
