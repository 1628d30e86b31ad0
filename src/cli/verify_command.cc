// motcua verify: walks every dossier's hash chain and names the first broken link.
#include <fmt/core.h>

#include "cli/command.h"

namespace motcua::cli {

CommandRun SetUpVerify(CLI::App& command, GlobalOptions& global) {
  AddDbOption(command, global);
  return [&global]() -> int {
    int exit_code = 0;
    auto store = OpenStoreOrReport(global, exit_code);
    if (!store) return exit_code;
    auto broken = store->VerifyDossierChains();
    if (!broken) return global.out.ReportError(broken.error());
    if (!*broken) {
      fmt::print("{}\n", global.out.Say("Toàn vẹn: mọi chuỗi sự kiện hồ sơ đều khớp.",
                                        "Intact: every dossier's event chain checks out."));
      return 0;
    }
    const auto& b = **broken;
    fmt::print(stderr, "{} {} — {} {}: {}\n", global.out.Say("HỎNG: hồ sơ", "BROKEN: dossier"), b.dossier_code,
               global.out.Say("sự kiện", "event"), b.seq, b.what);
    return 4;
  };
}

}  // namespace motcua::cli
