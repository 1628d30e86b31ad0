#include "app/refusal_notice_form.h"

namespace motcua::app {
namespace {

// The latest refusal of either kind, nullptr when there is none.
const DossierEvent* LatestRefusal(const std::vector<DossierEvent>& history) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (std::holds_alternative<ReceptionRefused>(it->payload) || std::holds_alternative<Refused>(it->payload)) {
      return &*it;
    }
  }
  return nullptr;
}

std::string ReasonOf(const DossierEvent& event) {
  if (const auto* at_reception = std::get_if<ReceptionRefused>(&event.payload)) return at_reception->reason;
  return std::get<Refused>(event.payload).reason;
}

}  // namespace

Result<PrintedForm> RefusalNoticeForm(const DossierView& view, const FormNames& names, Paper paper) {
  const DossierState& s = view.state;
  const DossierEvent* event = LatestRefusal(view.history);
  if (event == nullptr) {
    return Fail(Error::FailedPrecondition("form", "hồ sơ " + s.code + " không bị từ chối nên không có phiếu từ chối",
                                          "dossier " + s.code + " was not refused, so it has no refusal notice"));
  }
  const bool at_reception = std::holds_alternative<ReceptionRefused>(event->payload);
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kRefusal, FormSetOn(event->occurred_at)),
                                 "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", names, s.code, event->occurred_at);

  form.body.emplace_back(FormParagraph{names.ReceivingPointOrDepartment() + ":", true});
  FormFacts applicant;
  applicant.lines.emplace_back("Tiếp nhận hồ sơ của", ApplicantName(s.applicant));
  if (!s.applicant.address.empty()) applicant.lines.emplace_back("Địa chỉ", s.applicant.address);
  if (const std::string phone = PhoneAndEmail(s.applicant); !phone.empty()) {
    applicant.lines.emplace_back("Số điện thoại", phone);
  }
  applicant.lines.emplace_back("Nội dung yêu cầu giải quyết", RequestedProcedure(view));
  if (s.submitted_at && !s.received_at) applicant.lines.emplace_back("Thời gian nộp", FormMoment(*s.submitted_at));
  if (s.received_at) applicant.lines.emplace_back("Thời gian nhận hồ sơ", FormMoment(*s.received_at));
  form.body.emplace_back(std::move(applicant));
  // At reception the one-stop department refuses; after it, the competent agency does.
  const std::string who = at_reception ? names.ReceivingPointOrDepartment() : names.competent_agency;
  form.body.emplace_back(
      FormParagraph{"Qua xem xét, " + who +
                    " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: " + ReasonOf(*event)});
  form.body.emplace_back(FormParagraph{"Xin thông báo cho Ông/Bà được biết và thực hiện./."});
  form.signatures.push_back({at_reception ? "NGƯỜI TIẾP NHẬN HỒ SƠ" : "NGƯỜI TỪ CHỐI", "(Ký và ghi rõ họ tên)",
                             names.PersonName(event->actor.user)});
  return form;
}

}  // namespace motcua::app
