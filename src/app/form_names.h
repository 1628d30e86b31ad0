#pragma once
// The names a printed form shows where a dossier holds codes: its receiving point and that point's agency, its
// competent agency and those it was transferred to, the place of the date line (the receiving unit), and the
// officials who acted on it, from the register, the catalogue and the accounts. A name the store no longer knows falls
// back to its code, so that a form is never refused for a renamed point. Thread-safety: as the store given.
#include <string>

#include "app/dossier_view.h"
#include "app/form_heading.h"
#include "store/store.h"

namespace motcua::app {

// The names for the forms of `view`; `tracking_url` is the dossier's public tracking address.
Result<FormNames> LookUpFormNames(store::Store& store, const DossierView& view, std::string tracking_url);

// "{public_url}#/tra-cuu/{code}?pin={pin}": the public tracking page of a dossier, as the web's router spells it
// (web/src/router.ts, href), the PIN left out when empty. `public_url` ends with "/".
std::string TrackingUrl(const std::string& public_url, const std::string& code, const std::string& pin);

}  // namespace motcua::app
