#pragma once
// Form 02, the supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; docs/law/forms.md §3), of a dossier's
// latest supplement request: what the applicant must add, why, that the processing time waits for it, and whom to
// ask (docs/law/deadlines.md: the request is written once and lists everything missing). Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier that was never asked for a supplement.
Result<PrintedForm> SupplementRequestForm(const DossierView& view, const FormNames& names, Paper paper);

}  // namespace motcua::app
