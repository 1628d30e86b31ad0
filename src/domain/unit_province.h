#pragma once
// The province a unit's figures and dossiers belong to (administrative_unit.h: 34 provinces with 2-digit codes,
// communes with 5-digit codes): a province-level unit is its own province, a commune's province is the one the
// catalogue gives it. One rule for the report counters (store/sql/sql_report_counters.cc, the province each
// row is kept under) and for dossier access (app/dossier_desk.cc, DossierParties), so that a report's province
// and a dossier's province never disagree. The catalogue lookup is the caller's, so this stays pure. Thread-safe.
#include <string>
#include <type_traits>
#include <utility>

namespace motcua {

// The province of `unit`: `unit` itself when it has 2 characters (a province code; not checked against the
// catalogue), "" when it is empty, else commune_province(unit), which says which province the catalogue puts
// that commune in ("" when the catalogue does not know it). `commune_province` may return std::string or
// Result<std::string> (a lookup that can fail); UnitProvince returns the same type.
//   UnitProvince("04", f) == "04"; UnitProvince("", f) == ""; UnitProvince("05152", f) == f("05152").
template <typename CommuneProvince>
auto UnitProvince(const std::string& unit, CommuneProvince&& commune_province)
    -> std::invoke_result_t<CommuneProvince, const std::string&> {
  if (unit.size() == 2 || unit.empty()) return unit;
  return std::forward<CommuneProvince>(commune_province)(unit);
}

}  // namespace motcua
