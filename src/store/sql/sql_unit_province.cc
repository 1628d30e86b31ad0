#include "store/sql/sql_unit_province.h"

#include "domain/unit_province.h"

namespace motcua::store {

std::string CatalogueProvince(sql::Connection& db, const std::string& unit) {
  return UnitProvince(unit, [&db](const std::string& commune) {
    // The main schema's catalogue, also while a rebuild works in temporary tables (dialect.h, Stored).
    sql::Statement province(db, "SELECT province_code FROM " + db.dialect().Stored("communes") + " WHERE code = ?");
    province.Bind(1, commune);
    return province.Step() ? province.Text(0) : std::string();
  });
}

}  // namespace motcua::store
