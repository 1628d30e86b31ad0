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
  DossierView view;
  view.state = std::move(*state);
  view.history = std::move(*history);
  auto procedure = store.FindProcedure(view.state.procedure_code);
  if (!procedure) return Fail(procedure.error());
  if (*procedure) view.procedure_name = (*procedure)->name;
  view.standing = StandingOf(view.state, now, policy);
  view.completion = TimelinessOf(view.standing);
  view.overdue = view.standing == Standing::kOverdue;
  return view;
}

}  // namespace motcua::app
