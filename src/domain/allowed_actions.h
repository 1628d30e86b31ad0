#pragma once
// The actions an account may take on a dossier now: those its role, units and agencies allow
// (dossier_access.h) and the state machine permits in the dossier's status and within the limits
// (CheckActionNow in dossier_state.h). The API sends them with the dossier so that a client shows only the
// actions that can work and keeps no copy of either rule (issue 15, item 11). Pure.
#include <vector>

#include "domain/account.h"
#include "domain/dossier_access.h"
#include "domain/dossier_state.h"

namespace motcua {

// In the order of DossierAction; never kView, kReceive or kSubmit, which do not act on an existing dossier.
std::vector<DossierAction> AllowedActions(const Account& account, const DossierParties& parties,
                                          const DossierState& state, const LifecycleLimits& limits);

}  // namespace motcua
