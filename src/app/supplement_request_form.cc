#include "app/supplement_request_form.h"

namespace motcua::app {
namespace {

FormTable MissingTable(const SupplementRequested& request) {
  FormTable table{{"TT", "Nội dung cần bổ sung, hoàn thiện"}, {0.08, 0.92}, {}};
  int number = 0;
  for (const std::string& item : request.missing) table.rows.push_back({std::to_string(++number), item});
  return table;
}

}  // namespace

Result<PrintedForm> SupplementRequestForm(const DossierView& view, const FormNames& names, Paper paper) {
  const DossierState& s = view.state;
  const DossierEvent* event = LatestEventOf<SupplementRequested>(view.history);
  if (event == nullptr) {
    return Fail(Error::FailedPrecondition(
        "form", "hồ sơ " + s.code + " chưa có yêu cầu bổ sung nên không có phiếu yêu cầu bổ sung",
        "dossier " + s.code + " was never asked for a supplement, so it has no supplement request"));
  }
  const auto& request = std::get<SupplementRequested>(event->payload);
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kSupplementRequest, FormSetOn(event->occurred_at)),
                                 "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", names, s.code, event->occurred_at);

  form.body.emplace_back(FormParagraph{names.ReceivingPointOrDepartment() + ":", true});
  FormFacts applicant;
  applicant.lines.emplace_back("Tiếp nhận hồ sơ của Ông/Bà", ApplicantName(s.applicant));
  applicant.lines.emplace_back("Nội dung yêu cầu giải quyết", RequestedProcedure(view));
  if (!s.applicant.address.empty()) applicant.lines.emplace_back("Địa chỉ", s.applicant.address);
  if (const std::string phone = PhoneAndEmail(s.applicant); !phone.empty()) {
    applicant.lines.emplace_back("Số điện thoại", phone);
  }
  form.body.emplace_back(std::move(applicant));
  form.body.emplace_back(FormParagraph{"Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:", true});
  if (!request.missing.empty()) form.body.emplace_back(MissingTable(request));
  form.body.emplace_back(FormFacts{{{"Lý do", request.reason}}});
  form.body.emplace_back(FormParagraph{"Thời gian giải quyết hồ sơ tạm dừng từ " + FormMoment(event->occurred_at) +
                                       " cho đến khi Ông/Bà nộp đủ những nội dung trên."});
  const std::string guide = names.PersonName(event->actor.user);
  form.body.emplace_back(FormParagraph{"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với " +
                                       (guide.empty() ? std::string("công chức") : guide) + ", " +
                                       names.ReceivingPointOrDepartment() + " để được hướng dẫn./."});
  AddTrackingQr(form, names, "Quét mã để theo dõi hồ sơ và nộp bổ sung");
  form.signatures.push_back({"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", guide});
  return form;
}

}  // namespace motcua::app
