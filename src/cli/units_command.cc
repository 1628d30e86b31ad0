// motcua units: the communes of a province, or where a pre-2025 commune went.
#include <fmt/core.h>

#include <map>

#include "app/unit_lookup.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct UnitsOptions {
  std::string province;
  std::string legacy;
};

int PrintProvince(GlobalOptions& global, store::Store& store, const std::string& code) {
  auto units = app::ListProvinceUnits(store, code);
  if (!units) return global.out.ReportError(units.error());
  fmt::print("{} {} — {} {}\n", units->province.code, units->province.name, units->communes.size(),
             global.out.Say("đơn vị cấp xã", "commune-level units"));
  for (const Commune& c : units->communes) fmt::print("{}  {}\n", c.code, c.name);
  return 0;
}

std::string ProvinceName(store::Store& store, const std::string& code) {
  auto province = store.FindProvince(code);
  return province && *province ? (*province)->name : code;
}

void PrintOldUnit(const GlobalOptions& global, const app::LegacyLookup& lookup) {
  if (lookup.old_unit) {
    const auto& u = *lookup.old_unit;
    fmt::print("{} {} {} ({}, {}) — {}\n", global.out.Say("Đơn vị cũ", "Old unit"), u.commune_code, u.commune_name,
               u.district_name, u.province_name, global.out.Say("trước 1/7/2025", "before 1 July 2025"));
  } else if (!lookup.resolution.candidates.empty()) {
    const auto& l = lookup.resolution.candidates.front();
    fmt::print("{} {} {} ({}, {})\n", global.out.Say("Đơn vị cũ", "Old unit"), lookup.old_code, l.old_commune_name,
               l.old_district_name, l.old_province_name);
  }
}

int PrintLegacy(GlobalOptions& global, store::Store& store, const std::string& code) {
  auto lookup = app::LookUpLegacyCommune(store, code);
  if (!lookup) return global.out.ReportError(lookup.error());
  const auto& resolution = lookup->resolution;
  if (resolution.outcome == LegacyOutcome::kUnknown) {
    return global.out.ReportError(Error::NotFound("legacy",
                                                  "mã xã cũ '" + code + "' không có trong phương án sắp xếp năm 2025",
                                                  "old commune code '" + code + "' is in no 2025 arrangement"));
  }
  PrintOldUnit(global, *lookup);
  if (resolution.outcome == LegacyOutcome::kUnique) {
    fmt::print("→ ");
  } else {
    fmt::print("{} ({}):\n",
               global.out.Say("Cần người quyết định: đơn vị cũ được chia cho nhiều xã mới",
                              "A person must decide: the old unit was split between new communes"),
               resolution.candidates.size());
  }
  for (const LegacyLink& l : resolution.candidates) {
    // The official wording ("Nhập toàn bộ", "Nhập một phần diện tích") says how the unit was merged.
    const std::string_view how =
        !l.note.empty() ? std::string_view(l.note)
                        : (l.merge == MergeKind::kWhole ? global.out.Say("nhập toàn bộ", "merged whole")
                                                        : global.out.Say("nhập một phần", "merged in part"));
    fmt::print("{}{} {}, {} ({}) — {}\n", resolution.outcome == LegacyOutcome::kUnique ? "" : "  • ", l.commune_code,
               l.commune_name, ProvinceName(store, l.province_code), l.province_code, how);
  }
  return 0;
}

}  // namespace

CommandRun SetUpUnits(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<UnitsOptions>();
  AddDbOption(command, global);
  auto* province = command.add_option("--province", options->province, "List the communes of province CODE (2 digits)");
  auto* legacy = command.add_option("--legacy", options->legacy,
                                    "Where the pre-2025 commune OLD_CODE (5 digits) went in the 2025 arrangement");
  province->excludes(legacy);
  return [&global, options]() -> int {
    if (options->province.empty() == options->legacy.empty()) {
      return global.out.ReportError(Error::InvalidArgument("province", "cần đúng một trong --province hoặc --legacy",
                                                           "give exactly one of --province or --legacy"));
    }
    int exit_code = 0;
    auto store = OpenStoreOrReport(global, exit_code);
    if (!store) return exit_code;
    return options->province.empty() ? PrintLegacy(global, *store, options->legacy)
                                     : PrintProvince(global, *store, options->province);
  };
}

}  // namespace motcua::cli
