#include "app/form_heading.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <span>

namespace motcua::app {
namespace {

struct LocalParts {
  int year, month, day, hour, minute;
};

LocalParts PartsOf(Instant instant) {
  const LocalTime local = ToLocal(instant);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day())), static_cast<int>(time.hours().count()),
          static_cast<int>(time.minutes().count())};
}

std::string TwoDigits(int n) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

}  // namespace

std::string FormNames::PersonName(const std::string& login) const {
  const auto found = people.find(login);
  return found == people.end() ? "" : found->second;
}

std::string FormNames::AgencyName(const std::string& code) const {
  const auto found = agencies.find(code);
  return found == agencies.end() ? code : found->second;
}

std::string FormNames::ReceivingPointOrDepartment() const {
  return receiving_point.empty() ? "Bộ phận tiếp nhận và trả kết quả" : receiving_point;
}

FormSet FormSetOn(Instant instant) {
  using namespace std::chrono;
  const LocalTime circular_03_of_2025 = local_days{year{2025} / September / 15};
  return ToLocal(instant) < circular_03_of_2025 ? FormSet::kCircular01of2018 : FormSet::kCircular03of2025;
}

std::string FormNumber(FormKind kind, FormSet set) {
  const bool of_2018 = set == FormSet::kCircular01of2018;
  switch (kind) {
    case FormKind::kReceipt:
      return "Mẫu số 01";
    case FormKind::kSupplementRequest:
      return "Mẫu số 02";
    case FormKind::kRefusal:
      return "Mẫu số 03";
    case FormKind::kApology:
      return "Mẫu số 04";
    case FormKind::kStopNotice:
      return of_2018 ? "" : "Mẫu số 05";
    case FormKind::kControlSheet:
      return of_2018 ? "Mẫu số 05" : "Mẫu số 06";
    case FormKind::kResultCover:
      return "";
  }
  return "";
}

std::string FormDate(Instant instant) {
  const LocalParts p = PartsOf(instant);
  return "ngày " + TwoDigits(p.day) + " tháng " + TwoDigits(p.month) + " năm " + std::to_string(p.year);
}

std::string FormMoment(Instant instant) {
  const LocalParts p = PartsOf(instant);
  return TwoDigits(p.hour) + " giờ " + TwoDigits(p.minute) + " phút, " + FormDate(instant);
}

std::string_view TimelinessVi(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::kEarly:
      return "Trước hạn";
    case Timeliness::kOnTime:
      return "Đúng hạn";
    case Timeliness::kLate:
      return "Quá hạn";
  }
  return "";
}

std::string_view ReturnMethodVi(ReturnMethod method) {
  switch (method) {
    case ReturnMethod::kCounter:
      return "tại Bộ phận một cửa";
    case ReturnMethod::kPost:
      return "qua dịch vụ bưu chính";
    case ReturnMethod::kOnline:
      return "trực tuyến";
  }
  return "";
}

PrintedForm CounterForm(Paper paper, std::string form_number, std::string title, const FormNames& names,
                        const std::string& code, Instant dated) {
  PrintedForm form;
  form.paper = paper;
  form.form_number = std::move(form_number);
  if (!names.issuing_agency.empty()) form.issuer_lines.push_back(names.issuing_agency);
  form.issuer_lines.push_back(names.receiving_point.empty() ? "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"
                                                            : names.receiving_point);
  form.number_line = "Số: " + code;
  form.place_and_date = (names.place.empty() ? "" : names.place + ", ") + FormDate(dated);
  form.title = std::move(title);
  form.subtitle = "Mã hồ sơ: " + code;
  form.footer = "Mã hồ sơ " + code;
  return form;
}

void AddTrackingQr(PrintedForm& form, const FormNames& names, std::string caption) {
  if (!names.tracking_url.empty()) form.body.emplace_back(FormQrCode{names.tracking_url, std::move(caption)});
}

FormSignature HeadOfAgencySignature() { return {"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", ""}; }

std::string ApplicantName(const Applicant& applicant) {
  return applicant.organisation.empty() ? applicant.name : applicant.organisation;
}

std::string RequestedProcedure(const DossierView& view) {
  const DossierState& s = view.state;
  return (view.procedure_name.empty() ? s.procedure_code : view.procedure_name) + " (" + s.procedure_code + ")";
}

std::string PhoneAndEmail(const Applicant& applicant) {
  if (applicant.phone.empty() && applicant.email.empty()) return "";
  return applicant.phone + (applicant.email.empty() ? "" : "   Email: " + applicant.email);
}

Result<DossierState> StateBefore(const std::vector<DossierEvent>& history, std::size_t index) {
  return FoldEvents(std::span(history).first(std::min(index, history.size())), kHistoryAsWritten);
}

}  // namespace motcua::app
