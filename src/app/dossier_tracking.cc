#include "app/dossier_tracking.h"

#include "app/dossier_view.h"
#include "app/electronic_result.h"

namespace motcua::app {

Result<DossierTracking> TrackDossier(store::Store& store, const std::string& code, Instant now,
                                     const DeadlinePolicy& policy) {
  auto view = ShowDossier(store, code, now, policy);
  if (!view) return Fail(view.error());
  const DossierState& state = view->state;
  return DossierTracking{state.code,         state.procedure_code, std::move(view->procedure_name),
                         state.status,       state.received_at,    state.due_at,
                         state.completed_at, state.returned_at,    view->standing,
                         view->overdue,      view->completion,     IsDocumentFileId(LastResultFile(view->history))};
}

}  // namespace motcua::app
