#pragma once
// The stop-processing notice (Thông báo dừng giải quyết hồ sơ: form 05 of Circular 03/2025/TT-VPCP; 2018's set had
// none; docs/law/forms.md §8) of a dossier whose processing stopped after its reception: the applicant asked to
// stop (Withdrawn, "đề nghị dừng"), or the one-stop department stopped it (Cancelled). A letter of the department to
// the applicant: which dossier, the stage it had reached, why it stops, that it is closed as "Dừng xử lý", what
// becomes of the documents and of the fees paid, "Nơi nhận", and the head's signature.
//
// PROVISIONAL: no copy of the circular's form was found; the layout is Form 03's, as §8 recommends, until the text is
// checked. Its number is 05 for a dossier received from 15 September 2025; before, it is printed without one. Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier whose processing did not stop: not withdrawn nor cancelled, or
// withdrawn or cancelled before it was received (a submission nobody had started on: nothing to stop).
Result<PrintedForm> StopNoticeForm(const DossierView& view, const FormNames& names, Paper paper);

}  // namespace motcua::app
