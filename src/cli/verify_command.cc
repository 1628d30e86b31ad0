// motcua verify [--checkpoint POSITION:CHAIN]: SQLite's check of the file, every dossier's hash chain and the fold
// of its events against its row, then the event log (every event in append order, chained); names the first
// thing broken (exit 4) or prints the log's head as a checkpoint to keep off the machine.
#include <fmt/core.h>

#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"

namespace motcua::cli {
namespace {

int ReportBreak(const GlobalOptions& global, const store::ChainBreak& b) {
  if (b.dossier_code.empty()) {  // the file itself, or the end of the event log
    fmt::print(stderr, "{} {}\n", global.out.Say("HỎNG:", "BROKEN:"), b.what);
    return 4;
  }
  fmt::print(stderr, "{} {} — {} {}: {}\n", global.out.Say("HỎNG: hồ sơ", "BROKEN: dossier"), b.dossier_code,
             global.out.Say("sự kiện", "event"), b.seq, b.what);
  return 4;
}

// "POSITION:CHAIN", as verify prints the head.
std::optional<store::LogCheckpoint> ParseCheckpoint(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  store::LogCheckpoint checkpoint;
  const std::string position = text.substr(0, colon);
  if (position.find_first_not_of("0123456789") != std::string::npos || position.size() > 15) return std::nullopt;
  checkpoint.position = std::stoll(position);
  checkpoint.chain = text.substr(colon + 1);
  if (checkpoint.chain.size() != 64 || checkpoint.chain.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  return checkpoint;
}

int RunVerify(const GlobalOptions& global, const std::string& checkpoint_text) {
  std::optional<store::LogCheckpoint> expected;
  if (!checkpoint_text.empty()) {
    expected = ParseCheckpoint(checkpoint_text);
    if (!expected) {
      return global.out.ReportError(Error::InvalidArgument(
          "checkpoint", "điểm kiểm tra phải có dạng VỊ_TRÍ:CHUỖI (64 chữ số hex), như verify đã in",
          "the checkpoint is POSITION:CHAIN (64 hex digits), as verify prints it"));
    }
  }
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto broken = store->VerifyDossierChains();
  if (!broken) return global.out.ReportError(broken.error());
  if (*broken) return ReportBreak(global, **broken);
  auto log = store->VerifyEventLog(expected);
  if (!log) return global.out.ReportError(log.error());
  if (*log) return ReportBreak(global, **log);
  auto head = store->EventLogHead();
  if (!head) return global.out.ReportError(head.error());
  fmt::print("{}\n", global.out.Say("Toàn vẹn: mọi chuỗi sự kiện hồ sơ đều khớp.",
                                    "Intact: every dossier's event chain checks out."));
  fmt::print("{} {}:{}\n",
             global.out.Say("Điểm kiểm tra của sổ sự kiện (ghi lại ở nơi khác, kiểm tra sau bằng --checkpoint):",
                            "Event log checkpoint (keep it elsewhere; check later with --checkpoint):"),
             head->position, head->chain);
  return 0;
}

}  // namespace

CommandRun SetUpVerify(CLI::App& command, GlobalOptions& global) {
  AddDbOption(command, global);
  auto checkpoint = std::make_shared<std::string>();
  command.add_option("--checkpoint", *checkpoint,
                     "A checkpoint printed by an earlier verify (POSITION:CHAIN): fails if the log no longer has it");
  return [&global, checkpoint]() -> int { return RunVerify(global, *checkpoint); };
}

}  // namespace motcua::cli
