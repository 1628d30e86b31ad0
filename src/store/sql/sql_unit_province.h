#pragma once
// A unit's province as the catalogue in the database gives it (domain/unit_province.h): the one lookup behind the
// province each report counter row is kept under and the province each dossier is kept under.
// May throw sql::DbError.
#include <string>

#include "store/sql/connection.h"

namespace motcua::store {

// `unit` itself for a province code, "" for "" and for a commune the catalogue does not know.
std::string CatalogueProvince(sql::Connection& db, const std::string& unit);

}  // namespace motcua::store
