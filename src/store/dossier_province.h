#pragma once
// The province a dossier's rows are kept under: the first column of the primary keys of dossiers and
// dossier_events (migrations/0018_province_keys.sql), so that a province's dossiers are one range of each key,
// to partition or to move as a unit. It is the province of the dossier's competent unit, else of its receiving
// unit (domain/unit_province.h), taken when the dossier is first stored and kept from then on: a later transfer
// to another competent unit does not move its rows. Reception is boundaryless only within a province
// (app/dossier_lifecycle.cc), so both units give the same province for every dossier taken in by motcua.
// 0018 backfills older databases with the same rule, written in SQL. Pure; the catalogue lookup is the caller's.
#include <string>
#include <utility>

#include "domain/dossier_state.h"
#include "domain/unit_province.h"

namespace motcua::store {

// The unit whose province the dossier is kept under.
inline const std::string& DossierHomeUnit(const DossierState& first) {
  return first.competent_unit.empty() ? first.receiving_unit : first.competent_unit;
}

// The province of `first`, the state after a dossier's first stored events; `commune_province` as UnitProvince's.
//   competent "05152" (in province "15") → "15"; competent "", receiving "04" → "04"; both "" → "".
template <typename CommuneProvince>
auto DossierProvince(const DossierState& first, CommuneProvince&& commune_province) {
  return UnitProvince(DossierHomeUnit(first), std::forward<CommuneProvince>(commune_province));
}

}  // namespace motcua::store
