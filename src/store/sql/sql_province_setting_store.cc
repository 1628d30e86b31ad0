#include "store/sql/sql_province_setting_store.h"

#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {

void SqlProvinceSettingStore::Save(const ProvinceSetting& setting) {
  sql::Statement insert(db_, "INSERT INTO province_settings (name, value, set_by, set_at) VALUES (?, ?, ?, ?)");
  insert.Bind(1, setting.name);
  insert.Bind(2, setting.value);
  insert.Bind(3, setting.set_by);
  insert.Bind(4, UtcText(setting.set_at));
  insert.Execute();
}

Result<std::vector<ProvinceSetting>> SqlProvinceSettingStore::InForce() {
  // The newest row of each name.
  sql::Statement query(db_,
                       "SELECT name, value, set_by, set_at FROM province_settings AS s WHERE id = "
                       "(SELECT max(id) FROM province_settings WHERE name = s.name) ORDER BY name");
  std::vector<ProvinceSetting> settings;
  while (query.Step()) {
    ProvinceSetting s{query.Text(0), query.Text(1), query.Text(2), {}};
    auto at = ParseIsoInstant(query.Text(3), "set_at");
    if (!at) return Fail(at.error());
    s.set_at = *at;
    settings.push_back(std::move(s));
  }
  return settings;
}

}  // namespace motcua::store
