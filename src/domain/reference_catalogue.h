#pragma once
// Everything motcua ships as its default catalogue (data/reference/): administrative units with the 2025
// arrangement, the national procedure catalogue and the public-sector days off. Plain values, validated
// by the loader before they reach the store.
#include <vector>

#include "domain/administrative_unit.h"
#include "domain/calendar_entry.h"
#include "domain/procedure.h"

namespace motcua {

struct ReferenceCatalogue {
  std::vector<Province> provinces;
  std::vector<Commune> communes;
  std::vector<LegacyCommune> legacy_communes;
  std::vector<LegacyLink> legacy_links;
  std::vector<Procedure> procedures;  // with their channel details and dossier components
  std::vector<CalendarEntry> calendar;
};

}  // namespace motcua
