#include "app/dossier_forms.h"

#include "app/apology_form.h"
#include "app/control_sheet_form.h"
#include "app/receipt_slip.h"
#include "app/refusal_notice_form.h"
#include "app/result_cover_form.h"
#include "app/stop_notice_form.h"
#include "app/supplement_request_form.h"

namespace motcua::app {

Result<PrintedForm> DossierForm(FormKind kind, const DossierView& view, const FormNames& names, Paper paper,
                                const LifecycleSettings& settings) {
  switch (kind) {
    case FormKind::kReceipt:
      return ReceiptSlip(view, names, paper);
    case FormKind::kSupplementRequest:
      return SupplementRequestForm(view, names, paper);
    case FormKind::kRefusal:
      return RefusalNoticeForm(view, names, paper);
    case FormKind::kApology:
      return ApologyForm(view, names, paper);
    case FormKind::kStopNotice:
      return StopNoticeForm(view, names, paper);
    case FormKind::kControlSheet:
      return ControlSheetForm(view, names, paper, settings.deadline);
    case FormKind::kResultCover:
      return ResultCoverForm(view, names, paper, settings.deadline);
  }
  return Fail(Error::InvalidArgument("form", "không có biểu mẫu này", "no such form"));
}

std::vector<FormKind> FormsOf(const DossierView& view, const LifecycleSettings& settings) {
  // Whether a form exists is what making it says: one rule, not a second list of conditions.
  std::vector<FormKind> kinds;
  for (FormKind kind : kEveryFormKind) {
    if (DossierForm(kind, view, FormNames{}, Paper::kA4, settings)) kinds.push_back(kind);
  }
  return kinds;
}

}  // namespace motcua::app
