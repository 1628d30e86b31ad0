#pragma once
// What every one-stop form shares (docs/law/forms.md §1): the names it prints where a dossier holds codes and
// logins, the heading block filled from them, which circular's set of forms applies, and dates written the forms'
// way. The forms themselves are receipt_slip.h, supplement_request_form.h, refusal_notice_form.h, apology_form.h,
// stop_notice_form.h, control_sheet_form.h and result_cover_form.h. Pure.
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/dossier_view.h"
#include "app/form_kind.h"
#include "app/printed_form.h"
#include "domain/civil_time.h"
#include "domain/deadline_rules.h"
#include "domain/dossier_event.h"

namespace motcua::app {

// The register's names for a dossier's codes (form_names.h looks them up).
struct FormNames {
  std::string issuing_agency;    // the receiving point's agency ("UBND phường Sa Pa"); "" when unknown
  std::string receiving_point;   // the point's name ("Trung tâm Phục vụ hành chính công phường Sa Pa")
  std::string competent_agency;  // the competent agency's name; its code when unknown
  std::string place;             // the place on the date line: the receiving unit's name ("Phường Sa Pa")
  std::string tracking_url;      // the public tracking page of the dossier, with the PIN when there is one
  std::map<std::string, std::string> people;    // login → display name, of the accounts in the dossier's history
  std::map<std::string, std::string> agencies;  // agency code → name: the competent one and those it went to

  // The display name of an account, "" when it has none (a login is not a name to print under a signature).
  std::string PersonName(const std::string& login) const;
  // The name of an agency, its code when unknown.
  std::string AgencyName(const std::string& code) const;
  // The receiving point's name, or the name the law gives the one-stop department.
  std::string ReceivingPointOrDepartment() const;
};

// The set of forms in force on a day: Circular 01/2018/TT-VPCP's until Circular 03/2025/TT-VPCP of 15 September
// 2025 (docs/law/forms.md §0). The two number the control sheet differently, name form 04 differently, and only the
// second has the stop-processing notice.
enum class FormSet { kCircular01of2018, kCircular03of2025 };
FormSet FormSetOn(Instant instant);

// The number `kind` bears in `set` ("Mẫu số 05"; docs/law/forms.md §0.2), "" for a form the set does not have: the
// stop notice before Circular 03/2025, the result cover page (motcua's own) in either.
std::string FormNumber(FormKind kind, FormSet set);

// "08 giờ 05 phút, ngày 12 tháng 01 năm 2026" (Vietnam time), as the forms write a moment.
std::string FormMoment(Instant instant);
// "ngày 12 tháng 01 năm 2026" (Vietnam time).
std::string FormDate(Instant instant);

// "Trước hạn", "Đúng hạn", "Quá hạn": a timeliness as the control sheet's column heading spells its three values.
std::string_view TimelinessVi(Timeliness timeliness);
// "tại Bộ phận một cửa", "qua dịch vụ bưu chính", "trực tuyến": how a result was handed over, after "Trả kết quả".
std::string_view ReturnMethodVi(ReturnMethod method);

// A form the one-stop department issues about dossier `code`, dated `dated`: its heading block (the point's agency
// over the point's name on the left, "Số: <code>", the place and date), its number and title, "Mã hồ sơ: <code>"
// under the title and at the foot of each page. The caller adds the body and the signatures.
PrintedForm CounterForm(Paper paper, std::string form_number, std::string title, const FormNames& names,
                        const std::string& code, Instant dated);

// The QR code of the dossier's public tracking page (with the receipt PIN), `caption` beside it, at the end of the
// form's body so far; nothing when `names` has no tracking address. The renderer sets it beside the facts it
// follows.
void AddTrackingQr(PrintedForm& form, const FormNames& names, std::string caption);

// The signature of the head of the issuing body, who signs and seals a letter of it (form 04, the stop notice); the
// name is left for the head to write.
FormSignature HeadOfAgencySignature();

// The business for an organisation, else the person.
std::string ApplicantName(const Applicant& applicant);
// "Đăng ký khai sinh (1.001193)": the procedure by its catalogue name and code (the code alone when the catalogue
// no longer has it).
std::string RequestedProcedure(const DossierView& view);
// "Số điện thoại" with the e-mail after it, as form 01 to 03 write them; "" when the applicant left neither.
std::string PhoneAndEmail(const Applicant& applicant);

// The limits to replay a stored history with: it was checked when it was written, and the limits of today, which
// may be lower, are not applied again.
inline constexpr LifecycleLimits kHistoryAsWritten{std::numeric_limits<int>::max(), std::numeric_limits<int>::max()};

// The dossier as it stood just before `history[index]` (the appointment an apology slip moves).
Result<DossierState> StateBefore(const std::vector<DossierEvent>& history, std::size_t index);

// The latest event of type T in `history`, nullptr when there is none.
template <typename T, typename History>
const DossierEvent* LatestEventOf(const History& history) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (std::holds_alternative<T>(it->payload)) return &*it;
  }
  return nullptr;
}

}  // namespace motcua::app
