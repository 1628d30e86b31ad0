#pragma once
// The result cover page (Phiếu trả kết quả giải quyết hồ sơ) of a dossier whose result is approved: the sheet laid
// over the result when it is handed back (specs-for-missing-capabilities.md §2, "a result cover page"; not a form
// of either circular, so it bears no number; docs/law/forms.md §11). It says whose dossier it is and for what, the
// result and who approved it, when the dossier was received, its appointment (and the new one an apology gave),
// when the result came and whether that was early, on time or late — as the reports judge it (dossier_standing.h),
// never judged here —, how it is or was handed back, and the QR code of the tracking page, as the receipt slip has.
// Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"
#include "domain/deadline_rules.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier without an approved result (in processing, refused, withdrawn…).
Result<PrintedForm> ResultCoverForm(const DossierView& view, const FormNames& names, Paper paper,
                                    const DeadlinePolicy& policy);

}  // namespace motcua::app
