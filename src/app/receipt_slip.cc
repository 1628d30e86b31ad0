#include "app/receipt_slip.h"

#include "domain/civil_time.h"
#include "domain/time_unit.h"

namespace motcua::app {
namespace {

// The documents with their originals and copies, as the provinces' forms table them (docs/law/forms.md §2.3).
FormTable ComponentsTable(const DossierState& state) {
  FormTable table{{"TT", "Thành phần hồ sơ", "Bản chính", "Bản sao"}, {0.08, 0.62, 0.15, 0.15}, {}};
  int number = 0;
  for (const SubmittedComponent& component : state.components) {
    table.rows.push_back({std::to_string(++number), component.name, std::to_string(component.originals),
                          std::to_string(component.copies)});
  }
  return table;
}

}  // namespace

Result<PrintedForm> ReceiptSlip(const DossierView& view, const FormNames& names, Paper paper) {
  const DossierState& s = view.state;
  if (!s.received_at) {
    return Fail(Error::FailedPrecondition(
        "status", "hồ sơ " + s.code + " chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả",
        "dossier " + s.code + " has not been received yet, so it has no receipt slip"));
  }
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kReceipt, FormSetOn(*s.received_at)),
                                 "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", names, s.code, *s.received_at);

  // The body in the order of form 01 (docs/law/forms.md §2.2); the personal identification number is a common
  // province addition (§2.3).
  FormFacts applicant;
  applicant.lines.emplace_back("Bộ phận tiếp nhận và trả kết quả",
                               names.receiving_point.empty() ? s.receiving_point : names.receiving_point);
  applicant.lines.emplace_back("Tiếp nhận hồ sơ của", ApplicantName(s.applicant));
  if (!s.applicant.organisation.empty()) applicant.lines.emplace_back("Người đại diện", s.applicant.name);
  if (!s.applicant.citizen_id.empty()) applicant.lines.emplace_back("Số định danh cá nhân", s.applicant.citizen_id);
  if (!s.applicant.address.empty()) applicant.lines.emplace_back("Địa chỉ", s.applicant.address);
  if (const std::string phone = PhoneAndEmail(s.applicant); !phone.empty()) {
    applicant.lines.emplace_back("Số điện thoại", phone);
  }
  applicant.lines.emplace_back("Nội dung yêu cầu giải quyết", RequestedProcedure(view));
  applicant.lines.emplace_back("Cơ quan giải quyết", names.AgencyName(s.competent_agency));
  form.body.emplace_back(std::move(applicant));
  AddTrackingQr(form, names, "Quét mã để theo dõi hồ sơ và đánh giá sự phục vụ");

  form.body.emplace_back(FormParagraph{"1. Thành phần hồ sơ nộp gồm:", true});
  form.body.emplace_back(ComponentsTable(s));
  FormFacts terms;
  terms.lines.emplace_back("2. Số lượng hồ sơ", "01 (bộ)");
  terms.lines.emplace_back("3. Thời gian giải quyết hồ sơ theo quy định là",
                           DurationVi(s.processing_amount, s.processing_unit));
  terms.lines.emplace_back("4. Thời gian nhận hồ sơ", FormMoment(*s.received_at));
  const std::optional<Instant> due = s.original_due_at ? s.original_due_at : s.due_at;
  terms.lines.emplace_back("5. Thời gian trả kết quả giải quyết hồ sơ", due ? FormMoment(*due) : "theo quy định");
  terms.lines.emplace_back("6. Đăng ký nhận kết quả tại", names.ReceivingPointOrDepartment());
  if (s.fees_assessed.dong() > 0) terms.lines.emplace_back("7. Phí, lệ phí", s.fees_assessed.Format());
  form.body.emplace_back(std::move(terms));
  if (!names.tracking_url.empty()) {
    form.body.emplace_back(FormParagraph{"Tra cứu tình trạng hồ sơ: " + names.tracking_url, false, true});
  }

  // A dossier submitted online has no applicant at the counter to sign (docs/law/forms.md §2.3).
  if (s.channel == Channel::kDirect) {
    form.signatures.push_back({"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", s.applicant.name});
  }
  const DossierEvent* received = LatestEventOf<Received>(view.history);
  form.signatures.push_back(
      {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", received ? names.PersonName(received->actor.user) : ""});
  return form;
}

}  // namespace motcua::app
