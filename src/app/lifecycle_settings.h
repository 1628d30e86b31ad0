#pragma once
// The settings of the dossier lifecycle that the law leaves to the province (docs/law/deadlines.md):
// how deadlines are counted, the limits on supplements and extensions, and the dossier code pattern.
#include "domain/deadline_rules.h"
#include "domain/dossier_code.h"
#include "domain/dossier_state.h"

namespace motcua::app {

struct LifecycleSettings {
  DeadlinePolicy deadline;
  LifecycleLimits limits;
  DossierCodeFormat code_format = DossierCodeFormat::Parse(DossierCodeFormat::kNational).value();
};

}  // namespace motcua::app
