#include "store/sqlite/sqlite_province_setting_store.h"

#include <SQLiteCpp/Statement.h>

#include "store/sqlite/sqlite_dossier_rows.h"

namespace motcua::store {

void SqliteProvinceSettingStore::Save(const ProvinceSetting& setting) {
  SQLite::Statement insert(db_, "INSERT INTO province_settings (name, value, set_by, set_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, setting.name);
  insert.bind(2, setting.value);
  insert.bind(3, setting.set_by);
  insert.bind(4, UtcText(setting.set_at));
  insert.exec();
}

Result<std::vector<ProvinceSetting>> SqliteProvinceSettingStore::InForce() {
  // The newest row of each name.
  SQLite::Statement query(db_,
                          "SELECT name, value, set_by, set_at FROM province_settings AS s WHERE id = "
                          "(SELECT max(id) FROM province_settings WHERE name = s.name) ORDER BY name");
  std::vector<ProvinceSetting> settings;
  while (query.executeStep()) {
    ProvinceSetting s{
        query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(), {}};
    auto at = ParseIsoInstant(query.getColumn(3).getString(), "set_at");
    if (!at) return Fail(at.error());
    s.set_at = *at;
    settings.push_back(std::move(s));
  }
  return settings;
}

}  // namespace motcua::store
