#pragma once
// Use cases over administrative units: the communes of a province, and where a pre-2025 commune went
// in the 2025 arrangement. Inputs are validated here (codes of the right length and digits only).
#include <optional>
#include <string_view>
#include <vector>

#include "domain/legacy_resolution.h"
#include "store/store.h"

namespace motcua::app {

struct ProvinceUnits {
  Province province;
  std::vector<Commune> communes;
};

// `province_code`: 2 digits ("04"). NotFound if no such province.
Result<ProvinceUnits> ListProvinceUnits(store::Store& store, std::string_view province_code);

struct LegacyLookup {
  std::string old_code;
  std::optional<LegacyCommune> old_unit;  // the pre-2025 unit, when the old list has it
  LegacyResolution resolution;
};

// `old_code`: 5 digits. An unknown code is not an error: resolution.outcome says kUnknown.
Result<LegacyLookup> LookUpLegacyCommune(store::Store& store, std::string_view old_code);

}  // namespace motcua::app
