#pragma once
// Use case: the settings the law leaves to the province (docs/law/deadlines.md), kept in the store with who set
// each and when, and the lifecycle settings they make. A setting has a name, the values it may take and a default;
// an unknown name or value is refused naming "name" or "value" with the choices. Read by `motcua serve` when it
// starts, so that every deadline the server computes follows the province's choice.
//
// Settings:
//   working_days   working_hours | civil_code   how N working days are counted (DeadlinePolicy::working_days)
//
// Thread-safety: stateless functions on the caller's store.
#include <string>
#include <string_view>
#include <vector>

#include "app/lifecycle_settings.h"
#include "store/store.h"

namespace motcua::app {

struct ProvinceSettingSpec {
  std::string_view name;
  std::vector<std::string_view> values;  // the first is the default
  std::string_view meaning_vi;
  std::string_view meaning_en;
};

const std::vector<ProvinceSettingSpec>& ProvinceSettingSpecs();

// Each known setting with its value in force (the default when never set) and, when set, by whom and when.
struct ProvinceSettingValue {
  const ProvinceSettingSpec* spec = nullptr;
  std::string value;
  std::optional<store::ProvinceSetting> set;  // nullopt: the default
};
Result<std::vector<ProvinceSettingValue>> ListProvinceSettings(store::Store& store);

// Saves `value` for `name`, by `by` at `at`. InvalidArgument naming "name" or "value".
Result<store::ProvinceSetting> SetProvinceSetting(store::Store& store, std::string_view name, std::string_view value,
                                                  std::string_view by, Instant at);

// The lifecycle settings the province's settings make (defaults for the rest).
Result<LifecycleSettings> LoadLifecycleSettings(store::Store& store);

}  // namespace motcua::app
