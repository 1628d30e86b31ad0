#pragma once
// The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 03/2025/TT-VPCP,
// as form 01 of Circular 01/2018/TT-VPCP before it; docs/law/forms.md) of a received dossier, as a PrintedForm:
// who handed in what, for which procedure, the processing time the law gives it, when it was received, when the
// result is due and where, the fees, and a QR code of its public tracking page with the receipt PIN, where the
// applicant follows the dossier and rates the service. Pure: the names come resolved from the register.
#include <string>

#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"

namespace motcua::app {

// FailedPrecondition naming "status" for a dossier not yet received (an online submission still to be accepted).
Result<PrintedForm> ReceiptSlip(const DossierView& view, const FormNames& names, Paper paper);

}  // namespace motcua::app
