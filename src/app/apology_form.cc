#include "app/apology_form.h"

namespace motcua::app {

Result<PrintedForm> ApologyForm(const DossierView& view, const FormNames& names, Paper paper) {
  const DossierState& s = view.state;
  const DossierEvent* event = LatestEventOf<Extended>(view.history);
  if (event == nullptr || !s.received_at) {
    return Fail(Error::FailedPrecondition(
        "form", "hồ sơ " + s.code + " chưa được hẹn lại ngày trả kết quả nên không có phiếu xin lỗi",
        "dossier " + s.code + " was never given a new appointment, so it has no apology slip"));
  }
  const auto& extension = std::get<Extended>(event->payload);
  auto before = StateBefore(view.history, static_cast<std::size_t>(event - view.history.data()));
  if (!before) return Fail(before.error());
  const std::string agency = names.competent_agency;

  PrintedForm form;
  form.paper = paper;
  const FormSet set = FormSetOn(event->occurred_at);
  form.form_number = FormNumber(FormKind::kApology, set);
  form.issuer_lines.push_back(agency);
  form.number_line = "Số: " + s.code;
  form.place_and_date = (names.place.empty() ? "" : names.place + ", ") + FormDate(event->occurred_at);
  form.title = set == FormSet::kCircular01of2018 ? "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
                                                 : "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT";
  form.subtitle = "Kính gửi: " + ApplicantName(s.applicant);

  const std::string received_on = "N" + FormDate(*s.received_at).substr(1);  // "Ngày 12 tháng 01…" opens it
  form.body.emplace_back(FormParagraph{received_on + ", " + names.ReceivingPointOrDepartment() +
                                       " tiếp nhận giải quyết hồ sơ của Ông/Bà " + ApplicantName(s.applicant) + "."});
  form.body.emplace_back(FormFacts{{{"Mã hồ sơ", s.code}, {"Nội dung yêu cầu giải quyết", RequestedProcedure(view)}}});
  if (before->due_at) {
    form.body.emplace_back(
        FormParagraph{"Theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, thời gian trả kết quả giải quyết hồ sơ vào " +
                      FormMoment(*before->due_at) + "."});
  }
  form.body.emplace_back(FormParagraph{"Tuy nhiên đến nay, " + agency +
                                       " chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn ghi trong Giấy tiếp "
                                       "nhận hồ sơ và hẹn trả kết quả."});
  form.body.emplace_back(FormFacts{{{"Lý do", extension.reason}}});
  form.body.emplace_back(FormParagraph{"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + agency +
                                           " xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào " +
                                           FormMoment(extension.new_due_at) + ".",
                                       true});
  form.body.emplace_back(FormParagraph{"Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./."});
  AddTrackingQr(form, names, "Quét mã để theo dõi hồ sơ");
  form.signatures.push_back(HeadOfAgencySignature());
  form.footer = "Mã hồ sơ " + s.code;
  return form;
}

}  // namespace motcua::app
