#include "app/unit_lookup.h"

#include <algorithm>

namespace motcua::app {
namespace {

Result<void> CheckDigits(std::string_view code, std::size_t width, std::string_view field) {
  if (code.size() == width && std::ranges::all_of(code, [](char c) { return c >= '0' && c <= '9'; })) return {};
  return Fail(Error::InvalidArgument(
      std::string(field), "mã '" + std::string(code) + "' phải gồm đúng " + std::to_string(width) + " chữ số",
      "code '" + std::string(code) + "' must be exactly " + std::to_string(width) + " digits"));
}

}  // namespace

Result<ProvinceUnits> ListProvinceUnits(store::Store& store, std::string_view province_code) {
  if (auto ok = CheckDigits(province_code, 2, "province"); !ok) return Fail(ok.error());
  auto province = store.FindProvince(province_code);
  if (!province) return Fail(province.error());
  if (!*province) {
    return Fail(Error::NotFound("province", "không có tỉnh mã '" + std::string(province_code) + "'",
                                "no province has code '" + std::string(province_code) + "'"));
  }
  auto communes = store.CommunesOfProvince(province_code);
  if (!communes) return Fail(communes.error());
  return ProvinceUnits{**province, std::move(*communes)};
}

Result<LegacyLookup> LookUpLegacyCommune(store::Store& store, std::string_view old_code) {
  if (auto ok = CheckDigits(old_code, 5, "legacy"); !ok) return Fail(ok.error());
  auto links = store.LegacyLinksOf(old_code);
  if (!links) return Fail(links.error());
  auto old_unit = store.FindLegacyCommune(old_code);
  if (!old_unit) return Fail(old_unit.error());
  return LegacyLookup{std::string(old_code), *old_unit, ResolveLegacyCommune(*links)};
}

}  // namespace motcua::app
