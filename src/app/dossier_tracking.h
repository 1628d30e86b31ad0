#pragma once
// Use case: public tracking of one dossier by its code (tra cứu hồ sơ), for anyone holding the receipt. It
// answers only where the dossier stands: the procedure, the status, the dates and whether it is on time. It
// never carries the applicant (name, citizen ID, phone, address), the components, reasons or the names of staff:
// the code alone is no proof of identity, so the result type has no field that could leak them.
// Stateless; the store is the calling thread's own.
#include <optional>
#include <string>

#include "domain/deadline_rules.h"
#include "domain/dossier_standing.h"
#include "store/store.h"

namespace motcua::app {

struct DossierTracking {
  std::string code;
  std::string procedure_code;
  std::string procedure_name;  // empty if the procedure is no longer in the catalogue
  DossierStatus status = DossierStatus::kSubmitted;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;  // the current appointment
  std::optional<Instant> completed_at;
  std::optional<Instant> returned_at;
  Standing standing = Standing::kNotStarted;  // at `now`, as the report judges it (domain/dossier_standing.h)
  bool overdue = false;                       // standing == kOverdue
  std::optional<Timeliness> timeliness;       // once ended
  bool electronic_result = false;             // a stored file is attached as the result (app/electronic_result.h)
};

// NotFound naming "code" when there is no such dossier.
Result<DossierTracking> TrackDossier(store::Store& store, const std::string& code, Instant now,
                                     const DeadlinePolicy& policy);

}  // namespace motcua::app
