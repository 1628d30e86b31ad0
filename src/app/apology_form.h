#pragma once
// Form 04 of a dossier's latest extension: the apology slip with the new appointment (Phiếu xin lỗi và hẹn lại ngày
// trả kết quả, Circular 01/2018), which Circular 03/2025 renamed the apology and extension letter (Văn bản xin lỗi
// và đề nghị gia hạn thời gian giải quyết; docs/law/forms.md §5). A letter of the competent agency to the applicant,
// signed and sealed by its head: when the dossier was received, the appointment it was given, why the result is
// late, and the new date. The report still counts the dossier against its first appointment (dossier_standing.h).
// Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier whose appointment was never moved.
Result<PrintedForm> ApologyForm(const DossierView& view, const FormNames& names, Paper paper);

}  // namespace motcua::app
