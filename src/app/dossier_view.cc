#include "app/dossier_view.h"

namespace motcua::app {

Result<DossierView> ShowDossier(store::Store& store, const std::string& code, Instant now,
                                const DeadlinePolicy& policy) {
  auto history = store.LoadDossierEvents(code);
  if (!history) return Fail(history.error());
  if (history->empty()) {
    return Fail(Error::NotFound("code", "không có hồ sơ '" + code + "'", "no dossier has code '" + code + "'"));
  }
  auto state = FoldEvents(*history, LifecycleLimits{1 << 20, 1 << 20});
  if (!state) return Fail(state.error());
  DossierView view{std::move(*state), "", std::move(*history), std::nullopt, false};
  auto procedure = store.FindProcedure(view.state.procedure_code);
  if (!procedure) return Fail(procedure.error());
  if (*procedure) view.procedure_name = (*procedure)->name;
  // Only a processed dossier is early/on time/late; one withdrawn or cancelled before a decision is not
  // judged against its appointment here (the report counts it as the report form says).
  const bool decided = view.state.status == DossierStatus::kResultReady ||
                       view.state.status == DossierStatus::kReturned || view.state.status == DossierStatus::kRefused;
  if (decided && view.state.completed_at && view.state.due_at) {
    view.completion = ClassifyCompletion(*view.state.completed_at, *view.state.due_at, policy);
  }
  view.overdue = IsOverdue(view.state, now);
  return view;
}

}  // namespace motcua::app
