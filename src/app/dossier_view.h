#pragma once
// Use case: one dossier as staff see it — its state, where it stands against its appointment, and its
// history — for `motcua dossier show` and the dossier page.
#include <optional>
#include <string>
#include <vector>

#include "domain/deadline_rules.h"
#include "store/store.h"

namespace motcua::app {

struct DossierView {
  DossierState state;
  std::string procedure_name;  // from the catalogue; empty if the procedure is no longer in it
  std::vector<DossierEvent> history;
  std::optional<Timeliness> completion;  // set once the processing is complete (result, refusal...)
  bool overdue = false;                  // open and past its appointment at `now`
};

// NotFound naming "code" when there is no such dossier.
Result<DossierView> ShowDossier(store::Store& store, const std::string& code, Instant now,
                                const DeadlinePolicy& policy);

}  // namespace motcua::app
