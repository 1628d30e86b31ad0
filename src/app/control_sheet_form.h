#pragma once
// The control sheet of a dossier's processing (Phiếu kiểm soát quá trình giải quyết hồ sơ: form 05 of Circular
// 01/2018, form 06 of Circular 03/2025; docs/law/forms.md §6): who handed the dossier to whom and when, from its
// reception to the result's return, and whether each hand-over came before, on or after the appointment the dossier
// had then (ClassifyCompletion, as the reports judge). Drawn from the dossier's history, which the one-stop system
// keeps automatically — so, as the form's note allows, without signature boxes. Pure.
#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/printed_form.h"
#include "domain/deadline_rules.h"

namespace motcua::app {

// FailedPrecondition naming "form" for a dossier not received (it has no processing to control).
Result<PrintedForm> ControlSheetForm(const DossierView& view, const FormNames& names, Paper paper,
                                     const DeadlinePolicy& policy);

}  // namespace motcua::app
