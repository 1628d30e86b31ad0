#pragma once
// The printed forms of a dossier (docs/law/forms.md) by kind (form_kind.h), and which of them a dossier has now:
// those whose event has happened. The one place that decides it, so that the web offers what the server can
// print and never decides it on its own. Pure.
#include <vector>

#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "app/form_kind.h"
#include "app/lifecycle_settings.h"
#include "app/printed_form.h"

namespace motcua::app {

// The form of `kind` for the dossier; FailedPrecondition naming "form" (or "status", for a slip before reception)
// when the dossier does not have that form (yet).
Result<PrintedForm> DossierForm(FormKind kind, const DossierView& view, const FormNames& names, Paper paper,
                                const LifecycleSettings& settings);

// The kinds DossierForm makes for this dossier now.
std::vector<FormKind> FormsOf(const DossierView& view, const LifecycleSettings& settings);

}  // namespace motcua::app
