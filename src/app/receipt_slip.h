#pragma once
// The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 03/2025/TT-VPCP,
// as form 01 of Circular 01/2018/TT-VPCP before it; docs/law/forms.md) of a received dossier, as a PrintedForm:
// who handed in what, for which procedure, the processing time the law gives it, when it was received, when the
// result is due and where, the fees, and a QR code of its public tracking page with the receipt PIN, where the
// applicant follows the dossier and rates the service. Pure: the names come resolved from the register.
#include <string>

#include "app/dossier_view.h"
#include "app/printed_form.h"

namespace motcua::app {

// What the slip names that the dossier holds only as codes.
struct ReceiptSlipNames {
  std::string issuing_agency;    // the receiving point's agency ("UBND phường Sa Pa"); "" when unknown
  std::string receiving_point;   // the point's name ("Trung tâm Phục vụ hành chính công phường Sa Pa")
  std::string competent_agency;  // the competent agency's name; its code when unknown
  std::string place;             // the place on the date line: the receiving unit's name ("Phường Sa Pa")
  std::string receiver;          // the receptionist's display name ("" when unknown)
  std::string tracking_url;      // the public tracking page of the dossier, with the PIN when there is one
};

// FailedPrecondition naming "status" for a dossier not yet received (an online submission still to be accepted).
Result<PrintedForm> ReceiptSlip(const DossierView& view, const ReceiptSlipNames& names, Paper paper);

// "08 giờ 05 phút, ngày 12 tháng 01 năm 2026" (Vietnam time), as the forms write a moment.
std::string FormMoment(Instant instant);
// "ngày 12 tháng 01 năm 2026" (Vietnam time).
std::string FormDate(Instant instant);

}  // namespace motcua::app
