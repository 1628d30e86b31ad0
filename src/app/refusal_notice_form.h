#pragma once
// Form 03, the refusal notice (Phiếu từ chối tiếp nhận giải quyết hồ sơ; docs/law/forms.md §4), of a dossier's
// refusal: at reception (ReceptionRefused: the counter does not accept it) or by the competent agency (Refused: the
// request does not meet the conditions, or the supplement never came), with the reason in the official's words.
// Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier that was not refused.
Result<PrintedForm> RefusalNoticeForm(const DossierView& view, const FormNames& names, Paper paper);

}  // namespace motcua::app
