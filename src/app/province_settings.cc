#include "app/province_settings.h"

#include <algorithm>

namespace motcua::app {
namespace {

constexpr std::string_view kWorkingDays = "working_days";

std::string Choices(const ProvinceSettingSpec& spec) {
  std::string text;
  for (std::string_view v : spec.values) text += (text.empty() ? "" : ", ") + std::string(v);
  return text;
}

const ProvinceSettingSpec* FindSpec(std::string_view name) {
  for (const ProvinceSettingSpec& spec : ProvinceSettingSpecs()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string KnownNames() {
  std::string text;
  for (const ProvinceSettingSpec& spec : ProvinceSettingSpecs())
    text += (text.empty() ? "" : ", ") + std::string(spec.name);
  return text;
}

}  // namespace

const std::vector<ProvinceSettingSpec>& ProvinceSettingSpecs() {
  static const std::vector<ProvinceSettingSpec> specs = {
      {kWorkingDays,
       {"working_hours", "civil_code"},
       "cách tính N ngày làm việc: working_hours = N × 8 giờ làm việc từ lúc bắt đầu tính (cách của Cổng dịch vụ "
       "công quốc gia); civil_code = N ngày làm việc kể từ ngày sau ngày tiếp nhận, hết hạn cuối ngày thứ N (Bộ "
       "luật Dân sự, điều 147)",
       "how N working days are counted: working_hours = N × 8 working hours from the moment the clock starts (the "
       "national portal's practice); civil_code = N working days from the day after reception, ending at the end "
       "of the Nth (Civil Code, art. 147)"},
  };
  return specs;
}

Result<std::vector<ProvinceSettingValue>> ListProvinceSettings(store::Store& store) {
  auto saved = store.ProvinceSettings();
  if (!saved) return Fail(saved.error());
  std::vector<ProvinceSettingValue> values;
  for (const ProvinceSettingSpec& spec : ProvinceSettingSpecs()) {
    ProvinceSettingValue v{&spec, std::string(spec.values.front()), std::nullopt};
    const auto found = std::ranges::find(*saved, spec.name, &store::ProvinceSetting::name);
    if (found != saved->end()) {
      v.value = found->value;
      v.set = *found;
    }
    values.push_back(std::move(v));
  }
  return values;
}

Result<store::ProvinceSetting> SetProvinceSetting(store::Store& store, std::string_view name, std::string_view value,
                                                  std::string_view by, Instant at) {
  const ProvinceSettingSpec* spec = FindSpec(name);
  if (spec == nullptr) {
    return Fail(Error::InvalidArgument("name", "không có thiết lập '" + std::string(name) + "'; có: " + KnownNames(),
                                       "there is no setting '" + std::string(name) + "'; known: " + KnownNames()));
  }
  if (std::ranges::find(spec->values, value) == spec->values.end()) {
    return Fail(Error::InvalidArgument(
        "value",
        "giá trị '" + std::string(value) + "' không hợp lệ cho " + std::string(name) + "; chọn: " + Choices(*spec),
        "'" + std::string(value) + "' is not a value of " + std::string(name) + "; choose: " + Choices(*spec)));
  }
  store::ProvinceSetting setting{std::string(name), std::string(value), std::string(by), at};
  if (auto saved = store.SaveProvinceSetting(setting); !saved) return Fail(saved.error());
  return setting;
}

Result<LifecycleSettings> LoadLifecycleSettings(store::Store& store) {
  auto values = ListProvinceSettings(store);
  if (!values) return Fail(values.error());
  LifecycleSettings settings;
  for (const ProvinceSettingValue& v : *values) {
    if (v.spec->name == kWorkingDays) {
      // Values are checked when saved; one edited into something else in the file stops the start, loudly,
      // rather than count deadlines another way than the province chose.
      const auto reading = ParseWorkingDayReading(v.value);
      if (!reading) {
        return Fail(Error::FailedPrecondition(std::string(kWorkingDays),
                                              "thiết lập working_days có giá trị lạ '" + v.value + "'",
                                              "the setting working_days has an unknown value '" + v.value + "'"));
      }
      settings.deadline.working_days = *reading;
    }
  }
  return settings;
}

}  // namespace motcua::app
