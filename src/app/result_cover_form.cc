#include "app/result_cover_form.h"

#include "domain/dossier_standing.h"

namespace motcua::app {
namespace {

// Who applied and for what, as the receipt slip names them.
FormFacts DossierFacts(const DossierView& view, const FormNames& names) {
  const DossierState& s = view.state;
  FormFacts facts;
  facts.lines.emplace_back("Tổ chức, cá nhân nộp hồ sơ", ApplicantName(s.applicant));
  if (!s.applicant.organisation.empty()) facts.lines.emplace_back("Người đại diện", s.applicant.name);
  if (!s.applicant.address.empty()) facts.lines.emplace_back("Địa chỉ", s.applicant.address);
  facts.lines.emplace_back("Nội dung yêu cầu giải quyết", RequestedProcedure(view));
  facts.lines.emplace_back("Cơ quan giải quyết", names.AgencyName(s.competent_agency));
  return facts;
}

// "10 giờ 00 phút, ngày 15 tháng 01 năm 2026 (Đúng hạn)": when the result came, judged as the reports judge it.
std::string CompletedLine(const DossierState& s, Instant approved_at, const DeadlinePolicy& policy) {
  const std::optional<Timeliness> timeliness = TimelinessOf(StandingOf(s, approved_at, policy));
  return FormMoment(approved_at) + (timeliness ? " (" + std::string(TimelinessVi(*timeliness)) + ")" : "");
}

// The dates: received, the appointment the law holds the agency to, the new one an apology gave the applicant, the
// result, and its handing over (or where the applicant registered to collect it, as the receipt says).
FormFacts DatesFacts(const DossierState& s, const DossierEvent& approval, const FormNames& names,
                     const DeadlinePolicy& policy) {
  FormFacts facts;
  facts.lines.emplace_back("Thời gian nhận hồ sơ", FormMoment(*s.received_at));
  facts.lines.emplace_back("Thời gian hẹn trả kết quả",
                           s.statutory_due_at ? FormMoment(*s.statutory_due_at) : "theo quy định");
  if (s.due_at && s.due_at != s.statutory_due_at) {
    facts.lines.emplace_back("Thời gian hẹn lại trả kết quả", FormMoment(*s.due_at));
  }
  facts.lines.emplace_back("Thời gian có kết quả", CompletedLine(s, approval.occurred_at, policy));
  if (s.returned_at && s.return_method) {
    facts.lines.emplace_back("Trả kết quả",
                             std::string(ReturnMethodVi(*s.return_method)) + ", " + FormMoment(*s.returned_at));
  } else {
    facts.lines.emplace_back("Đăng ký nhận kết quả tại", names.ReceivingPointOrDepartment());
  }
  return facts;
}

}  // namespace

Result<PrintedForm> ResultCoverForm(const DossierView& view, const FormNames& names, Paper paper,
                                    const DeadlinePolicy& policy) {
  const DossierState& s = view.state;
  const DossierEvent* approval = LatestEventOf<ResultApproved>(view.history);
  if (approval == nullptr || !s.received_at) {
    return Fail(Error::FailedPrecondition(
        "form", "hồ sơ " + s.code + " chưa có kết quả được phê duyệt nên chưa có phiếu trả kết quả",
        "dossier " + s.code + " has no approved result, so it has no result cover page"));
  }
  const auto& result = std::get<ResultApproved>(approval->payload);
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kResultCover, FormSetOn(*s.received_at)),
                                 "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ", names, s.code, approval->occurred_at);

  form.body.emplace_back(DossierFacts(view, names));
  AddTrackingQr(form, names, "Quét mã để theo dõi hồ sơ và đánh giá sự phục vụ");
  const std::string signer = result.signer.empty() ? names.PersonName(approval->actor.user) : result.signer;
  FormFacts outcome;
  outcome.lines.emplace_back("Kết quả giải quyết", result.result);
  if (!signer.empty()) outcome.lines.emplace_back("Người ký duyệt", signer);
  form.body.emplace_back(std::move(outcome));
  form.body.emplace_back(DatesFacts(s, *approval, names, policy));

  // Handed over at the counter (or not yet): the one who takes it signs for it; by post or online nobody is there.
  if (!s.return_method || *s.return_method == ReturnMethod::kCounter) {
    form.signatures.push_back({"NGƯỜI NHẬN KẾT QUẢ", "(Ký và ghi rõ họ tên)", ""});
  }
  const DossierEvent* returned = LatestEventOf<ResultReturned>(view.history);
  form.signatures.push_back(
      {"NGƯỜI TRẢ KẾT QUẢ", "(Ký và ghi rõ họ tên)", returned ? names.PersonName(returned->actor.user) : ""});
  return form;
}

}  // namespace motcua::app
