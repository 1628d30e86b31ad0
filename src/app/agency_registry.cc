#include "app/agency_registry.h"

namespace motcua::app {

Result<void> RequireAdministrator(const Account& account) {
  if (account.role == Role::kAdministrator && !account.disabled) return {};
  return Fail(Error::PermissionDenied(
      "role",
      "chỉ quản trị hệ thống được thay đổi danh mục (vai trò của bạn: " + std::string(RoleLabelVi(account.role)) + ")",
      "only an administrator may change the register (your role: " + std::string(RoleName(account.role)) + ")"));
}

Result<void> AgencyRegistry::CheckUnitExists(const std::string& unit) {
  bool exists = false;
  if (unit.size() == 2) {
    auto province = store_.FindProvince(unit);
    if (!province) return Fail(province.error());
    exists = province->has_value();
  } else {
    auto commune = store_.FindCommune(unit);
    if (!commune) return Fail(commune.error());
    exists = commune->has_value();
  }
  if (exists) return {};
  return Fail(Error::NotFound("unit", "không có đơn vị hành chính mã '" + unit + "'",
                              "no administrative unit has code '" + unit + "'"));
}

Result<Agency> AgencyRegistry::SaveAgency(const Account& by, const Agency& agency) {
  if (auto allowed = RequireAdministrator(by); !allowed) return Fail(allowed.error());
  if (auto valid = ValidateAgency(agency); !valid) return Fail(valid.error());
  if (auto unit = CheckUnitExists(agency.unit); !unit) return Fail(unit.error());
  if (auto saved = store_.SaveAgency(agency); !saved) return Fail(saved.error());
  return agency;
}

Result<ReceivingPoint> AgencyRegistry::SavePoint(const Account& by, const ReceivingPoint& point) {
  if (auto allowed = RequireAdministrator(by); !allowed) return Fail(allowed.error());
  if (auto valid = ValidateReceivingPoint(point); !valid) return Fail(valid.error());
  if (auto unit = CheckUnitExists(point.unit); !unit) return Fail(unit.error());
  if (auto saved = store_.SaveReceivingPoint(point); !saved) return Fail(saved.error());
  return point;
}

namespace {

Result<void> CheckUnitFilter(const std::optional<std::string>& unit) {
  const bool well_formed =
      !unit || ((unit->size() == 2 || unit->size() == 5) && unit->find_first_not_of("0123456789") == std::string::npos);
  if (well_formed) return {};
  return Fail(Error::InvalidArgument("unit", "mã đơn vị gồm 2 (tỉnh) hoặc 5 (xã) chữ số",
                                     "a unit code is 2 (province) or 5 (commune) digits"));
}

}  // namespace

Result<std::vector<Agency>> AgencyRegistry::Agencies(const std::optional<std::string>& unit) {
  if (auto ok = CheckUnitFilter(unit); !ok) return Fail(ok.error());
  return store_.ListAgencies(unit ? std::optional<std::string_view>(*unit) : std::nullopt);
}

Result<std::vector<ReceivingPoint>> AgencyRegistry::Points(const std::optional<std::string>& unit) {
  if (auto ok = CheckUnitFilter(unit); !ok) return Fail(ok.error());
  return store_.ListReceivingPoints(unit ? std::optional<std::string_view>(*unit) : std::nullopt);
}

}  // namespace motcua::app
