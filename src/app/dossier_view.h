#pragma once
// Use case: one dossier as staff see it — its state, where it stands against its appointment, and its
// history — for `motcua dossier show` and the dossier page.
#include <optional>
#include <string>
#include <vector>

#include "app/form_kind.h"
#include "domain/deadline_rules.h"
#include "domain/dossier_access.h"
#include "domain/dossier_standing.h"
#include "store/store.h"

namespace motcua::app {

struct DossierView {
  DossierState state;
  std::string procedure_name;  // from the catalogue; empty if the procedure is no longer in it
  std::vector<DossierEvent> history;
  Standing standing = Standing::kNotStarted;  // at `now` (domain/dossier_standing.h)
  Urgency urgency = Urgency::kNone;           // for staff; filled by DossierDesk::Show (it needs the calendar)
  std::optional<Timeliness> completion;       // once ended: TimelinessOf(standing)
  bool overdue = false;                       // standing == kOverdue
  // What the viewing account may do now (domain/allowed_actions.h); filled by DossierDesk::Show.
  std::vector<DossierAction> allowed_actions = {};
  // The printed forms the dossier has now (dossier_forms.h); filled by DossierDesk::Show.
  std::vector<FormKind> forms = {};
  // Whether the viewing account may sign the result now: a leader who may approve it, a result file attached
  // (app/result_signing.h); filled by DossierDesk::Show.
  bool may_sign_result = false;
};

// NotFound naming "code" when there is no such dossier.
Result<DossierView> ShowDossier(store::Store& store, const std::string& code, Instant now,
                                const DeadlinePolicy& policy);

}  // namespace motcua::app
